#include "rules.h"

#include <algorithm>

namespace reportls::punctuation {

std::string docs_url(const std::string &code) {
  std::string anchor = code;
  std::replace(anchor.begin(), anchor.end(), '.', '-');
  return "https://github.com/reportls/reportls/blob/main/README.md#" + anchor;
}

namespace {
reportls_severity severity_of(const std::string &s) {
  if (s == "error") return REPORTLS_SEVERITY_ERROR;
  if (s == "information") return REPORTLS_SEVERITY_INFO;
  if (s == "hint") return REPORTLS_SEVERITY_HINT;
  return REPORTLS_SEVERITY_WARNING;
}
}  // namespace

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      const std::function<bool()> &cancelled) {
  std::vector<plugin::Diagnostic> out;
  check_width(doc, t, out);
  if (cancelled()) return out;
  check_pairs(doc, t, out);
  for (const report::Line &line : doc.lines) {
    if (line.kind == report::LineKind::Debris || line.kind == report::LineKind::Blank) continue;
    if (cancelled()) return out;
    report::find_pattern_hits(doc.text, line.content, t.patterns, std::nullopt, [&](report::PatternHit &&h) {
      plugin::Diagnostic d;
      d.start = h.range.start;
      d.end = h.range.end;
      d.code = "punctuation." + h.rule->rule;
      d.severity = severity_of(h.rule->severity);
      d.message = std::move(h.message);
      if (h.rule->replace)
        d.fixes.push_back({h.replacement.empty() ? "删除" : "改为“" + h.replacement + "”",
                           {{h.edit.start, h.edit.end, h.replacement}}, h.rule->certain});
      d.docs_url = docs_url(d.code);
      out.push_back(std::move(d));
    });
  }
  std::stable_sort(out.begin(), out.end(), [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) {
    return a.start < b.start;
  });
  return out;
}

}  // namespace reportls::punctuation
