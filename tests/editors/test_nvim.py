"""Neovim (Debian's 0.7.2, or any later one) with editors/nvim/lua/reportls.lua, headless: opens a
corpus report and a draft with a placeholder after a non-BMP character, and checks what Neovim
shows — the diagnostics, their byte columns against the UTF-16 positions the server sent, and the
outline's top-level names."""
import json
import os
import subprocess
import tempfile
import unittest

from editor_util import (BINARY, CORPUS, EDITORS_DIR, EXAMPLE_PLUGINS, HERE, SAMPLE,
                         ensure_debian_packages, top_headings, utf16_units)

DRAFT_LINES = ["一、总体情况", "𠮷县人民政府××年度法治政府建设工作取得成效。"]
PLACEHOLDER_LINE = 1


class Neovim(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.report = os.path.join(CORPUS, SAMPLE)
        cls.draft = os.path.join(cls.tmp.name, "draft.txt")
        with open(cls.draft, "w", encoding="utf-8") as f:
            f.write("\n".join(DRAFT_LINES) + "\n")
        out = os.path.join(cls.tmp.name, "out.json")
        env = dict(os.environ, REPORTLS_BINARY=BINARY, REPORTLS_EXAMPLE_PLUGIN_DIR=EXAMPLE_PLUGINS,
                   REPORTLS_NVIM_REPORT=cls.report, REPORTLS_NVIM_DRAFT=cls.draft,
                   REPORTLS_NVIM_OUT=out, HOME=cls.tmp.name, XDG_STATE_HOME=cls.tmp.name,
                   XDG_DATA_HOME=cls.tmp.name, XDG_CONFIG_HOME=cls.tmp.name)
        cmd = ["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n",
               "--cmd", "set rtp^=" + os.path.join(EDITORS_DIR, "nvim"),
               "-c", "luafile " + os.path.join(HERE, "nvim_test.lua")]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        cls.nvim_output = proc.stdout + proc.stderr
        if not os.path.exists(out):
            raise AssertionError("nvim wrote no result (exit %d):\n%s" % (proc.returncode, cls.nvim_output))
        with open(out, encoding="utf-8") as f:
            cls.result = json.load(f)
        print("Neovim %(major)d.%(minor)d.%(patch)d" % cls.result["version"],
              "(vim.lsp.start)" if cls.result["uses_lsp_start"] else "(vim.lsp.start_client)")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def file(self, path):
        for f in self.result["files"]:
            if f["path"] == path:
                return f
        self.fail("no result for %s: %s" % (path, self.result))

    def test_no_errors(self):
        self.assertEqual(self.result["errors"], [], self.nvim_output)

    def test_report_is_attached_and_diagnosed(self):
        f = self.file(self.report)
        self.assertEqual(f["filetype"], "text")
        self.assertTrue(f["attached"], "reportls did not attach to the report buffer")
        self.assertTrue(f["published"], "no diagnostics were published for the report")
        # Neovim shows every diagnostic the server sent.
        self.assertEqual(len(f["nvim_diagnostics"]), len(f["server_diagnostics"]))

    def test_outline_top_level_is_the_reports_headings(self):
        f = self.file(self.report)
        expected = top_headings(self.report)
        self.assertEqual(len(expected), 4)
        top = [(s["line"], s["name"]) for s in f["top_level"]]
        # The report's title may stand above the headings; every other top-level entry is a heading.
        if top and top[0][0] < expected[0][0]:
            top = top[1:]
        self.assertEqual(top, expected)
        # The location list Neovim builds from the outline lists each heading on its 1-based line.
        for line, name in expected:
            self.assertIn(line + 1, [i["lnum"] for i in f["items"] if name in i["text"]], name)

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

    def test_settings_change_without_restart(self):
        self.assertTrue(self.result["cleared_after_settings"],
                        "rules.placeholder = off did not clear the placeholder diagnostic")


if __name__ == "__main__":
    ensure_debian_packages(["neovim"], ["nvim"])
    unittest.main(verbosity=2)
