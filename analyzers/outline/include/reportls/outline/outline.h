// reportls/outline/outline.h — the document outline (symbols) and folding ranges of a report.
//
// The outline is a flat list in document order: the title block first (when there is one), then
// one symbol per heading and per table.  The title and the level-1 headings are top level; every
// other heading hangs under its section's parent, a table under the innermost section holding it
// (`表2 收到和处理政府信息公开申请情况`, detail `31 行 × 8 列`).  Page chrome never appears.
#ifndef REPORTLS_OUTLINE_OUTLINE_H
#define REPORTLS_OUTLINE_OUTLINE_H

#include <reportls/report/document.h>

#include <cstdint>
#include <string>
#include <vector>

namespace reportls::outline {

// Numbered as LSP SymbolKind (and reportls_symbol_kind).
enum class SymbolKind : int { File = 1, Module = 2, Namespace = 3, Table = 18 /* Array */, Key = 20 };

struct Symbol {
  std::string name;     // ordinal + title as written: `(二)全面推进法律顾问制度,确保行政决策合法`
  std::string detail;   // `序号缺失` for an orphan `)…` heading; a table's size; else empty
  SymbolKind kind = SymbolKind::Namespace;  // title File, level 1 Namespace, 2 Module, 3+ Key, table Table
  report::Span range;      // the section (for the title: its lines; for a table: its lines)
  report::Span selection;  // ordinal + title (for the title and a table: the first line)
  int32_t parent = -1;     // index of an earlier symbol, or -1
};

struct Outline {
  std::vector<Symbol> symbols;
  std::vector<report::Span> folds;  // one per section and table spanning more than one line
};

Outline build(const report::Document &doc);

// Indented text rendering, one symbol a line: two spaces per depth, then `name  [first-last]`
// with 1-based physical line numbers of the symbol's range.  Used by the fixture tests.
std::string render(const report::Document &doc, const Outline &outline);

}  // namespace reportls::outline

#endif  // REPORTLS_OUTLINE_OUTLINE_H
