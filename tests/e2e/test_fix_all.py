"""Fix-all and Format Document: source.fixAll.reportls applies every certain fix in one edit (what
editor.codeActionsOnSave asks for), textDocument/formatting and rangeFormatting the certain
typography fixes; applying either a second time changes nothing."""
import os

from lsp_client import CORPUS, ServerTest, apply_edits, corpus, file_uri, run

DRAFT = ("关于2023年度法治政府建设情况的报告\n"
         "一、主要举措和成效\n"
         "(一)推进依法行政,落实《法治政府建设实施纲要(2015-2020年)》。\n"
         "全年办理行政复议案件 12 件,截止目前已全部办结。\n"
         "二、存在的问题\n"
         "法治宣传形式单一。\n")
ZERO = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}


class FixAllAndFormat(ServerTest):
    def fix_all(self, uri, kind="source.fixAll"):
        actions = self.client.result("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": ZERO, "context": {"diagnostics": [], "only": [kind]}})
        return [a for a in actions if a["kind"] == "source.fixAll.reportls"]

    def format(self, uri, range=None):
        params = {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}}
        if range:
            params["range"] = range
        return self.client.result("textDocument/rangeFormatting" if range else "textDocument/formatting", params)

    def settle(self, uri, text, version):
        self.client.change(uri, version, [{"text": text}])
        self.client.published(uri, version)

    def test_fix_all_applies_every_certain_fix_and_then_nothing(self):
        uri = "file:///tmp/reportls-e2e-fix/draft.txt"
        self.client.open(uri, DRAFT)
        self.client.published(uri, 1)
        actions = self.fix_all(uri)
        self.assertEqual(len(actions), 1, actions)
        fixed = apply_edits(DRAFT, actions[0]["edit"]["changes"][uri])
        # Full-width marks, the range dash, the ordinal's brackets, the spaces, and the wording.
        self.assertIn("（一）推进依法行政，落实《法治政府建设实施纲要（2015—2020年）》。", fixed)
        self.assertIn("全年办理行政复议案件12件，截至目前已全部办结。", fixed)
        self.settle(uri, fixed, 2)
        self.assertEqual(self.fix_all(uri, "source"), [])
        # Asked for no kind (the light bulb at every cursor move): not computed.
        self.assertFalse([a for a in self.client.result("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": ZERO, "context": {"diagnostics": []}})
                          if a["kind"] == "source.fixAll.reportls"])

    def test_format_applies_typography_only_and_then_nothing(self):
        uri = "file:///tmp/reportls-e2e-fix/format.txt"
        self.client.open(uri, DRAFT)
        self.client.published(uri, 1)
        formatted = apply_edits(DRAFT, self.format(uri))
        self.assertIn("（一）推进依法行政，落实《法治政府建设实施纲要（2015—2020年）》。", formatted)
        self.assertIn("全年办理行政复议案件12件，截止目前", formatted)  # wording is not format's
        self.settle(uri, formatted, 2)
        self.assertEqual(self.format(uri), [])

    def test_range_formatting_stays_in_its_range(self):
        uri = "file:///tmp/reportls-e2e-fix/range.txt"
        self.client.open(uri, DRAFT)
        self.client.published(uri, 1)
        line3 = {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 30}}
        edits = self.format(uri, line3)
        self.assertTrue(edits)
        self.assertTrue(all(e["range"]["start"]["line"] == 3 for e in edits), edits)
        self.assertIn("全年办理行政复议案件12件，截止目前", apply_edits(DRAFT, edits))

    def test_rules_turned_off_are_not_applied(self):
        self.client.notify("workspace/didChangeConfiguration",
                           {"settings": {"reportls": {"debounce": 0, "rules": {"punctuation": "off"}}}})
        uri = "file:///tmp/reportls-e2e-fix/off.txt"
        self.client.open(uri, DRAFT)
        self.client.published(uri, 1)
        formatted = apply_edits(DRAFT, self.format(uri))
        self.assertIn("推进依法行政,落实", formatted)

    def test_light_bulb_on_the_document_wide_conversion_brings_its_edits(self):
        # A corpus report's marks were made half-width: one normalized-document on its first line.
        # The analysis after each keystroke leaves that conversion's edits out (plugin ABI 1.4);
        # the light bulb on its diagnostic asks for them.
        name = sorted(os.listdir(CORPUS))[0]
        uri, text = file_uri(os.path.join(CORPUS, name)), corpus(name)
        self.client.open(uri, text)
        published = self.client.published(uri, 1)["diagnostics"]
        normalized = [d for d in published if d["code"] == "punctuation.normalized-document"]
        self.assertEqual(len(normalized), 1)
        actions = self.client.result("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": normalized[0]["range"], "context": {"diagnostics": normalized}})
        convert = [a for a in actions if a.get("isPreferred") and a.get("diagnostics") == normalized]
        self.assertEqual(len(convert), 1, actions)
        edits = convert[0]["edit"]["changes"][uri]
        self.assertGreater(len(edits), 100)
        self.client.change(uri, 2, [{"text": apply_edits(text, edits)}])
        after = self.client.published(uri, 2)["diagnostics"]
        self.assertFalse([d for d in after if d["code"] in ("punctuation.normalized-document", "punctuation.halfwidth")])

    def test_every_corpus_report_converges(self):
        for name in sorted(os.listdir(CORPUS)):
            with self.subTest(report=name):
                uri = file_uri(os.path.join(CORPUS, name))
                text = corpus(name)
                self.client.open(uri, text)
                self.client.published(uri, 1)
                fixed = apply_edits(text, self.fix_all(uri)[0]["edit"]["changes"][uri])
                self.assertNotEqual(fixed, text)
                self.settle(uri, fixed, 2)
                self.assertEqual(self.fix_all(uri), [])
                self.assertEqual(self.format(uri), [])


if __name__ == "__main__":
    run()
