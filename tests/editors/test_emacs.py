"""Emacs (Debian's emacs-nox 28 with elpa-eglot, or Emacs 29+ with its built-in eglot) with
editors/emacs/reportls.el, in batch mode: opens a corpus report and a draft with a placeholder
after a non-BMP character, and checks what Emacs shows — Flymake's diagnostics (at the right
character columns), the Imenu outline eglot builds from textDocument/documentSymbol, and
completion-at-point on typed pinyin, the phrase accepted and the line read back; ghost text of the
next clause after a clause, accepted with TAB."""
import json
import os
import unittest

import editor_util
from editor_util import (BINARY, DRAFT_LINES, EDITORS_DIR, EXAMPLE_PLUGINS, HERE, PLACEHOLDER_LINE,
                         ensure_debian_packages)


def lisp_string(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string literal is a valid Lisp one here


# Subclassed through the module: a base imported by name would be run as a test of its own.
class Emacs(editor_util.HeadlessEditorTest):
    EDITOR = "emacs"

    @classmethod
    def command(cls, out, home):
        setup = ("(progn (add-to-list 'load-path %s) (require 'reportls)"
                 " (setq reportls-server-command (list %s \"--plugin-dir\" %s))"
                 " (setq reportls-settings '(:debounce 0)))"
                 % (lisp_string(os.path.join(EDITORS_DIR, "emacs")), lisp_string(BINARY),
                    lisp_string(EXAMPLE_PLUGINS)))
        return (["emacs", "--batch", "--eval", setup, "-l", os.path.join(HERE, "emacs_test.el")],
                {"REPORTLS_EMACS_REPORT": cls.report, "REPORTLS_EMACS_DRAFT": cls.draft,
                 "REPORTLS_EMACS_OUT": out})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print("Emacs", cls.result["emacs"])

    def test_report_is_managed_and_diagnosed(self):
        f = self.file(self.report)
        self.assertEqual(f["mode"], "text-mode")
        self.assertTrue(f["managed"], "eglot did not manage the report buffer:\n" + self.output)
        self.assertTrue(f["diagnosed"], "Flymake shows no diagnostic for the report")

    def test_imenu_top_level_is_the_reports_headings(self):
        f = self.file(self.report)
        self.assert_top_level_is_the_reports_headings((s["line"], s["name"]) for s in f["top_level"])

    def test_placeholder_column_counts_characters(self):
        f = self.file(self.draft)
        line = DRAFT_LINES[PLACEHOLDER_LINE]
        col = line.index("××")  # characters: 𠮷 is one in Emacs, two UTF-16 units on the wire
        shown = [d for d in f["diagnostics"] if "××" in d["text"]]
        self.assertEqual(len(shown), 1, f["diagnostics"])
        d = shown[0]
        self.assertEqual((d["line"], d["column"], d["end_column"]), (PLACEHOLDER_LINE, col, col + 2))
        self.assertIn("warning", d["type"])

    def test_completion_typing_pinyin_and_accepting(self):
        cases = self.result.get("completion", [])
        self.assertEqual(len(cases), 3, self.output)
        for case in cases:
            with self.subTest(typed=case["typed"]):
                self.assertIn(case["wanted"], case["candidates"])
                expected = "。" + case["wanted"] if case["typed"].startswith("。") else case["wanted"]
                self.assertEqual(case["line"], expected)

    def test_ghost_text_of_the_next_clause_then_tab(self):
        # After a clause, the next clause real reports write is shown after point; TAB writes
        # exactly it and the ghost text is gone.
        g = self.result.get("ghost")
        self.assertIsNotNone(g, self.output)
        self.assertIn("坚持以人民为中心", g["text"], g)
        self.assertEqual(g["line_after"], g["line_before"] + g["typed"] + g["text"], g)
        self.assertFalse(g["left"], g)

    def test_mode_line_shows_reportls(self):
        self.assertIn("reportls", self.file(self.report)["mode_line"])


if __name__ == "__main__":
    ensure_debian_packages(["emacs-nox", "elpa-eglot"], ["emacs"])
    unittest.main(verbosity=2)
