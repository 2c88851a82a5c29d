#!/usr/bin/env node
// rule-pages.js README.md OUT_DIR — one Markdown page per rule for the extension (OUT_DIR/<code>.md),
// made from the rules table of the repository's README (its rows start with
// `| <a id="figures-sum"></a>`figures.sum` |`), so the pages say what the README says.  The
// extension opens a rule's page when its code is clicked in a diagnostic.
'use strict';
const fs = require('fs');
const path = require('path');

const [readme, out] = process.argv.slice(2);
if (!readme || !out) {
  console.error('usage: rule-pages.js README.md OUT_DIR');
  process.exit(2);
}
const DOCS = 'https://github.com/reportls/reportls/blob/main/README.md';

// The cells of a table row; a | inside `code` does not split.
function cells(row) {
  const out = [];
  let cell = '';
  let code = false;
  for (const ch of row.trim().replace(/^\||\|$/g, '')) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell.trim());
  return out;
}

fs.mkdirSync(out, { recursive: true });
let count = 0;
for (const line of fs.readFileSync(readme, 'utf8').split('\n')) {
  const m = /^\|\s*<a id="([a-z0-9-]+)"><\/a>`([a-z0-9_.-]+)`\s*\|/.exec(line);
  if (!m) continue;
  const [anchor, code] = [m[1], m[2]];
  const [, what, example] = cells(line);
  const page = [
    `# ${code}`,
    '',
    what,
    '',
    example ? `**例**：${example}` : '',
    '',
    '---',
    '',
    `**关闭这条规则**：在诊断的快速修复（Ctrl+.）中选“在工作区关闭规则 ${code}”（写入 \`.reportls.json\`），` +
      `或在设置 \`reportls.rules\` 中写 \`"${code}": "off"\`；Markdown 中只在一行关闭：在该行前加` +
      ` \`<!-- reportls-disable-next-line ${code} -->\`。`,
    '',
    `全部规则：[${DOCS}#rules](${DOCS}#rules) · 本条：[${DOCS}#${anchor}](${DOCS}#${anchor})`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(out, `${code}.md`), page);
  ++count;
}
if (count === 0) {
  console.error(`rule-pages.js: no rule rows in ${readme}`);
  process.exit(1);
}
console.error(`rule-pages.js: ${count} rule pages in ${out}`);
