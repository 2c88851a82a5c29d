#include <reportls/dates/dates.h>
#include <reportls/report/report_year.h>

#include <algorithm>

namespace reportls::dates {
namespace {

using report::Span;

plugin::Diagnostic make(Span at, reportls_severity severity, const char *rule, std::string message) {
  plugin::Diagnostic d;
  d.start = at.start;
  d.end = at.end;
  d.severity = severity;
  d.code = std::string("dates.") + rule;
  d.message = std::move(message);
  return d;
}

std::string arabic(const report::Date &d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

void plan_year(const report::Document &doc, const Tables &t, uint32_t year, std::vector<plugin::Diagnostic> &out) {
  const std::string expected = std::to_string(year + 1);
  for (const report::Heading &h : doc.headings) {
    if (h.level != 1 || doc.lines[h.line].kind == report::LineKind::Debris) continue;
    const std::string_view title = doc.str(h.text);
    if (std::none_of(t.plan_headings.begin(), t.plan_headings.end(),
                     [&](const std::string &w) { return title.find(w) != std::string_view::npos; }))
      continue;
    const auto y = report::find_year(doc.text, h.text);
    if (!y || doc.str(*y) == expected) continue;
    plugin::Diagnostic d = make(*y, REPORTLS_SEVERITY_WARNING, "plan-year",
                                "下一年工作安排写的是" + std::string(doc.str(*y)) + "年，而本报告是" +
                                    std::to_string(year) + "年度报告：计划年份应为 " + std::to_string(year) +
                                    " + 1 = " + expected + "年");
    d.fixes.push_back({"改为" + expected, {{y->start, y->end, expected}}, false});
    out.push_back(std::move(d));
  }
}

void signing_date(const report::Document &doc, std::optional<uint32_t> year, std::vector<plugin::Diagnostic> &out) {
  const auto date = report::document_date(doc);
  // Only a date written in the 落款 can be pointed at: metadata lies on page-debris lines.
  if (!date || doc.lines[doc.line_of(date->span.start)].kind != report::LineKind::Signature) return;
  if (year && date->year <= *year)
    out.push_back(make(date->span, REPORTLS_SEVERITY_WARNING, "early",
                       "落款日期" + std::string(doc.str(date->span)) + "早于" + std::to_string(*year) +
                           "年度结束（" + std::to_string(*year) + "年12月31日）：年度报告应在年度结束后成文，"
                           "否则“全年”的工作和数据并不完整"));
  if (date->zero_padded || date->chinese) {
    const std::string fixed = arabic(*date);
    plugin::Diagnostic d = make(date->span, REPORTLS_SEVERITY_WARNING, "format",
                                "成文日期“" + std::string(doc.str(date->span)) + "”应以阿拉伯数字写全年份、月日不编虚位：“" +
                                    fixed + "”（GB/T 9704-2012）");
    d.fixes.push_back({"改为“" + fixed + "”", {{date->span.start, date->span.end, fixed}}, true});
    out.push_back(std::move(d));
  }
}

// The earliest relative time word of a paragraph (the longest at that position).
std::optional<Span> first_relative(std::string_view text, Span line, const Tables &t) {
  const std::string_view s = line.in(text);
  std::optional<Span> best;
  for (const std::string &w : t.relative) {  // longest first
    const size_t at = s.find(w);
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
  signing_date(doc, report_year, out);
  if (report_year) relative(doc, t, *report_year, out, cancelled);
  std::stable_sort(out.begin(), out.end(),
                   [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
  return out;
}

}  // namespace reportls::dates
