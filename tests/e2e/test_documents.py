"""Text synchronisation, versions, debounce and position encodings, observed through the
diagnostics of the example plugin (it flags every ×× placeholder)."""
import random
import re

from lsp_client import EXAMPLE_PLUGINS, ServerTest, run

URI = "file:///tmp/reportls-e2e/draft.txt"


def placeholder_ranges(diagnostics):
    return [(d["range"]["start"]["line"], d["range"]["start"]["character"],
             d["range"]["end"]["line"], d["range"]["end"]["character"])
            for d in diagnostics if d["code"] == "placeholder.unfilled"]


class PushDiagnostics(ServerTest):
    ARGS = ("--plugin-dir", EXAMPLE_PLUGINS)

    def test_utf16_columns_after_characters_outside_the_bmp(self):
        # 𠮷 is 2 UTF-16 code units; 😀 too; 法 is 1.
        self.client.open(URI, "𠮷法😀××\n第二行××")
        params = self.client.published(URI, 1)
        self.assertEqual(placeholder_ranges(params["diagnostics"]), [(0, 5, 0, 7), (1, 3, 1, 5)])
        d = next(d for d in params["diagnostics"] if d["code"] == "placeholder.unfilled")
        self.assertEqual(d["severity"], 2)
        self.assertEqual(d["source"], "reportls")
        self.assertIn("××", d["message"])

    def test_incremental_edits_with_non_bmp_text(self):
        self.client.open(URI, "𠮷𠮷\n")
        self.assertEqual(placeholder_ranges(self.client.published(URI, 1)["diagnostics"]), [])
        # Insert ×× between the two 𠮷 (UTF-16 character 2), then delete the first 𠮷.
        self.client.change(URI, 2, [{"range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 2}}, "text": "××"}])
        self.assertEqual(placeholder_ranges(self.client.published(URI, 2)["diagnostics"]), [(0, 2, 0, 4)])
        self.client.change(URI, 3, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 2}}, "text": ""}])
        self.assertEqual(placeholder_ranges(self.client.published(URI, 3)["diagnostics"]), [(0, 0, 0, 2)])
        # A full replacement (no range).
        self.client.change(URI, 4, [{"text": "全文替换××"}])
        self.assertEqual(placeholder_ranges(self.client.published(URI, 4)["diagnostics"]), [(0, 4, 0, 6)])

    def test_close_clears_diagnostics(self):
        self.client.open(URI, "××")
        self.assertEqual(len(placeholder_ranges(self.client.published(URI, 1)["diagnostics"])), 1)
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
        self.assertEqual(self.client.published(URI)["diagnostics"], [])

    def test_edits_to_an_unopened_document_are_ignored(self):
        self.client.change("file:///never-opened.txt", 2, [{"text": "××"}])
        self.client.open(URI, "××")
        self.assertEqual(len(placeholder_ranges(self.client.published(URI, 1)["diagnostics"])), 1)


class DiagnosticLimit(ServerTest):
    """maxDiagnostics: past it the editor gets the first ones and one more that counts the rest."""
    ARGS = ("--plugin-dir", EXAMPLE_PLUGINS)
    OPTIONS = {"debounce": 0, "maxDiagnostics": 3}

    def test_past_the_limit_the_first_are_listed_and_the_rest_counted(self):
        self.client.open(URI, "××县\n××镇××村\n××组××户")
        items = self.client.published(URI, 1)["diagnostics"]
        self.assertEqual(placeholder_ranges(items), [(0, 0, 0, 2), (1, 0, 1, 2), (1, 3, 1, 5)])
        self.assertEqual(len(items), 4)
        notice = items[-1]
        self.assertEqual(notice["code"], "reportls.limit")
        self.assertEqual(notice["severity"], 3)
        self.assertEqual(notice["range"]["start"], {"line": 0, "character": 0})
        self.assertIn("另有 2 处问题未列出", notice["message"])
        self.assertIn("maxDiagnostics", notice["message"])
        # 0: all of them, and nothing to count.
        self.client.notify("workspace/didChangeConfiguration",
                           {"settings": {"reportls": {"debounce": 0, "maxDiagnostics": 0}}})
        items = self.client.published(URI, 1)["diagnostics"]
        self.assertEqual(len(placeholder_ranges(items)), 5)
        self.assertNotIn("reportls.limit", [d["code"] for d in items])


