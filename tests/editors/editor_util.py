"""Shared set-up of the editor tests: paths from ctest's environment, installing a missing Debian
package (only when missing, under a lock so parallel tests do not fight over dpkg), skipping
cleanly when it genuinely cannot be installed, what a corpus report's outline must show, and the
base of the headless Neovim and Emacs tests."""
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = os.environ.get("REPORTLS_BINARY", "reportls")
CORPUS = os.environ.get("REPORTLS_CORPUS_DIR", "")
EXAMPLE_PLUGINS = os.environ.get("REPORTLS_EXAMPLE_PLUGIN_DIR", "")
SOURCE_DIR = os.environ.get("REPORTLS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD_DIR = os.environ.get("REPORTLS_BUILD_DIR", "")
EDITORS_DIR = os.path.join(SOURCE_DIR, "editors")
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = "xiushan-county-2023.txt"

# The report's top-level headings: 一、 二、 … at the start of a line.
TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、\S")


# The exit code ctest reads as "skipped" (SKIP_RETURN_CODE in tests/editors/CMakeLists.txt).
SKIP = 77


def skip_module(reason):
    """Ends the test as skipped (ctest shows "Skipped" and this reason).  In CI (CI=true) a
    missing tool is a failure: the editors must really have been tested there."""
    if os.environ.get("CI", "").lower() == "true":
        print("FAILED: skipped in CI: " + reason, flush=True)
        sys.exit(1)
    print("SKIPPED: " + reason, flush=True)
    sys.exit(SKIP)


def ensure_debian_packages(packages, commands):
    """Installs the Debian `packages` with apt-get when one of `commands` is missing; skips the
    whole test module when that is impossible (not root and no sudo, apt-get failing)."""
    if all(shutil.which(c) for c in commands):
        return
    apt = shutil.which("apt-get")
    if apt is None:
        skip_module("%s not installed and no apt-get to install %s" % (", ".join(commands), " ".join(packages)))
    prefix = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if prefix is None:
        skip_module("%s not installed; not root and no sudo to install %s" % (", ".join(commands), " ".join(packages)))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = prefix + [apt, "install", "-y", "-qq", "--no-install-recommends", *packages]
    with open("/tmp/reportls-apt.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one apt-get at a time across parallel ctest tests
        if all(shutil.which(c) for c in commands):
            return
        print("installing %s with apt-get" % " ".join(packages), flush=True)
        if subprocess.run(install, env=env).returncode != 0:
            subprocess.run(prefix + [apt, "update", "-qq"], env=env)
            if subprocess.run(install, env=env).returncode != 0:
                skip_module("apt-get could not install %s" % " ".join(packages))
    if not all(shutil.which(c) for c in commands):
        skip_module("%s still missing after installing %s" % (", ".join(commands), " ".join(packages)))


def top_headings(path):
    """(0-based line, text) of the report's 一、… headings, read straight from the file."""
    with open(path, encoding="utf-8") as f:
        return [(n, line.strip()) for n, line in enumerate(f) if TOP_HEADING.match(line)]


def utf16_units(s):
    return len(s.encode("utf-16-le")) // 2


def check_environment():
    if not os.path.exists(BINARY):
        raise unittest.SkipTest("reportls binary not built: " + BINARY)


# The draft every headless editor opens beside the sample report: a report (its title says so) with
# a placeholder after a non-BMP character (one character in the editor, two UTF-16 units on the
# wire).
DRAFT_LINES = ["𠮷县2023年度法治政府建设情况报告", "一、总体情况", "𠮷县人民政府××年度法治政府建设工作取得成效。"]
PLACEHOLDER_LINE = 2


class HeadlessEditorTest(unittest.TestCase):
    """Runs an editor once, headless, over the sample report and the draft; its test script writes
    what the editor shows to a JSON file (self.result), its output goes to self.output."""
    EDITOR = ""    # the program, for messages
    TIMEOUT = 150  # seconds

    @classmethod
    def command(cls, out, home):
        """(argv, extra environment) of the editor run writing `out`; `home` is a scratch folder."""
        raise NotImplementedError

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        # A copy: an editor leaves lock and backup files beside what it opens, which other tests
        # listing the corpus folder at the same time would read.  In a folder of its own, so the
        # editor gives the report and the draft a server each, as it did for the corpus folder.
        os.mkdir(os.path.join(cls.tmp.name, "report"))
        cls.report = shutil.copy(os.path.join(CORPUS, SAMPLE), os.path.join(cls.tmp.name, "report"))
        cls.draft = os.path.join(cls.tmp.name, "draft.txt")
        with open(cls.draft, "w", encoding="utf-8") as f:
            f.write("\n".join(DRAFT_LINES) + "\n")
        out = os.path.join(cls.tmp.name, "out.json")
        argv, extra = cls.command(out, cls.tmp.name)
        proc = subprocess.run(argv, env=dict(os.environ, HOME=cls.tmp.name, **extra), capture_output=True,
                              text=True, timeout=cls.TIMEOUT, stdin=subprocess.DEVNULL)
        cls.output = proc.stdout + proc.stderr
        if not os.path.exists(out):
            raise AssertionError("%s wrote no result (exit %d):\n%s" % (cls.EDITOR, proc.returncode, cls.output))
        with open(out, encoding="utf-8") as f:
            cls.result = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def file(self, path):
        for f in self.result["files"]:
            if f["path"] == path:
                return f
        self.fail("no result for %s: %s" % (path, self.result))

    def test_no_errors(self):
        self.assertEqual(self.result["errors"], [], self.output)

    def test_settings_change_without_restart(self):
        self.assertTrue(self.result.get("cleared_after_settings"),
                        "rules.placeholder = off did not clear the placeholder diagnostic")

    def assert_top_level_is_the_reports_headings(self, top_level):
        """top_level: the editor's outline entries as (0-based line, name); returns the headings."""
        expected = top_headings(self.report)
        self.assertEqual(len(expected), 4)
        top = list(top_level)
        # The report's title may stand above the headings; every other top-level entry is a heading.
        if top and top[0][0] < expected[0][0]:
            top = top[1:]
        self.assertEqual(top, expected)
        return expected
