"""A small LSP client for end-to-end tests: starts the built reportls binary and speaks LSP 3.17
to it over stdio, exactly as an editor does.

Used by every tests/e2e/test_*.py.  Each test file is a unittest module; ctest runs it with the
paths of the binary, the example plugin folder and the corpus in the environment (see
CMakeLists.txt beside this file).
"""
import json
import os
import queue
import subprocess
import threading
import time
import unittest

BINARY = os.environ.get("REPORTLS_BINARY", "reportls")
CORPUS = os.environ.get("REPORTLS_CORPUS_DIR", "")
EXAMPLE_PLUGINS = os.environ.get("REPORTLS_EXAMPLE_PLUGIN_DIR", "")
TEST_PLUGINS = os.environ.get("REPORTLS_TEST_PLUGIN_DIR", "")
TIMEOUT = 20.0

# What a full editor (VS Code) declares: snippets, Markdown documentation and hovers, symbol trees,
# code action literals, versioned diagnostics.  Tests of a client that declares none of it pass
# CAPABILITIES = {}.
EDITOR_CAPABILITIES = {
    "textDocument": {
        "completion": {"completionItem": {"snippetSupport": True,
                                          "documentationFormat": ["markdown", "plaintext"]}},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": [
            "quickfix", "source", "source.fixAll"]}}},
        "publishDiagnostics": {"versionSupport": True, "codeDescriptionSupport": True},
    },
    "window": {"showMessage": {}},
}


def frame(body):
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def offset(text, position, utf8=False):
    """The str index of an LSP position (UTF-16 code units, or UTF-8 bytes) in text."""
    lines = text.split("\n")
    line = min(position["line"], len(lines) - 1)
    start = sum(len(l) + 1 for l in lines[:line])
    units = 0
    for i, ch in enumerate(lines[line]):
        if units >= position["character"]:
            return start + i
        units += len(ch.encode("utf-8")) if utf8 else len(ch.encode("utf-16-le")) // 2
    return start + len(lines[line])


def apply_edits(text, edits, utf8=False):
    """text with LSP TextEdits (ranges of the original text) applied, as an editor does."""
    spans = sorted(((offset(text, e["range"]["start"], utf8), offset(text, e["range"]["end"], utf8), i, e["newText"])
                    for i, e in enumerate(edits)), reverse=True)
    for start, end, _, new in spans:
        text = text[:start] + new + text[end:]
    return text


def corpus(name):
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        return f.read()


def file_uri(path):
    return "file://" + os.path.abspath(path)


class Client:
    def __init__(self, *args, env=None):
        self.proc = subprocess.Popen([BINARY, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.messages = queue.Queue()
        self.notifications = []
        self.seen = []  # every message received, in order
        self.next_id = 1
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        self.stderr = self.proc.stderr.read()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                key, _, value = line.decode().partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(self._decode(body))

    def _decode(self, body):
        """One message body as the tests see it (a subclass may annotate it)."""
        return json.loads(body)

    # -- sending --------------------------------------------------------------------------------
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send_raw(frame(msg))

    def send_request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send_raw(frame(msg))
        return rid

    def request(self, method, params=None, timeout=TIMEOUT):
        """Sends a request and returns the whole response message (result or error)."""
        return self.response(self.send_request(method, params), timeout)

    def result(self, method, params=None, timeout=TIMEOUT):
        msg = self.request(method, params, timeout)
        if "error" in msg:
            raise AssertionError("%s failed: %s" % (method, msg["error"]))
        return msg["result"]

    # -- receiving ------------------------------------------------------------------------------
    def _next(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError("timed out waiting for the server")
        try:
            msg = self.messages.get(timeout=remaining)
        except queue.Empty:
            raise AssertionError("timed out waiting for the server")
        if msg is None:
            raise AssertionError("server closed its output")
        self.seen.append(msg)
        if "id" not in msg or "method" in msg:
            self.notifications.append(msg)
        return msg

    def next_response(self, timeout=TIMEOUT):
        """The next response (skipping notifications), e.g. an error for a message without id."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self._next(deadline)
            if "method" not in msg:
                return msg

    def response(self, rid, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            msg = self._next(deadline)
            if msg.get("id") == rid and "method" not in msg:
                return msg

    def wait_notification(self, method, predicate=lambda p: True, timeout=TIMEOUT):
        for n in self.notifications:
            if n["method"] == method and predicate(n.get("params")):
                self.notifications.remove(n)
                return n["params"]
        deadline = time.monotonic() + timeout
        while True:
            msg = self._next(deadline)
            if msg.get("method") == method and "id" not in msg and predicate(msg.get("params")):
                self.notifications.remove(msg)
                return msg["params"]

    def published(self, uri, version=None, timeout=TIMEOUT):
        return self.wait_notification(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version), timeout)

    # -- conveniences ---------------------------------------------------------------------------
    def initialize(self, options=None, capabilities=None):
        result = self.result("initialize", {
            "processId": os.getpid(), "rootUri": None,
            "capabilities": EDITOR_CAPABILITIES if capabilities is None else capabilities,
            "initializationOptions": options if options is not None else {"debounce": 0}})
        self.notify("initialized", {})
        return result

    def open(self, uri, text, version=1, language="plaintext"):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def shutdown_and_exit(self):
        self.result("shutdown")
        self.notify("exit")
        return self.wait()

    def wait(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.close()

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass


class ServerTest(unittest.TestCase):
    """Starts one server per test; `self.client` is initialized unless INIT is False."""
    INIT = True
    ARGS = ()
    OPTIONS = None
    CAPABILITIES = None

    def setUp(self):
        self.client = Client(*self.ARGS)
        self.addCleanup(self.client.close)
        if self.INIT:
            self.init_result = self.client.initialize(self.OPTIONS, self.CAPABILITIES)


def run():
    unittest.main(verbosity=2)
