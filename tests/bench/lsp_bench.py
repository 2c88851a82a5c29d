#!/usr/bin/env python3
"""Interactive measurements: speaks LSP to the built server through tests/e2e/lsp_client.py, as an
editor does, with debounce 0 so that the analysis itself is what is measured.

    lsp_bench.py REPORTLS INPUTS_DIR CORPUS_DIR OUT_JSON
    lsp_bench.py --memory REPORTLS CORPUS_DIR    only the peak RSS with 20 reports open, per process
    lsp_bench.py --edits REPORTLS INPUTS_DIR CORPUS_DIR [N]
                                                 only edit->diagnostics on the 20 KB and 1 MB reports
                                                 (N edits each, default BENCH_EDITS), as JSON

Latencies run from just before a message is written to the server's stdin to the moment the
client's reader thread has read and decoded the answer (so they include JSON encoding and the pipe
on both sides, as an editor would see them).  The 1 MB report's keystrokes are also timed from a
Node.js client (lsp_node_edits.js, when node is installed): the runtime of VS Code's language client.
"""
import gc
import json
import os
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import lsp_client  # noqa: E402
from benchlib import machine_info, median, percentile, save  # noqa: E402
from gen_inputs import copy_of  # noqa: E402

EDITS = int(os.environ.get("BENCH_EDITS", "300"))
REPORT_20K = "wuding-county-office-2022.txt"
LONG = 180.0


class TimedClient(lsp_client.Client):
    """lsp_client.Client whose reader thread stamps each message with its arrival time and the time
    its JSON took to decode (part of every latency, and the client's, not the server's)."""

    def _decode(self, body):
        start = time.perf_counter()
        msg = json.loads(body)
        now = time.perf_counter()
        msg["_t"] = now
        if isinstance(msg.get("params"), dict):
            msg["params"]["_t"] = now
            msg["params"]["_decode"] = now - start
        return msg


def stats_ms(values):
    ms = [v * 1000 for v in values]
    return {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95), "p99": percentile(ms, 99),
            "max": max(ms), "median": median(ms)}


def vm_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmHWM", "VmRSS")):
                k, v = line.split(":", 1)
                out[k] = int(v.split()[0])  # kB
    return out


