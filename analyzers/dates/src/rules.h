// Internal: the rule families of the dates analyzer.  What they look for inside a paragraph is
// found per line content (offsets relative to the content's start), so it depends on the
// content's bytes (and the report year) alone and report() memoises it per content; which lines
// each rule reads, and everything about headings, the title and the 落款, is decided over the
// document.
#ifndef REPORTLS_DATES_RULES_H
#define REPORTLS_DATES_RULES_H

#include <reportls/dates/dates.h>
#include <reportls/report/line_cache.h>
#include <reportls/report/report_year.h>

#include <atomic>
#include <memory>

namespace reportls::dates {

// One line content's findings, spans relative to the content's start; what it says of the
// relative time word depends on the report year too (the memo's key holds it).
struct LineDates {
  std::optional<report::Span> relative;  // relative: the earliest relative time word (longest there)
  std::vector<report::Date> compact;     // format: dates written as eight digits before 日
  std::optional<report::Date> whole;     // the date the content holds and nothing else (a 落款)
  // relative's diagnostic, for the report year the line was read under (none without one); held
  // apart, as few lines have one and the memo keeps every line
  std::unique_ptr<const plugin::Diagnostic> relative_diagnostic;
  bool empty() const { return !relative && compact.empty() && !whole; }
};

// One heading title's findings (the title proper: heading.h), spans relative to its start.
struct TitleDates {
  bool plan = false;                 // it names a plan (Tables::plan_headings)
  std::optional<report::Span> year;  // its first `YYYY年` (report::find_year)
  bool empty() const { return !plan && !year; }
};

struct LineMemo {
  report::LineCache<LineDates> lines;    // by line content
  report::LineCache<TitleDates> titles;  // by heading line (its title is the heading's of that line)
  std::atomic<uint64_t> checked{0};  // lines read rather than recalled
};

// The memo keeps a line's findings per report year (0: none).
LineDates find_in_line(std::string_view content, const Tables &t, std::optional<uint32_t> report_year);
TitleDates find_in_title(std::string_view title, const Tables &t);

// The findings of each line (indexes as doc.lines) that some rule reads, nullptr for the others;
// of each heading (indexes as doc.headings), nullptr for those on page-debris lines.  They live in
// the memo, held by the passes that recalled them: as long as those.
struct Found {
  std::vector<const LineDates *> lines;
  std::vector<const TitleDates *> headings;
};

plugin::Diagnostic make(report::Span at, reportls_severity severity, const char *rule, std::string message);

// A span relative to `by` (a line content's or a title's start), as a span of the document.
inline report::Span shifted(report::Span s, uint32_t by) { return {s.start + by, s.end + by}; }

// The year the title names, when it is the report year: only then is a year in the text
// certainly wrong against it.
std::optional<uint32_t> stated_year(const report::Document &doc, std::optional<uint32_t> report_year);

// early and format over the 落款 dates: the closing signature's, and (when the title states the
// report year) every line holding nothing but a date, the 落款 of a cover letter before the report.
void signing_dates(const report::Document &doc, const Found &found, std::optional<uint32_t> report_year,
                   std::vector<plugin::Diagnostic> &out);
// format: a date written as eight digits before 日 (`20251231日`) anywhere in the prose.
void compact_dates(const report::Document &doc, const Found &found, std::vector<plugin::Diagnostic> &out);

}  // namespace reportls::dates

#endif  // REPORTLS_DATES_RULES_H
