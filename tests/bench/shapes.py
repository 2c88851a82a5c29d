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

Each measurement is the median wall time of a few runs of `check --timings` (output to a file),
with the analyzers' summed time read from --timings.  The process around the analysis
(`overhead`) is wall − start-up (`check` of a one-line report) − reading the bytes (`cat`) −
analyzers; the target is wall ≤ 1.5 × analyzers + reading + start-up.
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

RUNS = int(os.environ.get("BENCH_SHAPE_RUNS", "3"))
TIMEOUT = float(os.environ.get("BENCH_SELF_TIMEOUT", "120"))
TABLES = os.path.join(ROOT, "tests", "fixtures", "tables", "converted-broken.md")


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


def check(binary, path, fmt, out_dir):
    """Median wall (s) and analyzers' time (s) of `check --timings --format fmt path`."""
    walls, analyzers, rss = [], [], []
    log = os.path.join(out_dir, "shape-output.txt")
    for _ in range(RUNS):
        r = run_once([binary, "check", "--timings", "--format", fmt, path], TIMEOUT, log=log)
        if r["timed_out"] or r["rc"] not in (0, 1):
            return {"error": "timed out" if r["timed_out"] else f"exit code {r['rc']}"}
        with open(log, "rb") as f:  # --timings goes to stderr, before or among the output
            m = re.search(r"合计\s+([\d.]+) ms", f.read().decode("utf-8", errors="ignore"))
        walls.append(r["wall"])
        analyzers.append(float(m.group(1)) / 1000 if m else None)
        rss.append(r["maxrss_kb"])
    os.remove(log)
    known = [a for a in analyzers if a is not None]
    return {"median": median(walls), "analyzers": median(known) if known else None, "maxrss_kb": max(rss),
            "bytes": os.path.getsize(path)}


def main():
    binary, inputs, out_json = sys.argv[1:4]
    files = write_inputs(inputs)
    one_line = os.path.join(inputs, "one-line.txt")
    res = {"machine": machine_info(), "startup": median([run_once([binary, "check", one_line], TIMEOUT)["wall"]
                                                          for _ in range(7)]),
           "shapes": []}
    plan = [("paragraphs", ["text"]), ("one-paragraph", ["text", "json"]),
            ("diagnostics", ["text", "json", "sarif"]), ("tables", ["text"]), ("docx", ["text"])]
    with tempfile.TemporaryDirectory(prefix="reportls-shapes-") as tmp:
        for shape, formats in plan:
            sizes = [label for (s, label) in files if s == shape]
            for fmt in formats:
                row = {"shape": shape, "format": fmt, "sizes": []}
                for label in sizes:
                    path = files[(shape, label)]
                    print(f"  {shape} {label} --format {fmt}", flush=True)
                    r = check(binary, path, fmt, tmp)
                    r["label"] = label
                    r["read"] = median([run_once(["cat", path], TIMEOUT)["wall"] for _ in range(3)])
                    row["sizes"].append(r)
                res["shapes"].append(row)
    save(out_json, res)


if __name__ == "__main__":
    main()
