// Internal: the rule families of the dates analyzer, each a scan of the parsed report.
#ifndef REPORTLS_DATES_RULES_H
#define REPORTLS_DATES_RULES_H

#include <reportls/dates/dates.h>

namespace reportls::dates {

plugin::Diagnostic make(report::Span at, reportls_severity severity, const char *rule, std::string message);

// The year the title names, when it is the report year: only then is a year in the text
// certainly wrong against it.
std::optional<uint32_t> stated_year(const report::Document &doc, std::optional<uint32_t> report_year);

// early and format over the 落款 dates: the closing signature's, and (when the title states the
// report year) every line holding nothing but a date, the 落款 of a cover letter before the report.
void signing_dates(const report::Document &doc, std::optional<uint32_t> report_year,
                   std::vector<plugin::Diagnostic> &out);
// format: a date written as eight digits before 日 (`20251231日`) anywhere in the text.
void compact_dates(const report::Document &doc, std::vector<plugin::Diagnostic> &out,
                   const std::function<bool()> &cancelled);

}  // namespace reportls::dates

#endif  // REPORTLS_DATES_RULES_H
