"""Neovim (Debian's 0.7.2, or any later one) with editors/nvim/lua/reportls.lua, headless: opens a
corpus report and a draft with a placeholder after a non-BMP character, and checks what Neovim
shows — the diagnostics, their byte columns against the UTF-16 positions the server sent, the
outline's top-level names — and completion: pinyin typed in the report, <C-x><C-o>, the phrase
accepted, the line read back (nothing the user typed is left or doubled); ghost text of the next
clause after a clause, accepted with <Tab>."""
import os
import unittest

import editor_util
from editor_util import (BINARY, DRAFT_LINES, EDITORS_DIR, EXAMPLE_PLUGINS, HERE, PLACEHOLDER_LINE,
                         ensure_debian_packages, utf16_units)


# Subclassed through the module: a base imported by name would be run as a test of its own.
class Neovim(editor_util.HeadlessEditorTest):
    EDITOR = "nvim"
    TIMEOUT = 120

    @classmethod
    def command(cls, out, home):
        return (["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n",
                 "--cmd", "set rtp^=" + os.path.join(EDITORS_DIR, "nvim"),
                 "-c", "luafile " + os.path.join(HERE, "nvim_test.lua")],
                {"REPORTLS_BINARY": BINARY, "REPORTLS_EXAMPLE_PLUGIN_DIR": EXAMPLE_PLUGINS,
                 "REPORTLS_NVIM_REPORT": cls.report, "REPORTLS_NVIM_DRAFT": cls.draft,
                 "REPORTLS_NVIM_OUT": out, "XDG_STATE_HOME": home, "XDG_DATA_HOME": home,
                 "XDG_CONFIG_HOME": home})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print("Neovim %(major)d.%(minor)d.%(patch)d" % cls.result["version"],
              "(vim.lsp.start)" if cls.result["uses_lsp_start"] else "(vim.lsp.start_client)")

    def test_report_is_attached_and_diagnosed(self):
        f = self.file(self.report)
        self.assertEqual(f["filetype"], "text")
        self.assertTrue(f["attached"], "reportls did not attach to the report buffer")
        self.assertTrue(f["published"], "no diagnostics were published for the report")
        # Neovim shows every diagnostic the server sent.
        self.assertEqual(len(f["nvim_diagnostics"]), len(f["server_diagnostics"]))

    def test_outline_top_level_is_the_reports_headings(self):
        f = self.file(self.report)
        expected = self.assert_top_level_is_the_reports_headings(
            (s["line"], s["name"]) for s in f["top_level"])
        # The location list Neovim builds from the outline lists each heading on its 1-based line.
        for line, name in expected:
            self.assertIn(line + 1, [i["lnum"] for i in f["items"] if name in i["text"]], name)

    def test_completion_typing_pinyin_and_accepting(self):
        # 'omnifunc' is reportls's: typed pinyin, <C-x><C-o>, <C-n>… <C-y>; the line as it is after.
        cases = self.result["completion"]
        self.assertEqual(len(cases), 3, self.result)
        for case in cases:
            with self.subTest(typed=case["typed"]):
                self.assertEqual(case["omnifunc"], "v:lua.require'reportls'.omnifunc")
                self.assertTrue(case["menu"], case)
                self.assertIsNotNone(case.get("index"), case)
                expected = "。" + case["wanted"] if case["typed"].startswith("。") else case["wanted"]
                self.assertEqual(case["line"], expected)

    def test_ghost_text_of_the_next_clause_then_tab(self):
        # After a clause, the next clause real reports write is shown after the cursor; <Tab>
        # writes exactly it, and no ghost text is left behind in Normal mode.
        g = self.result.get("ghost")
        self.assertIsNotNone(g, self.result)
        typed = g["line_before"] + "，坚持党的全面领导，"
        self.assertEqual(g.get("typed_line"), typed, g)
        self.assertIn("坚持以人民为中心", g.get("text", ""), g)
        self.assertEqual(g.get("line_after"), typed + g["text"], g)
        self.assertEqual(g.get("left"), "", g)

    def test_placeholder_byte_columns_match_utf16_positions(self):
        f = self.file(self.draft)
        line = DRAFT_LINES[PLACEHOLDER_LINE]
        prefix = line[: line.index("××")]
        server = [d for d in f["server_diagnostics"] if d.get("code") == "placeholder.unfilled"]
        self.assertEqual(len(server), 1, f["server_diagnostics"])
        start = server[0]["range"]["start"]
        end = server[0]["range"]["end"]
        # The server speaks UTF-16: 𠮷 is two code units.
        self.assertEqual(start, {"line": PLACEHOLDER_LINE, "character": utf16_units(prefix)})
        self.assertEqual(end["character"], utf16_units(prefix + "××"))
        # Neovim stores byte columns of its UTF-8 buffer.
        shown = [d for d in f["nvim_diagnostics"] if "××" in d["message"]]
        self.assertEqual(len(shown), 1, f["nvim_diagnostics"])
        d = shown[0]
        self.assertEqual((d["lnum"], d["col"]), (PLACEHOLDER_LINE, len(prefix.encode())))
        self.assertEqual(d["end_col"], len((prefix + "××").encode()))
        self.assertNotEqual(d["col"], start["character"])  # the difference is visible
        self.assertEqual(d["severity"], 2)  # vim.diagnostic.severity.WARN


if __name__ == "__main__":
    ensure_debian_packages(["neovim"], ["nvim"])
    unittest.main(verbosity=2)
