#include <reportls/figures/checks.h>
#include <reportls/figures/figures.h>

namespace reportls::figures {

Findings analyze(const report::Document &doc, const Data &data, const std::function<bool()> &cancelled) {
  Findings out;
  for (const report::Line &line : doc.lines) {
    if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading) continue;
    if (cancelled && cancelled()) break;
    const std::vector<Quantity> qs = extract(doc.text, line.content, data);
    if (qs.empty()) continue;
    const Paragraph p{doc.text, line.content, qs, data};
    check_sums(p, out);
    check_rates(p, out);
    check_changes(p, out);
    check_hygiene(p, out);
  }
  return out;
}

std::vector<Hover> hover_at(const Findings &findings, uint32_t offset) {
  std::vector<Hover> out;
  for (const Note &n : findings.notes)
    for (const report::Span &m : n.members)
      if (m.contains(offset)) out.push_back({m, n.markdown});
  return out;
}

}  // namespace reportls::figures
