#!/usr/bin/env python3
"""The benchmark's judgement, without timing anything real: how benchlib.measure_against runs the
commands it compares, and which verdicts report.py writes into results.md for given timings.  The
benchmark itself runs only under `./dev.sh bench`; a mistake here would show a wrong PASS or MISS in
every run after it."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchlib import measure_against  # noqa: E402


def row(results_md, measure):
    """The cells of the Targets table's row whose measure is `measure`."""
    for line in results_md.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == measure:
            return cells
    raise AssertionError(f"no row {measure!r} in:\n{results_md}")


class MeasureAgainst(unittest.TestCase):
    def test_runs_each_command_in_turn_with_the_baseline_between(self):
        with tempfile.TemporaryDirectory() as d:
            log = os.path.join(d, "log")

            def cmd(name):
                return ["sh", "-c", f"echo {name} >> {log}"]

            out = measure_against({"a": cmd("a"), "b": cmd("b")}, cmd("base"), timeout=10, runs=3, budget=0)
            with open(log) as f:
                order = f.read().split()
        # one warm-up run of each, then base before every measured run
        self.assertEqual(order, ["a", "b", "base"] + ["base", "a", "base", "b"] * 3)
        for key in ("a", "b"):
            self.assertEqual(out[key]["runs"], 3)
            for field in ("median", "diff", "cpu_diff", "cpu_min_diff", "maxrss_kb"):
                self.assertIn(field, out[key])

    def test_a_failing_command_leaves_the_rotation_and_says_why(self):
        out = measure_against({"ok": ["true"], "bad": ["sh", "-c", "exit 3"]}, ["true"], timeout=10, runs=3,
                              budget=0)
        self.assertEqual(out["bad"], {"error": "exit code 3", "runs": 1})
        self.assertEqual(out["ok"]["runs"], 3)


