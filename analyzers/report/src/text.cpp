#include <reportls/report/text.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace reportls::report {

std::string_view Span::in(std::string_view text) const {
  const size_t s = std::min<size_t>(start, text.size());
  const size_t e = std::min<size_t>(std::max(start, end), text.size());
  return text.substr(s, e - s);
}

void append_utf8(std::string &out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  char bytes[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(bytes, n, c);
  out.append(bytes, static_cast<size_t>(n));
}

// ICU's macros index with int32_t; decoding through a window of at most 4 bytes keeps them safe
// for texts up to 4 GiB.
char32_t next_code_point_multibyte(std::string_view s, uint32_t &i) {
  if (i >= s.size()) return 0xFFFD;
  const auto *p = reinterpret_cast<const uint8_t *>(s.data()) + i;
  const int32_t len = static_cast<int32_t>(std::min<size_t>(s.size() - i, 4));
  int32_t j = 0;
  UChar32 c;
  U8_NEXT_OR_FFFD(p, j, len, c);
  i += static_cast<uint32_t>(j);
  return static_cast<char32_t>(c);
}

char32_t prev_code_point(std::string_view s, uint32_t &i) {
  if (i == 0) return 0xFFFD;
  if (i > s.size()) i = static_cast<uint32_t>(s.size());
  const uint32_t base = i > 4 ? i - 4 : 0;
  const auto *p = reinterpret_cast<const uint8_t *>(s.data()) + base;
  int32_t j = static_cast<int32_t>(i - base);
  UChar32 c;
  U8_PREV_OR_FFFD(p, 0, j, c);
  i = base + static_cast<uint32_t>(j);
  return static_cast<char32_t>(c);
}

uint32_t code_point_count(std::string_view s) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < s.size(); ++n) next_code_point(s, i);
  return n;
}

bool is_cjk_ideograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x323AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2F800 && c <= 0x2FA1F) || c == 0x3007;
}

bool is_space_beyond_ascii(char32_t c) {
  return c == 0x200B || u_isUWhiteSpace(static_cast<UChar32>(c));
}

Span trim_left(std::string_view text, Span span) {
  span.end = std::min<uint32_t>(span.end, static_cast<uint32_t>(text.size()));
  span.start = std::min(span.start, span.end);
  while (span.start < span.end) {
    uint32_t j = span.start;
    if (!is_space(next_code_point(text, j))) break;
    span.start = std::min(j, span.end);
  }
  return span;
}

Span trim(std::string_view text, Span span) {
  span = trim_left(text, span);
  while (span.end > span.start) {
    uint32_t j = span.end;
    if (!is_space(prev_code_point(text, j))) break;
    span.end = std::max(j, span.start);
  }
  return span;
}

namespace {
// Digit value of a Chinese numeral character, -1 otherwise.
int chinese_digit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
}  // namespace

// Grammar: [d 百 [零 d]] [[d] 十] [d] | 零.  Reads greedily and stops before the first character
// that does not fit, so the caller sees what follows the numeral ("一二" reads "一").
std::optional<Numeral> chinese_numeral_prefix(std::string_view s) {
  constexpr int kTen = -2, kHundred = -3;
  struct Tok {
    int digit;
    uint32_t end;
  } t[6];
  int n = 0;
  for (uint32_t i = 0; n < 6 && i < s.size();) {
    uint32_t j = i;
    const char32_t c = next_code_point(s, j);
    const int d = c == U'十' ? kTen : c == U'百' ? kHundred : chinese_digit(c);
    if (d == -1) break;
    t[n++] = {d, j};
    i = j;
  }
  if (n == 0) return std::nullopt;
  if (t[0].digit == 0) return Numeral{0, t[0].end};
  std::optional<Numeral> best;
  uint32_t value = 0;
  int k = 0;
  auto accept = [&] { best = Numeral{value, t[k - 1].end}; };
  if (k + 1 < n && t[k].digit > 0 && t[k + 1].digit == kHundred) {
    value = static_cast<uint32_t>(t[k].digit) * 100;
    k += 2;
    accept();
    if (k < n && t[k].digit == 0) {  // 一百零五: 零 must be followed by a digit
      if (k + 1 < n && t[k + 1].digit > 0) {
        value += static_cast<uint32_t>(t[k + 1].digit);
        k += 2;
        accept();
      }
      return best;
    }
  }
  if (k < n && t[k].digit == kTen) {
    value += 10;
    ++k;
    accept();
  } else if (k + 1 < n && t[k].digit > 0 && t[k + 1].digit == kTen) {
    value += static_cast<uint32_t>(t[k].digit) * 10;
    k += 2;
    accept();
  }
  if (k < n && t[k].digit > 0) {
    value += static_cast<uint32_t>(t[k].digit);
    ++k;
    accept();
  }
  return best;
}

bool is_chinese_numeral_char(char32_t c) { return c == U'十' || chinese_digit(c) != -1; }

std::optional<uint32_t> chinese_numeral_value(std::string_view s) {
  auto n = chinese_numeral_prefix(s);
  if (!n || n->length != s.size()) return std::nullopt;
  return n->value;
}

std::optional<Numeral> arabic_number_prefix(std::string_view s, uint32_t max_digits) {
  uint32_t i = 0, value = 0, digits = 0;
  while (i < s.size()) {
    uint32_t j = i;
    char32_t c = next_code_point(s, j);
    int d = c >= U'0' && c <= U'9' ? int(c - U'0') : c >= 0xFF10 && c <= 0xFF19 ? int(c - 0xFF10) : -1;
    if (d < 0) break;
    if (++digits > max_digits) return std::nullopt;
    value = value * 10 + static_cast<uint32_t>(d);
    i = j;
  }
  if (digits == 0) return std::nullopt;
  return Numeral{value, i};
}

size_t find_text(std::string_view s, std::string_view word, size_t from) {
  if (from > s.size()) return std::string_view::npos;
  if (word.empty()) return from;
  // memmem sets up a two-way search per call: on a short text (a label, a clause) looking for the
  // first byte and comparing is faster.
  if (s.size() - from < 256) return s.find(word, from);
  const void *at = memmem(s.data() + from, s.size() - from, word.data(), word.size());
  return at ? static_cast<size_t>(static_cast<const char *>(at) - s.data()) : std::string_view::npos;
}

}  // namespace reportls::report
