#include "rules.h"

#include <reportls/report/report_year.h>

#include <algorithm>

namespace reportls::dates {

plugin::Diagnostic make(report::Span at, reportls_severity severity, const char *rule, std::string message) {
  plugin::Diagnostic d;
  d.start = at.start;
  d.end = at.end;
  d.severity = severity;
  d.code = std::string("dates.") + rule;
  d.message = std::move(message);
  return d;
}

namespace {

using report::Span;

// The heading proper, not the body text a run-in heading carries on its line.
bool plan_heading(const report::Document &doc, const Tables &t, const report::Heading &h) {
  const std::string_view title = doc.str(h.title);
  return std::any_of(t.plan_headings.begin(), t.plan_headings.end(),
                     [&](const std::string &w) { return report::contains_text(title, w); });
}

void plan_year(const report::Document &doc, const Tables &t, uint32_t year, std::vector<plugin::Diagnostic> &out) {
  const std::string expected = std::to_string(year + 1);
  for (const report::Heading &h : doc.headings) {
    // At any level: a plan may be a part of its own or a sub-point of the last part.
    if (doc.lines[h.line].kind == report::LineKind::Debris || !plan_heading(doc, t, h)) continue;
    const auto y = report::find_year(doc.text, h.title);
    if (!y || doc.str(*y) == expected) continue;
    plugin::Diagnostic d = make(*y, REPORTLS_SEVERITY_WARNING, "plan-year",
                                "下一年工作安排写的是" + std::string(doc.str(*y)) + "年，而本报告是" +
                                    std::to_string(year) + "年度报告：计划年份应为 " + std::to_string(year) +
                                    " + 1 = " + expected + "年");
    d.fixes.push_back({"改为" + expected, {{y->start, y->end, expected}}, false});
    out.push_back(std::move(d));
  }
}

// A heading that opens with a year (`一、2022年法治政府建设情况`) scopes its section to that year:
// in a report whose title states the year, only that year (the work) or the next (a plan not
// named as one) fits.  Spans of years (`2021年以来`, `2021—2025年`) are left alone.
void heading_year(const report::Document &doc, const Tables &t, uint32_t year, std::vector<plugin::Diagnostic> &out) {
  for (const report::Heading &h : doc.headings) {
    if (doc.lines[h.line].kind == report::LineKind::Debris || plan_heading(doc, t, h)) continue;
    const auto y = report::find_year(doc.text, h.title);
    if (!y || y->start != h.title.start) continue;
    const std::string_view after = doc.str({y->end, h.title.end});
    if (after.starts_with("年以来") || after.starts_with("年至") || after.starts_with("年到") ||
        after.starts_with("年—") || after.starts_with("年-") || after.starts_with("年~"))
      continue;
    const std::string written(doc.str(*y)), expected = std::to_string(year);
    if (written == expected || written == std::to_string(year + 1)) continue;
    plugin::Diagnostic d = make(*y, REPORTLS_SEVERITY_WARNING, "heading-year",
                                "标题写的是" + written + "年，而本报告是" + expected +
                                    "年度报告（见报告标题）：本年度工作的标题应写" + expected + "年");
    d.fixes.push_back({"改为" + expected, {{y->start, y->end, expected}}, false});
    out.push_back(std::move(d));
  }
}

// The earliest relative time word of a paragraph (the longest at that position).
std::optional<Span> first_relative(std::string_view text, Span line, const Tables &t) {
  const std::string_view s = line.in(text);
  std::optional<Span> best;
  for (const std::string &w : t.relative) {  // longest first
    const size_t at = report::find_text(s, w);
    if (at != std::string_view::npos && (!best || line.start + at < best->start))
      best = Span{static_cast<uint32_t>(line.start + at), static_cast<uint32_t>(line.start + at + w.size())};
  }
  return best;
}

void relative(const report::Document &doc, const Tables &t, uint32_t year, std::vector<plugin::Diagnostic> &out,
              const std::function<bool()> &cancelled) {
  const std::string y = std::to_string(year);
  for (const report::Line &line : doc.lines) {
    if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading) continue;
    if (cancelled()) return;
    const auto w = first_relative(doc.text, line.content, t);
    if (!w) continue;
    const std::string word(doc.str(*w));
    out.push_back(make(*w, REPORTLS_SEVERITY_INFO, "relative",
                       "“" + word + "”在年度报告中指代不明：报告在" + std::to_string(year + 1) +
                           "年才成文和阅读，宜写明具体时间，如“" + y + "年”“截至" + y + "年12月31日”"));
  }
}

}  // namespace

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled) {
  std::vector<plugin::Diagnostic> out;
  if (report_year) plan_year(doc, t, *report_year, out);
  if (const auto stated = stated_year(doc, report_year)) heading_year(doc, t, *stated, out);
  signing_dates(doc, report_year, out);
  compact_dates(doc, out, cancelled);
  if (report_year) relative(doc, t, *report_year, out, cancelled);
  std::stable_sort(out.begin(), out.end(),
                   [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
  return out;
}

}  // namespace reportls::dates