class Verdicts(unittest.TestCase):
    """report.py on made-up results: a doubling is judged on its instruction counts less the
    start-up's, whatever the times say.  Without counts, on the fastest runs (CPU time − start-up),
    whatever the medians say, unless the smaller input's analysis is too short to show in the
    start-up's spread: then on the warm server's didOpen→diagnostics."""

    @staticmethod
    def concat(cpu_min_diff, cpu_diff):
        return {"median": 0.5, "min": 0.4, "runs": 7, "maxrss_kb": 1000, "base_median": 0.02, "diff": 0.48,
                "cpu_median": 0.5, "cpu_diff": cpu_diff, "cpu_min_diff": cpu_min_diff, "bytes": 1}

    @staticmethod
    def size(label, cpu_min, cpu):
        return {"label": label, "median": cpu, "cpu": cpu, "cpu_min": cpu_min, "analyzers": cpu_min / 2,
                "maxrss_kb": 1000, "bytes": 1, "read": 0.001}

    def report(self):
        machine = {"date": "2026-12-04", "cores": 2, "cpu": "test", "kernel": "test", "loadavg": [0.0, 0.0, 0.0]}
        batch = {"machine": machine, "single": {
            "startup": {"median": 0.02, "cpu_median": 0.02},
            # 4 → 12.4 ms, ×3.1: too short for CPU time − start-up, judged on the warm server's ×1.76
            "concat-x1": self.concat(0.004, 0.005), "concat-x2": self.concat(0.0124, 0.013),
            # medians ×2.0, fastest runs ×2.4: MISS, whatever the warm server says
            "concat-x10": self.concat(0.100, 0.150), "concat-x20": self.concat(0.240, 0.300),
            # ×2.1 both ways: PASS
            "concat-x50": self.concat(0.200, 0.200), "concat-x100": self.concat(0.420, 0.420)}}
        shapes = {"machine": machine, "startup": 0.02, "startup_cpu": 0.03, "startup_cpu_min": 0.02, "shapes": [
            # fastest runs − start-up: 0.10 → 0.25 s, ×2.5: MISS though the medians double
            {"shape": "one-paragraph", "format": "json",
             "sizes": [self.size("1 MiB", 0.12, 0.20), self.size("2 MiB", 0.27, 0.37)]},
            # 0.10 → 0.19 s, ×1.9: PASS though the medians give ×3
            {"shape": "tables", "format": "text",
             "sizes": [self.size("0.5 MiB", 0.12, 0.13), self.size("1 MiB", 0.21, 0.33)]}]}
        lsp = {"machine": machine, "open_scaling": {
            "concat-x1": {"median_ms": 5.0}, "concat-x2": {"median_ms": 8.8},
            "concat-x10": {"median_ms": 50.0}, "concat-x20": {"median_ms": 95.0}}}
        startup = {"instructions": 50_000_000, "processes": 2}
        work = {"machine": machine, "startup": {"text": startup, "json": startup}, "counts": {
            # the time's ×2.1 is a PASS, the work's ×2.5 a MISS
            "concat|text|x50": {"instructions": 1_050_000_000}, "concat|text|x100": {"instructions": 2_550_000_000},
            # the time's ×2.5 is a MISS, the work's ×2.0 a PASS
            "one-paragraph|json|1 MiB": {"instructions": 1_050_000_000},
            "one-paragraph|json|2 MiB": {"instructions": 2_050_000_000},
            # one size not counted: judged on time (×1.9, PASS) and says why
            "tables|text|0.5 MiB": {"instructions": 900_000_000}, "tables|text|1 MiB": {"error": "exit code 2"}}}
        with tempfile.TemporaryDirectory() as d:
            for name, data in (("batch.json", batch), ("shapes.json", shapes), ("lsp.json", lsp),
                               ("work.json", work)):
                with open(os.path.join(d, name), "w") as f:
                    json.dump(data, f)
            subprocess.run([sys.executable, os.path.join(HERE, "report.py"), d, "test"], check=True,
                           capture_output=True)
            with open(os.path.join(d, "results.md"), encoding="utf-8") as f:
                return f.read()

    def test_doubling_rows(self):
        md = self.report()
        cases = {
            "doubling the input: check concat-x1→x2": ("1.76", "PASS"),
            "doubling the input: check concat-x10→x20": ("2.40", "**MISS**"),
            "doubling the input: check concat-x50→x100": ("2.50", "**MISS**"),
            "doubling the input: one-paragraph 1 MiB→2 MiB, --format json": ("2.00", "PASS"),
            "doubling the input: tables 0.5 MiB→1 MiB, --format text": ("1.90", "PASS"),
        }
        for measure, (ratio, verdict) in cases.items():
            cells = row(md, measure)
            self.assertEqual((cells[1], cells[3]), (ratio, verdict), measure)
        missed = next(line for line in md.splitlines() if line.startswith("Missed:"))
        self.assertIn("check concat-x10→x20", missed)
        self.assertIn("check concat-x50→x100", missed)
        self.assertNotIn("check concat-x1→x2", missed)
        detail = {measure: row(md, measure)[4] for measure in cases}
        self.assertIn("the warm server's didOpen→diagnostics (too short",
                      detail["doubling the input: check concat-x1→x2"])
        self.assertNotIn("the warm server's didOpen→diagnostics (too short",
                         detail["doubling the input: check concat-x10→x20"])
        self.assertIn("judged on the work: instructions − start-up 1,000 M → 2,500 M",
                      detail["doubling the input: check concat-x50→x100"])
        self.assertIn("judged on the work: instructions − start-up 1,000 M → 2,000 M",
                      detail["doubling the input: one-paragraph 1 MiB→2 MiB, --format json"])
        self.assertIn("judged on time (no instruction count (exit code 2))",
                      detail["doubling the input: tables 0.5 MiB→1 MiB, --format text"])
        self.assertIn("judged on time (no instruction count (not counted))",
                      detail["doubling the input: check concat-x10→x20"])


if __name__ == "__main__":
    unittest.main()
