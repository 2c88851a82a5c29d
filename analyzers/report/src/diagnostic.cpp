#include <reportls/report/diagnostic.h>

namespace reportls::report {

reportls_severity severity_from_name(std::string_view name) {
  if (name == "error") return REPORTLS_SEVERITY_ERROR;
  if (name == "information") return REPORTLS_SEVERITY_INFO;
  if (name == "hint") return REPORTLS_SEVERITY_HINT;
  return REPORTLS_SEVERITY_WARNING;
}

plugin::Diagnostic make_diagnostic(Span at, reportls_severity severity, std::string code,
                                   std::string message) {
  plugin::Diagnostic d;
  d.start = at.start;
  d.end = at.end;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

plugin::Diagnostic to_diagnostic(PatternHit &&hit, std::string_view analyzer) {
  plugin::Diagnostic d = make_diagnostic(hit.range, severity_from_name(hit.rule->severity),
                                         std::string(analyzer) + "." + hit.rule->rule,
                                         std::move(hit.message));
  if (hit.rule->replace)
    d.fixes.push_back({hit.replacement.empty() ? "删除" : "改为“" + hit.replacement + "”",
                       {{hit.edit.start, hit.edit.end, hit.replacement}},
                       hit.rule->certain});
  return d;
}

plugin::Diagnostic placed(plugin::Diagnostic d, uint32_t shift) {
  d.start += shift;
  d.end += shift;
  for (plugin::Fix &f : d.fixes)
    for (plugin::Edit &e : f.edits) {
      e.start += shift;
      e.end += shift;
    }
  return d;
}

std::vector<plugin::Diagnostic> collect(const std::function<void(const Emit &)> &report) {
  std::vector<plugin::Diagnostic> out;
  report([&](const plugin::Diagnostic &d, uint32_t shift) { out.push_back(placed(d, shift)); });
  return out;
}

}  // namespace reportls::report
