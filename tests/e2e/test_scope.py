"""Which documents reportls checks: reports get every check; any other text — news items, opinions,
notices, this repository's own Markdown files — gets no diagnostic and no outline by default, on
the command line and over LSP.  With "allChineseText" the typography and wording checks run on all
Chinese text, and the report-level checks still do not."""
import glob
import json
import os
import subprocess
import tempfile
import unittest

from lsp_client import BINARY, CORPUS, ServerTest, run

SOURCE = os.environ.get("REPORTLS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
NON_REPORTS = sorted(glob.glob(os.path.join(SOURCE, "tests", "eval", "set", "texts", "*_other_*.txt")))
# The repository's own Markdown (READMEs, notes); the fixture reports drafted in Markdown are reports.
MARKDOWN = sorted(p for p in glob.glob(os.path.join(SOURCE, "**", "*.md"), recursive=True)
                  if "/build" not in p and "node_modules" not in p and "/tests/fixtures/" not in p)
REPORT_LEVEL = ("sections.", "numbering.", "paragraph.", "dates.")


def check_json(paths, settings=None):
    args = [BINARY, "check", "--format", "json"]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as config:
        if settings is not None:
            json.dump(settings, config)
            config.flush()
            args += ["--config", config.name]
        out = subprocess.run(args + paths, capture_output=True, text=True, timeout=300)
    if out.returncode not in (0, 1):
        raise AssertionError(out.stderr)
    return {os.path.basename(e["file"]): e["diagnostics"] for e in json.loads(out.stdout)}


class CommandLine(unittest.TestCase):
    def test_texts_that_are_no_report_get_nothing_by_default(self):
        self.assertEqual(len(NON_REPORTS), 10)
        self.assertGreater(len(MARKDOWN), 5)
        for name, diags in check_json(NON_REPORTS + MARKDOWN).items():
            with self.subTest(name=name):
                self.assertEqual([d["code"] for d in diags], [])

    def test_all_chinese_text_turns_on_typography_not_report_checks(self):
        found = check_json(NON_REPORTS, {"allChineseText": True})
        codes = [d["code"] for diags in found.values() for d in diags]
        self.assertTrue(any(c.startswith(("terms.", "punctuation.")) for c in codes), codes)
        self.assertEqual([c for c in codes if c.startswith(REPORT_LEVEL)], [])

    def test_a_report_gets_every_check(self):
        report = os.path.join(CORPUS, "wuding-county-office-2022.txt")
        codes = {d["code"].split(".")[0] for d in check_json([report])["wuding-county-office-2022.txt"]}
        self.assertTrue({"sections", "dates", "punctuation", "figures", "terms"} <= codes, codes)


class OverLsp(ServerTest):
    def test_readme_and_news_item_get_no_diagnostics_and_no_outline(self):
        for path in (os.path.join(SOURCE, "README.md"), NON_REPORTS[0]):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            uri = "file://" + os.path.abspath(path)
            language = "markdown" if path.endswith(".md") else "plaintext"
            with self.subTest(path=os.path.basename(path)):
                self.client.open(uri, text, language=language)
                self.assertEqual(self.client.published(uri, 1)["diagnostics"], [])
                symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
                self.assertEqual(symbols, [])


if __name__ == "__main__":
    run()
