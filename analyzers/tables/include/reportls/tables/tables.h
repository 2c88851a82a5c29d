// reportls/tables/tables.h — the checks of the tables analyzer on a report whose profile has
// table templates (templates.h), matched to the report's tables (match.h):
//
//   tables.sum       (error) a cell breaks an identity of its template; the message shows both
//                    sides' arithmetic: 一 + 二 = 三（七）总计 + 四 per column, （七）总计 = Σ（一）…（六）
//                    per column, 总计 = 自然人 + Σ 法人或其他组织 per row, each 总计 of 行政复议/行政诉讼
//                    = 维持 + 纠正 + 其他 + 尚未审结.  An identity that sums a group of rows is not
//                    checked while the table has a row with numbers the template does not know;
//                    an identity with an empty or non-number term is not checked.
//   tables.number    a number cell holding anything but a number: text (`5件`, `无`; warning), a
//                    placeholder (`-`, `/`; information: the format wants 0), a fraction or a
//                    negative count (warning).  Empty cells are unfilled, not wrong.
//   tables.template  (warning) a row or column of the template missing from a table that is
//                    otherwise complete and not cut off by the end of the text; a row or column a
//                    Markdown table has and the template has not.
//   tables.prose     (warning) a figure the text states (`收到政府信息公开申请18件`) that differs from
//                    its table cell.
//   tables.missing   (information) a required table absent from a section that says something
//                    else instead (`本年度未收到政府信息公开申请。`); the fix inserts the empty
//                    template as Markdown tables.  A section with no content at all (its table may
//                    be an image, or the author has just typed the heading) gets the same edit as a
//                    code action on its heading, without a diagnostic.
// plus the hover on a total (how it is made up).  Thread-safe: pure functions of their arguments.
#ifndef REPORTLS_TABLES_TABLES_H
#define REPORTLS_TABLES_TABLES_H

#include <reportls/plugin.hpp>
#include <reportls/report/document.h>
#include <reportls/report/profile.h>
#include <reportls/tables/match.h>
#include <reportls/tables/templates.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reportls::tables {

// A code action not tied to a diagnostic, offered where the cursor touches range.
struct Action {
  report::Span range;
  plugin::Fix fix;
};

struct Findings {
  std::vector<plugin::Diagnostic> diagnostics;  // in text order
  std::vector<Action> actions;
};

// year: the report's (report::report_year); only the templates of its format are checked.
Findings check(const report::Document &doc, const Templates &templates, const report::Profile *profile,
               std::optional<uint32_t> year);

struct Hover {
  report::Span range;
  std::string markdown;
};
// The make-up of the total at offset (every identity that reports on its cell), or nothing.
std::vector<Hover> hover_at(const report::Document &doc, const Templates &templates,
                            const report::Profile *profile, std::optional<uint32_t> year, uint32_t offset);

// The template as empty Markdown tables (one per part), as the tables.missing fix inserts them.
std::string markdown_skeleton(const Template &tpl);

}  // namespace reportls::tables

#endif  // REPORTLS_TABLES_TABLES_H
