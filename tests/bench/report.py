#!/usr/bin/env python3
"""Turns batch.json and lsp.json into results.md (Markdown tables, targets, PASS/MISS).

    report.py OUT_DIR [NOTE]
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import CONCAT_PAIRS, load, machine_info, work_key  # noqa: E402

PEERS = ("zhlint", "autocorrect", "textlint")

# What limits a figure when it misses, as profiled (issue 18 asks the results to say it).  Keyed by
# the start of the row's name; shown under the targets table for the rows that missed.
LIMITS = {
    "full analysis": "the analyzers themselves in a process that has analysed nothing yet: traced in `check` of the "
                     "20 KB report (both processes stamping CLOCK_MONOTONIC), the plugins take 1.5–2.6 ms there "
                     "against 1.0–1.5 ms in a warm server, and the request's way to the analysis process and the "
                     "result's way back 0.6–0.9 ms more (first use of that code, the 20 KB written, read and "
                     "parsed). Running the plugins on two threads was tried again (2026-12-02): 1.45 → 1.55–1.7 ms, "
                     "as the shared parse, 0.4 ms, comes before either thread's work and two cores give about 1.2× "
                     "one; on a busy machine the wall time of a short run is mostly waiting for a core (compare the "
                     "CPU time).",
    "edit→diagnostics p99, 1 MB": "LSP sends a document's diagnostics whole at each keystroke: here the first 1,000 of "
                                  "1,575 (maxDiagnostics, VS Code's own limit a file), 358 KB of JSON, which the "
                                  "client decodes (Python p50 2.1 ms on the machine of the runs before 2026-12-03 "
                                  "noon, 2.7–5.0 ms on the slower one since; Node 3.5–5 ms). Each stage's work grows "
                                  "with the diagnostics, not the text: the analysis process's plugins make all 1,575 "
                                  "and send them back (344 KB), the server decodes them and writes the 1,000, p50 "
                                  "4.0–5.1 ms to the publication's last byte. The first keystroke after opening is "
                                  "the slowest: the server's second copy of the text and the analysis process's "
                                  "second parse are fresh pages (about 850 faults), and so is the client's first "
                                  "decoding.",
    "documentSymbol": "p50 is well under the target; the tail is scheduling on a busy machine.",
    "peak RSS": "three processes map the same shared libraries (ICU, libstdc++, libc) and RSS counts those pages "
                "in each: per process about 6–9 MB is shared clean pages; the three processes' own (anonymous) "
                "memory is about 6 MB and their PSS about 16 MB. The interactive process creates the hover plugins "
                "only at the first hover (0.9 MB).",
    "batch ×100": "the analyzers' CPU time (about 0.3 s per MB on this machine, two cores for 8 MB): the process "
                  "around the analysis is small (see the `process around the analysis` rows).",
    "characters saved": "what other reports can teach: leave-one-out over 215 openings and 5 full reports of other "
                        "governments, so report bodies have little evidence (the corpus reports save least; 101 "
                        "more openings lifted them 20.1 → 21.2 %, the openings 1.1–1.3 points); what recurs across "
                        "governments is the set political and legal formulas, while most of a report names its own "
                        "places, bodies, events and figures; completion sees only the clause being typed. Whole "
                        "public reports (the page store keeps only a page's first 2,000 bytes) are the lever.",
    "accepts that took the first item": "the five are ordered by how likely each is taken (evidence less that of "
                                        "the nearest longer items shown that go on from it); most accepts that take "
                                        "another item take another phrase of the same typed context, which only the "
                                        "words before it could tell.",
    "process around the analysis: docx": "reading the Word file is counted here, not as reading: of the main "
                                         "process's 98 M instructions on the 1.6 MB file, loading the readers' "
                                         "module (libzip with libcrypto, libxml2, ICU) takes 8 M and libdeflate's "
                                         "inflate 16 M, before the analysis can start.",
}


def fmt_ms(ms):
    if ms is None:
        return "—"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 10:
        return f"{ms:.1f} ms"
    return f"{ms:.2f} ms"


def fmt_mb(kb):
    return "—" if kb is None else f"{kb / 1024:.1f} MB"


def verdict(ok):
    return "—" if ok is None else ("PASS" if ok else "**MISS**")


def main():
    out = sys.argv[1]
    note = sys.argv[2] if len(sys.argv) > 2 else ""
    batch = load(os.path.join(out, "batch.json")) or {}
    lsp = load(os.path.join(out, "lsp.json")) or {}
    shapes = load(os.path.join(out, "shapes.json")) or {}
    soak = load(os.path.join(out, "soak.json")) or {}
    machine = batch.get("machine") or lsp.get("machine") or machine_info()
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        commit = subprocess.run(["git", "-C", here, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", here, "status", "--porcelain"], capture_output=True,
                               text=True).stdout.strip()
        commit += " (with uncommitted changes)" if dirty else ""
    except OSError:
        commit = "unknown"

    lines = ["# reportls benchmark", "",
             f"- date: {machine['date']}",
             f"- machine: {machine['cores']} cores, {machine['cpu']}, Linux {machine['kernel']}",
             f"- load average when the run started: {' / '.join(f'{x:.1f}' for x in machine['loadavg'])}"
             + (" (**busy machine: timings are noisy**)" if machine["loadavg"][0] > machine["cores"] else ""),
             f"- commit: {commit}"]
    try:
        with open(os.path.join(out, "plugins.txt"), encoding="utf-8") as f:
            plugins = [ln.strip() for ln in f if ln.startswith(("✓", "✗"))]
        ok = [p.split()[1] for p in plugins if p.startswith("✓")]
        bad = [os.path.basename(p.split()[1]) for p in plugins if p.startswith("✗")]
        lines.append(f"- plugins loaded: {', '.join(ok) or 'none'}"
                     + (f"; **failed to load: {', '.join(bad)}** (see plugins.txt)" if bad else ""))
    except OSError:
        pass
    if note:
        lines.append(f"- note: {note}")
    lines.append("")

    single = batch.get("single", {})
    base = single.get("startup", {}).get("median")

    def check_ms(key):
        r = single.get(key, {})
        if "diff" not in r:
            return None
        return max(0.0, r["diff"] * 1000)

    def cpu_ms(key):
        r = single.get(key, {})
        return r["cpu_diff"] * 1000 if "cpu_diff" in r else None

    small, big = lsp.get("small", {}), lsp.get("big", {})

    def lsp_p(session, metric, p="p99"):
        return session.get(metric, {}).get(p)

    # -- targets ---------------------------------------------------------------------------------
    rows = []

    def target(name, value_ms, limit, unit="ms", detail=""):
        """A row of the targets table; limit None: shown for information, no target."""
        wanted = "—" if limit is None else f"≤ {limit} {unit}"
        if value_ms is None:
            rows.append((name, "failed / not measured", wanted, "—", detail))
            return
        shown = fmt_ms(value_ms) if unit == "ms" else f"{value_ms:.1f} {unit}"
        rows.append((name, shown, wanted, "info" if limit is None else verdict(value_ms <= limit), detail))

    t20, t1m = check_ms("report-20k"), check_ms("synthetic-1mb")
    scaling = lsp.get("open_scaling", {})
    target("full analysis, 20 KB report", t20, 2,
           detail=f"`check` {fmt_ms(single.get('report-20k', {}).get('median', 0) * 1000)} − start-up (`check` of a "
                  f"one-line report) {fmt_ms(single.get('report-20k', {}).get('base_median', 0) * 1000)} (interleaved runs; "
                  f"`check` of an empty file, refused before the analysis process sees it, "
                  f"{fmt_ms(single.get('empty', {}).get('median', 0) * 1000)}); "
                  f"CPU time − start-up {fmt_ms(cpu_ms('report-20k'))}; server didOpen→diagnostics "
                  f"{fmt_ms(scaling.get('report-20k', {}).get('median_ms'))}")
    target("full analysis, 1 MB report", t1m, 100,
           detail=f"`check` {fmt_ms(single.get('synthetic-1mb', {}).get('median', 0) * 1000)} − start-up "
                  f"{fmt_ms(single.get('synthetic-1mb', {}).get('base_median', 0) * 1000)}; CPU time − start-up "
                  f"{fmt_ms(cpu_ms('synthetic-1mb'))}; server didOpen→diagnostics "
                  f"{fmt_ms(scaling.get('synthetic-1mb', {}).get('median_ms'))}")
    for label, sess, limit in (("20 KB", small, 10), ("1 MB", big, 10)):
        target(f"edit→diagnostics p99, {label}", lsp_p(sess, "edit"), limit,
               detail=f"p50 {fmt_ms(lsp_p(sess, 'edit', 'p50'))}, p95 {fmt_ms(lsp_p(sess, 'edit', 'p95'))}, "
                      f"{sess.get('edit', {}).get('n', 0)} edits; the Python client's JSON decoding of each "
                      f"publication p50 {fmt_ms(lsp_p(sess, 'edit_client_decode', 'p50'))}, p99 "
                      f"{fmt_ms(lsp_p(sess, 'edit_client_decode'))}; without it (to the publication's last "
                      f"byte) p50 {fmt_ms(lsp_p(sess, 'edit_to_last_byte', 'p50'))}, p99 "
                      f"{fmt_ms(lsp_p(sess, 'edit_to_last_byte'))}"
                      + (f"; {sess['error']}" if "error" in sess else ""))
    node = lsp.get("big_node", {})
    target("edit→diagnostics p99, 1 MB, from a Node.js client (VS Code's runtime)", node.get("edit", {}).get("p99"),
           None, detail=node.get("error") or
           f"p50 {fmt_ms(node.get('edit', {}).get('p50'))}, {node.get('edit', {}).get('n', 0)} edits; Node's "
           f"decoding of each publication ({node.get('diagnostics')} diagnostics) p50 "
           f"{fmt_ms(node.get('decode', {}).get('p50'))}, p99 {fmt_ms(node.get('decode', {}).get('p99'))}; to the "
           f"publication's last byte p50 {fmt_ms(node.get('to_last_byte', {}).get('p50'))}, p99 "
           f"{fmt_ms(node.get('to_last_byte', {}).get('p99'))}")
    # The issue sets the completion and documentSymbol targets on the 20 KB report; 1 MB is shown
    # beside it for information.
    for label, sess, limit in (("20 KB", small, 5), ("1 MB", big, None)):
        target(f"completion p99, {label}", lsp_p(sess, "completion"), limit,
               detail=f"p50 {fmt_ms(lsp_p(sess, 'completion', 'p50'))}, p95 "
                      f"{fmt_ms(lsp_p(sess, 'completion', 'p95'))}, median "
                      f"{sess.get('completion_items_median', '—')} items, "
                      f"{sess.get('completion_empty', '—')} empty lists")
    for label, sess, limit in (("20 KB", small, 2), ("1 MB", big, None)):
        target(f"documentSymbol p99, {label} (the snapshot's outline, kept)", lsp_p(sess, "symbols_stored"), limit,
               detail=f"p50 {fmt_ms(lsp_p(sess, 'symbols_stored', 'p50'))}")
        target(f"documentSymbol p99, {label} (right after an edit)", lsp_p(sess, "symbols_after_edit"), limit,
               detail=f"p50 {fmt_ms(lsp_p(sess, 'symbols_after_edit', 'p50'))}")
    many = lsp.get("many", {})
    vm = many.get("vm", {})
    hwm = vm.get("VmHWM_all")
    each = vm.get("each", [])
    pss = sum(p.get("Pss", 0) for p in each) if each else None
    target("peak RSS, 20 reports open", hwm / 1024 if hwm else None, 30, unit="MB",
           detail=f"VmHWM of the server ({fmt_mb(vm.get('VmHWM'))}) plus that of each of its "
                  f"{vm.get('processes', 1) - 1} analysis processes "
                  f"({', '.join(fmt_mb(p.get('VmHWM')) for p in each[1:])}), summed: the libraries "
                  f"they share count once per process; their PSS at the end {fmt_mb(pss)} "
                  f"(anonymous memory: heaps, stacks, relocated data "
                  f"{fmt_mb(sum(p.get('Anonymous', 0) for p in each) if each else None)}); "
                  f"{many.get('bytes', 0) // 1024} KB of text"
                  + (f"; {many['error']}" if "error" in many else ""))

    # typing simulation (typing_sim.cpp): leave-one-out over the real texts
    typing = load(os.path.join(out, "typing.json")) or {}
    groups = typing.get("groups", {})

    def typed(names):
        """The groups' figures pooled (characters saved over all their characters)."""
        chars = sum(groups[g]["chars"] for g in names if g in groups)
        if not chars:
            return None
        keys = sum(groups[g]["keystrokes"] for g in names if g in groups)
        acc = sum(groups[g]["accepts"] for g in names if g in groups)
        first = sum(groups[g]["accepts"] * groups[g]["first_taken_pct"] / 100 for g in names if g in groups)
        return {"saved": 100 * (chars - keys) / chars, "per100": 100 * acc / chars,
                "first": 100 * first / acc if acc else 0, "chars": chars}

    def typing_row(name, got, limit, detail):
        if got is None:
            rows.append((name, "not measured", f"≥ {limit} %", "—", detail or ""))
        else:
            rows.append((name, f"{got:.1f} %", f"≥ {limit} %", verdict(got >= limit), detail))

    real = typed([g for g in groups if g != "corpus"])
    corpus = typed(["corpus"])
    every = typed(list(groups))
    typing_row("characters saved, real report texts (leave-one-out)", real and real["saved"], 25,
               real and f"{real['chars']} characters of {', '.join(g for g in groups if g != 'corpus')}; "
                        f"{real['per100']:.1f} accepts per 100 characters")
    typing_row("characters saved, corpus reports (leave-one-out)", corpus and corpus["saved"], 35,
               corpus and f"{corpus['chars']} characters; {corpus['per100']:.1f} accepts per 100 characters")
    typing_row("accepts that took the first item", every and every["first"], 50,
               "of all accepts of the simulation (the first item is the one taken in most accepts)")
    lat = typing.get("latency", {})
    model_mb = lat["model_bytes"] / 1e6 if "model_bytes" in lat else None
    rows.append(("phrase model in the analysis process", "not measured" if model_mb is None else f"{model_mb:.1f} MB",
                 "≤ 10 MB", "—" if model_mb is None else verdict(model_mb <= 10),
                 f"{lat.get('phrases', '—')} phrases with their pinyin keys (heap bytes after loading); "
                 f"completion call alone on {lat.get('file', '—')}: p99 {fmt_ms(lat.get('p99_ms'))}"))

    # batch x100
    bx = batch.get("batch", {}).get("x100", {}).get("tools", {})
    me = bx.get("reportls", {}).get("median")
    peer_times = []
    for p in PEERS:
        r = bx.get(p, {})
        if "median" in r:
            peer_times.append((r["median"], p, False))
        elif "lower_bound" in r:
            peer_times.append((r["lower_bound"], p, True))
    wc = bx.get("wc -m", {}).get("median")
    if me and wc:
        rows.append(("batch ×100: time relative to `wc -m`", f"{me / wc:.1f}×", "≤ 4×", verdict(me / wc <= 4),
                     f"reportls {fmt_ms(me * 1000)}, wc -m {fmt_ms(wc * 1000)}"
                     + (f"; fastest peer {min(peer_times)[1]} {fmt_ms(min(peer_times)[0] * 1000)}" if peer_times else "")))
    ev = batch.get("batch", {}).get("eval", {}).get("tools", {})
    mine_eval = ev.get("reportls", {}).get("median")
    peers_eval = sorted((r["median"], p) for p, r in ev.items() if p in PEERS and "median" in r)
    if mine_eval and peers_eval:
        rows.append(("evaluation set (70 texts), one command: reportls vs the fastest peer",
                     f"{fmt_ms(mine_eval * 1000)} vs {fmt_ms(peers_eval[0][0] * 1000)} ({peers_eval[0][1]})",
                     "faster", verdict(mine_eval < peers_eval[0][0]),
                     ", ".join(f"{p} {fmt_ms(t * 1000)}" for t, p in peers_eval)))
    else:
        rows.append(("evaluation set (70 texts), one command: reportls vs the fastest peer", "not measured",
                     "faster", "—", "reportls or every peer failed"))

    # scaling: doubling the input.  Judged on the work, the instructions counted under callgrind
    # (work.py) less the start-up's: they do not move with the machine's speed, which the times do
    # from minute to minute.  Without counts (valgrind missing, a run failed), on CPU time − start-up
    # of `reportls check` (free of the start-up and much less sensitive to other processes than wall
    # time).  The times are shown beside either way.
    work = load(os.path.join(out, "work.json")) or {}

    def ratio(get, a, b):
        ta, tb = get(a), get(b)
        return tb / ta if ta and tb and ta > 0 and tb > 0 else None

    def show(r):
        return "—" if r is None else f"{r:.2f}"

    def work_ratio(shape, fmt, a, b):
        """(instructions − start-up of b / of a, what the counts were), or (None, why there are none)."""
        start = work.get("startup", {}).get(fmt, {})
        sizes = [work.get("counts", {}).get(work_key(shape, fmt, label), {}) for label in (a, b)]
        if all("instructions" in x for x in (start, *sizes)):
            ia, ib = (x["instructions"] - start["instructions"] for x in sizes)
            return ratio(lambda x: x, ia, ib), f"instructions − start-up {ia / 1e6:,.0f} M → {ib / 1e6:,.0f} M"
        why = ([x["error"] for x in (start, *sizes) if "error" in x]
               or [work.get("error", "not counted" if work else "work.py did not run")])
        return None, f"no instruction count ({why[0]})"

    def doubling_row(name, shape, fmt, a, b, timed, timed_detail):
        counted, counts = work_ratio(shape, fmt, a, b)
        judged = counted if counted is not None else timed
        how = (f"judged on the work: {counts}; time: " if counted is not None
               else f"judged on time ({counts}): ")
        rows.append((name, show(judged), "≤ 2.2", "—" if judged is None else verdict(judged <= 2.2),
                     how + timed_detail))

    # The fastest run's CPU time: the work is the same at every run, and a busy virtual machine
    # only ever adds to it (the medians are shown beside).
    def cpu_min_ms(key):
        r = single.get(key, {})
        return r["cpu_min_diff"] * 1000 if "cpu_min_diff" in r else cpu_ms(key)

    # The start-up's own CPU time spreads over 16–24 ms in identical runs: a pair whose smaller side
    # analyses in less than this (80 → 160 KB: about 4 → 8 ms) is timed on the warm server's
    # didOpen→diagnostics (median of seven), which has no start-up to subtract.
    too_short_ms = 20
    for a, b in ((f"x{a}", f"x{b}") for a, b in CONCAT_PAIRS):
        cpu = ratio(lambda k: cpu_min_ms(f"concat-{k}"), a, b)
        wall = ratio(lambda k: check_ms(f"concat-{k}"), a, b)
        server = ratio(lambda k: scaling.get(f"concat-{k}", {}).get("median_ms"), a, b)
        short = server is not None and (cpu_min_ms(f"concat-{a}") or 0) < too_short_ms
        doubling_row(f"doubling the input: check concat-{a}→{b}", "concat", "text", a, b, server if short else cpu,
                     ("the warm server's didOpen→diagnostics (too short for CPU time − start-up); " if short else "")
                     + f"CPU − start-up, fastest run {fmt_ms(cpu_min_ms(f'concat-{a}'))} → "
                     f"{fmt_ms(cpu_min_ms(f'concat-{b}'))} (ratio {show(cpu)}), median {fmt_ms(cpu_ms(f'concat-{a}'))} → "
                     f"{fmt_ms(cpu_ms(f'concat-{b}'))}; wall − start-up ratio {show(wall)}; "
                     f"server didOpen→diagnostics ratio {show(server)}")

    startup = shapes.get("startup")
    startup_cpu, startup_cpu_min = shapes.get("startup_cpu", 0), shapes.get("startup_cpu_min", 0)
    for row in shapes.get("shapes", []):
        a, b = (row["sizes"] + [{}, {}])[:2]
        # CPU time − start-up of the fastest run of each size, which ran alternately (shapes.py).
        cpu = ratio(lambda x: x.get("cpu_min", 0) - startup_cpu_min, a, b)
        wall = ratio(lambda x: x.get("median", 0), a, b)
        doubling_row(f"doubling the input: {row['shape']} {a.get('label')}→{b.get('label')}, --format {row['format']}",
                     row["shape"], row["format"], a.get("label"), b.get("label"), cpu,
                     f"CPU − start-up, fastest run {fmt_ms((a.get('cpu_min', 0) - startup_cpu_min) * 1000)} → "
                     f"{fmt_ms((b.get('cpu_min', 0) - startup_cpu_min) * 1000)} (ratio {show(cpu)}), median "
                     f"{fmt_ms((a.get('cpu', 0) - startup_cpu) * 1000)} → "
                     f"{fmt_ms((b.get('cpu', 0) - startup_cpu) * 1000)}; wall {fmt_ms(a.get('median', 0) * 1000)} → "
                     f"{fmt_ms(b.get('median', 0) * 1000)} (ratio {show(wall)})"
                     + "".join(f"; {x['error']}" for x in (a, b) if "error" in x))
    for row in shapes.get("shapes", []):
        big_one = row["sizes"][-1] if row["sizes"] else {}
        if row["format"] != "text" and row["shape"] != "diagnostics" or not big_one.get("analyzers") or not startup:
            continue
        around = big_one["median"] - startup - big_one["read"] - big_one["analyzers"]
        limit = 0.5 * big_one["analyzers"]
        rows.append((f"process around the analysis: {row['shape']} {big_one['label']}, --format {row['format']}",
                     fmt_ms(around * 1000), f"≤ {fmt_ms(limit * 1000)} (0.5 × analyzers)", verdict(around <= limit),
                     f"wall {fmt_ms(big_one['median'] * 1000)} = start-up {fmt_ms(startup * 1000)} + reading "
                     f"{fmt_ms(big_one['read'] * 1000)} + analyzers {fmt_ms(big_one['analyzers'] * 1000)} + the rest; "
                     f"peak RSS {fmt_mb(big_one.get('maxrss_kb'))}"))
    samples = soak.get("samples", [])
    at = {x["edits"]: x["rss_kb"]["total"] for x in samples}
    if 2000 in at and samples:
        last = samples[-1]
        growth = last["rss_kb"]["total"] / at[2000] - 1
        rows.append((f"soak: total RSS after {last['edits']:,} edits vs after 2,000 ({soak.get('documents')} reports open)",
                     f"{growth * 100:+.1f} %", "≤ +10 %", verdict(growth <= 0.10),
                     f"{fmt_mb(at[2000])} → {fmt_mb(last['rss_kb']['total'])}; texts exact: "
                     f"{soak.get('texts_exact')}; {soak.get('requests_answered', 0):,} requests answered"))
    elif soak:
        rows.append(("soak", soak.get("error", "too short (no sample at 2,000 edits)"), "—", "—", ""))

    lines += ["## Targets", "", "| measure | result | target | status | detail |", "|---|---|---|---|---|"]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    misses = [r[0] for r in rows if r[3] == "**MISS**"]
    lines += ["", f"Missed: {', '.join(misses) if misses else 'none'}.", ""]
    said = set()
    for m in misses:
        for key, why in LIMITS.items():
            if m.startswith(key) and key not in said:
                said.add(key)
                lines.append(f"- **{m}**: {why}")
    if said:
        lines.append("")

    # -- batch table -----------------------------------------------------------------------------
    lines += ["## Batch: same files, median wall time", "",
              "×N = N files, each the five corpus reports concatenated (80 KB). Peak RSS is the "
              "maximum RSS GNU time reports (%M) for the command (node peers: the node process).", "",
              "| input | tool | median wall | runs | peak RSS | time ÷ reportls |", "|---|---|---|---|---|---|"]
    for key, b in batch.get("batch", {}).items():
        mine = b["tools"].get("reportls", {}).get("median")
        label = f"{key.replace('x', '×')} ({b['files']} files, {b['bytes'] / 1e6:.2f} MB)"
        for tool, r in b["tools"].items():
            if "median" in r:
                ratio = f"{r['median'] / mine:.1f}×" if mine else "—"
                lines.append(f"| {label} | {tool} | {fmt_ms(r['median'] * 1000)} | {r['runs']} | "
                             f"{fmt_mb(r['maxrss_kb'])} | {ratio} |")
            else:
                lb = r.get("lower_bound")
                ratio = f"> {lb / mine:.0f}×" if lb and mine else "—"
                lines.append(f"| {label} | {tool} | {r.get('error', 'failed')} | {r.get('runs', 0)} | — | {ratio} |")
    lines.append("")

    # -- scaling table ---------------------------------------------------------------------------
    lines += ["## Full analysis against document size", "",
              f"`reportls check FILE` median wall time minus the median of `reportls check one-line.txt` (a one-line report) "
              f"run alternately with it (start-up alone: {fmt_ms(base * 1000 if base else None)}), the same "
              f"for CPU time (user+sys), and the server's didOpen→publishDiagnostics (one warm server).", "",
              "| document | size | `check` − start-up | per MB | CPU − start-up | server didOpen→diagnostics | per MB |",
              "|---|---|---|---|---|---|---|"]
    for key, r in single.items():
        if key in ("startup", "empty"):
            continue
        mb = r.get("bytes", 0) / 1e6
        t = check_ms(key)
        s = scaling.get(key, {}).get("median_ms")
        lines.append(f"| {key} | {mb:.2f} MB | {fmt_ms(t) if 'median' in r else r.get('error', '—')} | "
                     f"{fmt_ms(t / mb) if t is not None and mb else '—'} | {fmt_ms(cpu_ms(key))} | {fmt_ms(s)} | "
                     f"{fmt_ms(s / mb) if s is not None and mb else '—'} |")
    lines.append("")

    # -- interactive detail ----------------------------------------------------------------------
    lines += ["## Interactive latency (debounce 0)", "",
              "| document | request | n | p50 | p95 | p99 | max |", "|---|---|---|---|---|---|---|"]
    for label, sess in (("20 KB report", small), ("1 MB report", big)):
        if "error" in sess:
            lines.append(f"| {label} | session failed: {sess['error']} | | | | | |")
        for metric, name in (("edit", "didChange→publishDiagnostics"), ("completion", "completion"),
                             ("symbols_stored", "documentSymbol (kept outline)"),
                             ("symbols_after_edit", "documentSymbol (after edit)")):
            s = sess.get(metric)
            if s:
                lines.append(f"| {label} | {name} | {s['n']} | {fmt_ms(s['p50'])} | {fmt_ms(s['p95'])} | "
                             f"{fmt_ms(s['p99'])} | {fmt_ms(s['max'])} |")
    for label, sess in (("20 KB report", small), ("1 MB report", big)):
        if "vm" in sess:
            lines.append(f"\nServer with the {label} open: VmHWM {fmt_mb(sess['vm'].get('VmHWM'))} "
                         f"(after initialize: {fmt_mb(sess.get('rss_after_init_kb'))}), "
                         f"{sess.get('diagnostics')} diagnostics on open.")
    lines.append("")

    # -- shapes ----------------------------------------------------------------------------------
    if shapes:
        lines += ["## Input shapes against size", "",
                  f"`reportls check --timings --format F FILE`, median wall of {os.environ.get('BENCH_SHAPE_RUNS', '7')} "
                  f"runs; analyzers: the sum --timings reports; start-up (`check` of a one-line report) "
                  f"{fmt_ms((startup or 0) * 1000)}.", "",
                  "| shape | format | input | size | wall | analyzers | peak RSS |", "|---|---|---|---|---|---|---|"]
        for row in shapes.get("shapes", []):
            for x in row["sizes"]:
                lines.append(f"| {row['shape']} | {row['format']} | {x.get('label')} | {x.get('bytes', 0) / 1e6:.2f} MB | "
                             f"{fmt_ms(x['median'] * 1000) if 'median' in x else x.get('error')} | "
                             f"{fmt_ms(x['analyzers'] * 1000) if x.get('analyzers') else '—'} | {fmt_mb(x.get('maxrss_kb'))} |")
        lines.append("")

    # -- soak ------------------------------------------------------------------------------------
    if soak:
        lines += ["## Soak: a day of editing", "",
                  f"{soak.get('documents')} corpus reports open ({soak.get('bytes', 0) // 1024} KB), {soak.get('edits', 0):,} "
                  f"random single-character edits (CJK, commas, years, 𠮷, line breaks, deletions), a pull every 10th, "
                  f"a completion every 10th (every other one cancelled), a hover every 25th, the outline every 50th; "
                  f"debounce 0. Resident memory (VmRSS) of each process:", "",
                  "| after edits | server | diagnostics process | interactive process | total | seconds |",
                  "|---|---|---|---|---|---|"]
        for x in samples:
            r = x["rss_kb"]
            lines.append(f"| {x['edits']:,} | {fmt_mb(r.get('server'))} | {fmt_mb(r.get('diagnostics'))} | "
                         f"{fmt_mb(r.get('interactive'))} | {fmt_mb(r.get('total'))} | {x.get('seconds', 0):.0f} |")
        lines += ["", f"Server's text against the client's at the end: "
                  f"{'exact' if soak.get('texts_exact') else 'MISMATCH ' + str(soak.get('mismatched'))}"
                  + (f"; **{soak['error']}**" if "error" in soak else "") + ".", ""]

    # -- typing simulation ------------------------------------------------------------------------
    if groups:
        lines += ["## Typing simulation (leave-one-out)" if typing.get("leave_one_out") else "## Typing simulation", "",
                  f"At each character the first {typing.get('shown', 5)} completion items are read; one that inserts "
                  "exactly the text that follows is accepted with one keystroke. A text's own phrases are never in "
                  "the model that completes it.", "",
                  "| texts | n | characters | saved | accepts / 100 characters | first item taken |",
                  "|---|---|---|---|---|---|"]
        for g, r in groups.items():
            lines.append(f"| {g} | {r['texts']} | {r['chars']} | {r['saved_pct']:.1f} % | "
                         f"{r['accepts_per_100']:.1f} | {r['first_taken_pct']:.1f} % |")
        lines.append("")
    text = "\n".join(lines)
    with open(os.path.join(out, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
