"""Last year's report beside this year's (issue 20): the crossdoc analyzer's rules fire where the
reports disagree and stay silent on a consistent pair, over LSP — both reports open, last year's
on disk only (also as a Word file), last year's edited in the editor — and on the command line
(the files of one run, --previous of any input format).  The reports are those of
tests/fixtures/crossdoc: a real 2023 report of 秀山县, a 2024 report derived from it with figures
changed, and its derived 政府信息公开 companion."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

import make_inputs
from lsp_client import BINARY, TEST_PLUGINS, ServerTest, file_uri, run

SOURCE = os.environ.get("REPORTLS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(SOURCE, "tests", "fixtures", "crossdoc")
XIUSHAN = os.path.join(FIXTURES, "xiushan")
CONSISTENT = os.path.join(FIXTURES, "xiushan-consistent")
RULES = ("figures.yoy", "figures.companion", "copy.previous-year", "plan.follow-up")
# What the derived 2024 report gets against the real 2023 one and its companion.
EXPECTED_2024 = {"figures.yoy": 3, "copy.previous-year": 3, "plan.follow-up": 1, "figures.companion": 1}


def crossdoc_codes(diagnostics):
    counts = {}
    for d in diagnostics:
        if d["code"] in RULES:
            counts[d["code"]] = counts.get(d["code"], 0) + 1
    return counts


def check_json(*args, cwd=None):
    out = subprocess.run([BINARY, "check", "--format", "json", *args], capture_output=True, text=True,
                         timeout=300, cwd=cwd)
    if out.returncode not in (0, 1):
        raise AssertionError(out.stderr)
    return {os.path.basename(e["file"]): e["diagnostics"] for e in json.loads(out.stdout)}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def as_markdown(text):
    """The report as it is drafted in Markdown: the title a # heading, the parts ## headings,
    paragraphs apart."""
    out, titled = [], False
    for line in (l for l in text.split("\n") if l.strip()):
        if not titled and line.endswith("报告"):
            line, titled = "# " + line, True
        elif re.match(r"[一二三四五六七八九十]+、", line):
            line = "## " + line
        out.append(line)
    return "\n\n".join(out) + "\n"


class CommandLine(unittest.TestCase):
    def test_the_files_of_one_run_are_related_by_body_and_year(self):
        found = check_json(*(os.path.join(XIUSHAN, f) for f in sorted(os.listdir(XIUSHAN)) if f.endswith(".txt")))
        self.assertEqual(crossdoc_codes(found["xiushan-county-2024.txt"]), EXPECTED_2024)
        self.assertEqual(crossdoc_codes(found["xiushan-county-2024-disclosure.txt"]), {"figures.companion": 1})
        self.assertEqual(crossdoc_codes(found["xiushan-county-2023.txt"]), {})

    def test_a_consistent_pair_and_unrelated_reports_get_nothing(self):
        found = check_json(*(os.path.join(CONSISTENT, f) for f in sorted(os.listdir(CONSISTENT)) if f.endswith(".txt")))
        self.assertEqual({name: crossdoc_codes(d) for name, d in found.items() if crossdoc_codes(d)}, {})
        corpus = os.path.join(SOURCE, "tests", "corpus")
        found = check_json(*(os.path.join(corpus, f) for f in sorted(os.listdir(corpus))
                             if f.endswith(".txt") and not f.startswith(".")))  # not an editor's lock file
        self.assertEqual({name: crossdoc_codes(d) for name, d in found.items() if crossdoc_codes(d)}, {})

    def test_previous_names_last_years_report(self):
        this_year = os.path.join(XIUSHAN, "xiushan-county-2024.txt")
        alone = check_json(this_year)["xiushan-county-2024.txt"]
        self.assertEqual(crossdoc_codes(alone), {})
        with tempfile.TemporaryDirectory() as elsewhere:
            last_year = shutil.copy(os.path.join(XIUSHAN, "xiushan-county-2023.txt"), os.path.join(elsewhere, "上年.txt"))
            found = check_json("--previous", os.path.relpath(last_year), this_year)
        self.assertEqual(list(found), ["xiushan-county-2024.txt"])  # last year's report is read, not checked
        expected = dict(EXPECTED_2024)
        del expected["figures.companion"]
        self.assertEqual(crossdoc_codes(found["xiushan-county-2024.txt"]), expected)

    def test_last_years_report_may_be_a_word_file_or_in_gb18030(self):
        this_year = os.path.join(XIUSHAN, "xiushan-county-2024.txt")
        expected = dict(EXPECTED_2024)
        del expected["figures.companion"]
        with tempfile.TemporaryDirectory() as elsewhere:
            text = read(os.path.join(XIUSHAN, "xiushan-county-2023.txt"))
            word = os.path.join(elsewhere, "上年.docx")
            make_inputs.docx(text, word)
            gb18030 = os.path.join(elsewhere, "上年.txt")
            with open(gb18030, "w", encoding="gb18030") as f:
                f.write(text)
            for last_year in (word, gb18030):
                with self.subTest(last_year=os.path.basename(last_year)):
                    found = check_json("--previous", last_year, this_year)
                    self.assertEqual(crossdoc_codes(found["xiushan-county-2024.txt"]), expected)

    def test_markdown_reports_are_read_as_markdown(self):
        expected = dict(EXPECTED_2024)
        del expected["figures.companion"]
        with tempfile.TemporaryDirectory() as folder:
            for name in ("xiushan-county-2023", "xiushan-county-2024"):
                with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8") as f:
                    f.write(as_markdown(read(os.path.join(XIUSHAN, name + ".txt"))))
            found = check_json("xiushan-county-2023.md", "xiushan-county-2024.md", cwd=folder)
            self.assertEqual(crossdoc_codes(found["xiushan-county-2024.md"]), expected)
            # This year's draft in Markdown, last year's report as it was published (text).
            found = check_json("--previous", os.path.join(XIUSHAN, "xiushan-county-2023.txt"), "xiushan-county-2024.md",
                               cwd=folder)
            self.assertEqual(crossdoc_codes(found["xiushan-county-2024.md"]), expected)

    def test_related_option_wants_a_role_and_a_file(self):
        out = subprocess.run([BINARY, "check", "--related", "previous", os.path.join(XIUSHAN, "xiushan-county-2024.txt")],
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 2)
        self.assertIn("--related", out.stderr)

    def test_a_plugin_of_abi_1_0_works_beside_related_documents(self):
        with tempfile.TemporaryDirectory() as folder:
            for name in ("xiushan-county-2023.txt", "xiushan-county-2024.txt"):
                shutil.copy(os.path.join(XIUSHAN, name), folder)
            with open(os.path.join(folder, "xiushan-county-2024.txt"), "a", encoding="utf-8") as f:
                f.write("\nOLDABI\n")
            found = check_json("--plugin-dir", os.path.join(TEST_PLUGINS, "old_abi"), "xiushan-county-2023.txt",
                               "xiushan-county-2024.txt", cwd=folder)
        codes = [d["code"] for d in found["xiushan-county-2024.txt"]]
        self.assertIn("old_abi.seen", codes)
        self.assertIn("figures.yoy", codes)


class OverLsp(ServerTest):
    OPTIONS = {"debounce": 0}

    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        os.mkdir(os.path.join(self.folder, "2023"))
        self.last = shutil.copy(os.path.join(XIUSHAN, "xiushan-county-2023.txt"), os.path.join(self.folder, "2023"))
        self.this = shutil.copy(os.path.join(XIUSHAN, "xiushan-county-2024.txt"), self.folder)

    def settle(self, uri, predicate, timeout=20):
        """The first diagnostics published for uri that satisfy predicate (the first analysis of a
        report runs before its related documents are known)."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            try:
                last = self.client.published(uri, timeout=max(0.1, deadline - time.monotonic()))
            except AssertionError:
                break
            if predicate(crossdoc_codes(last["diagnostics"])):
                return last
        self.fail("no publication of %s satisfied the condition; the last: %s" %
                  (uri, last and crossdoc_codes(last["diagnostics"])))

    def hover(self, uri, line, character):
        return self.client.result("textDocument/hover", {"textDocument": {"uri": uri},
                                                         "position": {"line": line, "character": character}})

    def server_libraries(self):
        """The file names of the shared objects the server process maps."""
        with open(f"/proc/{self.client.proc.pid}/maps") as f:
            return {os.path.basename(line.split()[5]) for line in f if len(line.split()) > 5}

    def test_last_years_report_on_disk_only(self):
        uri = file_uri(self.this)
        self.client.open(uri, read(self.this))
        expected = dict(EXPECTED_2024)
        del expected["figures.companion"]  # not in this folder
        self.settle(uri, lambda codes: codes == expected)
        # UTF-8 texts only: the readers' module (Word, web pages, other encodings) and the
        # libraries it brings are never loaded into the server.
        loaded = [name for name in self.server_libraries()
                  if re.match(r"lib(reportls_readers|xml2|zip|crypto|icu)", name)]
        self.assertEqual(loaded, [])

    def test_last_years_report_as_a_word_file_on_disk(self):
        # Last year's report is often the Word file it was sent out as.
        make_inputs.docx(read(self.last), os.path.join(self.folder, "2023", "上年报告.docx"))
        os.remove(self.last)
        uri = file_uri(self.this)
        self.client.open(uri, read(self.this))
        expected = dict(EXPECTED_2024)
        del expected["figures.companion"]
        self.settle(uri, lambda codes: codes == expected)
        self.assertIn("libreportls_readers.so", self.server_libraries())

    def test_both_open_and_a_hover_with_last_years_sentence(self):
        uri, last_uri = file_uri(self.this), file_uri(self.last)
        self.client.open(last_uri, read(self.last))
        self.client.open(uri, read(self.this))
        published = self.settle(uri, lambda codes: codes.get("figures.yoy") == 3)
        line = next(i for i, text in enumerate(read(self.this).split("\n")) if "行政诉讼46件" in text)
        yoy = [d for d in published["diagnostics"] if d["code"] == "figures.yoy" and d["range"]["start"]["line"] == line]
        self.assertTrue(yoy)
        hover = self.hover(uri, line, yoy[0]["range"]["start"]["character"])
        text = hover["contents"]["value"] if isinstance(hover["contents"], dict) else json.dumps(hover["contents"], ensure_ascii=False)
        self.assertIn("上年 40件，本年 46件：(46 − 40) ÷ 40 = 15.00%，文中 20%（不符）", text)
        self.assertIn("行政诉讼40件", text)
        self.assertIn("](%s#L43)" % last_uri, text)
        # A claim that agrees has its hover too.
        line = next(i for i, text in enumerate(read(self.this).split("\n")) if "办理行政复议75件" in text)
        column = read(self.this).split("\n")[line].index("75件")
        hover = self.hover(uri, line, column)
        self.assertIn("（相符）", json.dumps(hover, ensure_ascii=False))

    def test_editing_last_years_report_updates_this_years(self):
        uri, last_uri = file_uri(self.this), file_uri(self.last)
        last_text = read(self.last)
        self.client.open(last_uri, last_text)
        self.client.open(uri, read(self.this))
        self.settle(uri, lambda codes: codes.get("figures.yoy") == 3)
        # Last year's report said 46 documents; this year's says "较上年的48件".  Correct last
        # year's (unsaved) and this year's claim is right: its diagnostic goes.
        lines = last_text.split("\n")
        line = next(i for i, text in enumerate(lines) if "共梳理县政府文件46件" in text)
        column = lines[line].index("46件")
        self.client.change(last_uri, 2, [{"range": {"start": {"line": line, "character": column},
                                                    "end": {"line": line, "character": column + 2}}, "text": "48"}])
        self.settle(uri, lambda codes: codes.get("figures.yoy") == 2)
        # Closed without saving: the file on disk says 46 again.
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": last_uri}})
        self.settle(uri, lambda codes: codes.get("figures.yoy") == 3)

    def test_a_related_setting_names_last_years_report(self):
        # 隘口镇's 2025 opening names no body: only the workspace file relates it to 2024's.
        aikou = os.path.join(FIXTURES, "aikou-previous")
        this = shutil.copy(os.path.join(aikou, "aikou-2025.txt"), self.folder)
        shutil.copy(os.path.join(aikou, "aikou-2024.txt"), os.path.join(self.folder, "2023", "隘口镇2024.txt"))
        uri = file_uri(this)
        self.client.open(uri, read(this))
        published = self.client.published(uri)
        self.assertEqual(crossdoc_codes(published["diagnostics"]), {})
        with open(os.path.join(self.folder, ".reportls.json"), "w", encoding="utf-8") as f:
            json.dump({"related": {"previous": "2023/隘口镇2024.txt"}}, f, ensure_ascii=False)
        self.client.notify("textDocument/didSave", {"textDocument": {"uri": file_uri(os.path.join(self.folder, ".reportls.json"))}})
        self.settle(uri, lambda codes: codes == {"copy.previous-year": 1})


if __name__ == "__main__":
    run()
