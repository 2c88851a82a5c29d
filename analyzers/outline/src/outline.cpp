#include <reportls/outline/outline.h>

#include <algorithm>

namespace reportls::outline {

using report::Span;

namespace {
SymbolKind kind_for(int level) {
  return level <= 1 ? SymbolKind::Namespace : level == 2 ? SymbolKind::Module : SymbolKind::Key;
}
}  // namespace

namespace {

// What a table is about: the short line right above it (a caption, `表1 主动公开政府信息情况`), else
// the title of the section holding it.
std::string table_caption(const report::Document &doc, const report::Table &t, int32_t section) {
  if (t.first_line > 0) {
    const report::Line &above = doc.lines[t.first_line - 1];
    const std::string_view s = doc.str(above.content);
    if (above.kind == report::LineKind::Body && !s.empty() && report::code_point_count(s) <= 40 &&
        s.find("。") == std::string_view::npos && s.find("，") == std::string_view::npos)
      return std::string(s);
  }
  if (section < 0) return "";
  const report::Heading &h = doc.headings[static_cast<size_t>(section)];
  return std::string(doc.str(h.title.empty() ? h.text : h.title));
}

}  // namespace

Outline build(const report::Document &doc) {
  Outline out;
  if (doc.title) {
    const report::Title &t = *doc.title;
    out.symbols.push_back(Symbol{std::string(doc.str(t.text)), "", SymbolKind::File,
                                 Span{doc.lines[t.first_line].span.start, t.span.end}, t.text,
                                 -1});
  }
  // Headings and tables in document order; a table hangs under the innermost section holding it.
  std::vector<int32_t> symbol_of(doc.headings.size(), -1);
  std::vector<uint32_t> open;  // sections holding the current line, innermost last
  size_t next_table = 0;
  auto add_tables_before = [&](uint32_t line) {
    for (; next_table < doc.tables.size() && doc.tables[next_table].first_line < line; ++next_table) {
      const report::Table &t = doc.tables[next_table];
      while (!open.empty() && doc.sections[open.back()].last_line < t.first_line) open.pop_back();
      const int32_t section = open.empty() ? -1 : static_cast<int32_t>(open.back());
      const std::string caption = table_caption(doc, t, section);
      size_t columns = 0;
      for (const report::TableRow &r : t.rows) columns = std::max(columns, r.cells.size());
      Symbol sym;
      // A caption that numbers its table (`表1 …`) is the name; else the table's number in the text.
      const bool numbered = caption.rfind("表", 0) == 0;
      sym.name = numbered ? caption : "表" + std::to_string(next_table + 1) + (caption.empty() ? "" : " " + caption);
      sym.detail = std::to_string(t.rows.size()) + " 行 × " + std::to_string(columns) + " 列";
      sym.kind = SymbolKind::Table;
      sym.range = Span{doc.lines[t.first_line].span.start, t.span.end};
      sym.selection = doc.lines[t.first_line].content;
      sym.parent = section < 0 ? -1 : symbol_of[static_cast<size_t>(section)];
      out.symbols.push_back(std::move(sym));
      if (t.last_line > t.first_line) out.folds.push_back(t.span);
    }
  };
  for (size_t i = 0; i < doc.headings.size(); ++i) {
    const report::Heading &h = doc.headings[i];
    const report::Section &s = doc.sections[i];
    add_tables_before(h.line);
    while (!open.empty() && static_cast<int32_t>(open.back()) != s.parent) open.pop_back();
    Symbol sym;
    const bool markdown = h.ordinal.style == report::OrdinalStyle::Markdown;
    // The ordinal as written, then the title: `(二)全面推进…` even for a run-in heading.
    sym.name = markdown ? std::string(doc.str(h.title))
                        : std::string(doc.str(Span{h.ordinal.span.start, h.title.end}));
    if (h.ordinal.style == report::OrdinalStyle::Orphan) sym.detail = "序号缺失";
    sym.kind = kind_for(h.level);
    sym.range = s.span;
    sym.selection = Span{h.ordinal.span.start, h.title.end};
    sym.parent = s.parent < 0 ? -1 : symbol_of[static_cast<size_t>(s.parent)];
    symbol_of[i] = static_cast<int32_t>(out.symbols.size());
    out.symbols.push_back(std::move(sym));
    open.push_back(static_cast<uint32_t>(i));
    if (s.last_line > s.first_line) out.folds.push_back(s.span);
  }
  add_tables_before(UINT32_MAX);
  return out;
}

std::string render(const report::Document &doc, const Outline &outline) {
  std::string out;
  std::vector<int> depth(outline.symbols.size(), 0);
  for (size_t i = 0; i < outline.symbols.size(); ++i) {
    const Symbol &s = outline.symbols[i];
    if (s.parent >= 0 && static_cast<size_t>(s.parent) < i) depth[i] = depth[s.parent] + 1;
    const uint32_t first = doc.line_of(s.range.start) + 1;
    const uint32_t last = doc.line_of(s.range.end > s.range.start ? s.range.end - 1 : s.range.start) + 1;
    out.append(static_cast<size_t>(depth[i]) * 2, ' ');
    out += s.name;
    if (!s.detail.empty()) out += "  (" + s.detail + ")";
    out += "  [" + std::to_string(first) + "-" + std::to_string(last) + "]\n";
  }
  return out;
}

}  // namespace reportls::outline
