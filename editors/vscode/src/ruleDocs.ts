// Rule documentation bundled in the .vsix: one Markdown page per rule (docs/rules/<code>.md, made
// by tools/rule-pages.js from the rules table of the repository's README).  A diagnostic's code
// links to its page (the server sends the online README; a rule with a bundled page opens that
// instead, offline, in the Markdown preview).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const SHOW_RULE_DOCS = 'reportls.showRuleDocs';

export class RuleDocs {
  constructor(private readonly folder: string) {}

  page(code: string): string | undefined {
    if (!/^[a-z0-9_-]+\.[a-z0-9_.-]+$/.test(code)) return undefined;
    const file = path.join(this.folder, `${code}.md`);
    return fs.existsSync(file) ? file : undefined;
  }

  codes(): string[] {
    try {
      return fs.readdirSync(this.folder).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    } catch {
      return [];
    }
  }

  // The diagnostic's code as a link to the bundled page, when there is one.
  link(diagnostic: vscode.Diagnostic): void {
    const code = diagnostic.code;
    const value = typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? '' : String(code);
    if (!this.page(value)) return;
    const target = vscode.Uri.parse(`command:${SHOW_RULE_DOCS}?${encodeURIComponent(JSON.stringify([value]))}`);
    diagnostic.code = { value, target };
  }

  // Opens the page of `code` in the Markdown preview; without a code, asks which rule.
  async show(code?: string): Promise<void> {
    if (!code) {
      code = await vscode.window.showQuickPick(this.codes(), { placeHolder: '选择要查看说明的规则' });
      if (!code) return;
    }
    const page = this.page(code);
    if (!page) {
      void vscode.window.showWarningMessage(`reportls: 没有规则 ${code} 的说明`);
      return;
    }
    const uri = vscode.Uri.file(page);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.window.showTextDocument(uri, { preview: true });
    }
  }
}
