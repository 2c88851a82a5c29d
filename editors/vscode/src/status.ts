// The status bar item: the report type the server detected (reportls/documentStatus) and the
// server's state; a click lists the profile, the document's counts of errors, warnings and
// information, and the actions (fix all, format, rule documentation, output, restart).
import * as vscode from 'vscode';

export interface Facts {
  profile?: string;
  title?: string;
  [key: string]: unknown;
}

export type ServerState = '未启动' | '启动中' | '运行中' | '已停止';

export class Status {
  private readonly item: vscode.StatusBarItem;
  private readonly facts = new Map<string, Facts>();
  private state: ServerState = '未启动';

  // profileNames: profile id → its name (the reportls.profile setting's labels).
  constructor(private readonly profileNames: Map<string, string>) {
    this.item = vscode.window.createStatusBarItem('reportls.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'reportls';
    this.item.command = 'reportls.showStatus';
  }

  dispose(): void {
    this.item.dispose();
  }

  setState(state: ServerState): void {
    this.state = state;
    this.update();
  }

  setFacts(uri: string, facts: Facts | undefined): void {
    this.facts.set(uri, facts ?? {});
    this.update();
  }

  clear(): void {
    this.facts.clear();
    this.update();
  }

  private current(): { doc?: vscode.TextDocument; facts?: Facts } {
    const doc = vscode.window.activeTextEditor?.document;
    return { doc, facts: doc ? this.facts.get(doc.uri.toString()) : undefined };
  }

  profileLabel(profile: string): string {
    const name = this.profileNames.get(profile);
    return name ? `${name}（${profile}）` : profile;
  }

  update(): void {
    const { doc, facts } = this.current();
    const relevant = doc && (doc.languageId === 'plaintext' || doc.languageId === 'markdown');
    if (!relevant && this.state === '运行中') {
      this.item.hide();
      return;
    }
    const icon = this.state === '运行中' ? '$(law)' : this.state === '启动中' ? '$(sync~spin)' : '$(error)';
    const profile = facts?.profile;
    this.item.text = `${icon} reportls${profile ? ': ' + profile : ''}`;
    this.item.tooltip = `reportls：服务器${this.state}${profile ? '，报告类型 ' + this.profileLabel(profile) : ''}。点击查看状态与操作`;
    this.item.show();
  }

  // What a click shows.
  async pick(): Promise<void> {
    const { doc, facts } = this.current();
    const counts = [0, 0, 0, 0];
    if (doc)
      for (const d of vscode.languages.getDiagnostics(doc.uri))
        if (d.source === 'reportls') ++counts[d.severity];
    type Item = vscode.QuickPickItem & { command?: string };
    const items: Item[] = [
      {
        label: `$(law) 报告类型：${facts?.profile ? this.profileLabel(facts.profile) : '未识别（不是报告，或尚未检查）'}`,
        detail: facts?.title ? `标题：${facts.title}` : undefined,
        command: 'workbench.action.openSettings',
      },
      {
        label: `$(error) 错误 ${counts[vscode.DiagnosticSeverity.Error]}  $(warning) 警告 ${counts[vscode.DiagnosticSeverity.Warning]}  $(info) 信息 ${counts[vscode.DiagnosticSeverity.Information]}`,
        description: '在“问题”面板中查看',
        command: 'workbench.actions.view.problems',
      },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(wand) 应用全部确定的修正', description: 'source.fixAll.reportls', command: 'reportls.fixAll' },
      { label: '$(list-flat) 格式化文档', description: '全角标点、年份区间连接号、空格、日期写法', command: 'editor.action.formatDocument' },
      { label: '$(book) 规则说明', command: 'reportls.showRuleDocs' },
      { label: '$(output) 服务器输出', command: 'reportls.showOutput' },
      { label: '$(debug-restart) 重启服务器', description: `服务器${this.state}`, command: 'reportls.restartServer' },
    ];
    const chosen = await vscode.window.showQuickPick(items, { placeHolder: 'reportls' });
    if (chosen?.command) {
      const args = chosen.command === 'workbench.action.openSettings' ? ['reportls.profile'] : [];
      await vscode.commands.executeCommand(chosen.command, ...args);
    }
  }
}
