// reportls/report/pattern_diagnostic.h — a pattern-rule hit as a plugin diagnostic.
//
// The one conversion shared by every analyzer whose rules are pattern tables (terms,
// punctuation): code "<analyzer>.<rule>", the rule's severity, its message, and — when the rule
// has a replacement — a fix titled 改为“…” (or 删除), preferred when the rule says it is certain.
#ifndef REPORTLS_REPORT_PATTERN_DIAGNOSTIC_H
#define REPORTLS_REPORT_PATTERN_DIAGNOSTIC_H

#include <reportls/plugin.hpp>
#include <reportls/report/pattern_rules.h>

#include <string_view>

namespace reportls::report {

// "error" | "warning" | "information" | "hint" (anything else: warning).
reportls_severity severity_from_name(std::string_view name);

plugin::Diagnostic to_diagnostic(PatternHit &&hit, std::string_view analyzer);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_PATTERN_DIAGNOSTIC_H