class PulledDiagnosticLimit(ServerTest):
    ARGS = DiagnosticLimit.ARGS
    OPTIONS = DiagnosticLimit.OPTIONS
    CAPABILITIES = {"textDocument": {"diagnostic": {}}}

    def test_pulled_diagnostics_keep_the_limit_too(self):
        self.client.open(URI, "××县××镇××村××组")
        items = self.client.result("textDocument/diagnostic", {"textDocument": {"uri": URI}})["items"]
        self.assertEqual(len(placeholder_ranges(items)), 3)
        self.assertIn("另有 1 处问题未列出", items[-1]["message"])


class Debounced(ServerTest):
    ARGS = ("--plugin-dir", EXAMPLE_PLUGINS)
    OPTIONS = {"debounce": 200}

    def test_a_burst_of_edits_publishes_only_the_latest_version(self):
        text = "一、工作情况\n"
        self.client.open(URI, text, version=1)
        rng = random.Random(7)
        version = 1
        for _ in range(30):
            version += 1
            # Type ×× or a Chinese character at the end of the first line.
            insert = rng.choice(["×", "法", "治"])
            line_len = len(text.split("\n")[0])
            self.client.change(URI, version, [{"range": {"start": {"line": 0, "character": line_len}, "end": {"line": 0, "character": line_len}}, "text": insert}])
            first, rest = text.split("\n", 1)
            text = first + insert + "\n" + rest
        final = self.client.published(URI, version)
        # Nothing was published for an older version.
        stale = [n for n in self.client.seen if n.get("method") == "textDocument/publishDiagnostics" and n["params"]["version"] != version]
        self.assertEqual(stale, [])
        # The diagnostics are those of the final text: one per run of two or more ×.
        self.assertEqual(len(placeholder_ranges(final["diagnostics"])), len(re.findall("×{2,}", text)))


class Utf8Client(ServerTest):
    ARGS = ("--plugin-dir", EXAMPLE_PLUGINS)
    CAPABILITIES = {"general": {"positionEncodings": ["utf-8"]}}

    def test_utf8_columns_are_bytes(self):
        self.client.open(URI, "𠮷法××")
        params = self.client.published(URI, 1)
        # 𠮷 = 4 bytes, 法 = 3 bytes, × = 2 bytes.
        self.assertEqual(placeholder_ranges(params["diagnostics"]), [(0, 7, 0, 11)])
        # An edit in UTF-8 coordinates: delete 法.
        self.client.change(URI, 2, [{"range": {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 7}}, "text": ""}])
        self.assertEqual(placeholder_ranges(self.client.published(URI, 2)["diagnostics"]), [(0, 4, 0, 8)])


class PullDiagnostics(ServerTest):
    ARGS = ("--plugin-dir", EXAMPLE_PLUGINS)
    CAPABILITIES = {"textDocument": {"diagnostic": {}}}

    def test_pull_diagnostics_serve_the_same_analysis(self):
        self.assertIn("diagnosticProvider", self.init_result["capabilities"])
        self.client.open(URI, "××县")
        report = self.client.result("textDocument/diagnostic", {"textDocument": {"uri": URI}})
        self.assertEqual(report["kind"], "full")
        self.assertEqual(placeholder_ranges(report["items"]), [(0, 0, 0, 2)])
        again = self.client.result("textDocument/diagnostic", {"textDocument": {"uri": URI}, "previousResultId": report["resultId"]})
        self.assertEqual(again["kind"], "unchanged")
        self.client.change(URI, 2, [{"text": "无占位符"}])
        report = self.client.result("textDocument/diagnostic", {"textDocument": {"uri": URI}})
        self.assertEqual(placeholder_ranges(report["items"]), [])
        # In pull mode nothing is pushed.
        self.assertFalse([n for n in self.client.seen if n.get("method") == "textDocument/publishDiagnostics"])

    def test_a_settings_change_is_never_unchanged(self):
        self.client.open(URI, "××县")
        first = self.client.result("textDocument/diagnostic", {"textDocument": {"uri": URI}})
        self.assertEqual([d["severity"] for d in first["items"] if d["code"] == "placeholder.unfilled"], [2])
        # Same text, new severity: the client's result is stale and must be replaced.
        self.client.notify("workspace/didChangeConfiguration",
                           {"settings": {"reportls": {"debounce": 0, "rules": {"placeholder": "error"}}}})
        again = self.client.result("textDocument/diagnostic", {"textDocument": {"uri": URI}, "previousResultId": first["resultId"]})
        self.assertEqual(again["kind"], "full")
        self.assertNotEqual(again["resultId"], first["resultId"])
        self.assertEqual([d["severity"] for d in again["items"] if d["code"] == "placeholder.unfilled"], [1])


if __name__ == "__main__":
    run()
