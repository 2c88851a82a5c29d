// The 落款 dates and dates written as eight digits.
#include "rules.h"

#include <reportls/report/report_year.h>

#include <algorithm>

namespace reportls::dates {
namespace {

using report::Span;

bool digit(char c) { return c >= '0' && c <= '9'; }

// `20191118`: eight digits read as a plausible date, or nullopt.
std::optional<report::Date> eight_digits(std::string_view s, uint32_t at) {
  if (at + 8 > s.size() || !std::all_of(s.begin() + at, s.begin() + at + 8, digit)) return std::nullopt;
  auto num = [&](uint32_t from, uint32_t n) {
    uint32_t v = 0;
    for (uint32_t i = from; i < from + n; ++i) v = v * 10 + static_cast<uint32_t>(s[i] - '0');
    return v;
  };
  report::Date d;
  d.year = num(at, 4), d.month = num(at + 4, 2), d.day = num(at + 6, 2);
  if (d.year < 1949 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
    return std::nullopt;
  d.span = {at, at + 8};
  return d;
}

// The date a line holds and nothing else (`2019年11月18日`, `20191118`), or nullopt.
std::optional<report::Date> date_line(std::string_view text, Span content) {
  if (auto d = report::find_date(text, content); d && d->span == content && !d->iso) return d;
  if (content.end - content.start != 8) return std::nullopt;
  return eight_digits(text, content.start);
}

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

void signing_dates(const report::Document &doc, std::optional<uint32_t> report_year,
                   std::vector<plugin::Diagnostic> &out) {
  std::vector<report::Date> dates;
  // Only a date written in the 落款 can be pointed at: metadata lies on page-debris lines.
  if (const auto date = report::document_date(doc);
      date && doc.lines[doc.line_of(date->span.start)].kind == report::LineKind::Signature)
    dates.push_back(*date);
  const bool stated = stated_year(doc, report_year).has_value();
  for (const report::Line &line : doc.lines)
    if (line.kind == report::LineKind::Signature ||
        (stated && (line.kind == report::LineKind::Body || line.kind == report::LineKind::Front)))
      if (auto d = date_line(doc.text, line.content))
        if (std::none_of(dates.begin(), dates.end(), [&](const report::Date &x) { return x.span == d->span; }))
          dates.push_back(*d);
  for (const report::Date &date : dates) {
    if (report_year) early(doc, date, *report_year, out);
    format(doc, date, out);
  }
}

void compact_dates(const report::Document &doc, std::vector<plugin::Diagnostic> &out,
                   const std::function<bool()> &cancelled) {
  static constexpr std::string_view kDay = "日";
  for (const report::Line &line : doc.lines) {
    if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading) continue;
    if (cancelled()) return;
    const std::string_view s = doc.str(line.content);
    for (size_t at = s.find(kDay); at != std::string_view::npos; at = s.find(kDay, at + kDay.size())) {
      if (at < 8 || (at > 8 && digit(s[at - 9]))) continue;
      const auto offset = static_cast<uint32_t>(line.content.start + at - 8);
      if (auto d = eight_digits(doc.text, offset)) {
        d->span.end += static_cast<uint32_t>(kDay.size());
        format(doc, *d, out);
      }
    }
  }
}

}  // namespace reportls::dates
