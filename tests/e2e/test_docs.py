"""The documentation says what the product does: the README's sample output is a real run (with
REPORTLS_UPDATE_DOCS=1 this test writes the block anew), every command-line command and option,
every setting and every rule is documented where a reader looks for it, rule links point at
anchors that exist, and the licence is there."""
import glob
import json
import os
import re
import subprocess
import unittest

from lsp_client import BINARY, run

SOURCE = os.environ.get("REPORTLS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = re.compile(r"<!-- sample: cd docs/examples && reportls check draft.txt -->\n```\n(.*?)```\n", re.S)


def read(*parts):
    with open(os.path.join(SOURCE, *parts), encoding="utf-8") as f:
        return f.read()


class Readme(unittest.TestCase):
    def setUp(self):
        self.readme = read("README.md")

    def test_sample_output_is_a_real_run(self):
        out = subprocess.run([BINARY, "check", "draft.txt"], cwd=os.path.join(SOURCE, "docs", "examples"),
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 1, out.stderr)  # the draft has an error-severity finding
        self.assertEqual(out.stderr, "")
        match = SAMPLE.search(self.readme)
        self.assertIsNotNone(match, "no sample block in README.md")
        if os.environ.get("REPORTLS_UPDATE_DOCS") == "1":
            with open(os.path.join(SOURCE, "README.md"), "w", encoding="utf-8") as f:
                f.write(self.readme[:match.start(1)] + out.stdout + self.readme[match.end(1):])
            return
        self.assertEqual(match.group(1), out.stdout, "README.md's sample is not what reportls prints now "
                         "(REPORTLS_UPDATE_DOCS=1 ctest -R e2e_test_docs writes it anew)")

    def test_every_command_and_option_is_documented(self):
        usage = subprocess.run([BINARY, "--help"], capture_output=True, text=True).stdout
        commands = set(re.findall(r"^  reportls (check|outline|plugins)\b", usage, re.M))
        options = set(re.findall(r"(--[a-z-]+)", usage))
        self.assertEqual(commands, {"check", "outline", "plugins"})
        self.assertGreaterEqual(len(options), 8, usage)
        for word in sorted({"reportls " + c for c in commands} | options):
            with self.subTest(word=word):
                self.assertIn(word, self.readme)

    def test_every_setting_is_documented(self):
        schema = json.loads(read("docs", "settings.schema.json"))["properties"]
        table = set(re.findall(r"^\| `([A-Za-z]+)` \|", self.readme, re.M))
        self.assertEqual(table, set(schema))
        extension = read("editors", "vscode", "README.md")
        for key in schema:
            self.assertIn("`reportls.%s`" % key, extension)
        manifest = json.loads(read("editors", "vscode", "package.json"))
        for command in manifest["contributes"]["commands"]:
            self.assertIn("reportls: " + command["title"], extension)

    def test_every_rule_is_documented_and_linked_to_an_anchor_that_exists(self):
        catalogue = {r["code"] for r in json.loads(read("docs", "rules.json"))["rules"]}
        rows = re.findall(r'^\| <a id="([a-z0-9-]+)"></a>`([a-z0-9_.-]+)`', self.readme, re.M)
        self.assertEqual({code for _, code in rows}, catalogue)
        for anchor, code in rows:
            self.assertEqual(anchor, code.replace(".", "-"))
        self.assertIn("## Rules", self.readme)  # settings_check links …README.md#rules
        # Every code the analyzers produce on the fixtures and the corpus is in the catalogue.
        produced = set()
        for expected in glob.glob(os.path.join(SOURCE, "tests", "fixtures", "*", "*.expected")):
            with open(expected, encoding="utf-8") as f:
                produced |= set(re.findall(r" \[([a-z_]+\.[a-z0-9_-]+)\] ", f.read()))
        self.assertTrue(produced)
        self.assertEqual(produced - catalogue, set())

    def test_license(self):
        self.assertIn("MIT License", read("LICENSE"))
        self.assertIn("[LICENSE](LICENSE)", self.readme)


if __name__ == "__main__":
    run()
