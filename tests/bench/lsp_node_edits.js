// Edit→diagnostics latency as an editor built on Node.js (VS Code's language client) sees it: the
// same keystrokes as lsp_bench.py's edit_latency, with the publication read from the pipe and
// decoded by Node's Buffer and JSON.parse instead of Python's json.
//
//   node lsp_node_edits.js REPORTLS DOCUMENT EDITS SEED
//
// It declares what the VS Code extension declares about the rule pages it bundles
// (experimental.reportls.clientRuleDocs: a page for each rule of the catalogue, docs/rules.json),
// so the server sends no link for them.
//
// Prints one JSON object: the latencies (ms, from just before the change is written to the
// server's stdin to the matching publication decoded), the decoding of each publication alone,
// and the number of diagnostics of the last one.  Exits 1 with a message on stderr if the server
// fails or a publication does not come within a minute.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");

const [binary, path, editsArg, seedArg] = process.argv.slice(2);
const edits = Number(editsArg);
let seed = Number(seedArg) >>> 0;
const random = () => {  // xorshift32: the same keystrokes on every run
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
};

let text, clientRuleDocs;
try {
  text = fs.readFileSync(path, "utf8");
  const catalogue = fs.readFileSync(require("path").join(__dirname, "..", "..", "docs", "rules.json"), "utf8");
  clientRuleDocs = JSON.parse(catalogue).rules.map((r) => r.code).sort();
} catch (e) {
  process.stderr.write(`lsp_node_edits: ${e.message}\n`);
  process.exit(1);
}

const server = spawn(binary, [], { stdio: ["pipe", "pipe", "ignore"] });
server.on("error", (e) => fail(`cannot start ${binary}: ${e.message}`));
server.on("exit", (code) => {
  if (!done) fail(`the server exited (${code})`);
});
let done = false;
function fail(message) {
  process.stderr.write(`lsp_node_edits: ${message}\n`);
  process.exit(1);
}

function send(message) {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}

// Frames off the pipe: chunks are kept until a whole body is there, then joined and decoded once.
let chunks = [], buffered = 0, bodyLength = -1;
const waiting = [];
server.stdout.on("data", (chunk) => {
  chunks.push(chunk);
  buffered += chunk.length;
  for (;;) {
    if (bodyLength >= 0 && buffered < bodyLength) return;
    let all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
    chunks = [all];
    if (bodyLength < 0) {
      const end = all.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /content-length:\s*(\d+)/i.exec(all.toString("latin1", 0, end));
      if (!length) fail("a frame without Content-Length");
      bodyLength = Number(length[1]);
      all = all.subarray(end + 4);
      chunks = [all];
      buffered = all.length;
      if (buffered < bodyLength) return;
    }
    const decodeStart = process.hrtime.bigint();
    const message = JSON.parse(all.toString("utf8", 0, bodyLength));
    const now = process.hrtime.bigint();
    const rest = all.subarray(bodyLength);
    chunks = rest.length ? [rest] : [];
    buffered = rest.length;
    bodyLength = -1;
    for (let i = 0; i < waiting.length; ++i) {
      if (waiting[i].wanted(message)) {
        const w = waiting.splice(i, 1)[0];
        w.resolve({ message, at: now, decode: Number(now - decodeStart) / 1e6 });
        break;
      }
    }
  }
});

function next(wanted) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no answer within a minute")), 60000);
    waiting.push({ wanted, resolve: (v) => { clearTimeout(timer); resolve(v); } });
  });
}

const uri = "file:///bench/node-client.txt";
const published = (version) => (m) =>
  m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.version === version;

// LSP positions in the editor's copy of the text are UTF-16 code units, a JS string's own.
function position(offset) {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) ++line;
  return { line, character: offset - start };
}
const isSurrogate = (i) => { const c = text.charCodeAt(i); return c >= 0xd800 && c <= 0xdfff; };
function randomOffset(deletable) {
  for (;;) {
    const o = Math.floor(random() * (text.length + (deletable ? 0 : 1)));
    if (deletable ? text[o] !== "\n" && !isSurrogate(o) : o === 0 || o === text.length || !isSurrogate(o))
      return o;
  }
}

const percentile = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const stats = (values) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95),
                             p99: percentile(values, 99), max: Math.max(...values) });

(async () => {
  try {
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: {
      processId: process.pid, rootUri: null, initializationOptions: { debounce: 0 },
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true } },
                      experimental: { reportls: { clientRuleDocs } } } } });
    await next((m) => m.id === 1);
    send({ jsonrpc: "2.0", method: "initialized", params: {} });
    send({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: {
      uri, languageId: "plaintext", version: 1, text } } });
    await next(published(1));
    const latency = [], decode = [];
    const chars = "的，。一二法治政府建设";
    let diagnostics = 0;
    for (let version = 2; version < edits + 2; ++version) {
      const insert = version % 2 === 0;
      const offset = randomOffset(!insert);
      const range = { start: position(offset), end: position(offset + (insert ? 0 : 1)) };
      const newText = insert ? chars[Math.floor(random() * chars.length)] : "";
      text = text.slice(0, offset) + newText + text.slice(offset + (insert ? 0 : 1));
      const answer = next(published(version));
      const start = process.hrtime.bigint();
      send({ jsonrpc: "2.0", method: "textDocument/didChange", params: {
        textDocument: { uri, version }, contentChanges: [{ range, text: newText }] } });
      const { message, at, decode: d } = await answer;
      latency.push(Number(at - start) / 1e6);
      decode.push(d);
      diagnostics = message.params.diagnostics.length;
    }
    send({ jsonrpc: "2.0", id: 2, method: "shutdown" });
    await next((m) => m.id === 2);
    done = true;
    send({ jsonrpc: "2.0", method: "exit" });
    server.stdin.end();
    process.stdout.write(JSON.stringify({ edit: stats(latency), decode: stats(decode),
                                          to_last_byte: stats(latency.map((l, i) => l - decode[i])),
                                          diagnostics }) + "\n");
  } catch (e) {
    fail(e.message);
  }
})();
