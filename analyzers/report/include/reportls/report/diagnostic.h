// reportls/report/diagnostic.h — plugin diagnostics built from report spans, shared by the
// analyzers so none of them spells the conversion again.
#ifndef REPORTLS_REPORT_DIAGNOSTIC_H
#define REPORTLS_REPORT_DIAGNOSTIC_H

#include <reportls/plugin.hpp>
#include <reportls/report/pattern_rules.h>

#include <string_view>

namespace reportls::report {

// "error" | "warning" | "information" | "hint" (anything else: warning).
reportls_severity severity_from_name(std::string_view name);

// A diagnostic on `at` with no fix yet.
plugin::Diagnostic make_diagnostic(Span at, reportls_severity severity, std::string code,
                                   std::string message);

// A pattern-rule hit (terms, punctuation): code "<analyzer>.<rule>", the rule's severity and
// message, and — when the rule has a replacement — a fix titled 改为“…” (or 删除), preferred when
// the rule says it is certain.
plugin::Diagnostic to_diagnostic(PatternHit &&hit, std::string_view analyzer);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_DIAGNOSTIC_H
