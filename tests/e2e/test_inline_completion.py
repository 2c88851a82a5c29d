"""Inline (ghost-text) completion, textDocument/inlineCompletion (LSP 3.18), as an editor that shows
ghost text receives it: announced only to a client that declares it; after a clause boundary in a
report the next clause most real reports write there, and the phrase a long typed context
certainly continues, each the completion item's own text and range (UTF-16, after characters
outside the BMP); nothing when the evidence is split; a clear error for a position past the last
line or a document not open, and -32800 for a cancelled request, the server carrying on."""
import copy
import os

from lsp_client import CORPUS, EDITOR_CAPABILITIES, TEST_PLUGINS, ServerTest, corpus, file_uri, run

URI = "file:///tmp/reportls-e2e-inline/draft.txt"
GHOST_CAPABILITIES = copy.deepcopy(EDITOR_CAPABILITIES)
GHOST_CAPABILITIES["textDocument"]["inlineCompletion"] = {"dynamicRegistration": False}


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def at_end(line, text):
    return {"line": line, "character": utf16_len(text)}


def ghost(item, document_line):
    """What the editor shows: the item's text beyond what its range covers of the line."""
    r = item["range"]
    units = document_line.encode("utf-16-le")
    covered = units[2 * r["start"]["character"]:2 * r["end"]["character"]].decode("utf-16-le")
    assert item["insertText"].startswith(covered), (item, covered)
    return item["insertText"][len(covered):]


