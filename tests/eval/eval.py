"""Accuracy of reportls on real texts: precision and recall against hand labels.

Runs `reportls check --format json` over each evaluation set (by default the development set set/,
which the rules were tuned on, and the held-out set heldout/, which they were not), matches every
diagnostic to a label and prints, per set and for the sets combined, per rule and overall: the
diagnostics, TP, FP, ARTIFACT, unjudged and FN counts, precision (error+warning, and all
severities) and recall; then, per set, every false alarm, every miss and every unjudged diagnostic
with file:line and the text it covers.  The same report goes to --out (Markdown).  With --check
BASELINE it exits 1 when a figure of a set falls below the one recorded for that set (the ratchet
ctest runs); --write-baseline BASELINE records the current figures.  In the baseline the first set's
figures are the top-level keys and every other set's are a section named after it.

Labels (see README.md): <set>/labels.tsv are each set's labels, labels/*.tsv the project's own (one
file per topic, for files of any set: file names are unique across sets); all have the columns
file, line, code, verdict, quote, reason.  A project row replaces the shared rows
with the same key (file, line, quote and, for diagnostic verdicts, code and the [part] of a
sections.missing reason; for FN rows the code may change, which is how a defect that no family
covered is given to a new rule).

Matching: a diagnostic takes the first unused label of its file, line and code whose quote overlaps
the text the diagnostic covers; once-per-document findings (DOCUMENT_LEVEL) match on any line, and
sections.missing by the part its message names.  Otherwise it
takes an FN row of the same line whose code has the same family (the part before the dot) and
whose quote overlaps: a defect found.  Otherwise it is unjudged.

Measures leave out punctuation.normalized-document (once per document, and true of every text of
this set by construction) unless --with-normalized is given.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NORMALIZED = "punctuation.normalized-document"
# Once-per-document findings: where they are shown (the title, else the first line) is incidental,
# so they match their labels by file, code and the part they name, on any line.
DOCUMENT_LEVEL = (NORMALIZED, "sections.missing")
DIAG_VERDICTS = ("TP", "FP", "ARTIFACT")
SEVERITY = {1: "E", 2: "W", 3: "I", 4: "H"}


def split_lines(text):
    """Physical lines as reportls counts them: \\n, \\r\\n or a lone \\r ends a line."""
    return re.split(r"\r\n|\r|\n", text)


def family(code):
    return code.split(".", 1)[0]


def part_of(reason):
    m = re.match(r"\[([^\]]*)\]", reason)
    return m.group(1) if m else ""


def is_subsequence(short, long):
    it = iter(long)
    return all(ch in it for ch in short)


class Label:
    def __init__(self, row, origin):
        self.file, line, self.code, self.verdict, self.quote, self.reason = (row + [""] * 6)[:6]
        self.line = int(line)
        self.origin = origin
        self.part = part_of(self.reason) if self.code == "sections.missing" else ""
        self.used = False

    def key(self):
        if self.verdict == "FN":
            return (self.file, self.line, self.quote, "FN")
        return (self.file, self.line, self.quote, self.code, self.part)


def read_labels(path, origin):
    labels = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f):
            row = raw.rstrip("\n").split("\t")
            if n == 0 and row[0] == "file" or not raw.strip() or raw.startswith("#"):
                continue
            if len(row) < 5:
                sys.exit("%s:%d: expected 6 tab-separated columns" % (path, n + 1))
            label = Label(row, origin)
            if label.verdict not in DIAG_VERDICTS + ("FN",):
                sys.exit("%s:%d: unknown verdict %r" % (path, n + 1, label.verdict))
            labels.append(label)
    return labels


def merged_labels(shared_path, project_dir):
    shared = read_labels(shared_path, "shared")
    project = []
    for name in sorted(os.listdir(project_dir)) if os.path.isdir(project_dir) else []:
        if name.endswith(".tsv"):
            project += read_labels(os.path.join(project_dir, name), "project")
    replaced = {label.key() for label in project}
    return [l for l in shared if l.key() not in replaced] + project


def utf16_span(line_text, quote):
    """All UTF-16 [start, end) spans of quote in line_text."""
    spans, start = [], 0
    while quote:
        i = line_text.find(quote, start)
        if i < 0:
            break
        a = len(line_text[:i].encode("utf-16-le")) // 2
        spans.append((a, a + len(quote.encode("utf-16-le")) // 2))
        start = i + 1
    return spans


def utf16_slice(line_text, a, b):
    return line_text.encode("utf-16-le")[2 * a:2 * b].decode("utf-16-le", "replace")


class Diagnostic:
    def __init__(self, file, d, lines):
        self.file = file
        r = d["range"]
        self.line = r["start"]["line"] + 1
        self.code = d.get("code", "")
        self.severity = SEVERITY.get(d.get("severity", 1), "E")
        self.message = d.get("message", "")
        line_text = lines[self.line - 1] if self.line - 1 < len(lines) else ""
        self.line_text = line_text
        self.start = r["start"]["character"]
        # A range that runs past its first line covers the rest of that line.
        same_line = r["end"]["line"] == r["start"]["line"]
        self.end = r["end"]["character"] if same_line else len(line_text.encode("utf-16-le")) // 2
        self.text = utf16_slice(line_text, self.start, self.end)
        self.label = None
        self.found = None  # an FN label this diagnostic finds

    def overlaps(self, label):
        spans = utf16_span(self.line_text, label.quote)
        if not spans:
            return False
        # A zero-width range (a point) overlaps a quote it touches.
        lo, hi = self.start, max(self.end, self.start + 1)
        return any(a < hi and lo < b for a, b in spans)

    def names_part(self, label):
        if not label.part:
            return True
        m = re.search(r"缺少“([^”]*)”", self.message)
        return bool(m) and is_subsequence(label.part, m.group(1))

    def where(self):
        return "%s:%d" % (self.file, self.line)


def run_reportls(binary, texts_dir, names, extra):
    paths = [os.path.join(texts_dir, n) for n in names]
    out = subprocess.run([binary, "check", "--format", "json"] + extra + paths,
                         capture_output=True, text=True, timeout=600)
    if out.returncode not in (0, 1):
        sys.exit("reportls exited %d:\n%s" % (out.returncode, out.stderr))
    diagnostics = []
    for entry in json.loads(out.stdout):
        name = os.path.basename(entry["file"])
        with open(entry["file"], encoding="utf-8", errors="replace") as f:
            lines = split_lines(f.read())
        diagnostics += [Diagnostic(name, d, lines) for d in entry["diagnostics"]]
    return diagnostics


def match(diagnostics, labels):
    by_place = collections.defaultdict(list)
    for label in labels:
        where = label.line if label.code not in DOCUMENT_LEVEL else 0
        by_place[(label.file, where)].append(label)
    for d in diagnostics:
        document_level = d.code in DOCUMENT_LEVEL
        here = by_place.get((d.file, 0 if document_level else d.line), [])
        for label in here:
            if (not label.used and label.verdict in DIAG_VERDICTS and label.code == d.code
                    and d.names_part(label) and (document_level or d.overlaps(label))):
                label.used, d.label = True, label
                break
        if d.label:
            continue
        for label in here:
            if (not label.used and label.verdict == "FN" and family(label.code) == family(d.code)
                    and d.overlaps(label)):
                label.used, d.found = True, label
                break


class Tally:
    FIELDS = ("diagnostics", "TP", "FP", "ARTIFACT", "unjudged", "FN")

    def __init__(self):
        self.n = collections.Counter()
        self.severities = set()

    def precision(self, severities):
        tp = self.n["TP_" + severities]
        fp = self.n["FP_" + severities]
        return (tp, tp + fp)

    def recall(self):
        return (self.n["TP"], self.n["TP"] + self.n["FN"])


def verdict_of(d):
    if d.found:
        return "TP"
    return d.label.verdict if d.label else "unjudged"


def tally(diagnostics, labels, with_normalized):
    per_code = collections.defaultdict(Tally)
    overall, covered = Tally(), Tally()
    families = {family(d.code) for d in diagnostics} | {family(l.code) for l in labels
                                                        if l.verdict != "FN"}
    families.discard("new")

    def count(code, field, severity=None):
        per_code[code].severities.update(severity or "")
        targets = [per_code[code]]
        if code != NORMALIZED or with_normalized:
            targets += [overall] + ([covered] if family(code) in families else [])
        for target in targets:
            target.n[field] += 1
            if field in ("TP", "FP") and severity:
                target.n[field + "_all"] += 1
                if severity in "EW":
                    target.n[field + "_EW"] += 1

    for d in diagnostics:
        code = d.code
        count(code, "diagnostics", d.severity)
        v = verdict_of(d)
        count(code, v, d.severity)
    # Misses: defects (TP and FN rows) that no diagnostic matched.
    for label in labels:
        if not label.used and label.verdict in ("TP", "FN"):
            count(label.code, "FN")
    return per_code, overall, covered, families


def pct(pair):
    a, b = pair
    return "–" if b == 0 else "%.1f %%" % (100.0 * a / b)


def ratio(pair):
    a, b = pair
    return None if b == 0 else a / b


def summary(title, diagnostics, labels, per_code, overall, covered, non_report):
    """The headline measures and the per-rule table (Markdown lines)."""
    out = []
    w = out.append
    w("# %s\n" % title)
    w("%d texts, %d diagnostics (%s). Measures leave out `%s`.\n" % (
        len({d.file for d in diagnostics} | {l.file for l in labels}), len(diagnostics),
        ", ".join("%s %d" % (s, sum(1 for d in diagnostics if d.severity == s)) for s in "EWIH"),
        NORMALIZED))
    w("| measure | value |\n|---|---|")
    w("| precision, error+warning | %d / %d = **%s** |" % (*overall.precision("EW"), pct(overall.precision("EW"))))
    w("| precision, all severities | %d / %d = **%s** |" % (*overall.precision("all"), pct(overall.precision("all"))))
    w("| recall, families the project covers | %d / %d = **%s** |" % (*covered.recall(), pct(covered.recall())))
    w("| recall, all labelled defects | %d / %d = **%s** |" % (*overall.recall(), pct(overall.recall())))
    w("| wrong errors (FP with severity error) | %d |" % sum(
        1 for d in diagnostics if d.severity == "E" and verdict_of(d) == "FP"))
    w("| unjudged diagnostics | %d |" % overall.n["unjudged"])
    w("| non-report texts with a sections.* diagnostic or an error | %d |" % len(non_report))
    w("")
    w("| code | sev | diagnostics | TP | FP | ARTIFACT | unjudged | FN | precision E+W | precision all | recall |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for code in sorted(per_code, key=lambda c: (-per_code[c].n["diagnostics"], c)):
        t = per_code[code]
        w("| `%s` | %s | %d | %d | %d | %d | %d | %d | %s | %s | %s |" % (
            code, "/".join(s for s in "EWIH" if s in t.severities) or "–",
            *(t.n[f] for f in Tally.FIELDS), pct(t.precision("EW")), pct(t.precision("all")),
            pct(t.recall())))
    w("")
    return out


def listings(name, diagnostics, labels, non_report):
    """Every false alarm, miss and unjudged diagnostic of one set (Markdown lines)."""
    out = []
    w = out.append

    def listing(title, rows):
        w("## %s: %s (%d)\n" % (name, title, len(rows)))
        w("\n".join(rows) if rows else "none")
        w("")

    listing("false alarms", ["- %s %s [%s] «%s» — %s" % (d.where(), d.severity, d.code, d.text, d.label.reason)
                             for d in diagnostics if verdict_of(d) == "FP"])
    listing("misses", ["- %s:%d [%s] «%s» — %s" % (l.file, l.line, l.code, l.quote, l.reason)
                       for l in labels if not l.used and l.verdict in ("TP", "FN")])
    listing("unjudged", ["- %s %s [%s] «%s» — %s" % (d.where(), d.severity, d.code, d.text, d.message)
                         for d in diagnostics if verdict_of(d) == "unjudged"])
    listing("non-report texts with a sections.* diagnostic or an error", non_report)
    return out


def figures(overall, covered, diagnostics, non_report):
    return {
        "precision_error_warning": ratio(overall.precision("EW")),
        "precision_all": ratio(overall.precision("all")),
        "recall_covered": ratio(covered.recall()),
        "recall_all": ratio(overall.recall()),
        "wrong_errors": sum(1 for d in diagnostics if d.severity == "E" and verdict_of(d) == "FP"),
        "unjudged": overall.n["unjudged"],
        "non_report_violations": len(non_report),
    }


# Figures where more is better, and where less is better.
HIGHER = ("precision_error_warning", "precision_all", "recall_covered", "recall_all")
LOWER = ("wrong_errors", "unjudged", "non_report_violations")


def check(current, baseline):
    failures = []
    for key in HIGHER:
        if key in baseline and (current[key] or 0) + 1e-9 < baseline[key]:
            failures.append("%s fell to %.4f (recorded %.4f)" % (key, current[key] or 0, baseline[key]))
    for key in LOWER:
        if key in baseline and current[key] > baseline[key]:
            failures.append("%s rose to %d (recorded %d)" % (key, current[key], baseline[key]))
    return failures


class SetResult:
    """One evaluation set, run and matched: its diagnostics, labels and tallies."""

    def __init__(self, name, folder, diagnostics, labels, with_normalized):
        self.name, self.folder = name, folder
        self.diagnostics, self.labels = diagnostics, labels
        self.per_code, self.overall, self.covered, _ = tally(diagnostics, labels, with_normalized)
        self.non_report = sorted({"- %s [%s]" % (d.where(), d.code) for d in diagnostics
                                  if "_other_" in d.file
                                  and (d.code.startswith("sections.") or d.severity == "E")})

    def summary(self, title):
        return summary(title, self.diagnostics, self.labels, self.per_code, self.overall,
                       self.covered, self.non_report)

    def figures(self):
        return figures(self.overall, self.covered, self.diagnostics, self.non_report)


TITLES = {"dev": "reportls on the development set (`set/`: the rules were tuned on it)",
          "heldout": "reportls on the held-out set (`heldout/`: nobody tuned the rules on it)"}
DEFAULT_SETS = ("dev=" + os.path.join(HERE, "set"), "heldout=" + os.path.join(HERE, "heldout"))


def parse_set(spec):
    """NAME=DIR, or a bare DIR named after its folder."""
    name, sep, folder = spec.partition("=")
    if not sep:
        folder, name = spec, os.path.basename(os.path.normpath(spec))
    return name, folder


def run_set(name, folder, args):
    texts = os.path.join(folder, "texts")
    labels = merged_labels(os.path.join(folder, "labels.tsv"), args.labels)
    names = sorted(n for n in os.listdir(texts) if n.endswith(".txt"))
    # Project labels may name files of any set; each set keeps the rows of its own files.
    labels = [l for l in labels if l.file in set(names)]
    diagnostics = run_reportls(os.path.abspath(args.binary), texts, names,
                               ["--config", args.config] + args.reportls_args)
    match(diagnostics, labels)
    return SetResult(name, folder, diagnostics, labels, args.with_normalized)


def baseline_sections(results, baseline):
    """(set result, its recorded figures) pairs: the first set's are the top-level keys."""
    pairs = []
    for i, result in enumerate(results):
        recorded = baseline if i == 0 else baseline.get(result.name)
        if isinstance(recorded, dict):
            pairs.append((result, {k: v for k, v in recorded.items() if not isinstance(v, dict)}))
    return pairs


