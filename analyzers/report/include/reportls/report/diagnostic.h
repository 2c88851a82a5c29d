// reportls/report/diagnostic.h — plugin diagnostics built from report spans, shared by the
// analyzers so none of them spells the conversion again.
#ifndef REPORTLS_REPORT_DIAGNOSTIC_H
#define REPORTLS_REPORT_DIAGNOSTIC_H

#include <reportls/plugin.hpp>
#include <reportls/report/pattern_rules.h>

#include <functional>
#include <string_view>
#include <vector>

namespace reportls::report {

// Where an analyzer hands its diagnostics, in text order: each with the shift that places it in
// the document (0, or the start of the line it was found in and is kept for, with offsets from
// there: a line cache's diagnostics are reported as they are kept, not copied at every
// keystroke).  A plugin passes them to plugin::Sink::diagnostic(d, shift).
using Emit = std::function<void(const plugin::Diagnostic &, uint32_t shift)>;

// d with every offset (its own and its fixes' edits') moved by shift: a kept diagnostic placed.
plugin::Diagnostic placed(plugin::Diagnostic d, uint32_t shift);

// What report(…, emit) hands to emit, each placed (a copy): for tests and for callers that keep them.
std::vector<plugin::Diagnostic> collect(const std::function<void(const Emit &)> &report);

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
