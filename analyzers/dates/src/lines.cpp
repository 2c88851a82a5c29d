// What the dates rules look for inside one line's content, and the memo of it.
#include "rules.h"

#include <algorithm>

namespace reportls::dates {
namespace {

using report::Span;

bool digit(char c) { return c >= '0' && c <= '9'; }

// `20191118` at s[at..]: eight digits read as a plausible date, or nullopt.
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

// The earliest relative time word (the longest at that position).
std::optional<Span> first_relative(std::string_view s, const Tables &t) {
  std::optional<Span> best;
  for (const std::string &w : t.relative) {  // longest first
    const size_t at = report::find_text(s, w);
    if (at != std::string_view::npos && (!best || at < best->start))
      best = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + w.size())};
  }
  return best;
}

// `20251231日`: eight digits, not part of a longer number, before 日.
std::vector<report::Date> compact(std::string_view s) {
  static constexpr std::string_view kDay = "日";
  std::vector<report::Date> out;
  for (size_t at = report::find_text(s, kDay); at != std::string_view::npos;
       at = report::find_text(s, kDay, at + kDay.size())) {
    if (at < 8 || (at > 8 && digit(s[at - 9]))) continue;
    if (auto d = eight_digits(s, static_cast<uint32_t>(at - 8))) {
      d->span.end += static_cast<uint32_t>(kDay.size());
      out.push_back(*d);
    }
  }
  return out;
}

// The date the content holds and nothing else (`2019年11月18日`, `20191118`), or nullopt.
std::optional<report::Date> whole(std::string_view s) {
  const Span all{0, static_cast<uint32_t>(s.size())};
  if (auto d = report::date_spanning(s, all); d && !d->iso) return d;
  if (s.size() != 8) return std::nullopt;
  return eight_digits(s, 0);
}

}  // namespace

LineDates find_in_line(std::string_view content, const Tables &t, std::optional<uint32_t> report_year) {
  LineDates found{first_relative(content, t), compact(content), whole(content), nullptr};
  if (found.relative && report_year) {
    const std::string y = std::to_string(*report_year);
    found.relative_diagnostic = std::make_unique<const plugin::Diagnostic>(
        make(*found.relative, REPORTLS_SEVERITY_INFO, "relative",
             "“" + std::string(found.relative->in(content)) + "”在年度报告中指代不明：报告在" +
                 std::to_string(*report_year + 1) + "年才成文和阅读，宜写明具体时间，如“" + y + "年”“截至" + y +
                 "年12月31日”"));
  }
  return found;
}

TitleDates find_in_title(std::string_view title, const Tables &t) {
  TitleDates out;
  out.plan = std::any_of(t.plan_headings.begin(), t.plan_headings.end(),
                         [&](const std::string &w) { return report::contains_text(title, w); });
  out.year = report::find_year(title, {0, static_cast<uint32_t>(title.size())});
  return out;
}

std::shared_ptr<LineMemo> make_line_memo() { return std::make_shared<LineMemo>(); }

void forget(const Tables &tables, std::string_view document) { tables.memo->lines.forget(document); }

uint64_t lines_checked(const Tables &tables) { return tables.memo->checked; }

}  // namespace reportls::dates
