"""What the client declared in initialize decides the form of what it gets: a client that declares
nothing (no snippetSupport, no Markdown, no hierarchicalDocumentSymbolSupport) gets plain text
with the placeholders filled in, plain-text documentation and hovers, and a flat symbol list; a
full editor gets snippets, Markdown and the symbol tree; diagnostics link to their rule's
documentation only for a client that declared codeDescriptionSupport, and not for the rules
whose documentation the client shows itself (experimental.reportls.clientRuleDocs, as the VS Code
extension declares its bundled pages)."""
import os

from lsp_client import CORPUS, EDITOR_CAPABILITIES, ServerTest, corpus, file_uri, run

URI = "file:///tmp/reportls-e2e-capabilities/draft.txt"
FIGURES = "全县规范建立人民调解组织313个，其中行业性专业性调解机构15家、多调对接派驻调解室4个、乡镇街道调委会27个、村居调委会268个。"
PLACEHOLDER_PHRASE = "现将20××年度法治政府建设情况报告如下："


class BareClient(ServerTest):
    CAPABILITIES = {}
    OPTIONS = {"debounce": 0, "allChineseText": True}

    def complete(self, text):
        self.client.open(URI, text)
        return self.client.result("textDocument/completion", {
            "textDocument": {"uri": URI}, "position": {"line": 0, "character": len(text)}})

    def test_no_snippets_the_placeholders_are_filled_in(self):
        result = self.complete("现将")
        item = next(i for i in result["items"] if i["label"] == PLACEHOLDER_PHRASE)
        self.assertEqual(item["insertTextFormat"], 1)
        self.assertEqual(item["textEdit"]["newText"], PLACEHOLDER_PHRASE)
        self.assertFalse(any("${" in i["textEdit"]["newText"] for i in result["items"]))

    def test_plain_text_documentation_and_hover(self):
        item = self.complete("现将")["items"][0]
        resolved = self.client.result("completionItem/resolve", item)
        self.assertEqual(resolved["documentation"]["kind"], "plaintext")
        self.assertNotIn("**", resolved["documentation"]["value"])
        self.assertIn("章节：", resolved["documentation"]["value"])
        uri = URI.replace("draft", "figures")
        self.client.open(uri, FIGURES)
        hover = self.client.result("textDocument/hover", {"textDocument": {"uri": uri},
                                                          "position": {"line": 0, "character": 13}})
        self.assertEqual(hover["contents"], {"kind": "plaintext",
                                             "value": "合计核对：15 + 4 + 27 + 268 = 314，文中总数 313（不符）"})

    def test_no_rule_links(self):
        self.client.open(URI, FIGURES)
        diagnostics = self.client.published(URI)["diagnostics"]
        self.assertTrue(any(d["code"] == "figures.sum" for d in diagnostics))
        self.assertFalse([d for d in diagnostics if "codeDescription" in d])

    def test_a_flat_symbol_list(self):
        name = "xiushan-county-2023.txt"
        uri = file_uri(os.path.join(CORPUS, name))
        self.client.open(uri, corpus(name))
        symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        self.assertTrue(symbols)
        for s in symbols:
            self.assertNotIn("children", s)
            self.assertEqual(s["location"]["uri"], uri)
        inner = next(s for s in symbols if s["name"].startswith("(一)强领导"))
        self.assertEqual(inner["containerName"], "一、法治政府建设工作成效")


class FullEditor(ServerTest):
    OPTIONS = {"debounce": 0, "allChineseText": True}

    def test_snippets_markdown_and_a_symbol_tree(self):
        self.client.open(URI, "现将")
        result = self.client.result("textDocument/completion", {
            "textDocument": {"uri": URI}, "position": {"line": 0, "character": 2}})
        item = next(i for i in result["items"] if i["label"] == PLACEHOLDER_PHRASE)
        self.assertEqual(item["insertTextFormat"], 2)
        self.assertEqual(item["textEdit"]["newText"], "现将${1:20××}年度法治政府建设情况报告如下：")
        resolved = self.client.result("completionItem/resolve", item)
        self.assertEqual(resolved["documentation"]["kind"], "markdown")
        uri = URI.replace("draft", "figures")
        self.client.open(uri, FIGURES)
        hover = self.client.result("textDocument/hover", {"textDocument": {"uri": uri},
                                                          "position": {"line": 0, "character": 13}})
        self.assertEqual(hover["contents"]["kind"], "markdown")
        self.assertIn("**合计核对**", hover["contents"]["value"])
        name = "xiushan-county-2023.txt"
        report = file_uri(os.path.join(CORPUS, name))
        self.client.open(report, corpus(name))
        symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": report}})
        self.assertTrue(any(s.get("children") for s in symbols))
        self.assertIn("selectionRange", symbols[0])
        # It declared codeDescriptionSupport: each diagnostic links to its rule's documentation.
        diagnostics = self.client.published(uri)["diagnostics"]
        self.assertTrue(any(d["code"] == "figures.sum" for d in diagnostics))
        for d in diagnostics:
            self.assertTrue(d["codeDescription"]["href"].endswith("#" + d["code"].replace(".", "-")), d)


class EditorWithItsOwnRulePages(ServerTest):
    CAPABILITIES = dict(EDITOR_CAPABILITIES, experimental={"reportls": {"clientRuleDocs": ["figures.sum"]}})
    OPTIONS = {"debounce": 0, "allChineseText": True}

    def test_no_link_for_the_rules_it_documents(self):
        self.client.open(URI, FIGURES + "截止目前，全部办结。")
        diagnostics = self.client.published(URI)["diagnostics"]
        codes = {d["code"] for d in diagnostics}
        self.assertIn("figures.sum", codes)
        self.assertIn("terms.misuse", codes)
        for d in diagnostics:
            self.assertEqual("codeDescription" in d, d["code"] != "figures.sum", d)


if __name__ == "__main__":
    run()