PRECISION_COLUMN = "precision on real texts"


def update_readme(path, result):
    """Writes each rule's measured precision (all severities, every set combined) into the
    README's rules table, as a last column: `TP / (TP + FP)`, or – where the sets gave it nothing to
    judge."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = next((i for i, l in enumerate(lines) if l.startswith("| code | what it says | example |")), None)
    if header is None:
        sys.exit("%s: no rules table (| code | what it says | example |)" % path)

    def cells(line):
        return [c.strip() for c in line.strip().strip("|").split(" | ")][:3]

    lines[header] = "| " + " | ".join(cells(lines[header]) + [PRECISION_COLUMN]) + " |"
    lines[header + 1] = "|---|---|---|---|"
    i = header + 2
    while i < len(lines) and lines[i].startswith("|"):
        row = cells(lines[i])
        m = re.search(r"`([a-z0-9-]+\.[a-z0-9-]+)`", row[0])
        tp, judged = result.per_code[m.group(1)].precision("all") if m and m.group(1) in result.per_code else (0, 0)
        value = "–" if judged == 0 else "%d / %d = %.0f %%" % (tp, judged, 100.0 * tp / judged)
        lines[i] = "| " + " | ".join(row + [value]) + " |"
        i += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--set", action="append", metavar="NAME=DIR",
                    help="an evaluation set: a folder with texts/ and labels.tsv (repeatable; default: "
                         "dev=set/ and heldout=heldout/; the first one is the ratchet's top level)")
    ap.add_argument("--labels", default=os.path.join(HERE, "labels"), help="folder of the project's labels")
    ap.add_argument("--out", help="write the Markdown report here")
    ap.add_argument("--check", metavar="BASELINE", help="exit 1 when a figure is worse than recorded")
    ap.add_argument("--write-baseline", metavar="BASELINE", help="record the current figures")
    ap.add_argument("--with-normalized", action="store_true", help="count %s too" % NORMALIZED)
    ap.add_argument("--config", default=os.path.join(HERE, "settings.json"),
                    help="settings for reportls check (default: settings.json, every rule on every "
                         "text, so the non-report texts measure the typography and wording rules too)")
    ap.add_argument("--quiet", action="store_true", help="print only the summary tables")
    ap.add_argument("--readme", metavar="README", help="write each rule's measured precision into the "
                    "rules table of README (the \"%s\" column)" % PRECISION_COLUMN)
    ap.add_argument("reportls_args", nargs="*", help="extra arguments for reportls check (after --)")
    args = ap.parse_args()

    results = [run_set(*parse_set(spec), args) for spec in (args.set or DEFAULT_SETS)]
    summaries, details = [], []
    for r in results:
        summaries += r.summary(TITLES.get(r.name, "reportls on the set `%s`" % r.name))
        details += listings(r.name, r.diagnostics, r.labels, r.non_report)
    combined = results[0]
    if len(results) > 1:
        combined = SetResult("combined", None, [d for r in results for d in r.diagnostics],
                             [l for r in results for l in r.labels], args.with_normalized)
        summaries += combined.summary("reportls on all sets combined (%s)"
                                      % " + ".join(r.name for r in results))
    if args.readme:
        update_readme(args.readme, combined)
    text = "\n".join(summaries + details) + "\n"
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    print("\n".join(summaries) if args.quiet else text)
    if args.write_baseline:
        recorded = {}
        for i, r in enumerate(results):
            current = {k: (round(v - 5e-5, 4) if isinstance(v, float) else v)
                       for k, v in r.figures().items() if v is not None}
            if i == 0:
                recorded.update(current)
            else:
                recorded[r.name] = current
        with open(args.write_baseline, "w", encoding="utf-8") as f:
            json.dump(recorded, f, indent=2, sort_keys=True)
            f.write("\n")
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            baseline = json.load(f)
        failures = []
        for r, recorded in baseline_sections(results, baseline):
            failures += ["%s: %s" % (r.name, failure) for failure in check(r.figures(), recorded)]
        for failure in failures:
            print("eval: " + failure, file=sys.stderr)
        if failures:
            print("eval: accuracy fell below %s (judge new diagnostics in tests/eval/labels/)"
                  % args.check, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
