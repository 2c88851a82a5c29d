"""The command line: check in its three formats, outline, usage errors and exit codes."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from lsp_client import BINARY, CORPUS, EXAMPLE_PLUGINS, run

SOURCE = os.environ.get("REPORTLS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


def reportls(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=120)


class Usage(unittest.TestCase):
    def test_help_and_version(self):
        self.assertEqual(reportls("--help").returncode, 0)
        self.assertIn("reportls check", reportls("--help").stdout)
        self.assertRegex(reportls("--version").stdout, r"^reportls \d+\.\d+\.\d+")

    def test_usage_errors_exit_2(self):
        for args in (["check"], ["check", "--format", "xml", "a.txt"], ["--bogus"], ["frobnicate"],
                     ["convert", "a.docx", "b.docx"], ["convert"], ["check", "-o", "out.md", "a.txt"]):
            with self.subTest(args=args):
                out = reportls(*args)
                self.assertEqual(out.returncode, 2, out)
                self.assertIn("reportls --help", out.stderr)

    def test_unreadable_file_exits_2(self):
        out = reportls("check", "/nonexistent/report.txt")
        self.assertEqual(out.returncode, 2)
        self.assertIn("无法读取文件", out.stderr)


class Check(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.report = os.path.join(self.tmp.name, "draft.txt")
        with open(self.report, "w", encoding="utf-8") as f:
            f.write("𠮷县××\n一、工作情况\n")

    def test_text_format_names_file_line_column_severity_and_code(self):
        out = reportls("check", "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        self.assertEqual(out.returncode, 0, out.stderr)
        # Columns count characters, as a person does: 𠮷 is one.
        self.assertIn(self.report + ":1:3: 警告 [placeholder.unfilled]", out.stdout)
        self.assertRegex(out.stdout, r"draft.txt: 错误 0，警告 \d+，")

    def test_text_format_counts_the_characters_of_a_long_line(self):
        # Past the first eight bytes of a line, with four-byte characters on both sides of them.
        path = os.path.join(self.tmp.name, "long.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("一、工作情况\n关于𠮷ab工作的情况说明，𠮷××\n")
        out = reportls("check", "--plugin-dir", EXAMPLE_PLUGINS, path)
        self.assertIn(path + ":2:15: 警告 [placeholder.unfilled]", out.stdout)

    def test_json_format_has_lsp_diagnostics_per_file(self):
        out = reportls("check", "--format", "json", "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        files = json.loads(out.stdout)
        self.assertEqual(files[0]["file"], self.report)
        d = next(d for d in files[0]["diagnostics"] if d["code"] == "placeholder.unfilled")
        self.assertEqual(d["code"], "placeholder.unfilled")
        self.assertEqual(d["range"]["start"], {"line": 0, "character": 3})  # UTF-16: 𠮷 is two

    def test_timings_name_every_analyzer_once_per_file_on_stderr(self):
        out = reportls("check", "--timings", "--plugin-dir", EXAMPLE_PLUGINS, self.report, self.report)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertNotIn("插件分析耗时", out.stdout)  # stdout stays the diagnostics alone
        self.assertIn("插件分析耗时（2 个文件合计）", out.stderr)
        for plugin in ("placeholder", "terms", "figures"):
            self.assertRegex(out.stderr, rf"\n  {plugin} +\d+\.\d\d ms  （2 次）\n")
        self.assertRegex(out.stderr, r"\n  合计 +\d+\.\d\d ms\n")
        # A plugin that only completes (phrasing and its phrase model) is not even created, and
        # not said to have failed to load.
        self.assertNotIn("phrasing", out.stderr)
        self.assertNotIn("插件未加载", out.stderr)

    def test_sarif_format(self):
        out = reportls("check", "--format", "sarif", "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        log = json.loads(out.stdout)
        self.assertEqual(log["version"], "2.1.0")
        result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "placeholder.unfilled")
        self.assertEqual(result["ruleId"], "placeholder.unfilled")
        self.assertEqual(result["level"], "warning")
        region = result["locations"][0]["physicalLocation"]["region"]
        self.assertEqual((region["startLine"], region["startColumn"]), (1, 4))

    def test_rules_can_be_turned_off_or_raised_to_error(self):
        config = os.path.join(self.tmp.name, "settings.json")
        with open(config, "w") as f:
            json.dump({"rules": {"placeholder": "error"}}, f)
        out = reportls("check", "--config", config, "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        self.assertEqual(out.returncode, 1)
        self.assertIn("错误 [placeholder.unfilled]", out.stdout)
        # A workspace file beside the report turns it off again.
        with open(os.path.join(self.tmp.name, ".reportls.json"), "w") as f:
            json.dump({"rules": {"placeholder.unfilled": "off"}}, f)
        out = reportls("check", "--config", config, "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        self.assertEqual(out.returncode, 0)
        self.assertNotIn("placeholder.unfilled", out.stdout)

    def test_rule_links_a_reader_can_open(self):
        url = "https://github.com/reportls/reportls/blob/main/README.md#placeholder-unfilled"
        with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
            self.assertIn('<a id="placeholder-unfilled"></a>', f.read())  # the anchor is there
        out = reportls("check", "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        self.assertIn("\n规则说明：\n", out.stdout)
        self.assertIn("\n  placeholder.unfilled  " + url + "\n", out.stdout)
        out = reportls("check", "--format", "json", "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        d = next(d for d in json.loads(out.stdout)[0]["diagnostics"] if d["code"] == "placeholder.unfilled")
        self.assertEqual(d["codeDescription"]["href"], url)
        out = reportls("check", "--format", "sarif", "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        rules = json.loads(out.stdout)["runs"][0]["tool"]["driver"]["rules"]
        self.assertEqual(next(r for r in rules if r["id"] == "placeholder.unfilled")["helpUri"], url)

    def test_directives_in_the_text_are_honoured(self):
        path = os.path.join(self.tmp.name, "draft.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write("𠮷县××\n<!-- reportls-disable-next-line placeholder.unfilled -->\n乙县××\n"
                    "<!-- reportls-disable placeholder -->\n丙县××\n<!-- reportls-enable placeholder -->\n丁县××\n")
        out = reportls("check", "--plugin-dir", EXAMPLE_PLUGINS, path)
        lines = [l.split(":")[1] for l in out.stdout.splitlines() if "[placeholder.unfilled]" in l]
        self.assertEqual(lines, ["1", "7"])

    def test_config_mistakes_name_file_line_and_column(self):
        config = os.path.join(self.tmp.name, "settings.json")
        with open(config, "w") as f:
            f.write('{\n  "rules": {"placeholder.unfiled": "off", "mine": "error"},\n  "debounce": -5\n}\n')
        out = reportls("check", "--config", config, "--plugin-dir", EXAMPLE_PLUGINS, self.report)
        self.assertIn(config + ':2:13: rules["placeholder.unfiled"]: 未知的规则', out.stderr)
        self.assertIn(config + ':2:43: rules.mine: 未知的规则', out.stderr)
        self.assertIn(config + ":3:3: debounce: 应在 0–10000 之间，实为 -5", out.stderr)
        self.assertIn("[placeholder.unfilled]", out.stdout)  # the misspelt rule turned nothing off

    def test_many_files_keep_their_order(self):
        files = [os.path.join(CORPUS, n) for n in sorted(os.listdir(CORPUS))]
        out = reportls("check", *files)
        self.assertIn(out.returncode, (0, 1))
        summaries = [l.split(":")[0] for l in out.stdout.splitlines() if "错误 " in l and "，警告" in l]
        self.assertEqual(summaries, files)

    def test_a_large_run_restarts_with_huge_pages_and_gives_the_same_answer(self):
        # Half a megabyte or more restarts the process once (memory.h); its arguments must come
        # through whole: a path with a space and Chinese in it, an option with its value.
        folder = os.path.join(self.tmp.name, "年度 报告")
        os.mkdir(folder)
        with open(os.path.join(CORPUS, "xiushan-county-2023.txt"), encoding="utf-8") as f:
            text = f.read()
        big = os.path.join(folder, "合订 本.txt")
        with open(big, "w", encoding="utf-8") as f:
            f.write(text * (600_000 // len(text.encode()) + 1))
        args = ["check", "--format", "json", big, self.report]
        # A tunable the user set is theirs: no restart.
        kept = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"})
        self.assertIn(kept.returncode, (0, 1), kept.stderr)
        self.assertIn('"合订 本.txt"'[1:-1], kept.stdout)
        if not shutil.which("strace"):
            out = reportls(*args)
            self.assertEqual((out.returncode, out.stdout, out.stderr), (kept.returncode, kept.stdout, kept.stderr))
            self.skipTest("no strace: the restart itself is not seen")

        def restarts(*argv):
            log = os.path.join(self.tmp.name, "exec.log")
            env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
            out = subprocess.run(["strace", "-f", "-qq", "-e", "trace=execve", "-o", log, BINARY, *argv],
                                 capture_output=True, text=True, timeout=120, env=env)
            # the program's own executions but its first: the restarts (the analysis processes apart)
            with open(log, encoding="utf-8", errors="replace") as f:
                return out, sum("execve(" in line and "reportls-analysis" not in line for line in f) - 1

        out, n = restarts(*args)
        self.assertEqual(n, 1)
        self.assertEqual((out.returncode, out.stdout, out.stderr), (kept.returncode, kept.stdout, kept.stderr))
        self.assertEqual(restarts("check", self.report)[1], 0)  # a small run does not pay for one
        # Under valgrind too (the benchmark counts instructions so): /proc/self/exe is valgrind's own
        # tool there, so the restart runs the program by its path.  A sanitized build does not run
        # under valgrind at all.
        sanitized = os.environ.get("REPORTLS_SANITIZE", "OFF").upper() not in ("", "OFF", "0", "FALSE", "NO")
        if shutil.which("valgrind") and not sanitized:
            env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
            out = subprocess.run(["valgrind", "--tool=none", "--trace-children=yes", "-q", BINARY, *args],
                                 capture_output=True, text=True, timeout=600, env=env)
            self.assertEqual((out.returncode, out.stdout, out.stderr), (kept.returncode, kept.stdout, kept.stderr))

class Outline(unittest.TestCase):
    def test_outline_prints_the_tree_with_line_numbers(self):
        out = reportls("outline", os.path.join(CORPUS, "xiushan-county-2023.txt"))
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = out.stdout.splitlines()
        self.assertTrue(any(l.startswith("一、法治政府建设工作成效") and "(第 19" in l for l in lines), lines)
        self.assertTrue(any(l.startswith("  (一)强领导,促创建,进一步彰显法治建设成效") for l in lines), lines)
        self.assertFalse(any("扫一扫" in l for l in lines))


if __name__ == "__main__":
    run()
