#!/usr/bin/env python3
"""Command-line measurements: `reportls check` cost by document size (start-up subtracted) and the
batch comparison with peer tools on the same files.

    batch.py REPORTLS INPUTS_DIR NPM_DIR CORPUS_DIR OUT_JSON

Every command runs with its output discarded; wall time and peak RSS come from wait4() of the
child. A peer that is missing, exits with an unexpected code or times out gets an error string
instead of numbers: the harness never aborts.
"""
import glob
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import CONCAT_PAIRS, machine_info, measure, measure_against, save  # noqa: E402

PEER_TIMEOUT = float(os.environ.get("BENCH_PEER_TIMEOUT", "60"))
PEER_BUDGET = float(os.environ.get("BENCH_PEER_BUDGET", "15"))
SELF_TIMEOUT = float(os.environ.get("BENCH_SELF_TIMEOUT", "120"))

# the "20 KB report" of the targets: the largest corpus report
REPORT_20K = "wuding-county-office-2022.txt"


def main():
    binary, inputs, npm_dir, corpus_dir, out_json = sys.argv[1:6]
    with open(os.path.join(inputs, "manifest.json")) as f:
        manifest = json.load(f)["files"]
    bin_dir = os.path.join(npm_dir, "node_modules", ".bin")
    textlint_cfg = os.path.join(npm_dir, "textlintrc.json")
    results = {"machine": machine_info(), "single": {}, "batch": {}}

    def path(key):
        return os.path.join(inputs, manifest[key]["path"])

    # -- reportls check, one file at a time, against the start-up -------------------------------
    # The start-up is `check` of a one-line report: start-up, reading, the analysis process's first
    # exchange and the output, with (almost) nothing to analyse.  An empty file is no baseline:
    # `check` refuses it before the analysis process sees it, so the first exchange's cost counted
    # as analysis; it is measured once, for comparison.  The baseline and the measured files run
    # in turn (the two sizes of each doubling row in one group), so that a machine load that changes
    # during the run hits them alike; `diff` is median(file) − median(baseline).
    startup = [binary, "check", path("one-line")]
    groups = [({"report-20k": os.path.join(corpus_dir, REPORT_20K)}, 30, 15),
              ({"synthetic-1mb": path("synthetic-1mb")}, 11, 20)]
    for a, b in CONCAT_PAIRS:
        groups.append(({f"concat-x{n}": path(f"concat-x{n}") for n in (a, b)}, 7, 40))
    print("  reportls check one-line.txt (start-up)", flush=True)
    results["single"]["startup"] = measure(startup, timeout=SELF_TIMEOUT, runs=15, budget=10, warmup=True)
    print("  reportls check empty.txt (refused before the analysis)", flush=True)
    results["single"]["empty"] = measure([binary, "check", path("empty")], timeout=SELF_TIMEOUT, runs=15,
                                         budget=10, ok_rc=(2,))
    for files, runs, budget in groups:
        print("  reportls check " + ", ".join(f"{k} ({os.path.getsize(f)} bytes)" for k, f in files.items()),
              flush=True)
        measured = measure_against({k: [binary, "check", f] for k, f in files.items()}, startup,
                                   timeout=SELF_TIMEOUT, runs=runs, budget=budget)
        for key, r in measured.items():
            r["bytes"] = os.path.getsize(files[key])
            results["single"][key] = r

    # -- batch comparison ---------------------------------------------------------------------
    utf8_env = dict(os.environ, LC_ALL="C.UTF-8")
    logs = os.path.join(os.path.dirname(os.path.abspath(out_json)), "logs")
    os.makedirs(logs, exist_ok=True)

    def count_check(pattern, what):
        def check(text, rc, files):
            found = len(re.findall(pattern, text, re.M))
            return None if found == files else f"{what}: {found} of {files} files in the output"
        return check

    def textlint_ok(text, rc, files):
        if rc == 0 or re.search(r"^\d+ problems?", text, re.M):
            return None
        return "no lint report: " + text.strip().splitlines()[-1][:120] if text.strip() else "no output"

    def autocorrect_ok(text, rc, files):
        m = re.search(r'"count":\s*(\d+)', text)
        if not m:
            return "no JSON report"
        return None if int(m.group(1)) == files else f"linted {m.group(1)} of {files} files"

    # name, command(files, dir), cwd(dir), required executable, output check(text, rc, files)
    tools = [
        ("reportls", lambda files, d: [binary, "check", *files], lambda d: None, None,
         count_check(r": 错误 \d+，警告 \d+", "summary lines")),
        # zhlint takes one glob, relative to the working directory (it throws on an absolute path)
        ("zhlint", lambda files, d: [os.path.join(bin_dir, "zhlint"), "*.txt"], lambda d: d,
         os.path.join(bin_dir, "zhlint"), count_check(r"^\[start\] ", "[start] lines")),
        # autocorrect honours the .gitignore of its working directory (the repository's ignores
        # build dirs), so it runs in the input folder on relative names
        ("autocorrect", lambda files, d: [os.path.join(bin_dir, "autocorrect"), "--lint", "--format", "json",
                                          *[os.path.basename(f) for f in files]], lambda d: d,
         os.path.join(bin_dir, "autocorrect"), autocorrect_ok),
        ("textlint", lambda files, d: [os.path.join(bin_dir, "textlint"), "--config", textlint_cfg,
                                       "--format", "compact", *files], lambda d: npm_dir,
         os.path.join(bin_dir, "textlint"), textlint_ok),
        ("wc -m", lambda files, d: ["wc", "-m", *files], lambda d: None, None,
         lambda text, rc, files: None if rc == 0 else "wc failed"),
    ]
    # The evaluation set (70 real report openings) as a user would check it: one command.
    evalset = os.path.join(inputs, "evalset")
    os.makedirs(evalset, exist_ok=True)
    eval_texts = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "eval", "set", "texts")
    for name in os.listdir(eval_texts):
        if name.endswith(".txt"):
            shutil.copyfile(os.path.join(eval_texts, name), os.path.join(evalset, name))
    failed_at = {}
    for n, d in ((1, path("batch-x1")), (10, path("batch-x10")), (100, path("batch-x100")), ("eval", evalset)):
        key = "eval" if n == "eval" else f"x{n}"
        files = sorted(glob.glob(os.path.join(d, "*.txt")))
        size = sum(os.path.getsize(f) for f in files)
        rows = {}
        for name, make, cwd, needs, check in tools:
            if needs and not os.access(needs, os.X_OK):
                rows[name] = {"error": "not installed (npm install failed; see run.sh output)"}
                continue
            if name in failed_at and n != "eval":
                rows[name] = {"error": f"skipped: {failed_at[name]}"}
                continue
            print(f"  batch {key}: {name}", flush=True)
            is_self = name in ("reportls", "wc -m")
            log = os.path.join(logs, f"{name.split()[0]}-{key}.txt")
            r = measure(make(files, d), timeout=SELF_TIMEOUT if is_self else PEER_TIMEOUT,
                        runs=7 if is_self else 5, budget=10 if is_self else PEER_BUDGET,
                        cwd=cwd(d), env=utf8_env if name == "wc -m" else None, warmup=is_self, log=log,
                        validate=lambda text, rc, c=check, k=len(files): c(text, rc, k))
            if "error" in r:
                failed_at[name] = f"{r['error']} on {key}"
                print(f"    {name}: {r['error']} (output in {log})", flush=True)
            rows[name] = r
        results["batch"][key] = {"files": len(files), "bytes": size, "tools": rows}
    save(out_json, results)


if __name__ == "__main__":
    main()
