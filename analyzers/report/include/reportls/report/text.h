// reportls/report/text.h — UTF-8 primitives shared by every report parser.
//
// Positions are byte offsets (uint32_t) into the document text.  Every function here accepts any
// byte sequence: an ill-formed sequence decodes as U+FFFD and advances by at least one byte, so a
// loop over code points always terminates and never reads outside the string_view.
#ifndef REPORTLS_REPORT_TEXT_H
#define REPORTLS_REPORT_TEXT_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reportls::report {

// A half-open byte range [start, end) into a text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  constexpr bool empty() const { return end <= start; }
  constexpr uint32_t size() const { return end > start ? end - start : 0; }
  constexpr bool contains(uint32_t offset) const { return offset >= start && offset < end; }
  // The bytes of this span in text; clamped, so never out of range.
  std::string_view in(std::string_view text) const;
  friend constexpr bool operator==(Span, Span) = default;
};

// Decodes the code point at byte offset i and advances i past it.  At or past the end returns
// U+FFFD without moving past s.size().  Ill-formed bytes give U+FFFD.  Inline for ASCII and for a
// well-formed three-byte sequence led by E1–EC, EE or EF (every CJK character and full-width mark:
// no overlong form or surrogate is led by those): every analyzer walks every character of a report
// with it.
char32_t next_code_point_multibyte(std::string_view s, uint32_t &i);
inline char32_t next_code_point(std::string_view s, uint32_t &i) {
  if (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return static_cast<char32_t>(s[i++]);
    if (((b0 >= 0xE1 && b0 <= 0xEC) || b0 >= 0xEE) && b0 <= 0xEF && s.size() - i >= 3) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        i += 3;
        return (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      }
    }
  }
  return next_code_point_multibyte(s, i);
}
// Steps i back to the start of the previous code point and returns it (U+FFFD when ill-formed).
// Requires i > 0; i never goes below 0.
char32_t prev_code_point(std::string_view s, uint32_t &i);
// Appends the UTF-8 encoding of code point c (a surrogate or a value past U+10FFFF: U+FFFD).
void append_utf8(std::string &out, char32_t c);
// Number of code points in s (ill-formed bytes count as one each).
uint32_t code_point_count(std::string_view s);

// CJK unified ideographs (basic block, extensions A–H, compatibility ideographs) and 〇.
bool is_cjk_ideograph(char32_t c);
// Unicode White_Space (includes U+00A0, U+2002, U+3000) plus U+FEFF, U+200B and C0 controls.
bool is_space_beyond_ascii(char32_t c);
inline bool is_space(char32_t c) {
  if (c < 0x80) return c <= 0x20 || c == 0x7F;
  // No White_Space character lies above U+3000 (CJK text lives there) but these two.
  if (c > 0x3000) return c == 0xFEFF;
  return is_space_beyond_ascii(c);
}
// Span with leading and trailing is_space() code points removed.
Span trim(std::string_view text, Span span);
Span trim_left(std::string_view text, Span span);

// A Chinese numeral read from the start of a string: value and bytes consumed.
struct Numeral {
  uint32_t value = 0;
  uint32_t length = 0;  // bytes
};
// Reads the longest well-formed Chinese numeral at s[0..]: 零/〇, 一…九, 两 (= 2), 十, 十二, 二十,
// 二十三, 一百, 一百零五, 三百二十 (0…999).  "一二" reads only "一".  nullopt if s does not start
// with a numeral.
std::optional<Numeral> chinese_numeral_prefix(std::string_view s);
// Whether c is a Chinese numeral by itself (零/〇, 一…九, 两, 十): exactly the characters a numeral
// read by chinese_numeral_prefix starts with, so a scan can skip every other position cheaply.
bool is_chinese_numeral_char(char32_t c);
// Value of s when the whole of s is one Chinese numeral.
std::optional<uint32_t> chinese_numeral_value(std::string_view s);
// Reads up to max_digits ASCII or full-width (０-９) decimal digits at s[0..].  nullopt if none, or
// if more than max_digits digits follow (so 2022 is not an ordinal when max_digits is 3).
std::optional<Numeral> arabic_number_prefix(std::string_view s, uint32_t max_digits);

// Where word first occurs in s at or after from (npos if nowhere), as s.find(word, from) — but
// with glibc's memmem: string_view::find stops at every byte equal to word's first, and the lead
// byte of a Chinese character is the lead byte of thousands of others, so on Chinese prose it
// compares at almost every character.
size_t find_text(std::string_view s, std::string_view word, size_t from = 0);
inline bool contains_text(std::string_view s, std::string_view word) {
  return find_text(s, word) != std::string_view::npos;
}

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_TEXT_H
