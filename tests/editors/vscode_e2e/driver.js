#!/usr/bin/env node
// Drives VS Code in the browser (code-server, the reportls extension installed) through headless
// Debian Chromium with playwright-core, the way a person would: opens the report with Quick Open,
// reads the Problems panel and the Outline view, applies a quick fix through Ctrl+., types pinyin
// letter by letter (x, xj, xjp, then Chinese followed by pinyin) and accepts the phrase, runs Format
// Document, clicks the reportls status item and a rule code, and saves (editor.codeActionsOnSave
// applies fix-all). Takes a screenshot at every step and prints one JSON object with what it saw
// on stdout (tests/editors/test_vscode_e2e.py asserts on it); the screenshots the extension's
// README shows are among them (`readme` below). A failed step is recorded in "errors" (with a
// screenshot) and the next steps still run.
//
//   node driver.js --url http://127.0.0.1:PORT/?folder=/tmp/ws --file NAME --screens DIR
//                  [--chromium /usr/lib/chromium/chromium] [--fix-line 55] [--complete-line 17]
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

function parseArgs(argv) {
  const args = { chromium: '/usr/lib/chromium/chromium', fixLine: 55, completeLine: 17 };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    args[key] = argv[i + 1];
  }
  for (const k of ['url', 'file', 'screens'])
    if (!args[k]) throw new Error(`--${k} is required`);
  args.fixLine = Number(args.fixLine);
  args.completeLine = Number(args.completeLine);
  return args;
}

const args = parseArgs(process.argv);
const result = {
  steps: [], errors: [], problems: {}, outline: [], quickFix: {}, completion: {}, format: {}, ghost: {}, status: {},
  ruleDocs: {}, screenshots: [], readme: {},
};
const started = Date.now();
let page;
let shot = 0;

function log(msg) {
  process.stderr.write(`[driver ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
}

// readme: also the picture the extension's README shows under that name (readme/<name>.png).
async function screenshot(name, readme) {
  const file = path.join(args.screens, `${String(++shot).padStart(2, '0')}-${name}.png`);
  try {
    await page.screenshot({ path: file });
    result.screenshots.push(file);
    if (readme) {
      fs.mkdirSync(path.join(args.screens, 'readme'), { recursive: true });
      result.readme[readme] = path.join(args.screens, 'readme', `${readme}.png`);
      fs.copyFileSync(file, result.readme[readme]);
    }
  } catch (e) {
    log(`screenshot ${name} failed: ${e.message}`);
  }
  return file;
}

// Runs one step; a failure is recorded (message + screenshot) and does not stop the others.
async function step(name, fn) {
  log(`step ${name}`);
  const t0 = Date.now();
  try {
    await fn();
    result.steps.push({ name, ok: true, seconds: (Date.now() - t0) / 1000 });
    return true;
  } catch (e) {
    log(`step ${name} failed: ${e.stack || e}`);
    result.errors.push({ step: name, error: String(e.message || e) });
    result.steps.push({ name, ok: false, seconds: (Date.now() - t0) / 1000 });
    await screenshot(`${name}-FAILED`);
    return false;
  }
}

const text = (s) => (s || '').replace(/\u00a0/g, ' ');

// Polls fn() until it returns a truthy value (or throws the last error after `timeout` ms).
async function until(what, fn, timeout = 30000, interval = 250) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ': ' + last.message : ''}`);
    await page.waitForTimeout(interval);
  }
}

// Runs a command through the command palette (F1), picking the entry whose label is `label`.
async function command(label) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill('>' + label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 15000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
}

async function focusEditor() {
  // The editor's visible area (the lines element itself is scrolled and may start above it).
  await page.locator('.editor-instance .monaco-editor .overflow-guard').first().click({ position: { x: 300, y: 10 } });
}

// Ctrl+G N: puts the cursor at the start of line N of the active editor.
async function gotoLine(n) {
  await focusEditor();
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(':' + n); // Go to Line is Quick Open with the ':' prefix
  await page.locator('.quick-input-list .monaco-list-row', { hasText: String(n) }).first()
    .waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
  await until(`line ${n} in the editor`, async () => (await lineText(n)) !== null, 10000);
}