def descendants(pid):
    """pid's child processes, recursively (the server's analysis processes)."""
    parent = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    # pid (comm) state ppid …; comm may hold spaces and parentheses
                    parent[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out += kids
        todo += kids
    return out


def smaps_rollup(pid):
    """What a process holds resident now, by kind (kB): Rss, Pss, Rss_Anon (its heap, stacks and
    relocated library data), Rss_File (mapped files, shared libraries' code)."""
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("Rss", "Pss", "Pss_Anon", "Pss_File", "Anonymous"):
                out[k] = int(v.split()[0])
    return out


def tree_vm(pid):
    """VmHWM of the server plus that of each analysis process: an upper bound of the memory the
    whole server takes (each process's own peak, summed); "each" breaks it down per process."""
    total = dict(vm_status(pid))
    total["processes"] = 1
    each = [{"pid": pid, **vm_status(pid), **smaps_rollup(pid)}]
    for k in descendants(pid):
        try:
            vm = {"pid": k, **vm_status(k), **smaps_rollup(k)}
        except OSError:
            continue
        each.append(vm)
        total["VmHWM_all"] = total.get("VmHWM_all", total.get("VmHWM", 0)) + vm.get("VmHWM", 0)
        total["processes"] += 1
    total.setdefault("VmHWM_all", total.get("VmHWM", 0))
    total["each"] = each
    return total


class Doc:
    """The client's copy of one open document, with LSP (UTF-16) positions."""

    def __init__(self, client, uri, text):
        self.client, self.uri, self.text, self.version = client, uri, text, 1

    def position(self, offset):
        line = self.text.count("\n", 0, offset)
        start = self.text.rfind("\n", 0, offset) + 1
        return {"line": line, "character": len(self.text[start:offset].encode("utf-16-le")) // 2}

    def send_edit(self, offset, length, new_text):
        """Replaces text[offset:offset+length]; returns (send time, version)."""
        rng = {"start": self.position(offset), "end": self.position(offset + length)}
        self.text = self.text[:offset] + new_text + self.text[offset + length:]
        self.version += 1
        t0 = time.perf_counter()
        self.client.change(self.uri, self.version, [{"range": rng, "text": new_text}])
        return t0, self.version

    def wait(self, version, timeout=LONG):
        p = self.client.published(self.uri, version, timeout=timeout)
        self.client.notifications.clear()
        self.client.seen.clear()  # the e2e client keeps every message; a benchmark has no use for them
        return p

    def random_offset(self, rng, deletable=False):
        while True:
            o = rng.randrange(len(self.text) + (0 if deletable else 1))
            if not deletable:
                return o
            c = self.text[o]
            if c != "\n" and ord(c) < 0x10000:
                return o


def open_doc(client, uri, text, timeout=LONG):
    t0 = time.perf_counter()
    client.open(uri, text)
    p = client.published(uri, 1, timeout=timeout)
    client.notifications.clear()
    return Doc(client, uri, text), p["_t"] - t0, len(p["diagnostics"])


def edit_latency(doc, rng, n, decode=None):
    """n edits' latencies; the client's decoding time of each publication appended to `decode`."""
    lat = []
    chars = "的，。一二法治政府建设"
    for i in range(n):
        if i % 2 == 0:
            t0, v = doc.send_edit(doc.random_offset(rng), 0, rng.choice(chars))
        else:
            t0, v = doc.send_edit(doc.random_offset(rng, deletable=True), 1, "")
        p = doc.wait(v)
        lat.append(p["_t"] - t0)
        if decode is not None:
            decode.append(p["_decode"])
        # Let the publication go before the next one is decoded: kept alive, its thousands of
        # objects made Python's allocator take fresh memory for the next (the 1 MB report's
        # decoding p50 6.5 → 5.6–5.9 ms, two pairs of runs).
        del p
    return lat


def node_edits(binary, path, n):
    """The same keystrokes' latency from a Node.js client (lsp_node_edits.js), the runtime of VS Code's
    language client: whether the decoding of a large publication is Python's cost or any editor's."""
    node = shutil.which("node")
    if not node:
        return {"error": "node not installed"}
    print("  LSP session: synthetic-1mb from a Node.js client", flush=True)
    try:
        out = subprocess.run([node, os.path.join(HERE, "lsp_node_edits.js"), binary, path, str(n), "9"],
                             capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            return {"error": out.stderr.strip() or f"exit {out.returncode}"}
        return json.loads(out.stdout)
    except (subprocess.TimeoutExpired, ValueError) as e:
        return {"error": f"{type(e).__name__}: {e}"}


def completion_latency(doc, rng, n):
    lat, items = [], []
    prefixes = ["习近平", "fz", "依法", "法治政府"]
    for i in range(n):
        prefix = prefixes[i % len(prefixes)]
        # type the prefix at a random place (at a line end half of the time, as when writing on)
        if i % 2:
            o = doc.random_offset(rng)
        else:
            o = doc.text.find("\n", doc.random_offset(rng))
            o = len(doc.text) if o < 0 else o
        _, v = doc.send_edit(o, 0, prefix)
        doc.wait(v)
        pos = doc.position(o + len(prefix))
        t0 = time.perf_counter()
        msg = doc.client.request("textDocument/completion", {
            "textDocument": {"uri": doc.uri}, "position": pos,
            "context": {"triggerKind": 1}}, timeout=LONG)
        lat.append(msg["_t"] - t0)
        result = msg.get("result") or []
        items.append(len(result["items"] if isinstance(result, dict) else result))
        _, v = doc.send_edit(o, len(prefix), "")  # take it back
        doc.wait(v)
    return lat, items


def symbol_latency(doc, rng, n, after_edit):
    """documentSymbol latencies: of the same snapshot again and again (the first makes its outline,
    the others get it kept), or each right after a keystroke (a new snapshot each time)."""
    lat, counts = [], []
    for i in range(n):
        v = None
        if after_edit:  # the outline view asks right after a keystroke, before diagnostics are back
            _, v = doc.send_edit(doc.random_offset(rng), 0, "的")
        t0 = time.perf_counter()
        msg = doc.client.request("textDocument/documentSymbol", {"textDocument": {"uri": doc.uri}},
                                 timeout=LONG)
        lat.append(msg["_t"] - t0)
        counts.append(len(msg.get("result") or []))
        if v is not None:
            doc.wait(v)
            _, v = doc.send_edit(doc.text.index("的"), 1, "")
            doc.wait(v)
    return lat, counts


def edits_only(binary, inputs, corpus_dir, n):
    """Only the edit->diagnostics latency of the 20 KB and the 1 MB report: to compare a change."""
    lsp_client.BINARY = binary
    with open(os.path.join(inputs, "manifest.json")) as f:
        manifest = json.load(f)["files"]
    rng = random.Random(9)
    out = {"machine": machine_info(), "edits": n, "loadavg_before": os.getloadavg()}
    for name, text in (("report-20k", read(os.path.join(corpus_dir, REPORT_20K))),
                       ("synthetic-1mb", read(os.path.join(inputs, manifest["synthetic-1mb"]["path"])))):
        client = TimedClient()
        gc.collect()
        gc.disable()
        try:
            client.initialize({"debounce": 0})
            doc, _, _ = open_doc(client, f"file:///bench/{name}.txt", text)
            decode = []
            lat = edit_latency(doc, rng, n, decode)
            out[name] = stats_ms(lat)
            out[name]["client_decode"] = stats_ms(decode)
            out[name]["to_last_byte"] = stats_ms([t - d for t, d in zip(lat, decode)])
            client.shutdown_and_exit()
        finally:
            client.close()
            gc.enable()
    out["loadavg_after"] = os.getloadavg()
    return out


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def many_reports(corpus_dir, rng):
    """Peak RSS of the server and its analysis processes with 20 reports open."""
    print("  LSP session: 20 reports open", flush=True)
    client = TimedClient()
    try:
        client.initialize({"debounce": 0})
        names = sorted(n for n in os.listdir(corpus_dir) if n.endswith(".txt"))
        docs = []
        for i in range(20):
            name = names[i % len(names)]
            text = copy_of(read(os.path.join(corpus_dir, name)), i // len(names))  # no two documents alike
            doc, _, _ = open_doc(client, f"file:///bench/many/{i:02d}-{name}", text)
            docs.append(doc)
        for doc in docs:  # the outline, a few keystrokes and a completion in each, as a user would
            client.result("textDocument/documentSymbol", {"textDocument": {"uri": doc.uri}})
            for _ in range(3):
                _, v = doc.send_edit(doc.random_offset(rng), 0, "的")
                doc.wait(v)
            client.result("textDocument/completion", {"textDocument": {"uri": doc.uri},
                                                      "position": doc.position(len(doc.text))})
        out = {"documents": len(docs), "bytes": sum(len(d.text.encode()) for d in docs),
               "vm": tree_vm(client.proc.pid)}
        client.shutdown_and_exit()
        return out
    except Exception as e:
        return {"error": f"{type(e).__name__}: {e}"}
    finally:
        client.close()


def main():
    if sys.argv[1:2] == ["--memory"]:
        lsp_client.BINARY = sys.argv[2]
        print(json.dumps(many_reports(sys.argv[3], random.Random(9)), indent=1))
        return
    if sys.argv[1:2] == ["--edits"]:
        n = int(sys.argv[5]) if len(sys.argv) > 5 else EDITS
        print(json.dumps(edits_only(sys.argv[2], sys.argv[3], sys.argv[4], n), indent=1))
        return
    binary, inputs, corpus_dir, out_json = sys.argv[1:5]
    lsp_client.BINARY = binary
    with open(os.path.join(inputs, "manifest.json")) as f:
        manifest = json.load(f)["files"]
    rng = random.Random(9)
    res = {"machine": machine_info(), "edits": EDITS}
    small = read(os.path.join(corpus_dir, REPORT_20K))
    big = read(os.path.join(inputs, manifest["synthetic-1mb"]["path"]))

    def run_session(name, text, n_edits, n_compl, n_sym):
        print(f"  LSP session: {name} ({len(text.encode())} bytes)", flush=True)
        client = TimedClient()
        # Python's cyclic collector would otherwise stop the client's reader thread for up to
        # 200 ms now and then (thousands of diagnostics per message): the tail measured would be
        # the harness's, not the server's.
        gc.collect()
        gc.disable()
        try:
            client.initialize({"debounce": 0})
            base = vm_status(client.proc.pid)
            doc, open_lat, ndiag = open_doc(client, f"file:///bench/{name}.txt", text)
            # What an editor asks for as it shows a document (VS Code: folding ranges, always).
            client.result("textDocument/foldingRange", {"textDocument": {"uri": doc.uri}})
            out = {"bytes": len(text.encode()), "open_ms": open_lat * 1000, "diagnostics": ndiag,
                   "rss_after_init_kb": base.get("VmHWM")}
            decode = []
            lat = edit_latency(doc, rng, n_edits, decode)
            out["edit"] = stats_ms(lat)
            # The same latencies without the client's share: up to the publication's last byte.
            out["edit_client_decode"] = stats_ms(decode)
            out["edit_to_last_byte"] = stats_ms([t - d for t, d in zip(lat, decode)])
            lat, items = completion_latency(doc, rng, n_compl)
            out["completion"] = stats_ms(lat)
            out["completion_items_median"] = median(items)
            out["completion_empty"] = sum(1 for x in items if x == 0)
            lat, counts = symbol_latency(doc, rng, n_sym, after_edit=False)
            out["symbols_stored"] = stats_ms(lat)
            out["symbols_top_level"] = median(counts)
            lat, _ = symbol_latency(doc, rng, n_sym, after_edit=True)
            out["symbols_after_edit"] = stats_ms(lat)
            out["vm"] = vm_status(client.proc.pid)
            client.shutdown_and_exit()
            return out
        except Exception as e:  # the harness never aborts: the table shows the failure
            return {"error": f"{type(e).__name__}: {e}"}
        finally:
            client.close()
            gc.enable()

    # A p99 of the targets' rows needs a few hundred samples (of 50 it is the slowest one): as many
    # completions and outlines as keystrokes on the 20 KB report, a second or two each.
    res["small"] = run_session("report-20k", small, EDITS, EDITS, EDITS)
    res["big"] = run_session("synthetic-1mb", big, EDITS, 40, 40)
    res["big_node"] = node_edits(binary, os.path.join(inputs, manifest["synthetic-1mb"]["path"]), EDITS)

    # -- didOpen -> publishDiagnostics against size ---------------------------------------------
    print("  LSP session: didOpen -> diagnostics by size", flush=True)
    client = TimedClient()
    scaling = {}
    try:
        client.initialize({"debounce": 0})
        docs = [("report-20k", small), ("synthetic-1mb", big)]
        for n in (1, 2, 10, 20):
            docs.append((f"concat-x{n}", read(os.path.join(inputs, manifest[f"concat-x{n}"]["path"]))))
        for key, text in docs:
            reps = 7 if len(text) < 300_000 else 3
            lat = []
            for r in range(reps + 1):  # the first one warms up
                uri = f"file:///bench/open/{key}-{r}.txt"
                # a copy of its own each time: the server has seen none of its paragraphs before
                _, seconds, _ = open_doc(client, uri, copy_of(text, r + 1))
                client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
                if r:
                    lat.append(seconds)
            scaling[key] = {"bytes": len(text.encode()), "median_ms": median(lat) * 1000,
                            "min_ms": min(lat) * 1000, "runs": len(lat)}
        client.shutdown_and_exit()
    except Exception as e:
        scaling["error"] = f"{type(e).__name__}: {e}"
    finally:
        client.close()
    res["open_scaling"] = scaling

    res["many"] = many_reports(corpus_dir, rng)
    save(out_json, res)


if __name__ == "__main__":
    main()
