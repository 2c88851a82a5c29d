#include <reportls/figures/quantity.h>

namespace reportls::figures {

namespace {

using report::next_code_point;
using report::prev_code_point;

int digit_value(char32_t c) { return c >= U'０' && c <= U'９' ? int(c - U'０') : int(c - U'0'); }

bool is_latin(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

char32_t peek(std::string_view text, uint32_t i, uint32_t end) {
  if (i >= end) return 0;
  return next_code_point(text.substr(0, end), i);
}
char32_t before(std::string_view text, uint32_t i, uint32_t start) {
  if (i <= start) return 0;
  return prev_code_point(text, i);
}

// Reads digits at i (thousands groups and one decimal point allowed); fills value and returns
// the end, or i when no digit is there.  At most 15 significant digits are kept exact.
uint32_t read_arabic(std::string_view text, uint32_t i, uint32_t end, Quantity &q) {
  uint32_t j = i;
  int64_t units = 0;
  int scale = 0, count = 0;
  bool fraction = false;
  while (j < end) {
    uint32_t k = j;
    const char32_t c = next_code_point(text.substr(0, end), k);
    if (is_digit(c)) {
      if (count < 15) units = units * 10 + digit_value(c), scale += fraction, ++count;
      j = k;
      continue;
    }
    const bool point = c == '.' || c == U'．';
    const bool comma = c == ',' || c == U'，';
    if ((point && !fraction) || (comma && !fraction)) {
      // A point or separator belongs to the number only when digits follow (1.政务 is an
      // ordinal, `21件,成功` a comma); a separator needs exactly three digits after it.
      uint32_t m = k, n = 0;
      while (m < end) {
        uint32_t t = m;
        if (!is_digit(next_code_point(text.substr(0, end), t))) break;
        m = t, ++n;
      }
      if (n == 0 || (comma && n != 3)) break;
      if (point) fraction = true;
      else q.grouped = true;
      j = k;
      continue;
    }
    break;
  }
  q.value = {units, scale};
  return j;
}

// A multiplier (万/亿) at text[j..]: its length in bytes, and scales q.value.  A figure too large
// to scale (beyond 9.2 × 10^18) is no report figure: the multiplier is left unread.
uint32_t read_multiplier(std::string_view rest, const Data &data, Quantity &q) {
  for (const auto &[word, factor] : data.multipliers)
    if (rest.starts_with(word)) {
      int64_t scaled = 0;
      if (__builtin_mul_overflow(q.value.units, factor, &scaled)) return 0;
      q.value.units = scaled;
      return static_cast<uint32_t>(word.size());
    }
  return 0;
}

}  // namespace

bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }

std::vector<Quantity> extract(std::string_view text, Span within, const Data &data) {
  std::vector<Quantity> out;
  const uint32_t end = std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()));
  const std::string_view bounded = text.substr(0, end);
  uint32_t i = within.start;
  while (i < end) {
    uint32_t k = i;
    const char32_t c = next_code_point(bounded, k);
    const bool digit = is_digit(c);
    if (!digit && !report::is_chinese_numeral_char(c)) {  // most characters: no figure starts here
      i = k;
      continue;
    }
    const char32_t prev = before(text, i, within.start);
    Quantity q;
    uint32_t j = i;
    if (digit) {
      // Inside a code or a version (IPv6, 5G…) or an ordinal (第3) a digit run is no quantity.
      if (is_latin(prev) || prev == U'第') {
        while (j < end && is_digit(peek(text, j, end))) next_code_point(bounded, j);
        i = j;
        continue;
      }
      j = read_arabic(text, i, end, q);
    } else if (report::is_chinese_numeral_char(c) && prev != U'第' && !report::is_chinese_numeral_char(prev)) {
      if (auto n = report::chinese_numeral_prefix(bounded.substr(i)); n) {
        q.chinese = true;
        q.value = {n->value, 0};
        j = i + n->length;
      }
    }
    if (j == i) {
      i = k;
      continue;
    }
    q.digits = {i, j};
    std::string_view rest = bounded.substr(j);
    if (!q.chinese && (rest.starts_with("%") || rest.starts_with("％"))) {
      q.percent = true;
      q.unit = "%";
      q.family = "%";
      q.unit_span = {j, j + (rest.starts_with("%") ? 1u : 3u)};
      j = q.unit_span.end;
      q.number = {i, j};
    } else {
      j += read_multiplier(rest, data, q);
      q.number = {i, j};
      if (auto a = starts_with_any(bounded.substr(j), data.approx_above); !a.empty()) {
        // 余/多 is a marker only before a measure word (`10余个`, `1929万余元`), never as the
        // start of a word (`3多元化`).
        const uint32_t a_end = j + static_cast<uint32_t>(a.size());
        if (!starts_with_any(bounded.substr(a_end), data.units).empty()) {
          q.above = {j, a_end};
          j = a_end;
        }
      }
      if (auto u = starts_with_any(bounded.substr(j), data.units); !u.empty()) {
        q.unit = std::string(u);
        q.family = std::string(data.family(u));
        q.unit_span = {j, j + static_cast<uint32_t>(u.size())};
        j = q.unit_span.end;
        if (auto a = starts_with_any(bounded.substr(j), data.approx_after_unit); !a.empty()) {
          q.after_unit = {j, j + static_cast<uint32_t>(a.size())};
          j = q.after_unit.end;
        }
      }
    }
    if (q.chinese && (q.unit.empty() || !starts_with_any(bounded.substr(i), data.not_quantities).empty())) {
      i = k;
      continue;
    }
    const std::string_view head = text.substr(within.start, i - within.start);
    if (auto b = ends_with_any(head, data.approx_below); !b.empty())
      q.below = {i - static_cast<uint32_t>(b.size()), i};
    else if (auto b2 = ends_with_any(head, data.approx_about); !b2.empty())
      q.about = {i - static_cast<uint32_t>(b2.size()), i};
    q.span = {!q.below.empty() ? q.below.start : !q.about.empty() ? q.about.start : i, j};
    out.push_back(std::move(q));
    i = j;
  }
  return out;
}

}  // namespace reportls::figures
