"""Silencing a rule, and settings that are checked.  Every diagnostic offers a quick fix that turns
its rule off for the workspace (a .reportls.json written — created when missing, its other content
kept) and, in Markdown, one that silences it on its line with an HTML comment directive; mistakes
in settings (initializationOptions, didChangeConfiguration, .reportls.json) are shown with their
key path, and for a file its line and column."""
import json
import os
import shutil
import tempfile

from lsp_client import ServerTest, apply_edits, run

REPORT = ("关于2023年度法治政府建设情况的报告\n"
          "一、主要举措和成效\n"
          "举办培训班28培训2300人次。\n"
          "二是开展培训班12培训。\n")


def code_actions(client, uri, diagnostic):
    return client.result("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic]}})


def codes(published):
    return [d["code"] for d in published["diagnostics"]]


class Workspace(ServerTest):
    INIT = False

    def setUp(self):
        super().setUp()
        self.root = tempfile.mkdtemp(prefix="reportls-e2e-silence-")
        self.addCleanup(shutil.rmtree, self.root, True)
        os.makedirs(os.path.join(self.root, "reports"))
        self.path = os.path.join(self.root, "reports", "draft.txt")
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(REPORT)
        self.uri = "file://" + self.path

    def start(self, options=None):
        self.client.result("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + self.root,
            "workspaceFolders": [{"uri": "file://" + self.root, "name": "ws"}],
            "capabilities": {"window": {"showMessage": {}}},
            "initializationOptions": options or {"debounce": 0}})
        self.client.notify("initialized", {})

    def disable_unit_rule(self):
        self.client.open(self.uri, REPORT)
        published = self.client.published(self.uri, 1)
        unit = next(d for d in published["diagnostics"] if d["code"] == "figures.unit")
        actions = code_actions(self.client, self.uri, unit)
        off = [a for a in actions if a.get("command", {}).get("command") == "reportls.disableRule"]
        self.assertEqual(len(off), 1, [a["title"] for a in actions])
        self.assertIn("figures.unit", off[0]["title"])
        self.assertFalse(off[0].get("isPreferred"))
        self.assertNotIn("edit", off[0])
        command = off[0]["command"]
        self.assertIsNone(self.client.result("workspace/executeCommand",
                                             {"command": command["command"], "arguments": command["arguments"]}))
        return self.client.published(self.uri, 1)

    def test_turning_a_rule_off_creates_the_workspace_file(self):
        self.start()
        after = self.disable_unit_rule()
        self.assertNotIn("figures.unit", codes(after))
        with open(os.path.join(self.root, ".reportls.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f), {"rules": {"figures.unit": "off"}})
        message = self.client.wait_notification("window/showMessage", lambda p: "figures.unit" in p["message"])
        self.assertIn(".reportls.json", message["message"])

    def test_turning_a_rule_off_keeps_the_files_other_content(self):
        with open(os.path.join(self.root, "reports", ".reportls.json"), "w", encoding="utf-8") as f:
            json.dump({"reportYear": 2023, "rules": {"dates": "hint"}}, f)
        self.start()
        self.disable_unit_rule()
        with open(os.path.join(self.root, "reports", ".reportls.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f), {"reportYear": 2023, "rules": {"dates": "hint", "figures.unit": "off"}})
        self.assertFalse(os.path.exists(os.path.join(self.root, ".reportls.json")))

    def test_a_mistake_in_the_workspace_file_names_its_line_and_column(self):
        settings = os.path.join(self.root, ".reportls.json")
        with open(settings, "w", encoding="utf-8") as f:
            f.write('{\n  "rules": {"figures.unit": "of"},\n  "reportyear": 2023\n}\n')
        self.start()
        self.client.open(self.uri, REPORT)
        first = self.client.wait_notification("window/showMessage", lambda p: "reportyear" in p["message"])
        self.assertIn(settings + ":3:3: reportyear: 未知的设置项", first["message"])
        second = self.client.wait_notification("window/showMessage", lambda p: "figures.unit" in p["message"])
        self.assertIn(settings + ':2:13: rules["figures.unit"]: 取值应为 off、error、warning、information、hint 之一',
                      second["message"])

    def test_mistakes_in_the_editors_settings_name_their_key(self):
        self.start({"debounce": "fast", "rules": {"figures.summ": "off", "figures": "hint"}, "profil": "x"})
        for expected in ("initializationOptions: debounce: 应为整数",
                         'initializationOptions: rules["figures.summ"]: 未知的规则',
                         "initializationOptions: profil: 未知的设置项"):
            self.client.wait_notification("window/showMessage", lambda p, e=expected: e in p["message"])
        self.client.notify("workspace/didChangeConfiguration",
                           {"settings": {"reportls": {"dataDirs": "/x", "allChineseText": 1}}})
        for expected in ("dataDirs: 应为数组", "allChineseText: 应为布尔值（true 或 false）"):
            self.client.wait_notification("window/showMessage", lambda p, e=expected: e in p["message"])


class MarkdownDirective(ServerTest):
    def test_silencing_a_rule_on_its_line(self):
        uri = "file:///tmp/reportls-e2e-silence/draft.md"
        text = "# 关于2023年度法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n  举办培训班28培训2300人次。\n\n开展培训班12培训。\n"
        self.client.open(uri, text, language="markdown")
        published = self.client.published(uri, 1)
        units = [d for d in published["diagnostics"] if d["code"] == "figures.unit"]
        self.assertEqual(len(units), 2, published)
        action = next(a for a in code_actions(self.client, uri, units[0])
                      if a.get("edit") and "HTML" in a["title"])
        self.assertIn("figures.unit", action["title"])
        fixed = apply_edits(text, action["edit"]["changes"][uri])
        self.assertIn("\n  <!-- reportls-disable-next-line figures.unit -->\n  举办培训班28培训", fixed)
        self.client.change(uri, 2, [{"text": fixed}])
        after = [d for d in self.client.published(uri, 2)["diagnostics"] if d["code"] == "figures.unit"]
        self.assertEqual([d["range"]["start"]["line"] for d in after], [7])  # the other line's stays

    def test_a_directive_typed_in_pieces_silences_its_line(self):
        # The server looks for directives around each keystroke's change (not in the whole text):
        # a marker that the second keystroke completes is found.
        uri = "file:///tmp/reportls-e2e-silence/typed.md"
        text = "# 关于2023年度法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n  举办培训班28培训2300人次。\n\n开展培训班12培训。\n"
        self.client.open(uri, text, language="markdown")
        units = [d for d in self.client.published(uri, 1)["diagnostics"] if d["code"] == "figures.unit"]
        self.assertEqual([d["range"]["start"]["line"] for d in units], [4, 6])
        at = lambda line, ch: {"line": line, "character": ch}
        # Its end first (a Markdown comment left open would hide what follows), then its start.
        self.client.change(uri, 2, [{"range": {"start": at(6, 0), "end": at(6, 0)},
                                     "text": "ble-next-line figures.unit -->\n"}])
        units = [d for d in self.client.published(uri, 2)["diagnostics"] if d["code"] == "figures.unit"]
        self.assertEqual([d["range"]["start"]["line"] for d in units], [4, 7])
        self.client.change(uri, 3, [{"range": {"start": at(6, 0), "end": at(6, 0)}, "text": "<!-- reportls-disa"}])
        units = [d for d in self.client.published(uri, 3)["diagnostics"] if d["code"] == "figures.unit"]
        self.assertEqual([d["range"]["start"]["line"] for d in units], [4])

    def test_no_directive_for_plain_text(self):
        uri = "file:///tmp/reportls-e2e-silence/draft.txt"
        self.client.open(uri, REPORT)
        unit = next(d for d in self.client.published(uri, 1)["diagnostics"] if d["code"] == "figures.unit")
        self.assertFalse([a for a in code_actions(self.client, uri, unit) if "HTML" in a["title"]])


if __name__ == "__main__":
    run()
