"""The tables of a 政府信息公开 report as the editor sees them: a broken identity on its cell, the
hover on a total, each table in the Outline, and the quick fix that inserts a missing table."""
import os

from lsp_client import ServerTest, file_uri, run

SOURCE = os.environ.get("REPORTLS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(SOURCE, "tests", "fixtures", "tables")


def read(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return f.read()


def position_of(text, needle, start=0):
    at = text.index(needle, start)
    line = text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1)
    return {"line": line, "character": len(text[at - column:at].encode("utf-16-le")) // 2}


class Tables(ServerTest):
    def open(self, name):
        text = read(name)
        uri = file_uri(os.path.join(FIXTURES, name))
        self.client.open(uri, text, language="markdown" if name.endswith(".md") else "plaintext")
        return uri, text

    def test_a_broken_total_is_reported_on_its_cell_and_its_hover_shows_the_sum(self):
        uri, text = self.open("markdown-broken.md")
        diagnostics = self.client.published(uri, 1)["diagnostics"]
        sums = [d for d in diagnostics if d["code"] == "tables.sum"]
        self.assertEqual(len(sums), 5)
        row = text.index("| 一、本年新收政府信息公开申请数量 |")
        cell = position_of(text, "13", row)
        first = sums[0]
        self.assertEqual(first["range"]["start"], cell)
        self.assertEqual(first["severity"], 1)
        self.assertIn("= 10 + 2 + 0 + 0 + 0 + 0 = 12，表中为 13", first["message"])
        hover = self.client.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": cell})
        self.assertIn("自然人 + 商业企业", hover["contents"]["value"])
        self.assertIn("表中为 13，不符", hover["contents"]["value"])

    def test_every_table_is_in_the_outline_under_its_section(self):
        uri, _ = self.open("markdown-correct.md")
        symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        sections = {s["name"]: [c for c in s.get("children", []) if c["kind"] == 18] for s in symbols}
        self.assertEqual(len(sections["二、主动公开政府信息情况"]), 4)
        tables = sections["三、收到和处理政府信息公开申请情况"]
        self.assertEqual([t["name"] for t in tables], ["表5 收到和处理政府信息公开申请情况"])
        self.assertEqual(tables[0]["detail"], "31 行 × 8 列")

    def test_the_quick_fix_inserts_the_missing_table(self):
        uri, text = self.open("missing-tables.txt")
        diagnostics = [d for d in self.client.published(uri, 1)["diagnostics"] if d["code"] == "tables.missing"]
        self.assertEqual(len(diagnostics), 2)
        actions = self.client.result("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostics[0]["range"],
            "context": {"diagnostics": [diagnostics[0]]}})
        insert = [a for a in actions if a["title"] == "插入空白的《收到和处理政府信息公开申请情况》表格"]
        self.assertEqual(len(insert), 1)
        edit = insert[0]["edit"]["changes"][uri][0]
        self.assertIn("| 四、结转下年度继续办理 | | | | | | | |", edit["newText"])
        # At the end of the section's last line, before the next part.
        self.assertEqual(edit["range"]["start"], position_of(text, "\n四、政府信息公开行政复议"))


if __name__ == "__main__":
    run()
