// Loads the compiled extension (out/extension.js of an unpacked .vsix) with stand-ins for the
// `vscode` API and `vscode-languageclient/node`, and checks what it hands the language client:
// the server command, initializationOptions, didChangeConfiguration on a settings change, the
// status bar after reportls/documentStatus, workspace trust, and a restart on a new server path
// or new file patterns.
// usage: node vscode_extension_test.js <unpacked extension folder>
'use strict';
const assert = require('assert');
const Module = require('module');
const path = require('path');

const root = process.argv[2];
const config = {
  'server.path': '', pluginDirs: ['/opt/plugins'], dataDirs: ['/data'], profile: '', reportYear: 2023,
  rules: { figures: 'error' }, debounce: 0,
};
const listeners = {};
const clients = [];
const statusItem = { show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
const fakeVscode = {
  workspace: {
    isTrusted: true,
    getConfiguration: (section) => {
      assert.strictEqual(section, 'reportls');
      return { get: (key, def) => (key in config ? config[key] : def) };
    },
    onDidChangeConfiguration: (f) => { listeners.config = f; return { dispose() {} }; },
    onDidGrantWorkspaceTrust: (f) => { listeners.trust = f; return { dispose() {} }; },
  },
  window: {
    activeTextEditor: { document: { languageId: 'plaintext', uri: { toString: () => 'file:///r.txt' } } },
    createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
    createStatusBarItem: () => statusItem,
    onDidChangeActiveTextEditor: () => ({ dispose() {} }),
    showErrorMessage: (m) => { throw new Error('unexpected error message: ' + m); },
  },
  commands: { registerCommand: (name, f) => { listeners['command:' + name] = f; return { dispose() {} }; } },
  StatusBarAlignment: { Left: 1, Right: 2 },
  MarkdownString: class { constructor(v) { this.value = v; } },
};
const State = { Stopped: 1, Running: 2, Starting: 3 };
class FakeClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, serverOptions, clientOptions, notifications: [], handlers: {}, stateListeners: [] });
    this.state = State.Stopped;
    clients.push(this);
  }
  onDidChangeState(f) { this.stateListeners.push(f); }
  onNotification(method, f) { this.handlers[method] = f; }
  async start() { this.setState(State.Running); }
  async stop() { this.setState(State.Stopped); this.stopped = true; }
  setState(s) { const old = this.state; this.state = s; this.stateListeners.forEach((f) => f({ oldState: old, newState: s })); }
  sendNotification(type, params) { this.notifications.push({ method: type.method, params }); }
}
const fakeClientModule = {
  LanguageClient: FakeClient, State,
  DidChangeConfigurationNotification: { type: { method: 'workspace/didChangeConfiguration' } },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return fakeVscode;
  if (request === 'vscode-languageclient/node') return fakeClientModule;
  return load.call(this, request, ...rest);
};

const ext = require(path.join(root, 'out', 'extension.js'));
const context = { subscriptions: [], asAbsolutePath: (p) => path.join(root, p) };
const changed = (...keys) => listeners.config({ affectsConfiguration: (s) => s === 'reportls' || keys.includes(s) });

(async () => {
  await ext.activate(context);
  let c = clients[0];
  // The bundled server, on stdio.
  assert.strictEqual(c.serverOptions.command, path.join(root, 'server', 'bin', 'reportls'));
  assert.deepStrictEqual(c.serverOptions.args, ['--stdio']);
  // Files by the reportls.files patterns (plain text and Markdown by default), unsaved documents
  // by language.
  assert.deepStrictEqual(c.clientOptions.documentSelector, [
    { scheme: 'file', pattern: '**/*.txt' }, { scheme: 'file', pattern: '**/*.md' },
    { scheme: 'file', pattern: '**/*.markdown' },
    { scheme: 'untitled', language: 'plaintext' }, { scheme: 'untitled', language: 'markdown' }]);
  // initializationOptions: the settings object the server reads.
  const init = c.clientOptions.initializationOptions();
  assert.deepStrictEqual(init, { debounce: 0, dataDirs: ['/data'], rules: { figures: 'error' }, allChineseText: false, reportYear: 2023, pluginDirs: ['/opt/plugins'] });
  // A settings change is sent as {"settings": {"reportls": {...}}}, without a restart.
  config.profile = 'fazhi-annual';
  changed('reportls.profile');
  assert.strictEqual(clients.length, 1);
  const sent = c.notifications.pop();
  assert.strictEqual(sent.method, 'workspace/didChangeConfiguration');
  assert.strictEqual(sent.params.settings.reportls.profile, 'fazhi-annual');
  // The status bar shows the profile the server detected.
  c.handlers['reportls/documentStatus']({ uri: 'file:///r.txt', facts: { profile: 'county-annual', title: 'X' } });
  assert.ok(statusItem.visible && statusItem.text.includes('county-annual'), statusItem.text);
  // An untrusted workspace loads no user plugin folders; granting trust sends them.
  fakeVscode.workspace.isTrusted = false;
  assert.deepStrictEqual(c.clientOptions.initializationOptions().pluginDirs, []);
  changed('reportls.rules');
  assert.deepStrictEqual(c.notifications.pop().params.settings.reportls.pluginDirs, []);
  fakeVscode.workspace.isTrusted = true;
  listeners.trust();
  assert.deepStrictEqual(c.notifications.pop().params.settings.reportls.pluginDirs, ['/opt/plugins']);
  // A new server path restarts the server with it.
  config['server.path'] = '/usr/local/bin/reportls';
  changed('reportls.server.path');
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(c.stopped);
  assert.strictEqual(clients.length, 2);
  assert.strictEqual(clients[1].serverOptions.command, '/usr/local/bin/reportls');
  // New file patterns restart the client with them.
  config.files = ['reports/**/*.md'];
  changed('reportls.files');
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(clients[1].stopped);
  assert.strictEqual(clients.length, 3);
  assert.deepStrictEqual(clients[2].clientOptions.documentSelector[0], { scheme: 'file', pattern: 'reports/**/*.md' });
  assert.strictEqual(clients[2].clientOptions.documentSelector.length, 3);
  // The restart command starts a fresh client too.
  await listeners['command:reportls.restartServer']();
  assert.strictEqual(clients.length, 4);
  assert.strictEqual(clients[3].state, State.Running);
  await ext.deactivate();
  console.log('extension logic: ok');
})().catch((e) => { console.error(e); process.exit(1); });
