// reportls/dates/dates.h — the report year, the plan year and the signing date.
//
// Rules (codes dates.<rule>):
//   plan-year     a plan heading at any level (下一年度…主要安排/下一步/工作计划/工作思路…, from
//                 dates.json) names a year other than report year + 1;
//   heading-year  another heading opens with a year other than the report year (or the next), in
//                 a report whose title states its year (`一、2022年法治政府建设情况` for 2023);
//   early         a 落款 date lies within the report year (the year had not ended);
//   relative      今年 / 今年以来 / 截至目前 in an annual report (once per paragraph);
//   format        a 落款 date zero-padded (`02月`) or in Chinese numerals (GB/T 9704: `2024年2月29日`),
//                 or any date written as eight digits (`20191118`, `20251231日`).
// The plugin checks reports only (report::Scope::Report).
// The 落款 dates are the closing signature's and, when the title states the report year, every line
// holding nothing but a date (the 落款 of a cover letter 函 before the report).
#ifndef REPORTLS_DATES_DATES_H
#define REPORTLS_DATES_DATES_H

#include <reportls/plugin.hpp>
#include <reportls/report/diagnostic.h>
#include <reportls/report/document.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::dates {

struct LineMemo;  // what check() found in each line's content (src/rules.h)
std::shared_ptr<LineMemo> make_line_memo();

struct Tables {
  std::vector<std::string> relative;       // relative time words, longest first
  std::vector<std::string> plan_headings;  // a level-1 heading containing one opens the plan section
  // What check() found in each line of the open documents, shared by copies of these tables:
  // after an edit only the changed lines are read again.  It holds for these tables' content only.
  std::shared_ptr<LineMemo> memo = make_line_memo();
};

// Loads dates.json from the plugin folder (throws std::runtime_error when broken) and from each
// data folder (lists appended; a broken file is skipped, "<file>: <reason>" added to errors).
Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors);

// All dates diagnostics of doc, in text order, to emit (report/diagnostic.h: a paragraph's
// relative-time diagnostic as the memo keeps it); nothing when cancelled() turns true.  `document`
// (the uri) owns the lines it leaves in the tables' memo (line_cache.h).
void report(const report::Document &doc, const Tables &tables, std::optional<uint32_t> report_year,
            const std::function<bool()> &cancelled, std::string_view document, const report::Emit &emit);
// The same, collected.
std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &tables,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled, std::string_view document = {});
// The document was closed: the memo drops its lines.
void forget(const Tables &tables, std::string_view document);
// How many lines check() has read with these tables (or their copies) rather than recalled.
uint64_t lines_checked(const Tables &tables);

}  // namespace reportls::dates

#endif  // REPORTLS_DATES_DATES_H
