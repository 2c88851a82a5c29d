#include <reportls/outline/outline.h>

namespace reportls::outline {

using report::Span;

namespace {
SymbolKind kind_for(int level) {
  return level <= 1 ? SymbolKind::Namespace : level == 2 ? SymbolKind::Module : SymbolKind::Key;
}
}  // namespace

Outline build(const report::Document &doc) {
  Outline out;
  const int32_t offset = doc.title ? 1 : 0;
  if (doc.title) {
    const report::Title &t = *doc.title;
    out.symbols.push_back(Symbol{std::string(doc.str(t.text)), "", SymbolKind::File,
                                 Span{doc.lines[t.first_line].span.start, t.span.end}, t.text,
                                 -1});
  }
  for (size_t i = 0; i < doc.headings.size(); ++i) {
    const report::Heading &h = doc.headings[i];
    const report::Section &s = doc.sections[i];
    Symbol sym;
    const bool markdown = h.ordinal.style == report::OrdinalStyle::Markdown;
    // The ordinal as written, then the title: `(二)全面推进…` even for a run-in heading.
    sym.name = markdown ? std::string(doc.str(h.title))
                        : std::string(doc.str(Span{h.ordinal.span.start, h.title.end}));
    if (h.ordinal.style == report::OrdinalStyle::Orphan) sym.detail = "序号缺失";
    sym.kind = kind_for(h.level);
    sym.range = s.span;
    sym.selection = Span{h.ordinal.span.start, h.title.end};
    sym.parent = s.parent < 0 ? -1 : s.parent + offset;
    out.symbols.push_back(std::move(sym));
    if (s.last_line > s.first_line) out.folds.push_back(s.span);
  }
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