// The text of line n as the editor shows it (the rendered view line beside its line number).
async function lineText(n) {
  return page.evaluate((n) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return null;
    const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
    const num = numbers.find((e) => e.textContent.trim() === String(n));
    if (!num) return null;
    const top = num.parentElement.style.top || num.style.top;
    const line = [...editor.querySelectorAll('.view-lines .view-line')].find((e) => e.style.top === top);
    return line ? line.textContent.replace(/\u00a0/g, ' ') : null;
  }, n);
}

async function listRows(selector) {
  return page.$$eval(selector, (rows) =>
    rows
      .map((r) => ({ top: parseFloat(r.style.top || '0'), text: r.innerText, label: r.getAttribute('aria-label') || '' }))
      .sort((a, b) => a.top - b.top)
      .map(({ text, label }) => ({ text: text.replace(/\u00a0/g, ' '), label: label.replace(/\u00a0/g, ' ') })));
}

async function main() {
  fs.mkdirSync(args.screens, { recursive: true });
  const browser = await chromium.launch({
    executablePath: args.chromium,
    headless: false, // the real new headless mode, asked for explicitly below
    args: [
      '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
      '--disable-breakpad', '--disable-crash-reporter',
      '--lang=zh-CN',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));

    await step('open-workbench', async () => {
      await page.goto(args.url, { waitUntil: 'domcontentloaded', timeout: 120000 });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 180000 });
      // The explorer lists the workspace's files once the remote file system is up.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: args.file }).first()
        .waitFor({ state: 'visible', timeout: 180000 });
      await screenshot('workbench');
    });

    await step('open-report', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 800, y: 500 } }).catch(() => {});
      await until('the report opened by Quick Open', async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+p');
        const input = page.locator('.quick-input-widget input.input');
        await input.waitFor({ state: 'visible', timeout: 10000 });
        await input.fill(args.file);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: args.file }).first();
        await row.waitFor({ state: 'visible', timeout: 10000 });
        await page.keyboard.press('Enter');
        await page.locator('.tabs-container .tab', { hasText: args.file }).first().waitFor({ state: 'visible', timeout: 10000 });
        return true;
      }, 90000, 1000);
      await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor({ state: 'visible', timeout: 30000 });
      // The server has analysed the report when the status bar counts its problems (and the
      // count holds still for two seconds).
      let last = '';
      let since = Date.now();
      result.statusBar = await until('diagnostics in the status bar', async () => {
        const problems = (await page.locator('[id="status.problems"]').innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
        if (problems !== last) [last, since] = [problems, Date.now()];
        if (!/[1-9]/.test(problems) || Date.now() - since < 2000) return null;
        const items = await page.$$eval('.statusbar-item', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
        return { problems, items };
      }, 120000, 500);
      result.languageId = await page.locator('[id="status.editor.mode"]').innerText().catch(() => '');
      await screenshot('report-open');
    });

    await step('problems', async () => {
      await page.keyboard.press('Escape');
      await command('View: Focus Problems');
      const rowSel = '.markers-panel .monaco-list-row';
      await page.locator(rowSel).first().waitFor({ state: 'visible', timeout: 30000 });
      await screenshot('problems');
      // Narrow the list with the panel's filter to each rule (the tree only renders visible rows).
      const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
      for (const code of ['figures.sum', 'sections.no-cause', 'numbering.format']) {
        await filter.click();
        await filter.fill(code);
        // Marker rows end in "[Ln l, Col c]"; once filtered, every one of them names the rule.
        await until(`Problems filtered to ${code}`, async () => {
          const markers = (await listRows(rowSel)).filter((r) => /\[Ln \d+, Col \d+\]/.test(r.text));
          return markers.length > 0 && markers.every((r) => r.text.includes(code));
        }, 15000);
        await page.waitForTimeout(500);
        result.problems[code] = await listRows(rowSel);
        await screenshot(`problems-${code.replace('.', '-')}`, code === 'figures.sum' ? 'problems' : undefined);
      }
      await filter.fill('');
    });

    await step('outline', async () => {
      await command('Explorer: Focus on Outline View');
      const rowSel = '.outline-pane .monaco-list-row';
      await page.locator(rowSel).first().waitFor({ state: 'visible', timeout: 30000 });
      await until('the outline of the report', async () => (await page.locator(rowSel).count()) >= 5, 30000);
      await page.waitForTimeout(500);
      result.outline = (await listRows(rowSel)).map((r) => r.label || r.text);
      await screenshot('outline');
    });

    await step('quick-fix', async () => {
      await gotoLine(args.fixLine);
      result.quickFix.lineBefore = await lineText(args.fixLine);
      await screenshot('quick-fix-line');
      // Ctrl+. once the light bulb knows the line's fixes (the server answers codeAction).
      await page.locator('.lightBulbWidget, .lightbulb-glyph').first().waitFor({ state: 'visible', timeout: 30000 }).catch(() => {});
      result.quickFix.lightBulb = await page.locator('.lightBulbWidget, .lightbulb-glyph').first().isVisible().catch(() => false);
      await until('the quick fix menu', async () => {
        await page.keyboard.press('Escape');
        await focusEditorAtCursor();
        await page.keyboard.press('Control+.');
        await page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: 5000 });
        return true;
      }, 45000, 1000);
      const actions = await listRows('.action-widget .monaco-list-row');
      result.quickFix.actions = actions.map((a) => a.label || a.text);
      await screenshot('quick-fix-menu', 'quick-fix');
      const fix = page.locator('.action-widget .monaco-list-row.action', { hasText: '恢复序号' }).first();
      await fix.click();
      await until('the fixed line', async () => {
        const line = await lineText(args.fixLine);
        return line && line !== result.quickFix.lineBefore ? line : null;
      }, 15000);
      result.quickFix.lineAfter = await lineText(args.fixLine);
      await screenshot('quick-fix-applied');
    });

    // Types `before` (at once), then `keys` one letter at a time as a person does, waits for the
    // suggest widget to offer `wanted`, and accepts it with a click; returns the line after.
    const rowSel = '.editor-widget.suggest-widget.visible .monaco-list-row';
    async function typeAndAccept(before, keys, wanted, shotName, readme) {
      const lineBefore = await lineText(args.completeLine);
      if (before) await page.keyboard.type(before, { delay: 50 });
      for (const ch of keys) {
        await page.keyboard.type(ch);
        await page.waitForTimeout(300);
      }
      let how = 'while typing';
      try {
        await page.locator(rowSel).first().waitFor({ state: 'visible', timeout: 20000 });
      } catch {
        how = 'Ctrl+Space'; // quick suggestions did not open it: ask explicitly (recorded)
        await page.keyboard.press('Control+Space');
        await page.locator(rowSel).first().waitFor({ state: 'visible', timeout: 20000 });
      }
      await until(`${wanted} in the suggest widget`, async () => (await listRows(rowSel)).some((r) => r.text.includes(wanted)), 15000);
      await page.waitForTimeout(500);
      const items = (await listRows(rowSel)).map((r) => r.label || r.text);
      await screenshot(shotName, readme);
      await page.locator(rowSel, { hasText: wanted }).first().click();
      await until('the accepted phrase', async () => {
        const line = await lineText(args.completeLine);
        return line && line !== lineBefore + before + keys ? line : null;
      }, 10000);
      return { opened: how, items, line: await lineText(args.completeLine) };
    }

    await step('completion', async () => {
      await gotoLine(args.completeLine);
      await page.keyboard.press('End');
      result.completion.lineBefore = await lineText(args.completeLine);
      // x, xj, xjp: the server says the list is incomplete until the key is three letters, so the
      // editor asks again at every key instead of filtering its first list.
      const r = await typeAndAccept('', 'xjp', '深入学习贯彻习近平法治思想', 'completion', 'completion');
      Object.assign(result.completion, { opened: r.opened, items: r.items, lineAfter: r.line });
    });

    await step('completion-after-chinese', async () => {
      await focusEditorAtCursor();
      await page.keyboard.press('End');
      // Chinese, then pinyin: accepting replaces both, nothing is written twice.
      const r = await typeAndAccept('。深入学习贯彻', 'xjpfz', '深入学习贯彻习近平法治思想', 'completion-after-chinese');
      Object.assign(result.completion, { mixedItems: r.items, lineAfterMixed: r.line });
    });

    await step('format-document', async () => {
      result.format.lineBefore = await lineText(args.completeLine);
      await command('Format Document');
      await until('the formatted line', async () => {
        const line = await lineText(args.completeLine);
        return line && line !== result.format.lineBefore ? line : null;
      }, 20000);
      result.format.lineAfter = await lineText(args.completeLine);
      await screenshot('formatted');
    });

    // Ghost text: after a clause most real reports follow with one clause, VS Code shows that
    // clause inline (textDocument/inlineCompletion); Tab accepts it.
    await step('ghost-text', async () => {
      await focusEditorAtCursor();
      await page.keyboard.press('End');
      result.ghost.lineBefore = await lineText(args.completeLine);
      await page.keyboard.type('，坚持党的全面领导，', { delay: 50 });
      // The trigger character also opened the suggest widget: close it, then ask for inline
      // suggestions (Alt+\\) until the ghost text is there.
      await page.keyboard.press('Escape');
      const ghostSel = '.monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text';
      result.ghost.text = await until('the ghost text', async () => {
        const ghost = page.locator(ghostSel).first();
        if (await ghost.isVisible().catch(() => false)) return (await page.locator(ghostSel).allTextContents()).join('');
        await focusEditorAtCursor();
        await page.keyboard.press('Alt+\\');
        return null;
      }, 30000, 1000);
      await screenshot('ghost-text', 'ghost-text');
      await page.keyboard.press('Tab');
      await until('the accepted ghost text', async () => {
        const line = await lineText(args.completeLine);
        return line && line !== result.ghost.lineBefore + '，坚持党的全面领导，' ? line : null;
      }, 10000);
      result.ghost.lineAfter = await lineText(args.completeLine);
      // No request failed on the way (the suggest widget's selected item travels with each request).
      result.ghost.failures = await page.locator('.notifications-toasts .notification-list-item', { hasText: 'failed' }).allTextContents();
    });

    await step('status-item', async () => {
      await focusEditorAtCursor();
      const item = page.locator('.statusbar-item', { hasText: 'reportls: ' }).first();
      await item.waitFor({ state: 'visible', timeout: 15000 });
      result.status.text = text(await item.innerText());
      await item.click();
      const rows = '.quick-input-widget .quick-input-list .monaco-list-row';
      await page.locator(rows).first().waitFor({ state: 'visible', timeout: 15000 });
      await page.waitForTimeout(500);
      result.status.rows = (await listRows(rows)).map((r) => r.label || r.text);
      await screenshot('status', 'status');
      await page.keyboard.press('Escape');
    });

    await step('rule-docs', async () => {
      await command('View: Focus Problems');
      const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
      await filter.click();
      await filter.fill('figures.sum');
      const link = page.locator('.markers-panel .monaco-list-row .monaco-link', { hasText: 'figures.sum' }).first();
      await link.waitFor({ state: 'visible', timeout: 15000 });
      await link.click();
      const tab = page.locator('.tabs-container .tab', { hasText: 'figures.sum' }).first();
      await tab.waitFor({ state: 'visible', timeout: 30000 });
      await page.waitForTimeout(1500); // the preview renders
      result.ruleDocs.tab = text(await tab.innerText());
      await screenshot('rule-docs', 'rule-docs');
      await filter.fill('');
      // Back to the report for the save.
      await page.locator('.tabs-container .tab', { hasText: args.file }).first().click();
    });

    await step('save', async () => {
      await focusEditorAtCursor();
      await page.keyboard.press('Control+s');
      await until('the saved editor', async () => (await page.locator('.tabs-container .tab.dirty').count()) === 0, 15000);
      await screenshot('saved');
    });
  } finally {
    await browser.close().catch(() => {});
  }
}

// Gives the editor keyboard focus without moving its cursor.
async function focusEditorAtCursor() {
  await page.evaluate(() => {
    const ta = document.querySelector('.editor-instance .monaco-editor textarea.inputarea, .editor-instance .monaco-editor .native-edit-context');
    if (ta) ta.focus();
  });
}

main()
  .catch((e) => {
    result.errors.push({ step: 'driver', error: String(e.stack || e) });
  })
  .finally(() => {
    result.seconds = (Date.now() - started) / 1000;
    process.stdout.write(JSON.stringify(result, null, 1) + '\n');
  });
