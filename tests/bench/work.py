#!/usr/bin/env python3
"""The work of each doubling (issue 18), counted: the instructions `reportls check` and its analysis
process execute for an input and for one twice its size, under valgrind's callgrind.

    work.py REPORTLS INPUTS_DIR OUT_JSON

The time of the same runs (batch.py, shapes.py) moves with the virtual machine's speed from minute
to minute: in four full runs one to four doubling rows read ×2.21–2.45, a different row each time,
while alternated runs of the same pair gave ×1.85–2.1.  An instruction count does not move with the
machine, and a step that grows faster than its input (what the rows are there to catch) shows in it
exactly.  What it does not see (cache misses, page faults, the kernel) the time rows still show.

The pairs are batch.py's concat pairs and every shape and format of shapes.py.  Each count is the
sum over the command and its analysis process (--trace-children; the analysis process exits by
itself at the end of its input and writes its counts) less the same count for a one-line report in
the same format (the start-up: loading the rule data, the first exchange).  The counts do not
depend on the machine's load, so two run at once.

A plugin call is given 10 minutes, not the default 2 s, which an instrumented call on 8 MB may
exceed.  A run whose command fails, or that says anything on stderr but valgrind's own lines (a
plugin problem: its diagnostics would be missing), gives an error instead of a count.
"""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from benchlib import CONCAT_PAIRS, machine_info, save, work_key  # noqa: E402
from shapes import PLAN, write_inputs  # noqa: E402

TIMEOUT = float(os.environ.get("BENCH_WORK_TIMEOUT", "900"))


def count(valgrind, binary, config, fmt, path, tmp):
    """Instructions of `check --format fmt path`, summed over its processes: {"instructions": n,
    "processes": k} or {"error": why}."""
    out = tempfile.mkdtemp(dir=tmp)
    cmd = [valgrind, "--tool=callgrind", "--trace-children=yes", f"--callgrind-out-file={out}/%p.out",
           binary, "check", "--config", config, "--format", fmt, path]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {TIMEOUT:g} s"}
    said = [ln for ln in p.stderr.decode("utf-8", "replace").splitlines() if ln and not re.match(r"==\d+==", ln)]
    totals = []
    for name in os.listdir(out):
        with open(os.path.join(out, name), encoding="utf-8", errors="replace") as f:
            m = re.search(r"^totals:\s*(\d+)", f.read(), re.M)
        totals.append(int(m.group(1)) if m else None)
    shutil.rmtree(out, ignore_errors=True)
    if p.returncode not in (0, 1):
        return {"error": f"exit code {p.returncode}" + (f": {said[-1]}" if said else "")}
    if said:
        return {"error": "said on stderr: " + said[0]}
    if len(totals) < 2 or None in totals:
        return {"error": f"counts of {sum(t is not None for t in totals)} process(es), not of the command and "
                         "its analysis process"}
    return {"instructions": sum(totals), "processes": len(totals)}


def main():
    binary, inputs, out_json = sys.argv[1:4]
    valgrind = shutil.which("valgrind")
    res = {"machine": machine_info(), "counts": {}, "startup": {}}
    if not valgrind:
        res["error"] = "valgrind is not installed: the doubling rows are judged on time"
        save(out_json, res)
        print(f"work.py: {res['error']}", file=sys.stderr)
        return
    res["tool"] = subprocess.run([valgrind, "--version"], capture_output=True, text=True).stdout.strip() + " callgrind"
    files = write_inputs(inputs)
    for a, b in CONCAT_PAIRS:
        for n in (a, b):
            files[("concat", f"x{n}")] = os.path.join(inputs, f"concat-x{n}.txt")
    plan = [("concat", ["text"])] + PLAN
    jobs = {}
    with tempfile.TemporaryDirectory(prefix="reportls-work-") as tmp:
        config = os.path.join(tmp, "settings.json")
        with open(config, "w") as f:
            json.dump({"analysisTimeout": 600000}, f)
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            formats = sorted({fmt for _, fmts in plan for fmt in fmts})
            for fmt in formats:
                jobs[("startup", fmt)] = pool.submit(count, valgrind, binary, config, fmt,
                                                     os.path.join(inputs, "one-line.txt"), tmp)
            once = {}  # (format, file): its job, for the paragraphs shape is the concat ×10 → ×20 pair
            for shape, fmts in plan:
                for fmt in fmts:
                    for (s, label), path in files.items():
                        if s == shape:
                            if (fmt, path) not in once:
                                once[(fmt, path)] = pool.submit(count, valgrind, binary, config, fmt, path, tmp)
                            jobs[(shape, fmt, label)] = once[(fmt, path)]
            for what, job in jobs.items():
                r = job.result()
                if what[0] == "startup":
                    res["startup"][what[1]] = r
                else:
                    res["counts"][work_key(*what)] = r
                print(f"  {' '.join(what)}: {r.get('instructions', r.get('error'))}", flush=True)
    save(out_json, res)


if __name__ == "__main__":
    main()
