#!/usr/bin/env python3
"""A day of editing (issue 21): N reports open, a long random sequence of single-character edits
with pulls, completions, hovers, outline requests and cancels, as a person drafting for hours
would send them; resident memory of each process at intervals; at the end the server's copy of
every document against the client's.

    soak.py REPORTLS CORPUS_DIR DIGEST_PLUGIN_DIR OUT_JSON

The server's copy is observed through the `digest` test plugin (tests/plugins/digest.c: version,
length and FNV-1a hash of the text it analysed, reported as a documentStatus fact).  Edits insert
a CJK character, a comma, a year, 𠮷 or a line break, or delete one character or line break, at a
random place of a random document, so every edit makes a line text no cache has seen; the documents
keep their size and number of lines on average.  Every 10th edit pulls
that document's diagnostics (which waits for its analysis: the client never runs far ahead),
every 10th asks for a completion there (every other one cancelled at once), every 25th for a
hover, every 50th for the outline.  Debounce 0: every version is analysed unless a newer one
replaced it before it was sent.

Knobs: SOAK_DOCS (10), SOAK_EDITS (50000), SOAK_EVERY (samples every N edits, 1000), SOAK_SEED.
"""
import gc
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import lsp_client  # noqa: E402
from benchlib import machine_info, save  # noqa: E402
from gen_inputs import copy_of  # noqa: E402
from lsp_bench import descendants, vm_status  # noqa: E402

DOCS = int(os.environ.get("SOAK_DOCS", "10"))
EDITS = int(os.environ.get("SOAK_EDITS", "50000"))
EVERY = int(os.environ.get("SOAK_EVERY", "1000"))
SEED = int(os.environ.get("SOAK_SEED", "21"))
LONG = 120.0

CJK = "的法治政府建设依法行政推进工作制度"
INSERTS = [(0.22, lambda r: r.choice(CJK)), (0.10, lambda r: "，"), (0.03, lambda r: f"{r.randint(2015, 2026)}年"),
           (0.05, lambda r: "𠮷"), (0.04, lambda r: "\n")]
# About as many characters deleted as inserted, and as many line breaks: the documents keep their
# size and their number of lines, so what is resident at the end is comparable with the start.
DELETE = 0.52
JOIN = 0.04  # delete a line break


def fnv(data):
    h = 1469598103934665603
    for b in data:
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


class SoakClient(lsp_client.Client):
    """Keeps only what the soak needs of the server's notifications: the latest digest per uri."""

    def __init__(self, *args):
        self.digests = {}
        super().__init__(*args)

    def _decode(self, body):
        msg = json.loads(body)
        if msg.get("method") == "reportls/documentStatus":
            p = msg["params"]
            if "digest" in p.get("facts", {}):
                self.digests[p["uri"]] = p["facts"]["digest"]
            return {"method": "dropped"}
        if msg.get("method") == "textDocument/publishDiagnostics":
            return {"method": "dropped"}
        return msg