class InlineCompletion(ServerTest):
    CAPABILITIES = GHOST_CAPABILITIES

    def inline(self, uri, position):
        return self.client.request("textDocument/inlineCompletion", {
            "textDocument": {"uri": uri}, "position": position, "context": {"triggerKind": 2}})

    def report_with(self, line_text):
        """The xiushan corpus report with line_text as a new preface line before its first heading;
        returns (uri, the line's number)."""
        name = "xiushan-county-2023.txt"
        lines = corpus(name).split("\n")
        k = next(i for i, l in enumerate(lines) if l.strip().startswith("一、"))
        lines.insert(k, line_text)
        uri = file_uri(os.path.join(CORPUS, name))
        self.client.open(uri, "\n".join(lines))
        return uri, k

    def test_capability_announced_to_a_client_that_declares_it(self):
        self.assertEqual(self.init_result["capabilities"]["inlineCompletionProvider"], {})

    def test_the_next_clause_after_a_clause_boundary_in_a_report(self):
        line = "𠮷年以来，全县上下，坚持党的全面领导，"
        uri, k = self.report_with(line)
        msg = self.inline(uri, at_end(k, line))
        items = msg["result"]["items"]
        self.assertTrue(items, msg)
        first = items[0]
        self.assertEqual(ghost(first, line), "坚持以人民为中心")
        # Nothing typed after the mark: an insertion at the cursor, counted in UTF-16 (𠮷 is two).
        self.assertEqual(first["range"], {"start": at_end(k, line), "end": at_end(k, line)})
        self.assertEqual(at_end(k, line)["character"], len(line) + 1)
        # The same item is in the completion list, preselected.
        listed = self.client.result("textDocument/completion", {"textDocument": {"uri": uri}, "position": at_end(k, line)})
        top = [i for i in listed["items"] if i.get("preselect")]
        self.assertEqual([i["textEdit"]["newText"] for i in top], ["坚持以人民为中心"])
        # With that item selected in the open list the ghost text extends it; with another, none.
        # The range comes as the spec says, or as [start, end] (vscode-languageclient 9.0.1).
        here = at_end(k, line)
        for selected, wanted in ((("坚持以人民为中心", {"start": here, "end": here}), ["坚持以人民为中心"]),
                                 (("坚持以人民为中心", [here, here]), ["坚持以人民为中心"]),
                                 (("坚持问题导向", {"start": here, "end": here}), [])):
            with self.subTest(selected=selected):
                msg = self.client.request("textDocument/inlineCompletion", {
                    "textDocument": {"uri": uri}, "position": here,
                    "context": {"triggerKind": 2, "selectedCompletionInfo": {"text": selected[0], "range": selected[1]}}})
                self.assertEqual([i["insertText"] for i in msg["result"]["items"]], wanted, msg)

    def test_typed_chinese_continued_to_the_end_of_the_phrase(self):
        line = "𠮷我们推进严格规范公正文明"
        uri, k = self.report_with(line)
        items = self.inline(uri, at_end(k, line))["result"]["items"]
        self.assertEqual(len(items), 1, items)
        self.assertEqual(ghost(items[0], line), "执法")
        # The item replaces the typed context (what the completion item replaces): on the line,
        # ending at the cursor.
        self.assertEqual(items[0]["range"]["end"], at_end(k, line))
        self.assertEqual(items[0]["range"]["start"]["line"], k)
        self.assertLess(items[0]["range"]["start"]["character"], at_end(k, line)["character"])

    def test_nothing_when_reports_go_on_differently(self):
        # Real reports continue this clause with two different clauses, equally often: the list
        # offers both, the ghost text neither.
        line = "坚持以习近平新时代中国特色社会主义思想为指导，"
        uri, k = self.report_with(line)
        self.assertEqual(self.inline(uri, at_end(k, line))["result"], {"items": []})
        listed = self.client.result("textDocument/completion", {"textDocument": {"uri": uri}, "position": at_end(k, line)})
        self.assertGreaterEqual(len(listed["items"]), 2)
        # In the middle of a clause, two characters typed: nothing either.
        line = "我县依法"
        uri, k = self.report_with(line)
        self.assertEqual(self.inline(uri, at_end(k, line))["result"], {"items": []})

    def test_completion_and_ghost_text_asked_at_every_key_are_both_answered_for_the_last(self):
        """VS Code asks for both at every key typed, without waiting.  The analysis process answers
        one request at a time, so the later keys' requests wait while it works on the first's: a
        newer key's make the older ones moot (answered -32801), but the two of the last key are
        for the same text and must both be answered, the completion with its items."""
        line = "现将有关情况报告如下："
        uri, k = self.report_with(line)
        typed, asked = "", []
        for version, key in enumerate("xjp", start=2):
            self.client.change(uri, version, [{"range": {"start": at_end(k, line + typed), "end": at_end(k, line + typed)},
                                               "text": key}])
            typed += key
            where = {"textDocument": {"uri": uri}, "position": at_end(k, line + typed)}
            asked.append(self.client.send_request("textDocument/completion", where))
            asked.append(self.client.send_request("textDocument/inlineCompletion", dict(where, context={"triggerKind": 2})))
        answers = {}
        while len(answers) < len(asked):
            msg = self.client.next_response()
            answers[msg["id"]] = msg
        for rid in asked[:-2]:
            self.assertTrue("result" in answers[rid] or answers[rid]["error"]["code"] == -32801, answers[rid])
        completion, ghost = answers[asked[-2]], answers[asked[-1]]
        self.assertIn("result", completion, "the last key's completion was not answered")
        self.assertIn("深入学习贯彻习近平法治思想", [item["label"] for item in completion["result"]["items"]], completion)
        self.assertIn("items", ghost["result"], ghost)

    def test_a_position_past_the_last_line_is_an_error_and_the_server_goes_on(self):
        self.client.open(URI, "坚持党的全面领导，")
        msg = self.inline(URI, {"line": 5, "character": 0})
        self.assertEqual(msg["error"]["code"], -32602)
        self.assertIn("params.position.line", msg["error"]["message"])
        self.assertIn("超出文档范围", msg["error"]["message"])
        msg = self.inline("file:///tmp/not-open.txt", {"line": 0, "character": 0})
        self.assertEqual(msg["error"]["code"], -32602)
        # Past the end of a line is clamped to it (as the spec says): the ghost text is there.
        msg = self.inline(URI, {"line": 0, "character": 500})
        self.assertEqual([i["insertText"] for i in msg["result"]["items"]], ["坚持以人民为中心"])
        self.assertEqual(self.client.shutdown_and_exit(), 0)


class WithoutTheCapability(ServerTest):
    def test_not_announced_to_a_client_that_does_not_declare_it(self):
        self.assertNotIn("inlineCompletionProvider", self.init_result["capabilities"])


class Cancellation(ServerTest):
    # The test plugin `hanging` spins in complete() on a text with SPIN, never polling: the
    # request can only end by the client's $/cancelRequest (the time budget is far away).
    ARGS = ("--plugin-dir", TEST_PLUGINS)
    CAPABILITIES = GHOST_CAPABILITIES
    OPTIONS = {"debounce": 0, "analysisTimeout": 600000}

    def test_a_cancelled_request_answers_32800(self):
        self.client.open(URI, "SPIN 坚持党的全面领导，")
        rid = self.client.send_request("textDocument/inlineCompletion", {
            "textDocument": {"uri": URI}, "position": {"line": 0, "character": 14}, "context": {"triggerKind": 1}})
        self.client.notify("$/cancelRequest", {"id": rid})
        self.assertEqual(self.client.response(rid)["error"]["code"], -32800)
        # The server still answers (on its main thread; the analysis process is still spinning).
        msg = self.client.request("textDocument/inlineCompletion", {
            "textDocument": {"uri": URI}, "position": {"line": 9, "character": 0}, "context": {"triggerKind": 1}})
        self.assertEqual(msg["error"]["code"], -32602)


if __name__ == "__main__":
    run()
