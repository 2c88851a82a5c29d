"""The outline of every corpus report, as the editor's Outline view receives it."""
import os
import re

from lsp_client import CORPUS, ServerTest, corpus, file_uri, run

LEVEL1 = re.compile(r"^[\s\u00a0\u2002\u3000]*([一二三四五六七八九十]+、.*)$")
DEBRIS = ("扫一扫", "上一条", "下一条", "您当前的位置", "索引号", "发布日期", "字号")


def walk(symbols, depth=0):
    for s in symbols:
        yield depth, s
        yield from walk(s.get("children", []), depth + 1)


def inside(inner, outer):
    key = lambda p: (p["line"], p["character"])
    return key(outer["start"]) <= key(inner["start"]) and key(inner["end"]) <= key(outer["end"])


class CorpusOutline(ServerTest):
    def test_top_level_is_the_title_and_the_level_one_headings(self):
        for name in sorted(os.listdir(CORPUS)):
            with self.subTest(report=name):
                text = corpus(name)
                uri = file_uri(os.path.join(CORPUS, name))
                self.client.open(uri, text)
                symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
                expected = [m.group(1).strip() for m in map(LEVEL1.match, text.split("\n")) if m]
                sections = [s["name"] for s in symbols if s["kind"] != 1]
                self.assertEqual(sections, expected)
                titles = [s for s in symbols if s["kind"] == 1]
                self.assertLessEqual(len(titles), 1)
                if titles:
                    self.assertIn("报告", titles[0]["name"])
                for depth, s in walk(symbols):
                    self.assertTrue(inside(s["selectionRange"], s["range"]), s["name"])
                    self.assertFalse(any(d in s["name"] for d in DEBRIS), s["name"])
                    for child in s.get("children", []):
                        self.assertTrue(inside(child["range"], s["range"]), child["name"])
                folds = self.client.result("textDocument/foldingRange", {"textDocument": {"uri": uri}})
                self.assertGreaterEqual(len(folds), len(expected))

    def test_second_level_headings_nest_under_their_section(self):
        uri = file_uri(os.path.join(CORPUS, "xiushan-county-2023.txt"))
        self.client.open(uri, corpus("xiushan-county-2023.txt"))
        symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        first = next(s for s in symbols if s["name"].startswith("一、"))
        children = [c["name"] for c in first["children"]]
        self.assertEqual(children[0], "(一)强领导,促创建,进一步彰显法治建设成效")
        self.assertEqual(len(children), 5)
        service = first["children"][1]
        self.assertEqual([c["name"][:2] for c in service["children"]], ["1.", "2."])
        # The heading selection is on its own line (line 21 of the file, 0-based 20).
        self.assertEqual(first["children"][0]["selectionRange"]["start"], {"line": 20, "character": 0})


if __name__ == "__main__":
    run()
