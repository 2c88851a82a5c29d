#include "rules.h"

#include <reportls/report/diagnostic.h>

#include <algorithm>

namespace reportls::punctuation {

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      const std::function<bool()> &cancelled) {
  std::vector<plugin::Diagnostic> out;
  check_width(doc, t, out);
  if (cancelled()) return out;
  check_pairs(doc, t, out);
  for (const report::Line &line : doc.lines) {
    if (line.kind == report::LineKind::Debris || line.kind == report::LineKind::Blank) continue;
    if (cancelled()) return out;
    report::find_pattern_hits(
        doc.text, line.content, t.patterns, std::nullopt,
        [&](report::PatternHit &&h) { out.push_back(report::to_diagnostic(std::move(h), "punctuation")); },
        t.hits.get());
  }
  std::stable_sort(out.begin(), out.end(), [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) {
    return a.start < b.start;
  });
  return out;
}

}  // namespace reportls::punctuation
