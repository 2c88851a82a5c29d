"""`reportls check --format sarif` against the SARIF 2.1.0 JSON schema.

The schema and the validator come from the npm registry, installed once into a cache folder
(${REPORTLS_CACHE:-~/.cache/reportls}/sarif-validator; npm's own cache beside it), never from the
network at test time once cached and never vendored by hand:
  - the schema: sarif-2.1.0-rtm.5.json, the OASIS SARIF 2.1.0 schema, as shipped in
    @microsoft/jest-sarif (only its tarball is fetched, with `npm pack`, and the schema taken out),
  - the validator: ajv (draft-04 flavour, ajv-draft-04, as the schema is draft-04) + ajv-formats.
When node/npm are missing or the registry cannot be reached and nothing is cached, the schema
tests are skipped with a message; the structural checks below run regardless.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import unittest

from lsp_client import BINARY, CORPUS, EXAMPLE_PLUGINS, run

CACHE = os.environ.get("REPORTLS_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "reportls")
TOOL_DIR = os.path.join(CACHE, "sarif-validator")
SCHEMA_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
SCHEMA_IN_PACKAGE = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
VALIDATOR_PACKAGES = ["ajv@8.17.1", "ajv-draft-04@1.0.0", "ajv-formats@3.0.1"]

VALIDATE_JS = r"""
const fs = require("fs");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const [schemaPath, ...files] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// unicodeRegExp: false: the 2.1.0 schema has a pattern (language) that is invalid with the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const out = {};
for (const f of files) {
  const ok = validate(JSON.parse(fs.readFileSync(f, "utf8")));
  out[f] = ok ? [] : validate.errors.map(e => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
console.log(JSON.stringify(out));
"""

_setup = None  # (schema path, node) or the reason the validator is unavailable


def npm_env():
    return dict(os.environ, npm_config_cache=os.path.join(CACHE, "npm"), npm_config_update_notifier="false",
                npm_config_fund="false", npm_config_audit="false")


def validator():
    """Installs (once, cached) the schema and the validator; returns (schema, node) or raises SkipTest."""
    global _setup
    if _setup is None:
        _setup = _install()
    if isinstance(_setup, str):
        raise unittest.SkipTest(_setup)
    return _setup


def _install():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return "node and npm are needed to validate against the SARIF schema (Debian: nodejs npm)"
    schema = os.path.join(TOOL_DIR, "sarif-schema-2.1.0.json")
    script = os.path.join(TOOL_DIR, "validate.js")
    os.makedirs(TOOL_DIR, exist_ok=True)
    env = npm_env()
    if not os.path.isdir(os.path.join(TOOL_DIR, "node_modules", "ajv-draft-04")):
        with open(os.path.join(TOOL_DIR, "package.json"), "w") as f:
            json.dump({"name": "reportls-sarif-validator", "private": True}, f)
        proc = subprocess.run([npm, "install", "--prefer-offline", "--no-save", "--ignore-scripts",
                               "--loglevel=error", *VALIDATOR_PACKAGES],
                              cwd=TOOL_DIR, env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            return "could not install the validator from npm: " + proc.stderr.strip()[-500:]
    if not os.path.exists(schema):
        with tempfile.TemporaryDirectory() as tmp:
            proc = subprocess.run([npm, "pack", "--prefer-offline", "--loglevel=error", "--pack-destination",
                                   tmp, SCHEMA_PACKAGE], env=env, capture_output=True, text=True, timeout=300)
            tarballs = glob.glob(os.path.join(tmp, "*.tgz"))
            if proc.returncode != 0 or not tarballs:
                return "could not fetch %s from npm: %s" % (SCHEMA_PACKAGE, proc.stderr.strip()[-500:])
            with tarfile.open(tarballs[0]) as tar:
                data = tar.extractfile(SCHEMA_IN_PACKAGE).read()
            with open(schema + ".tmp", "wb") as f:
                f.write(data)
            os.replace(schema + ".tmp", schema)
    with open(script, "w") as f:
        f.write(VALIDATE_JS)
    return schema, node


def sarif(*args):
    out = subprocess.run([BINARY, "check", "--format", "sarif", *args], capture_output=True, text=True,
                         timeout=120)
    if out.returncode not in (0, 1):
        raise AssertionError("reportls check failed (%d): %s" % (out.returncode, out.stderr))
    return out.stdout


class Sarif(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.reports = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
        cls.draft = os.path.join(cls.tmp.name, "draft.txt")
        with open(cls.draft, "w", encoding="utf-8") as f:
            f.write("一、总体情况\n𠮷县人民政府××年度法治政府建设工作取得成效。\n")
        cls.logs = {}  # name -> SARIF text
        for report in cls.reports:
            cls.logs[os.path.basename(report)] = sarif(report)
        cls.logs["all-corpus"] = sarif(*cls.reports)
        cls.logs["placeholder"] = sarif("--plugin-dir", EXAMPLE_PLUGINS, cls.draft)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_corpus_has_five_reports(self):
        self.assertEqual(len(self.reports), 5)

    def test_valid_against_the_sarif_2_1_0_schema(self):
        schema, node = validator()
        files = {}
        for name, text in self.logs.items():
            path = os.path.join(self.tmp.name, name + ".sarif")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            files[path] = name
        out = subprocess.run([node, os.path.join(TOOL_DIR, "validate.js"), schema, *files],
                             capture_output=True, text=True, timeout=120,
                             env=dict(os.environ, NODE_PATH=os.path.join(TOOL_DIR, "node_modules")))
        self.assertEqual(out.returncode, 0, out.stderr)
        errors = json.loads(out.stdout)
        for path, name in files.items():
            with self.subTest(log=name):
                self.assertEqual(errors[path], [])

    def test_schema_rejects_an_invalid_log(self):
        """The validator really validates: a log without `version` and with a bad level fails."""
        schema, node = validator()
        log = json.loads(self.logs["placeholder"])
        del log["version"]
        log["runs"][0]["results"][0]["level"] = "fatal"
        path = os.path.join(self.tmp.name, "broken.sarif")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(log, f)
        out = subprocess.run([node, os.path.join(TOOL_DIR, "validate.js"), schema, path],
                             capture_output=True, text=True, timeout=120)
        errors = json.loads(out.stdout)[path]
        self.assertTrue(any("version" in e for e in errors), errors)
        self.assertTrue(any("/level" in e for e in errors), errors)

    def test_structure_beyond_the_schema(self):
        """What the schema cannot say: every result's rule is described, regions are 1-based
        UTF-16 columns, and the placeholder after 𠮷 lands where a SARIF viewer expects it."""
        for name, text in self.logs.items():
            with self.subTest(log=name):
                log = json.loads(text)
                self.assertEqual(log["version"], "2.1.0")
                self.assertEqual(len(log["runs"]), 1)
                run_ = log["runs"][0]
                self.assertEqual(run_["tool"]["driver"]["name"], "reportls")
                self.assertEqual(run_.get("columnKind"), "utf16CodeUnits")
                rules = {r["id"] for r in run_["tool"]["driver"].get("rules", [])}
                for result in run_["results"]:
                    self.assertIn(result["ruleId"], rules)
                    self.assertIn(result["level"], ("error", "warning", "note", "none"))
                    region = result["locations"][0]["physicalLocation"]["region"]
                    self.assertGreaterEqual(region["startLine"], 1)
                    self.assertGreaterEqual(region["startColumn"], 1)
        results = json.loads(self.logs["placeholder"])["runs"][0]["results"]
        placeholder = [r for r in results if r["ruleId"] == "placeholder.unfilled"]
        self.assertEqual(len(placeholder), 1)
        region = placeholder[0]["locations"][0]["physicalLocation"]["region"]
        # 𠮷县人民政府 is 6 characters but 7 UTF-16 code units: ×× starts at column 8.
        self.assertEqual((region["startLine"], region["startColumn"], region["endColumn"]), (2, 8, 10))
        self.assertEqual(placeholder[0]["level"], "warning")

    def test_fix_regions_hold_what_they_replace(self):
        """A fix's deletedRegion (1-based, UTF-16 columns, end exclusive) lies in the file and holds
        what the fix replaces: each replacement of the document-wide punctuation fix one half-width
        mark, written as its full-width form."""
        checked = 0
        for report in self.reports + [self.draft]:
            with open(report, encoding="utf-8", newline="") as f:
                lines = [line.encode("utf-16-le") for line in re.split(r"\r\n|\r|\n", f.read())]
            name = os.path.basename(report)
            log = json.loads(self.logs.get(name) or self.logs["placeholder"])
            for result in log["runs"][0]["results"]:
                for fix in result.get("fixes", []):
                    for change in fix["artifactChanges"]:
                        for r in change["replacements"]:
                            region = r["deletedRegion"]
                            with self.subTest(file=name, rule=result["ruleId"], region=region):
                                self.assertEqual(region["startLine"], region["endLine"])
                                line = lines[region["startLine"] - 1]
                                self.assertLessEqual(region["startColumn"], region["endColumn"])
                                self.assertLessEqual(2 * (region["endColumn"] - 1), len(line))
                                deleted = line[2 * (region["startColumn"] - 1):2 * (region["endColumn"] - 1)]
                                deleted = deleted.decode("utf-16-le")  # fails inside a surrogate pair
                                inserted = r["insertedContent"]["text"]
                                self.assertNotEqual(deleted, inserted)
                                if result["ruleId"] == "punctuation.normalized-document":
                                    self.assertEqual(len(deleted), 1)
                                    self.assertLess(ord(deleted), 0x80)
                                    self.assertGreater(ord(inserted), 0x80)
                                checked += 1
        self.assertGreater(checked, 100)

    def test_the_document_wide_fix_is_written_whole(self):
        """`check` lets plugins leave costly fixes' edits out for text and JSON output, which show
        no fixes (plugin ABI 1.4); SARIF carries fixes, so the document-wide conversion of each
        corpus report comes with one replacement per mark."""
        for report in self.reports:
            name = os.path.basename(report)
            log = json.loads(self.logs[name])
            normalized = [r for r in log["runs"][0]["results"] if r["ruleId"] == "punctuation.normalized-document"]
            with self.subTest(file=name):
                self.assertEqual(len(normalized), 1)
                marks = int(re.search(r"有 (\d+) 处半角标点", normalized[0]["message"]["text"]).group(1))
                replacements = [r for fix in normalized[0]["fixes"] for change in fix["artifactChanges"]
                                for r in change["replacements"]]
                self.assertEqual(len(replacements), marks)


if __name__ == "__main__":
    run()
