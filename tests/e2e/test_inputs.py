"""Real inputs on the command line: a report saved as GBK or UTF-16, made into a Word file or
published in a web page gives the same findings as its UTF-8 text (positions in each format's
own terms); folders, standard input and `convert`; bad input of every kind is told clearly and
the rest of the batch still runs."""
import collections
import json
import os
import re
import subprocess
import tempfile
import unittest
import zipfile

import make_inputs
from lsp_client import BINARY, CORPUS, ServerTest

REPORTS = ["zhaotong-city-2020.txt", "wuding-county-office-2022.txt"]
MARKDOWN_REPORT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "markdown",
                               "drafted-report.md")


def reportls(*args, stdin=None):
    return subprocess.run([BINARY, *args], capture_output=True, timeout=300, input=stdin)


def findings(path):
    """(code, message) of every diagnostic of one file, and the JSON entry."""
    out = reportls("check", "--format", "json", path)
    if out.returncode not in (0, 1):
        raise AssertionError(out.stderr.decode())
    entry = json.loads(out.stdout)[0]
    return collections.Counter((d["code"], d["message"]) for d in entry["diagnostics"]), entry


class SameFindings(unittest.TestCase):
    """The report in every form a user has it gives what its UTF-8 text gives."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def forms(self, name):
        with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
            text = f.read()
        stem = name[:-4]
        forms = {}
        for suffix, encoding in (("gbk", "gbk"), ("gb18030", "gb18030"), ("utf16", "utf-16"), ("utf16be", "utf-16-be")):
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:  # GBK has no NBSP, as zhaotong's text has: GB18030 does
                continue
            forms[suffix] = self.path(f"{stem}-{suffix}.txt")
            if suffix == "utf16be":
                data = b"\xfe\xff" + data
            with open(forms[suffix], "wb") as f:
                f.write(data)
        forms["docx"] = self.path(f"{stem}.docx")
        make_inputs.docx(text, forms["docx"])
        for template in ("trs-editor.html", "layout-tables.html"):
            key = template[:-5]
            forms[key] = self.path(f"{stem}-{key}.html")
            # The layout-table page says it is GB2312, as such old pages do, and is.
            encoding = "gb18030" if key == "layout-tables" else "utf-8"
            with open(forms[key], "wb") as f:
                f.write(make_inputs.page(text, template, encoding=encoding))
        return forms

    def test_every_form_gives_the_findings_of_the_utf8_text(self):
        self.assertIn("gbk", self.forms("wuding-county-office-2022.txt"))
        for name in REPORTS:
            expected, _ = findings(os.path.join(CORPUS, name))
            self.assertGreater(sum(expected.values()), 3, name)
            for form, path in self.forms(name).items():
                with self.subTest(report=name, form=form):
                    got, _ = findings(path)
                    self.assertEqual(got, expected)

    def test_text_output_names_the_encoding_and_word_positions_are_paragraphs(self):
        forms = self.forms("wuding-county-office-2022.txt")
        out = reportls("check", forms["gbk"], forms["utf16"], forms["docx"]).stdout.decode()
        self.assertIn("wuding-county-office-2022-gbk.txt（按 GB18030 编码读取）: 错误", out)
        self.assertIn("wuding-county-office-2022-utf16.txt（按 UTF-16LE 编码读取）: 错误", out)
        # The UTF-8 text's line N is the Word file's paragraph N (a paragraph per line).
        utf8 = reportls("check", os.path.join(CORPUS, "wuding-county-office-2022.txt")).stdout.decode()
        lines = re.findall(r"^.*?wuding-county-office-2022\.txt:(\d+):(\d+): (.*)$", utf8, re.M)
        paragraphs = re.findall(r"^.*?wuding-county-office-2022\.docx:第(\d+)段:(\d+): (.*)$", out, re.M)
        self.assertTrue(lines)
        self.assertEqual(sorted(lines), sorted(paragraphs))

    def test_the_outline_of_a_word_file_has_its_generated_numbers(self):
        forms = self.forms("wuding-county-office-2022.txt")
        out = reportls("outline", forms["docx"])
        self.assertEqual(out.returncode, 0, out.stderr.decode())
        text = out.stdout.decode()
        self.assertRegex(text, r"一、工作开展情况.*\(第2段–第10段\)")
        self.assertIn("三、下步工作打算", text)
        self.assertIn("(三)进一步完善法律顾问工", text)


class Convert(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def test_a_word_file_becomes_markdown_with_headings_and_pipe_tables(self):
        path = os.path.join(self.tmp.name, "report.docx")
        w = make_inputs.W
        table = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr>"
                 "<w:tr><w:tc><w:p><w:r><w:t>收到申请</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>"
                 "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>注：a|b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
        document = (f'<w:document xmlns:w="{w}"><w:body>'
                    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>某县2023年度法治政府建设情况报告</w:t></w:r></w:p>'
                    '<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>主要举措</w:t></w:r></w:p>'
                    '<w:p><w:r><w:t xml:space="preserve">全年</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:r><w:t>办结</w:t></w:r><w:r><w:br/><w:t>第二行。</w:t></w:r></w:p>'
                    + table +
                    '<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>存在问题</w:t></w:r></w:p>'
                    '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>问题一。</w:t></w:r></w:p>'
                    "</w:body></w:document>")
        numbering = (f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="7">'
                     '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                     '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
                     '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num></w:numbering>')
        styles = (f'<w:styles xmlns:w="{w}"><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>')
        make_inputs.write_package(path, {"word/document.xml": document, "word/numbering.xml": numbering,
                                         "word/styles.xml": styles})
        out = reportls("convert", path)
        self.assertEqual(out.returncode, 0, out.stderr.decode())
        self.assertEqual(out.stdout.decode(), "\n".join([
            "# 某县2023年度法治政府建设情况报告", "",
            "## 一、主要举措", "",
            "全年办结", "", "第二行。", "",
            "| 项目 | 数量 |", "| --- | --- |", "| 收到申请 | 12 |", "| 注：a\\|b | |", "",
            "## 二、存在问题", "",
            "（一）问题一。", ""]))
        # -o writes the file instead.
        target = os.path.join(self.tmp.name, "report.md")
        self.assertEqual(reportls("convert", "-o", target, path).returncode, 0)
        with open(target, encoding="utf-8") as f:
            self.assertEqual(f.read(), out.stdout.decode())

    def test_a_web_page_keeps_its_article_and_leaves_the_page_out(self):
        body = ("某县2023年度法治政府建设情况报告\n"
                "2023年，我县深入学习贯彻习近平法治思想，现将有关情况报告如下：\n"
                "一、主要举措和成效\n"
                "（一）加强组织领导。全年召开常务会议12次。\n")
        for template, encoding in (("trs-editor.html", "utf-8"), ("layout-tables.html", "gbk")):
            with self.subTest(template=template):
                path = os.path.join(self.tmp.name, template)
                with open(path, "wb") as f:
                    # The title is in the page's heading above the article, not in the article.
                    f.write(make_inputs.page(body.split("\n", 1)[1], template, title=body.split("\n")[0],
                                             encoding=encoding))
                out = reportls("convert", path)
                self.assertEqual(out.returncode, 0, out.stderr.decode())
                md = out.stdout.decode()
                self.assertEqual(md, "# 某县2023年度法治政府建设情况报告\n\n"
                                     "2023年，我县深入学习贯彻习近平法治思想，现将有关情况报告如下：\n\n"
                                     "一、主要举措和成效\n\n（一）加强组织领导。全年召开常务会议12次。\n")

    def test_a_data_table_in_a_page_becomes_a_pipe_table(self):
        page = ("<html><body><div class='nav'><a href='/'>首页</a></div><div id='zoom'>"
                "<p>　　一、主动公开政府信息情况</p>"
                "<table border='1'><tr><td rowspan='2'>信息内容</td><td colspan='2'>本年度</td></tr>"
                "<tr><td>新制作数量</td><td>新公开数量</td></tr>"
                "<tr><td>规章</td><td>0</td><td>0</td></tr></table>"
                "<p>&nbsp;&nbsp;二、收到和处理政府信息公开申请情况</p></div>"
                "<div class='footer'>版权所有</div></body></html>")
        path = os.path.join(self.tmp.name, "table.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        md = reportls("convert", path).stdout.decode()
        self.assertEqual(md, "一、主动公开政府信息情况\n\n"
                             "| 信息内容 | 本年度 | |\n| --- | --- | --- |\n| | 新制作数量 | 新公开数量 |\n"
                             "| 规章 | 0 | 0 |\n\n二、收到和处理政府信息公开申请情况\n")

    def test_an_archive_becomes_a_folder_of_utf8_texts_and_markdown(self):
        archive = os.path.join(self.tmp.name, "往年")
        os.makedirs(os.path.join(archive, "2022"))
        text = "某县2022年度法治政府建设情况报告\n一、主要举措\n全年办结𠮷案件。\n"
        with open(os.path.join(archive, "2022", "报告.txt"), "wb") as f:
            f.write(text.encode("gb18030"))
        make_inputs.docx(text, os.path.join(archive, "2022", "报告.docx"))
        loose = os.path.join(self.tmp.name, "稿.md")
        with open(loose, "w", encoding="utf-8") as f:
            f.write("# 稿\n")
        out_dir = os.path.join(self.tmp.name, "out")
        missing = os.path.join(self.tmp.name, "没有.txt")
        proc = reportls("convert", "-o", out_dir, archive, loose, missing)
        # The file that cannot be read is named and the others are converted.
        self.assertEqual(proc.returncode, 2)
        self.assertIn("没有.txt", proc.stderr.decode())
        written = sorted(os.path.relpath(os.path.join(d, f), out_dir) for d, _, fs in os.walk(out_dir) for f in fs)
        self.assertEqual(written, ["2022/报告.docx.md", "2022/报告.txt", "稿.md"])
        with open(os.path.join(out_dir, "2022", "报告.txt"), encoding="utf-8") as f:
            self.assertEqual(f.read(), text)
        with open(os.path.join(out_dir, "2022", "报告.docx.md"), encoding="utf-8") as f:
            self.assertIn("全年办结𠮷案件。", f.read())
        # Several inputs need a folder to write into.
        self.assertEqual(reportls("convert", archive, loose).returncode, 2)


class Batches(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.dir = self.tmp.name
        with open(os.path.join(CORPUS, "wuding-county-office-2022.txt"), encoding="utf-8") as f:
            self.text = f.read()

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_bad_input_of_every_kind_is_told_and_the_batch_goes_on(self):
        self.write("a-good.txt", self.text.encode("utf-8"))
        whole = os.path.join(self.dir, "whole.docx")
        make_inputs.docx(self.text, whole)
        with open(whole, "rb") as f:
            data = f.read()
        os.remove(whole)
        self.write("b-truncated.docx", data[: len(data) // 2])
        nodoc = os.path.join(self.dir, "c-no-document.docx")
        with zipfile.ZipFile(nodoc, "w") as z:
            z.writestr("word/styles.xml", "<w:styles/>")
        self.write("d-no-body.html", b"<html><head><title>t</title></head></html>")
        self.write("e-mixed.txt", "一、总体情况\n".encode("utf-8") + "二、存在问题和不足\n".encode("gbk"))
        self.write("f-empty.txt", b"")
        self.write("g-binary.txt", b"\x00\x01\x02binary\x00")
        os.symlink(self.dir, os.path.join(self.dir, "h-loop"))
        os.symlink(os.path.join(self.dir, "missing.txt"), os.path.join(self.dir, "i-dangling.txt"))
        self.write("z-good-gbk.txt", self.text.encode("gbk"))
        self.write("notes.json", b"{}")  # not a report format: not picked up
        out = reportls("check", self.dir)
        self.assertEqual(out.returncode, 2)
        err = out.stderr.decode()
        expect = {
            "b-truncated.docx": "Word 文档已损坏或不完整",
            "c-no-document.docx": "没有 word/document.xml",
            "d-no-body.html": "没有 <body>",
            "e-mixed.txt": "混用了多种编码：第 1 行是 UTF-8，第 2 行不是",
            "f-empty.txt": "是空文件（0 字节）",
            "g-binary.txt": "是二进制文件",
            "h-loop": "目录循环",
            "i-dangling.txt": "No such file or directory",
        }
        for name, message in expect.items():
            with self.subTest(name=name):
                self.assertRegex(err, re.escape(os.path.join(self.dir, name)) + r": .*" + re.escape(message))
        summaries = re.findall(r"^(\S+?)(?:（[^）]*）)?: 错误 \d+", out.stdout.decode(), re.M)
        self.assertEqual([os.path.basename(s) for s in summaries], ["a-good.txt", "z-good-gbk.txt"])
        self.assertNotIn("notes.json", out.stdout.decode() + err)

    def test_a_folder_is_walked_in_name_order_and_outline_takes_it_too(self):
        self.write("b/report.md", ("# 某县2023年度法治政府建设情况报告\n\n" + self.text).encode("utf-8"))
        self.write("a.txt", self.text.encode("utf-8"))
        self.write("b/c.html", make_inputs.page(self.text))
        out = reportls("check", self.dir)
        self.assertIn(out.returncode, (0, 1), out.stderr.decode())
        summaries = [os.path.relpath(s, self.dir) for s in re.findall(r"^(\S+?)(?:（[^）]*）)?: 错误 \d+", out.stdout.decode(), re.M)]
        self.assertEqual(summaries, ["a.txt", "b/c.html", "b/report.md"])
        outline = reportls("outline", self.dir).stdout.decode()
        self.assertEqual(re.findall(r"^== (.*)$", outline, re.M),
                         [os.path.join(self.dir, p) for p in ("a.txt", "b/c.html", "b/report.md")])

    def test_standard_input_is_a_file_named_dash(self):
        out = reportls("check", "-", stdin=self.text.encode("gbk"))
        self.assertIn(out.returncode, (0, 1), out.stderr.decode())
        stdout = out.stdout.decode()
        self.assertIn("<标准输入>（按 GB18030 编码读取）: 错误", stdout)
        expected = reportls("check", os.path.join(CORPUS, "wuding-county-office-2022.txt")).stdout.decode()
        strip = lambda s: sorted(re.sub(r"^.*?:(\d+:\d+: )", r"\1", l) for l in s.splitlines() if re.match(r".*:\d+:\d+: ", l))
        self.assertEqual(strip(stdout), strip(expected))

    def test_an_unreadable_path_says_why(self):
        out = reportls("check", os.path.join(self.dir, "nope.txt"))
        self.assertEqual(out.returncode, 2)
        self.assertIn("nope.txt: 无法读取文件：No such file or directory", out.stderr.decode())


class MarkdownOverLsp(ServerTest):
    def test_a_markdown_report_gets_over_lsp_what_the_command_line_gives(self):
        """The editor's document is read as Markdown by its .md URI: wrapped paragraphs, code,
        links and comments are no prose there either."""
        with open(MARKDOWN_REPORT, encoding="utf-8") as f:
            text = f.read()
        _, entry = findings(MARKDOWN_REPORT)
        expected = sorted((d["code"], d["range"]["start"]["line"]) for d in entry["diagnostics"])
        uri = "file://" + os.path.abspath(MARKDOWN_REPORT)
        self.client.open(uri, text, language="markdown")
        got = sorted((d["code"], d["range"]["start"]["line"]) for d in self.client.published(uri, 1)["diagnostics"])
        self.assertEqual(got, expected)
        self.assertIn(("punctuation.halfwidth", 37), got)
        # The same text under a .txt name is read line by line: its wrapped lines are paragraphs.
        txt = "file:///tmp/drafted-report.txt"
        self.client.open(txt, text)
        as_text = self.client.published(txt, 1)["diagnostics"]
        self.assertGreater(len(as_text), len(got))


if __name__ == "__main__":
    unittest.main()
