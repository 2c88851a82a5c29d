#include <reportls/report/report_year.h>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace reportls::report {
namespace {

bool plausible_year(uint32_t y) { return y >= 1949 && y <= 2100; }

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n ASCII digits at s[i..]; advances i.
std::optional<uint32_t> digits(std::string_view s, uint32_t &i, uint32_t min_n, uint32_t max_n,
                               bool *padded = nullptr) {
  uint32_t n = 0, v = 0;
  const uint32_t start = i;
  while (i < s.size() && n < max_n && ascii_digit(s[i])) v = v * 10 + (s[i++] - '0'), ++n;
  if (n < min_n || (i < s.size() && ascii_digit(s[i]))) return i = start, std::nullopt;
  if (padded && n > 1 && s[start] == '0') *padded = true;
  return v;
}

bool eat(std::string_view s, uint32_t &i, std::string_view lit) {
  if (s.substr(i, lit.size()) != lit) return false;
  i += static_cast<uint32_t>(lit.size());
  return true;
}

// `二〇二四`: four Chinese digits read digit by digit.
std::optional<uint32_t> chinese_year(std::string_view s, uint32_t &i) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  uint32_t v = 0, j = i;
  for (int n = 0; n < 4; ++n) {
    char32_t c = next_code_point(s, j);
    if (c == U'零' || c == U'○' || c == U'O') c = U'〇';
    const size_t d = kDigits.find(c);
    if (d == std::u32string_view::npos) return std::nullopt;
    v = v * 10 + static_cast<uint32_t>(d);
  }
  i = j;
  return v;
}

std::optional<uint32_t> chinese_small(std::string_view s, uint32_t &i) {
  const auto n = chinese_numeral_prefix(s.substr(i));
  if (!n) return std::nullopt;
  i += n->length;
  return n->value;
}

