// The 落款 dates and dates written as eight digits.
#include "rules.h"

#include <reportls/report/report_year.h>

#include <algorithm>

namespace reportls::dates {
namespace {

std::string arabic(const report::Date &d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

bool eight_digit_form(const report::Date &d, std::string_view text) {
  const std::string_view s = d.span.in(text);
  return s.find("年") == std::string_view::npos && s.find('-') == std::string_view::npos;
}

void early(const report::Document &doc, const report::Date &date, uint32_t year, std::vector<plugin::Diagnostic> &out) {
  if (date.year > year) return;
  out.push_back(make(date.span, REPORTLS_SEVERITY_WARNING, "early",
                     "落款日期" + std::string(doc.str(date.span)) + "早于" + std::to_string(year) +
                         "年度结束（" + std::to_string(year) + "年12月31日）：年度报告应在年度结束后成文，"
                         "否则“全年”的工作和数据并不完整"));
}

void format(const report::Document &doc, const report::Date &date, std::vector<plugin::Diagnostic> &out) {
  const bool eight = eight_digit_form(date, doc.text);
  if (!date.zero_padded && !date.chinese && !eight) return;
  const std::string written(doc.str(date.span)), fixed = arabic(date);
  const std::string message =
      eight ? "日期“" + written + "”写成了一串数字，年、月、日没有分开：应写作“" + fixed + "”"
            : "成文日期“" + written + "”应以阿拉伯数字写全年份、月日不编虚位：“" + fixed + "”（GB/T 9704-2012）";
  plugin::Diagnostic d = make(date.span, REPORTLS_SEVERITY_WARNING, "format", message);
  d.fixes.push_back({"改为“" + fixed + "”", {{date.span.start, date.span.end, fixed}}, true});
  out.push_back(std::move(d));
}

}  // namespace

std::optional<uint32_t> stated_year(const report::Document &doc, std::optional<uint32_t> report_year) {
  if (!doc.title || !report_year) return std::nullopt;
  const auto y = report::find_year(doc.text, doc.title->text);
  if (!y || doc.str(*y) != std::to_string(*report_year)) return std::nullopt;
  return report_year;
}

void signing_dates(const report::Document &doc, const Found &found, std::optional<uint32_t> report_year,
                   std::vector<plugin::Diagnostic> &out) {
  std::vector<report::Date> dates;
  // Only a date written in the 落款 can be pointed at: metadata lies on page-debris lines.
  if (const auto date = report::document_date(doc);
      date && doc.lines[doc.line_of(date->span.start)].kind == report::LineKind::Signature)
    dates.push_back(*date);
  const bool stated = stated_year(doc, report_year).has_value();
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const report::Line &line = doc.lines[i];
    if (line.kind == report::LineKind::Signature ||
        (stated && (line.kind == report::LineKind::Body || line.kind == report::LineKind::Front)))
      if (found.lines[i] && found.lines[i]->whole) {
        report::Date d = *found.lines[i]->whole;
        d.span = shifted(d.span, line.content.start);
        if (std::none_of(dates.begin(), dates.end(), [&](const report::Date &x) { return x.span == d.span; }))
          dates.push_back(d);
      }
  }
  for (const report::Date &date : dates) {
    if (report_year) early(doc, date, *report_year, out);
    format(doc, date, out);
  }
}

void compact_dates(const report::Document &doc, const Found &found, std::vector<plugin::Diagnostic> &out) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const report::Line &line = doc.lines[i];
    if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading) continue;
    for (report::Date d : found.lines[i]->compact) {
      d.span = shifted(d.span, line.content.start);
      format(doc, d, out);
    }
  }
}

}  // namespace reportls::dates
