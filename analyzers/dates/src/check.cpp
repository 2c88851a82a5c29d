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

void plan_year(const report::Document &doc, const Found &found, uint32_t year, std::vector<plugin::Diagnostic> &out) {
  const std::string expected = std::to_string(year + 1);
  for (size_t i = 0; i < doc.headings.size(); ++i) {
    // At any level: a plan may be a part of its own or a sub-point of the last part.
    const TitleDates *t = found.headings[i];
    if (!t || !t->plan || !t->year) continue;
    const report::Span y = shifted(*t->year, doc.headings[i].title.start);
    if (doc.str(y) == expected) continue;
    plugin::Diagnostic d = make(y, REPORTLS_SEVERITY_WARNING, "plan-year",
                                "下一年工作安排写的是" + std::string(doc.str(y)) + "年，而本报告是" +
                                    std::to_string(year) + "年度报告：计划年份应为 " + std::to_string(year) +
                                    " + 1 = " + expected + "年");
    d.fixes.push_back({"改为" + expected, {{y.start, y.end, expected}}, false});
    out.push_back(std::move(d));
  }
}

// A heading that opens with a year (`一、2022年法治政府建设情况`) scopes its section to that year:
// in a report whose title states the year, only that year (the work) or the next (a plan not
// named as one) fits.  Spans of years (`2021年以来`, `2021—2025年`) are left alone.
void heading_year(const report::Document &doc, const Found &found, uint32_t year, std::vector<plugin::Diagnostic> &out) {
  for (size_t i = 0; i < doc.headings.size(); ++i) {
    const report::Heading &h = doc.headings[i];
    const TitleDates *t = found.headings[i];
    if (!t || t->plan || !t->year || t->year->start != 0) continue;
    const report::Span y = shifted(*t->year, h.title.start);
    const std::string_view after = doc.str({y.end, h.title.end});
    if (after.starts_with("年以来") || after.starts_with("年至") || after.starts_with("年到") ||
        after.starts_with("年—") || after.starts_with("年-") || after.starts_with("年~"))
      continue;
    const std::string written(doc.str(y)), expected = std::to_string(year);
    if (written == expected || written == std::to_string(year + 1)) continue;
    plugin::Diagnostic d = make(y, REPORTLS_SEVERITY_WARNING, "heading-year",
                                "标题写的是" + written + "年，而本报告是" + expected +
                                    "年度报告（见报告标题）：本年度工作的标题应写" + expected + "年");
    d.fixes.push_back({"改为" + expected, {{y.start, y.end, expected}}, false});
    out.push_back(std::move(d));
  }
}

// What each line and heading title that a rule reads holds, recalled through the passes from the
// memo where the same content was read before; nothing when cancelled.
Found find_all(const report::Document &doc, const Tables &t, std::optional<uint32_t> report_year,
               const std::function<bool()> &cancelled, report::LineCache<LineDates>::Pass &lines,
               report::LineCache<TitleDates>::Pass &titles) {
  Found found;
  found.lines.resize(doc.lines.size());
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const report::Line &line = doc.lines[i];
    if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading &&
        line.kind != report::LineKind::Signature && line.kind != report::LineKind::Front)
      continue;
    if (cancelled()) return {};
    const std::string_view content = doc.str(line.content);
    found.lines[i] = &lines.get(doc, i, report_year.value_or(0), [&] {
      ++t.memo->checked;
      return find_in_line(content, t, report_year);
    });
  }
  found.headings.resize(doc.headings.size());
  for (size_t i = 0; i < doc.headings.size(); ++i) {
    const report::Heading &h = doc.headings[i];
    if (doc.lines[h.line].kind == report::LineKind::Debris) continue;
    const std::string_view title = doc.str(h.title);
    // Known by its line, whose bytes decide the title: the parse's digest, not the title's hashed again.
    found.headings[i] = &titles.get(doc, h.line, 0, [&] { return find_in_title(title, t); });
  }
  lines.finish();
  titles.finish();
  return found;
}

}  // namespace

void report(const report::Document &doc, const Tables &t, std::optional<uint32_t> report_year,
            const std::function<bool()> &cancelled, std::string_view document, const report::Emit &emit) {
  report::LineCache<LineDates>::Pass lines(t.memo->lines, document);
  report::LineCache<TitleDates>::Pass titles(t.memo->titles, document);
  const Found found = find_all(doc, t, report_year, cancelled, lines, titles);
  if (cancelled()) return;
  std::vector<plugin::Diagnostic> out;
  if (report_year) plan_year(doc, found, *report_year, out);
  if (const auto stated = stated_year(doc, report_year)) heading_year(doc, found, *stated, out);
  signing_dates(doc, found, report_year, out);
  compact_dates(doc, found, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
  // The paragraphs' relative-time diagnostics, in text order as kept, merged in after those of the
  // same place.
  auto next = out.begin();
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const report::Line &line = doc.lines[i];
    if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading) continue;
    const plugin::Diagnostic *relative = found.lines[i]->relative_diagnostic.get();
    if (!relative) continue;
    const uint32_t at = relative->start + line.content.start;
    for (; next != out.end() && next->start <= at; ++next) emit(*next, 0);
    emit(*relative, line.content.start);
  }
  for (; next != out.end(); ++next) emit(*next, 0);
}

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled, std::string_view document) {
  return report::collect([&](const report::Emit &emit) { report(doc, t, report_year, cancelled, document, emit); });
}

}  // namespace reportls::dates
