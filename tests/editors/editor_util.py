"""Shared set-up of the editor tests: paths from ctest's environment, installing a missing Debian
package (only when missing, under a lock so parallel tests do not fight over dpkg), skipping
cleanly when it genuinely cannot be installed, and what a corpus report's outline must show."""
import fcntl
import os
import re
import shutil
import subprocess
import sys
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


def skip_module(reason):
    """Prints a clear skip message and ends the test successfully (ctest shows the output)."""
    print("SKIPPED: " + reason, flush=True)
    sys.exit(0)


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
