#!/usr/bin/env python3
"""Input shapes against size (issue 18): for each shape, `reportls check` of an input and of one
twice its size, in each output format that matters for it; and what the process around the
analysis costs on a single large file.

    shapes.py REPORTLS INPUTS_DIR OUT_JSON

Shapes (written into INPUTS_DIR/shapes, deterministic, from the benchmark's inputs):
  paragraphs      the five corpus reports concatenated, ×10 → ×20 (0.8 → 1.6 MB of short paragraphs)
  one-paragraph   the same text with its line breaks taken out, cut at 1 → 2 MiB: a report pasted
                  without line breaks
  diagnostics     ×50 → ×100 (4 → 8 MB, thousands of findings), text, JSON and SARIF output
  tables          the tables fixture with broken sums (Markdown tables), repeated to 0.5 → 1 MiB
  docx            the ×10 → ×20 text as Word files (a paragraph per line, numbered headings)

Each measurement is the median of a few runs of `check --timings` (output to a file): wall time,
CPU time (user + system of the command and its analysis process), and the analyzers' summed time
read from --timings.  The two sizes of a shape run alternately, so that a change in the machine's
load during the run hits both alike; the doubling is judged on CPU time − start-up, as the concat
rows are (wall time of a two-process run moves with whatever else the machine does), and on the
fastest run of each size: the work is the same at every run, and what a busy virtual machine adds
(other guests, memory reclaim) only ever adds — one run of the 8 MB file took 0.29–0.44 s of CPU
in a row of runs.  The process
around the analysis (`overhead`) is wall − start-up (`check` of a one-line report) − reading the
bytes (`cat`) − analyzers; the target is wall ≤ 1.5 × analyzers + reading + start-up.
"""
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
import make_inputs  # noqa: E402
from benchlib import machine_info, median, run_once, save  # noqa: E402
from gen_inputs import cn_count  # noqa: E402

# The Word files hold hundreds of numbered headings: numbers past 99 spelled as headings spell them.
make_inputs.chinese = cn_count

RUNS = int(os.environ.get("BENCH_SHAPE_RUNS", "7"))
TIMEOUT = float(os.environ.get("BENCH_SELF_TIMEOUT", "120"))
TABLES = os.path.join(ROOT, "tests", "fixtures", "tables", "converted-broken.md")
# Each shape and the output formats it is checked in (work.py counts the same).
PLAN = [("paragraphs", ["text"]), ("one-paragraph", ["text", "json"]),
        ("diagnostics", ["text", "json", "sarif"]), ("tables", ["text"]), ("docx", ["text"])]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def cut(text, size):
    """text repeated to at least `size` bytes of UTF-8, cut there at a character boundary."""
    data = text.encode()
    data = data * (size // len(data) + 1)
    return data[:size].decode("utf-8", errors="ignore")


def write_inputs(inputs):
    d = os.path.join(inputs, "shapes")
    os.makedirs(d, exist_ok=True)
    concat = {n: os.path.join(inputs, f"concat-x{n}.txt") for n in (10, 20, 50, 100)}
    files = {}
    joined = read(concat[20]).replace("\n", "")
    tables = read(TABLES)
    for label, size in (("1 MiB", 1 << 20), ("2 MiB", 2 << 20)):
        path = os.path.join(d, f"one-paragraph-{size >> 20}m.txt")
        if not os.path.exists(path):
            write(path, cut(joined, size) + "\n")
        files[("one-paragraph", label)] = path
    for label, size in (("0.5 MiB", 1 << 19), ("1 MiB", 1 << 20)):
        path = os.path.join(d, f"tables-{size >> 10}k.md")
        if not os.path.exists(path):
            write(path, "\n".join([tables] * (size // len(tables.encode()) + 1)))
        files[("tables", label)] = path
    for n in (10, 20):
        path = os.path.join(d, f"concat-x{n}.docx")
        if not os.path.exists(path):
            make_inputs.docx(read(concat[n]), path)
        files[("docx", f"×{n}")] = path
        files[("paragraphs", f"×{n}")] = concat[n]
    for n in (50, 100):
        files[("diagnostics", f"×{n}")] = concat[n]
    return files


def check_sizes(binary, paths, fmt, out_dir):
    """For each path, the medians of `check --timings --format fmt path`: wall (s), cpu (s), the
    analyzers' time (s) and the peak RSS; the paths run alternately, RUNS times each."""
    runs = [{"wall": [], "cpu": [], "analyzers": [], "rss": []} for _ in paths]
    log = os.path.join(out_dir, "shape-output.txt")
    failed = [None] * len(paths)
    for _ in range(RUNS):
        for i, path in enumerate(paths):
            if failed[i]:
                continue
            r = run_once([binary, "check", "--timings", "--format", fmt, path], TIMEOUT, log=log)
            if r["timed_out"] or r["rc"] not in (0, 1):
                failed[i] = "timed out" if r["timed_out"] else f"exit code {r['rc']}"
                continue
            with open(log, "rb") as f:  # --timings goes to stderr, before or among the output
                m = re.search(r"合计\s+([\d.]+) ms", f.read().decode("utf-8", errors="ignore"))
            runs[i]["wall"].append(r["wall"])
            runs[i]["cpu"].append(r["cpu"])
            if m:
                runs[i]["analyzers"].append(float(m.group(1)) / 1000)
            runs[i]["rss"].append(r["maxrss_kb"])
    if os.path.exists(log):
        os.remove(log)
    out = []
    for i, path in enumerate(paths):
        if failed[i]:
            out.append({"error": failed[i]})
            continue
        r = runs[i]
        out.append({"median": median(r["wall"]), "cpu": median(r["cpu"]), "cpu_min": min(r["cpu"]),
                    "analyzers": median(r["analyzers"]) if r["analyzers"] else None, "maxrss_kb": max(r["rss"]),
                    "bytes": os.path.getsize(path)})
    return out


def main():
    binary, inputs, out_json = sys.argv[1:4]
    files = write_inputs(inputs)
    one_line = os.path.join(inputs, "one-line.txt")
    startup = [run_once([binary, "check", one_line], TIMEOUT) for _ in range(7)]
    res = {"machine": machine_info(), "startup": median([r["wall"] for r in startup]),
           "startup_cpu": median([r["cpu"] for r in startup]), "startup_cpu_min": min(r["cpu"] for r in startup),
           "shapes": []}
    with tempfile.TemporaryDirectory(prefix="reportls-shapes-") as tmp:
        for shape, formats in PLAN:
            sizes = [label for (s, label) in files if s == shape]
            for fmt in formats:
                print(f"  {shape} {' → '.join(sizes)} --format {fmt}", flush=True)
                paths = [files[(shape, label)] for label in sizes]
                row = {"shape": shape, "format": fmt, "sizes": check_sizes(binary, paths, fmt, tmp)}
                for r, label, path in zip(row["sizes"], sizes, paths):
                    r["label"] = label
                    r["read"] = median([run_once(["cat", path], TIMEOUT)["wall"] for _ in range(3)])
                res["shapes"].append(row)
    save(out_json, res)


if __name__ == "__main__":
    main()
