"""Emacs (Debian's emacs-nox 28 with elpa-eglot, or Emacs 29+ with its built-in eglot) with
editors/emacs/reportls.el, in batch mode: opens a corpus report and a draft with a placeholder
after a non-BMP character, and checks what Emacs shows — Flymake's diagnostics (at the right
character columns) and the Imenu outline eglot builds from textDocument/documentSymbol."""
import json
import os
import subprocess
import tempfile
import unittest

from editor_util import (BINARY, CORPUS, EDITORS_DIR, EXAMPLE_PLUGINS, HERE, SAMPLE,
                         ensure_debian_packages, top_headings)

DRAFT_LINES = ["一、总体情况", "𠮷县人民政府××年度法治政府建设工作取得成效。"]
PLACEHOLDER_LINE = 1


def lisp_string(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string literal is a valid Lisp one here


class Emacs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.report = os.path.join(CORPUS, SAMPLE)
        cls.draft = os.path.join(cls.tmp.name, "draft.txt")
        with open(cls.draft, "w", encoding="utf-8") as f:
            f.write("\n".join(DRAFT_LINES) + "\n")
        out = os.path.join(cls.tmp.name, "out.json")
        env = dict(os.environ, REPORTLS_EMACS_REPORT=cls.report, REPORTLS_EMACS_DRAFT=cls.draft,
                   REPORTLS_EMACS_OUT=out, HOME=cls.tmp.name)
        setup = ("(progn (add-to-list 'load-path %s) (require 'reportls)"
                 " (setq reportls-server-command (list %s \"--plugin-dir\" %s))"
                 " (setq reportls-settings '(:debounce 0)))"
                 % (lisp_string(os.path.join(EDITORS_DIR, "emacs")), lisp_string(BINARY),
                    lisp_string(EXAMPLE_PLUGINS)))
        cmd = ["emacs", "--batch", "--eval", setup, "-l", os.path.join(HERE, "emacs_test.el")]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=150,
                              stdin=subprocess.DEVNULL)
        cls.emacs_output = proc.stdout + proc.stderr
        if not os.path.exists(out):
            raise AssertionError("emacs wrote no result (exit %d):\n%s" % (proc.returncode, cls.emacs_output))
        with open(out, encoding="utf-8") as f:
            cls.result = json.load(f)
        print("Emacs", cls.result["emacs"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def file(self, path):
        for f in self.result["files"]:
            if f["path"] == path:
                return f
        self.fail("no result for %s: %s" % (path, self.result))

    def test_no_errors(self):
        self.assertEqual(self.result["errors"], [], self.emacs_output)

    def test_report_is_managed_and_diagnosed(self):
        f = self.file(self.report)
        self.assertEqual(f["mode"], "text-mode")
        self.assertTrue(f["managed"], "eglot did not manage the report buffer:\n" + self.emacs_output)
        self.assertTrue(f["diagnosed"], "Flymake shows no diagnostic for the report")

    def test_imenu_top_level_is_the_reports_headings(self):
        f = self.file(self.report)
        expected = top_headings(self.report)
        self.assertEqual(len(expected), 4)
        top = [(s["line"], s["name"]) for s in f["top_level"]]
        # The report's title may stand above the headings; every other top-level entry is a heading.
        if top and top[0][0] < expected[0][0]:
            top = top[1:]
        self.assertEqual(top, expected)

    def test_placeholder_column_counts_characters(self):
        f = self.file(self.draft)
        line = DRAFT_LINES[PLACEHOLDER_LINE]
        col = line.index("××")  # characters: 𠮷 is one in Emacs, two UTF-16 units on the wire
        shown = [d for d in f["diagnostics"] if "××" in d["text"]]
        self.assertEqual(len(shown), 1, f["diagnostics"])
        d = shown[0]
        self.assertEqual((d["line"], d["column"], d["end_column"]), (PLACEHOLDER_LINE, col, col + 2))
        self.assertIn("warning", d["type"])

    def test_mode_line_shows_reportls(self):
        self.assertIn("reportls", self.file(self.report)["mode_line"])

    def test_settings_change_without_restart(self):
        self.assertTrue(self.result.get("cleared_after_settings"),
                        "rules.placeholder = off did not clear the placeholder diagnostic")


if __name__ == "__main__":
    ensure_debian_packages(["emacs-nox", "elpa-eglot"], ["emacs"])
    unittest.main(verbosity=2)