class Doc:
    def __init__(self, uri, text):
        self.uri, self.text, self.version = uri, text, 1

    def position(self, index):
        line = self.text.count("\n", 0, index)
        start = self.text.rfind("\n", 0, index) + 1
        return {"line": line, "character": len(self.text[start:index].encode("utf-16-le")) // 2}

    def edit(self, rng):
        """One random edit, applied to the copy: its LSP content change and where it happened."""
        roll = rng.random()
        if roll < JOIN and "\n" in self.text:
            i = self.text.find("\n", rng.randrange(len(self.text)))
            i = self.text.rfind("\n") if i < 0 else i
            old, new = (i, i + 1), ""
        elif roll < JOIN + DELETE and len(self.text) > 1:
            i = rng.randrange(len(self.text))
            while self.text[i] == "\n":
                i = (i + 1) % len(self.text)
            old, new = (i, i + 1), ""
        else:
            i = rng.randrange(len(self.text) + 1)
            pick, acc = rng.random() * sum(w for w, _ in INSERTS), 0.0
            for w, make in INSERTS:
                acc += w
                if pick <= acc:
                    break
            old, new = (i, i), make(rng)
        change = {"range": {"start": self.position(old[0]), "end": self.position(old[1])}, "text": new}
        self.text = self.text[:old[0]] + new + self.text[old[1]:]
        self.version += 1
        return change, i


def role(pid):
    """An analysis process's role, from the capabilities the server started it with: the
    diagnostics process is asked for diagnostics (bit 0), the interactive one for completions and
    hovers and not for diagnostics."""
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        argv = f.read().decode(errors="replace").split("\0")
    caps = argv[argv.index("--capabilities") + 1] if "--capabilities" in argv[:-1] else ""
    return ("diagnostics" if int(caps) & 1 else "interactive") if caps.isdigit() else f"process{pid}"


def rss_sample(pid):
    """VmRSS (kB) of the server and of each of its analysis processes, by role, and their total."""
    out = {"server": vm_status(pid)["VmRSS"]}
    for k in descendants(pid):
        try:
            out[role(k)] = vm_status(k)["VmRSS"]
        except (OSError, KeyError):
            pass
    out["total"] = sum(out.values())
    return out


def main():
    binary, corpus_dir, digest_dir, out_json = sys.argv[1:5]
    lsp_client.BINARY = binary
    names = sorted(n for n in os.listdir(corpus_dir) if n.endswith(".txt"))
    rng = random.Random(SEED)
    res = {"machine": machine_info(), "documents": DOCS, "edits": EDITS, "samples": []}
    client = SoakClient("--plugin-dir", digest_dir)
    gc.disable()
    t0 = time.perf_counter()
    try:
        client.initialize({"debounce": 0})
        docs = []
        for i in range(DOCS):
            name = names[i % len(names)]
            with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
                text = copy_of(f.read(), i // len(names))  # no two documents alike
            doc = Doc(f"file:///soak/{i:02d}-{name}", text)
            client.open(doc.uri, doc.text)
            docs.append(doc)
        for doc in docs:
            client.result("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}}, timeout=LONG)
        res["bytes"] = sum(len(d.text.encode()) for d in docs)
        lines_at_start = sum(d.text.count("\n") + 1 for d in docs)
        res["samples"].append({"edits": 0, "rss_kb": rss_sample(client.proc.pid)})
        answered = cancelled = 0
        for n in range(1, EDITS + 1):
            doc = rng.choice(docs)
            change, at = doc.edit(rng)
            client.change(doc.uri, doc.version, [change])
            if n % 10 == 0:
                client.result("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}}, timeout=LONG)
                answered += 1
            if n % 10 == 5:
                pos = doc.position(min(at, len(doc.text)))
                rid = client.send_request("textDocument/completion", {
                    "textDocument": {"uri": doc.uri}, "position": pos, "context": {"triggerKind": 1}})
                if n % 20 == 5:
                    client.notify("$/cancelRequest", {"id": rid})
                    cancelled += 1
                client.response(rid, timeout=LONG)
                answered += 1
            if n % 25 == 3:
                digit = next((k for k in range(rng.randrange(len(doc.text)), len(doc.text)) if doc.text[k].isdigit()), 0)
                client.result("textDocument/hover", {"textDocument": {"uri": doc.uri}, "position": doc.position(digit)},
                              timeout=LONG)
                answered += 1
            if n % 50 == 7:
                client.result("textDocument/documentSymbol", {"textDocument": {"uri": doc.uri}}, timeout=LONG)
                answered += 1
            if n % 100 == 0:
                client.seen.clear()
                client.notifications.clear()
            if n % EVERY == 0 or n == 2000:
                res["samples"].append({"edits": n, "rss_kb": rss_sample(client.proc.pid),
                                       "seconds": time.perf_counter() - t0})
                print(f"    {n} edits: total RSS {res['samples'][-1]['rss_kb']['total'] / 1024:.1f} MB", flush=True)
        # The end: every document analysed at its last version, its digest the client's.
        mismatched = []
        for doc in docs:
            client.result("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}}, timeout=LONG)
            data = doc.text.encode("utf-8")
            want = "%d:%d:%016x" % (doc.version, len(data), fnv(data))
            deadline = time.monotonic() + LONG
            while client.digests.get(doc.uri) != want and time.monotonic() < deadline:
                time.sleep(0.01)
            if client.digests.get(doc.uri) != want:
                mismatched.append({"uri": doc.uri, "server": client.digests.get(doc.uri), "client": want})
        res["requests_answered"] = answered
        res["completions_cancelled"] = cancelled
        res["texts_exact"] = not mismatched
        res["mismatched"] = mismatched
        res["seconds"] = time.perf_counter() - t0
        res["bytes_at_end"] = sum(len(d.text.encode()) for d in docs)
        res["lines"] = [lines_at_start, sum(d.text.count("\n") + 1 for d in docs)]
        client.shutdown_and_exit()
    except Exception as e:  # the harness never aborts: the table shows the failure
        res["error"] = f"{type(e).__name__}: {e}"
    finally:
        client.close()
        gc.enable()
    save(out_json, res)


if __name__ == "__main__":
    main()
