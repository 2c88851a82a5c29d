// The reportls extension: starts the reportls language server for the files `reportls.files`
// names (plain-text and Markdown files by default) and unsaved plain-text and Markdown documents,
// passes the `reportls.*` settings to it (initializationOptions, then
// workspace/didChangeConfiguration on every change, no restart needed), shows the report type the
// server detected (the reportls/documentStatus notification) in the status bar, and links each
// diagnostic's rule code to the rule's page bundled in the extension (and tells the server which
// rules have one: experimental.reportls.clientRuleDocs).  Completion, inline ghost
// text (textDocument/inlineCompletion, off with reportls.inlineCompletion.enable), quick fixes,
// fix-all (source.fixAll.reportls, also from editor.codeActionsOnSave) and Format Document come
// from the server through the language client.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { RuleDocs, SHOW_RULE_DOCS } from './ruleDocs';
import { Facts, Status } from './status';

const SECTION = 'reportls';

let context: vscode.ExtensionContext;
let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: Status;
let ruleDocs: RuleDocs;

// The server to run: reportls.server.path (machine scope: a user setting, never a workspace
// one), else the one bundled in the .vsix (server/bin/reportls, plugins in
// server/lib/reportls/plugins), else `reportls` from PATH.
function serverCommand(): string {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('server.path', '').trim();
  if (configured) return configured;
  const bundled = context.asAbsolutePath(path.join('server', 'bin', process.platform === 'win32' ? 'reportls.exe' : 'reportls'));
  if (fs.existsSync(bundled)) return bundled;
  return 'reportls';
}

// The settings object the server reads (docs/settings.schema.json); every key also reaches the
// analyzers.
export function currentSettings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const settings: Record<string, unknown> = {
    debounce: cfg.get<number>('debounce', 150),
    analysisTimeout: cfg.get<number>('analysisTimeout', 2000),
    maxDiagnostics: cfg.get<number>('maxDiagnostics', 1000),
    dataDirs: cfg.get<string[]>('dataDirs', []),
    rules: cfg.get<Record<string, string>>('rules', {}),
    allChineseText: cfg.get<boolean>('allChineseText', false),
    related: cfg.get<Record<string, string>>('related', {}),
  };
  const profile = cfg.get<string>('profile', '').trim();
  if (profile) settings.profile = profile;
  const year = cfg.get<number | null>('reportYear', null);
  if (typeof year === 'number') settings.reportYear = year;
  // Plugins are code: user plugin folders only in a trusted workspace.
  settings.pluginDirs = vscode.workspace.isTrusted ? cfg.get<string[]>('pluginDirs', []) : [];
  return settings;
}

// The documents the server sees: files matching the `reportls.files` glob patterns, and unsaved
// plain-text and Markdown documents.  The server itself decides which of them are reports; the
// others get nothing (no diagnostics, no outline: VS Code's own Markdown outline stays alone).
export const DEFAULT_FILES = ['**/*.txt', '**/*.md', '**/*.markdown'];
export function documentSelector(): { scheme: string; language?: string; pattern?: string }[] {
  const patterns = vscode.workspace.getConfiguration(SECTION).get<string[]>('files', DEFAULT_FILES);
  return [
    ...patterns.filter((p) => typeof p === 'string' && p.trim()).map((pattern) => ({ scheme: 'file', pattern })),
    { scheme: 'untitled', language: 'plaintext' },
    { scheme: 'untitled', language: 'markdown' },
  ];
}

// Profile id → name, from the labels of the reportls.profile setting.
function profileNames(): Map<string, string> {
  const property = context.extension?.packageJSON?.contributes?.configuration?.properties?.['reportls.profile'];
  const names = new Map<string, string>();
  (property?.enum ?? []).forEach((id: string, i: number) => {
    if (id) names.set(id, property.enumItemLabels?.[i] ?? id);
  });
  return names;
}

function createClient(): LanguageClient {
  const command = serverCommand();
  const serverOptions: ServerOptions = { command, args: ['--stdio'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: currentSettings,
    outputChannel: output,
    traceOutputChannel: output,
    // Rule codes link to their bundled pages, whether the diagnostics are pushed or pulled (the
    // server pulls when the client can).
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        diagnostics.forEach((d) => ruleDocs.link(d));
        next(uri, diagnostics);
      },
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && report.kind === 'full') report.items.forEach((d) => ruleDocs.link(d));
        return report;
      },
      // Ghost text: read at every request, so turning it off takes effect at once.
      provideInlineCompletionItems: (document, position, inlineContext, token, next) =>
        vscode.workspace.getConfiguration(SECTION, document.uri).get<boolean>('inlineCompletion.enable', true)
          ? next(document, position, inlineContext, token)
          : undefined,
    },
  };
  const c = new LanguageClient(SECTION, 'reportls', serverOptions, clientOptions);
  // The proposed protocol of vscode-languageclient 9: inline completion (LSP 3.18), which declares
  // textDocument.inlineCompletion, the capability the server announces ghost text for.
  c.registerProposedFeatures();
  // The rules with a bundled page: the server leaves out their online link, which ruleDocs.link
  // replaces anyway — a fifth of each publication of a large report, decoded on the extension host.
  c.registerFeature({
    fillClientCapabilities: (capabilities) => {
      capabilities.experimental = { ...(capabilities.experimental ?? {}), reportls: { clientRuleDocs: ruleDocs.codes() } };
    },
    initialize: () => {},
    getState: () => ({ kind: 'static' }),
    clear: () => {},
  });
  c.onDidChangeState((e) => {
    status.setState(e.newState === State.Running ? '运行中' : e.newState === State.Starting ? '启动中' : '已停止');
  });
  c.onNotification('reportls/documentStatus', (params: { uri: string; facts?: Facts }) => {
    status.setFacts(params.uri, params.facts);
  });
  output.appendLine(`reportls: server ${command}`);
  return c;
}

async function startClient(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (e) {
    status.setState('已停止');
    vscode.window.showErrorMessage(`reportls: 无法启动服务器 ${serverCommand()}: ${e}`);
  }
}

async function restartClient(): Promise<void> {
  const old = client;
  client = undefined;
  status.clear();
  if (old) {
    try {
      await old.stop();
    } catch {
      // a server that already died cannot be stopped: start a new one all the same
    }
  }
  await startClient();
}

function sendSettings(): void {
  if (client && client.state === State.Running)
    client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: currentSettings() } });
}

export async function activate(ctx: vscode.ExtensionContext): Promise<void> {
  context = ctx;
  output = vscode.window.createOutputChannel('reportls');
  status = new Status(profileNames());
  ruleDocs = new RuleDocs(ctx.asAbsolutePath(path.join('docs', 'rules')));
  ctx.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('reportls.restartServer', restartClient),
    vscode.commands.registerCommand('reportls.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('reportls.showStatus', () => status.pick()),
    vscode.commands.registerCommand(SHOW_RULE_DOCS, (code?: string) => ruleDocs.show(code)),
    vscode.commands.registerCommand('reportls.fixAll', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.reportls', apply: 'first' })),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      // The client's document selector is fixed when it starts.
      if (e.affectsConfiguration(`${SECTION}.server.path`) || e.affectsConfiguration(`${SECTION}.files`))
        void restartClient();
      else sendSettings(); // the server reloads plugins itself when pluginDirs or dataDirs change
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(sendSettings),
  );
  status.update();
  await startClient();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
