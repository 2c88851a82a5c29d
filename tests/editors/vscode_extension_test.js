// Bundles the extension's sources (the staging folder of editors/vscode/build.sh, with its
// esbuild) leaving `vscode` and `vscode-languageclient/node` out, loads that with stand-ins for
// both, and checks what it hands the language client — the server command, initializationOptions
// (every server setting), ghost text and its setting, didChangeConfiguration on a settings change, workspace trust, a restart
// on a new server path or new file patterns — the status bar after reportls/documentStatus and what a click on it
// offers, and the rule codes that open their bundled page (declared to the server as clientRuleDocs).
// usage: node vscode_extension_test.js <unpacked extension folder> <build staging folder>
'use strict';
const assert = require('assert');
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

const [root, stage] = process.argv.slice(2);
const bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reportls-ext-')), 'extension.js');
require(path.join(stage, 'node_modules', 'esbuild')).buildSync({
  entryPoints: [path.join(stage, 'src', 'extension.ts')], bundle: true, platform: 'node', format: 'cjs',
  external: ['vscode', 'vscode-languageclient/node'], outfile: bundle, logLevel: 'error',
});
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const config = {
  'server.path': '', pluginDirs: ['/opt/plugins'], dataDirs: ['/data'], profile: '', reportYear: 2023,
  rules: { figures: 'error' }, debounce: 0,
};
const listeners = {};
const clients = [];
const executed = [];
const picks = [];
let pickAnswer;
const statusItem = { show() { this.visible = true; }, hide() { this.visible = false; }, dispose() {} };
class Uri {
  constructor(scheme, p) { Object.assign(this, { scheme, path: p }); }
  static file(p) { return new Uri('file', p); }
  static parse(s) { return new Uri(s.slice(0, s.indexOf(':')), s.slice(s.indexOf(':') + 1)); }
  toString() { return `${this.scheme}:${this.path}`; }
}
const diagnostic = (severity) => ({ source: 'reportls', severity });
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
    showWarningMessage: (m) => { throw new Error('unexpected warning: ' + m); },
    showQuickPick: async (items) => { picks.push(items); return items.find((i) => pickAnswer && i.label.includes(pickAnswer)); },
  },
  languages: { getDiagnostics: () => [diagnostic(0), diagnostic(1), diagnostic(1), diagnostic(2), { source: 'other', severity: 0 }] },
  commands: {
    registerCommand: (name, f) => { listeners['command:' + name] = f; return { dispose() {} }; },
    executeCommand: async (...args) => { executed.push(args); },
  },
  Uri,
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
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
  registerProposedFeatures() { this.proposed = true; }
  registerFeature(feature) { (this.features ??= []).push(feature); }
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

const ext = require(bundle);
const context = { subscriptions: [], asAbsolutePath: (p) => path.join(root, p), extension: { packageJSON: manifest } };
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
  assert.deepStrictEqual(init, { debounce: 0, analysisTimeout: 2000, maxDiagnostics: 1000, dataDirs: ['/data'], rules: { figures: 'error' }, allChineseText: false, related: {}, reportYear: 2023, pluginDirs: ['/opt/plugins'] });
  // Ghost text: the proposed inline completion feature is registered, and the setting
  // reportls.inlineCompletion.enable (default on) decides at each request whether it is asked.
  assert.ok(c.proposed);
  const ghost = [{ insertText: '坚持以人民为中心' }];
  const inline = (next) => c.clientOptions.middleware.provideInlineCompletionItems({ uri: Uri.file('/r.txt') }, {}, {}, {}, next);
  assert.strictEqual(inline(() => ghost), ghost);
  config['inlineCompletion.enable'] = false;
  assert.strictEqual(inline(() => { throw new Error('asked the server with ghost text off'); }), undefined);
  delete config['inlineCompletion.enable'];
  // A rule code opens its bundled page; a code without one keeps the server's link.
  const online = new Uri('https', '//github.com/reportls/reportls/blob/main/README.md#figures-sum');
  const diagnostics = [{ code: { value: 'figures.sum', target: online } }, { code: { value: 'mine.rule', target: online } }];
  c.clientOptions.middleware.handleDiagnostics('file:///r.txt', diagnostics, () => {});
  assert.strictEqual(diagnostics[0].code.target.toString(), 'command:reportls.showRuleDocs?' + encodeURIComponent('["figures.sum"]'));
  assert.strictEqual(diagnostics[1].code.target, online);
  // …pulled diagnostics too.
  const pulled = { kind: 'full', items: [{ code: { value: 'dates.early', target: online } }] };
  assert.strictEqual(await c.clientOptions.middleware.provideDiagnostics({}, undefined, {}, async () => pulled), pulled);
  assert.strictEqual(pulled.items[0].code.target.toString(), 'command:reportls.showRuleDocs?' + encodeURIComponent('["dates.early"]'));
  // The client declares the rules with a bundled page, for which the server sends no link.
  const capabilities = { experimental: { other: 1 } };
  c.features.forEach((f) => f.fillClientCapabilities(capabilities));
  const bundled = fs.readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  assert.ok(bundled.includes('figures.sum'));
  assert.deepStrictEqual(capabilities.experimental, { other: 1, reportls: { clientRuleDocs: bundled } });
  await listeners['command:reportls.showRuleDocs']('figures.sum');
  assert.deepStrictEqual(executed.pop(), ['markdown.showPreview', Uri.file(path.join(root, 'docs', 'rules', 'figures.sum.md'))]);
  // A settings change is sent as {"settings": {"reportls": {...}}}, without a restart.
  config.profile = 'fazhi-annual';
  changed('reportls.profile');
  assert.strictEqual(clients.length, 1);
  const sent = c.notifications.pop();
  assert.strictEqual(sent.method, 'workspace/didChangeConfiguration');
  assert.strictEqual(sent.params.settings.reportls.profile, 'fazhi-annual');
  // The status bar shows the profile the server detected.
  c.handlers['reportls/documentStatus']({ uri: 'file:///r.txt', facts: { profile: 'fazhi-annual', title: 'X' } });
  assert.ok(statusItem.visible && statusItem.text.includes('reportls: fazhi-annual'), statusItem.text);
  // A click shows the report type by name, the counts and the actions; it does not restart.
  assert.strictEqual(statusItem.command, 'reportls.showStatus');
  pickAnswer = '应用全部确定的修正';
  await listeners['command:reportls.showStatus']();
  const labels = picks.pop().map((i) => i.label);
  assert.ok(labels.some((l) => l.includes('报告类型：法治政府建设年度报告（fazhi-annual）')), labels);
  assert.ok(labels.some((l) => l.includes('错误 1') && l.includes('警告 2') && l.includes('信息 1')), labels);
  for (const action of ['格式化文档', '规则说明', '重启服务器']) assert.ok(labels.some((l) => l.includes(action)), labels);
  assert.deepStrictEqual(executed.pop(), ['reportls.fixAll']);
  await listeners['command:reportls.fixAll']();
  assert.deepStrictEqual(executed.pop(), ['editor.action.sourceAction', { kind: 'source.fixAll.reportls', apply: 'first' }]);
  assert.strictEqual(clients.length, 1);
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
