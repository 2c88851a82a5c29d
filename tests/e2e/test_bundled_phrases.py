"""No completion inserts a typo, an outdated term or a wrong document title: every phrase the
phrasing plugin ships (the curated list and the set mined from real reports) is checked by the
analyzers themselves, as `reportls check` checks any Chinese text, and none may be flagged.  The
mined set was reviewed the same way when it was mined (`reportls phrases mine` drops what they
flag); this keeps it so when the rules or the phrases change."""
import glob
import json
import os
import subprocess
import tempfile
import unittest

from lsp_client import BINARY, run

BUILD = os.environ.get("REPORTLS_BUILD_DIR", "")
# What a phrase can carry is wording and typography; these judge a whole report (its parts, their
# numbering, its paragraphs and dates), which a title or heading phrase alone is taken for.
REPORT_LEVEL = ("sections.", "numbering.", "paragraph.", "dates.", "tables.")
# The report year the bundled set was reviewed for when it was mined (`phrases mine` in 2026 judges
# for the year before): fixed, so that the verdict never depends on the day the test runs.  Raise
# it when the bundled set is mined again.
YEAR = 2025


def bundled_phrases():
    """(file, text as inserted) of every phrase in the build's phrasing folder."""
    folder = os.path.join(BUILD, "lib", "reportls", "plugins", "phrasing")
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.phrases.json"))):
        with open(path, encoding="utf-8") as f:
            for p in json.load(f)["phrases"]:
                # As the item inserts it: 20×× is the report year, a × placeholder some text.
                text = p["text"].replace("20××", str(YEAR + p.get("year_offset", 0)))
                out.append((os.path.basename(path), text.replace("××", "某").replace("×", "3")))
    return out


class BundledPhrases(unittest.TestCase):
    def test_the_analyzers_flag_no_bundled_phrase(self):
        phrases = bundled_phrases()
        self.assertGreater(len(phrases), 1000, "the mined set is missing from the build")
        with tempfile.TemporaryDirectory() as tmp:
            # Each phrase judged on its own, as any Chinese text: a curated heading phrase in a
            # file with the others would make a report of them, whose numbering is then checked.
            # The mined ones hold no heading and go one a line, a blank line apart, in one file.
            drafts = []
            for i, (source, text) in enumerate(phrases):
                if source.startswith("mined"):
                    continue
                drafts.append((os.path.join(tmp, f"p{i:05d}.txt"), [(source, text)]))
            mined = [p for p in phrases if p[0].startswith("mined")]
            drafts.append((os.path.join(tmp, "mined.txt"), mined))
            for path, lines in drafts:
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n\n".join(text for _, text in lines) + "\n")
            config = os.path.join(tmp, "settings.json")
            with open(config, "w", encoding="utf-8") as f:
                json.dump({"allChineseText": True, "reportYear": YEAR}, f)
            proc = subprocess.run([BINARY, "check", "--format", "json", "--config", config, tmp],
                                  capture_output=True, text=True, timeout=600)
            self.assertIn(proc.returncode, (0, 1), proc.stderr)
            lines_of = {path: lines for path, lines in drafts}
            flagged = [f"{lines_of[f['file']][d['range']['start']['line'] // 2]}: {d['code']} {d['message']}"
                       for f in json.loads(proc.stdout) for d in f["diagnostics"]
                       if not d["code"].startswith(REPORT_LEVEL)]
        self.assertEqual(flagged, [], "\n".join(flagged))


if __name__ == "__main__":
    run()
