// The reportls extension: starts the reportls language server for the files `reportls.files`
// names (plain-text and Markdown files by default) and unsaved plain-text and Markdown documents,
// passes the `reportls.*` settings to it (initializationOptions, then
// workspace/didChangeConfiguration on every change, no restart needed), and shows the report
// profile the server detected (the reportls/documentStatus notification) in the status bar.
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

const SECTION = 'reportls';

interface DocumentStatus {
  uri: string;
  facts?: { profile?: string; title?: string; [key: string]: unknown };
}

let context: vscode.ExtensionContext;
let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let serverState = '未启动';
const facts = new Map<string, DocumentStatus['facts']>();

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

// The settings object the server reads (lsp/settings.h); every key also reaches the analyzers.
export function currentSettings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const settings: Record<string, unknown> = {
    debounce: cfg.get<number>('debounce', 150),
    dataDirs: cfg.get<string[]>('dataDirs', []),
    rules: cfg.get<Record<string, string>>('rules', {}),
    allChineseText: cfg.get<boolean>('allChineseText', false),
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

function createClient(): LanguageClient {
  const command = serverCommand();
  const serverOptions: ServerOptions = { command, args: ['--stdio'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: currentSettings,
    outputChannel: output,
    traceOutputChannel: output,
  };
  const c = new LanguageClient(SECTION, 'reportls', serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    serverState = e.newState === State.Running ? '运行中' : e.newState === State.Starting ? '启动中' : '已停止';
    updateStatus();
  });
  c.onNotification('reportls/documentStatus', (status: DocumentStatus) => {
    facts.set(status.uri, status.facts ?? {});
    updateStatus();
  });
  output.appendLine(`reportls: server ${command}`);
  return c;
}

function updateStatus(): void {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const relevant = doc && (doc.languageId === 'plaintext' || doc.languageId === 'markdown');
  if (!relevant && serverState === '运行中') {
    statusItem.hide();
    return;
  }
  const docFacts = doc ? facts.get(doc.uri.toString()) : undefined;
  const profile = docFacts?.profile;
  const icon = serverState === '运行中' ? '$(law)' : serverState === '启动中' ? '$(sync~spin)' : '$(error)';
  statusItem.text = `${icon} reportls${profile ? ': ' + profile : ''}`;
  const tooltip = new vscode.MarkdownString(
    `**reportls** — 服务器${serverState}\n\n` +
      (profile ? `报告类型 (profile): \`${profile}\`\n\n` : '') +
      (docFacts?.title ? `标题: ${docFacts.title}\n\n` : '') +
      (vscode.workspace.isTrusted ? '' : '受限模式: 未加载用户插件目录\n\n') +
      '点击重启服务器');
  statusItem.tooltip = tooltip;
  statusItem.show();
}

async function startClient(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (e) {
    serverState = '已停止';
    updateStatus();
    vscode.window.showErrorMessage(`reportls: 无法启动服务器 ${serverCommand()}: ${e}`);
  }
}

async function restartClient(): Promise<void> {
  const old = client;
  client = undefined;
  facts.clear();
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
  statusItem = vscode.window.createStatusBarItem('reportls.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'reportls';
  statusItem.command = 'reportls.restartServer';
  ctx.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand('reportls.restartServer', restartClient),
    vscode.commands.registerCommand('reportls.showOutput', () => output.show(true)),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      // The client's document selector is fixed when it starts.
      if (e.affectsConfiguration(`${SECTION}.server.path`) || e.affectsConfiguration(`${SECTION}.files`))
        void restartClient();
      else sendSettings(); // the server reloads plugins itself when pluginDirs or dataDirs change
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(sendSettings),
  );
  updateStatus();
  await startClient();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
