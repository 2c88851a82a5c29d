#include <reportls/report/pattern_diagnostic.h>

namespace reportls::report {

reportls_severity severity_from_name(std::string_view name) {
  if (name == "error") return REPORTLS_SEVERITY_ERROR;
  if (name == "information") return REPORTLS_SEVERITY_INFO;
  if (name == "hint") return REPORTLS_SEVERITY_HINT;
  return REPORTLS_SEVERITY_WARNING;
}

plugin::Diagnostic to_diagnostic(PatternHit &&hit, std::string_view analyzer) {
  plugin::Diagnostic d;
  d.start = hit.range.start;
  d.end = hit.range.end;
  d.code = std::string(analyzer) + "." + hit.rule->rule;
  d.severity = severity_from_name(hit.rule->severity);
  d.message = std::move(hit.message);
  if (hit.rule->replace)
    d.fixes.push_back({hit.replacement.empty() ? "删除" : "改为“" + hit.replacement + "”",
                       {{hit.edit.start, hit.edit.end, hit.replacement}},
                       hit.rule->certain});
  return d;
}

}  // namespace reportls::report