std::optional<Date> date_at(std::string_view s, uint32_t at) {
  Date d;
  uint32_t i = at;
  if (auto y = digits(s, i, 4, 4)) {
    d.year = *y;
    if (eat(s, i, "-")) {
      d.iso = true;
      auto m = digits(s, i, 1, 2, &d.zero_padded);
      if (!m || !eat(s, i, "-")) return std::nullopt;
      auto dd = digits(s, i, 1, 2, &d.zero_padded);
      if (!dd) return std::nullopt;
      d.month = *m, d.day = *dd;
    } else {
      if (!eat(s, i, "年")) return std::nullopt;
      auto m = digits(s, i, 1, 2, &d.zero_padded);
      if (!m || !eat(s, i, "月")) return std::nullopt;
      auto dd = digits(s, i, 1, 2, &d.zero_padded);
      if (!dd || !eat(s, i, "日")) return std::nullopt;
      d.month = *m, d.day = *dd;
    }
  } else if (auto cy = chinese_year(s, i)) {
    d.year = *cy, d.chinese = true;
    if (!eat(s, i, "年")) return std::nullopt;
    auto m = chinese_small(s, i);
    if (!m || !eat(s, i, "月")) return std::nullopt;
    auto dd = chinese_small(s, i);
    if (!dd || !eat(s, i, "日")) return std::nullopt;
    d.month = *m, d.day = *dd;
  } else {
    return std::nullopt;
  }
  if (!plausible_year(d.year) || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
    return std::nullopt;
  d.span = {at, i};
  return d;
}

std::optional<uint32_t> first_year(std::string_view text, Span within) {
  const auto span = find_year(text, within);
  if (!span) return std::nullopt;
  uint32_t i = 0;
  return digits(span->in(text), i, 4, 4);
}

// A whole calendar year given as the period a text covers, `2022年1月1日至2022年12月31日` (the
// statistics period every 政府信息公开工作年度报告 states; 自…起至…止, and 至12月31日 with the year
// left out, too): that year.  The two dates are a few characters apart at most, so that two dates
// of one sentence are not taken for a period.
std::optional<uint32_t> whole_year_period(std::string_view text, Span within) {
  constexpr uint32_t kMaxJoiner = 12;  // bytes between the dates: 至, 起至, 起，至, —, ～
  constexpr std::string_view kLastDay = "12月31日";
  // Each date is found once: the date after `from` is the candidate end and, next, the next `from`.
  std::optional<Date> to;
  for (auto from = find_date(text, within); from; from = to) {
    to = find_date(text, {from->span.end, within.end});
    if (from->month != 1 || from->day != 1) continue;
    const uint32_t joiner_end = std::min(within.end, from->span.end + kMaxJoiner);
    if (to && to->span.start <= joiner_end && to->year == from->year && to->month == 12 && to->day == 31)
      return from->year;
    // The month and day alone: not the tail of a date of its own (2023年12月31日, 112月31日).
    const std::string_view near = Span{from->span.end, std::min(within.end, joiner_end + uint32_t{kLastDay.size()})}.in(text);
    const size_t at = near.find(kLastDay);
    if (at != std::string_view::npos && !(at > 0 && ascii_digit(near[at - 1])) &&
        !(at >= 3 && near.substr(at - 3, 3) == "年"))
      return from->year;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Span> find_year(std::string_view text, Span within) {
  const std::string_view s = within.in(text);
  for (uint32_t i = 0; i + 4 < s.size(); ++i) {
    if (i > 0 && ascii_digit(s[i - 1])) continue;
    uint32_t j = i;
    const auto y = digits(s, j, 4, 4);
    if (y && eat(s, j, "年") && plausible_year(*y)) return Span{within.start + i, within.start + i + 4};
  }
  return std::nullopt;
}

std::optional<Date> find_date(std::string_view text, Span within) {
  const std::string_view s = within.in(text);
  for (uint32_t i = 0; i < s.size();) {
    const bool boundary = i == 0 || !ascii_digit(s[i - 1]);
    if (boundary) {
      if (auto d = date_at(s, i)) {
        d->span = {d->span.start + within.start, d->span.end + within.start};
        return d;
      }
    }
    next_code_point(s, i);
  }
  return std::nullopt;
}

std::optional<Date> date_spanning(std::string_view text, Span within) {
  // find_date tries the start first: a date there is its answer, any other starts later.
  auto d = date_at(within.in(text), 0);
  if (!d || d->span.end != within.size()) return std::nullopt;
  d->span = within;
  return d;
}

std::optional<Date> document_date(const Document &doc) {
  for (size_t i = doc.lines.size(); i-- > 0;) {
    if (doc.lines[i].kind != LineKind::Signature) continue;
    if (auto d = find_date(doc.text, doc.lines[i].content)) return d;
  }
  for (const char *key : {"成文日期", "发布日期"})
    for (const MetaField &f : doc.metadata)
      if (f.key == key)
        if (auto d = find_date(doc.text, f.value)) return d;
  return std::nullopt;
}

std::optional<uint32_t> report_year(const Document &doc, std::string_view settings_json) {
  const auto settings = nlohmann::json::parse(settings_json, nullptr, false);
  if (settings.is_object() && settings.contains("reportYear") &&
      settings["reportYear"].is_number_integer()) {
    const auto y = settings["reportYear"].get<int64_t>();
    if (y >= 1949 && y <= 2100) return static_cast<uint32_t>(y);
  }
  if (doc.title)
    if (auto y = first_year(doc.text, doc.title->text)) return y;
  for (const Line &line : doc.lines) {
    if (line.kind == LineKind::Heading) break;
    if (line.kind == LineKind::Body)
      if (auto y = first_year(doc.text, line.content)) return y;
  }
  size_t headings = 0;
  for (const Line &line : doc.lines) {
    if (line.kind == LineKind::Heading && ++headings > 1) break;
    if (line.kind == LineKind::Body)
      if (auto y = whole_year_period(doc.text, line.content)) return y;
  }
  if (auto d = document_date(doc)) return d->month <= 6 ? d->year - 1 : d->year;
  return std::nullopt;
}

}  // namespace reportls::report
