#include <reportls/figures/checks.h>
#include <reportls/figures/figures.h>

namespace reportls::figures {

namespace {

// The findings of text[within], spans relative to `text`.
void analyze_paragraph(std::string_view text, report::Span within, const Data &data, Findings &out) {
  const std::vector<Quantity> qs = extract(text, within, data);
  if (qs.empty()) return;
  const Paragraph p{text, within, qs, data};
  check_sums(p, out);
  check_rates(p, out);
  check_shares(p, out);
  check_changes(p, out);
  check_hygiene(p, out);
}

report::Span shifted(report::Span s, uint32_t by) { return {s.start + by, s.end + by}; }

void append_shifted(const Findings &from, uint32_t by, Findings &to) {
  for (Finding f : from.diagnostics) {
    f.range = shifted(f.range, by);
    for (Fix &fix : f.fixes)
      for (Edit &e : fix.edits) e.range = shifted(e.range, by);
    to.diagnostics.push_back(std::move(f));
  }
  for (Note n : from.notes) {
    for (report::Span &m : n.members) m = shifted(m, by);
    to.notes.push_back(std::move(n));
  }
}

}  // namespace

Findings analyze(const report::Document &doc, const Data &data, const std::function<bool()> &cancelled,
                 ParagraphCache::Pass *cache) {
  Findings out;
  for (uint32_t i = 0; i < doc.lines.size(); ++i) {
    const report::Line &line = doc.lines[i];
    if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading) continue;
    if (cancelled && cancelled()) break;
    if (!cache) {
      analyze_paragraph(doc.text, line.content, data, out);
      continue;
    }
    const Findings &found = cache->get(doc, i, 0, [&] { return analyze_paragraph(line.content.in(doc.text), data); });
    append_shifted(found, line.content.start, out);
  }
  return out;
}

Findings analyze_paragraph(std::string_view paragraph, const Data &data) {
  Findings f;
  analyze_paragraph(paragraph, report::Span{0, static_cast<uint32_t>(paragraph.size())}, data, f);
  return f;
}

std::vector<Hover> hover_at(const Findings &findings, uint32_t offset) {
  std::vector<Hover> out;
  for (const Note &n : findings.notes)
    for (const report::Span &m : n.members)
      if (m.contains(offset)) out.push_back({m, n.markdown});
  return out;
}

}  // namespace reportls::figures
