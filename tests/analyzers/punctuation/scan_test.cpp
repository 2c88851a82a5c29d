// The width and pairs families look only at the characters that start like one of their marks
// and step over every other byte (for_each_in): on any bytes, ill-formed ones included, they find
// what decoding every character finds.
#include "bundled_tables.h"
#include "rules.h"

#include <reportls/punctuation/punctuation.h>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace report = reportls::report;
namespace punct = reportls::punctuation;

namespace {

bool chinese(char32_t c) {
  return report::is_cjk_ideograph(c) || (c >= 0x2010 && c <= 0x2027) || (c > 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFFEF);
}

// The width family decoding every character: a run of ASCII marks is kept when the character
// before or after it is Chinese.
punct::LineFindings width_decoding_all(std::string_view line, const punct::Marks &marks) {
  punct::LineFindings out;
  char32_t before = 0;
  size_t run = 0;
  for (uint32_t i = 0; i < line.size();) {
    const uint32_t at = i;
    const char32_t c = report::next_code_point(line, i);
    if (c < 0x80 && marks.ascii.contains(c)) {
      out.ascii_marks.push_back(at);
      continue;
    }
    if (c >= 0x80 && marks.fullwidth.contains(c)) ++out.fullwidth_marks;
    if (out.ascii_marks.size() > run && !chinese(before) && !chinese(c)) out.ascii_marks.resize(run);
    run = out.ascii_marks.size();
    before = c;
  }
  if (out.ascii_marks.size() > run && !chinese(before)) out.ascii_marks.resize(run);
  return out;
}

std::string random_line(std::mt19937 &rng) {
  // Marks of both widths, paired marks, ideographs, ASCII letters, a character outside the BMP,
  // and stray or truncated UTF-8 bytes next to all of them.
  static const std::vector<std::string> pieces = {
      ",", "(", ")", ":", ";", "?", "!", "，", "（", "）", "：", "“", "”", "《", "》", "法", "治", "a", "1",
      " ", "𠮷", "\xE6", "\xB3", "\xE6\xB3", "\xEF\xBC", "\xE2\x80", "\xF0\xA0\xAE", "\xC0", "\xFF", "—"};
  std::string s;
  for (size_t n = rng() % 16; n > 0; --n) s += pieces[rng() % pieces.size()];
  return s;
}

}  // namespace

TEST_CASE("the width family finds on any bytes what decoding every character finds") {
  const punct::Marks marks(punctest::bundled());
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    const std::string line = random_line(rng);
    CAPTURE(line);
    punct::LineFindings found;
    punct::find_width(line, marks, found);
    const punct::LineFindings expected = width_decoding_all(line, marks);
    REQUIRE(found.ascii_marks == expected.ascii_marks);
    REQUIRE(found.fullwidth_marks == expected.fullwidth_marks);
  }
  punct::LineFindings found;
  punct::find_width("法治,\xB3,a,法", marks, found);
  CHECK(found.ascii_marks == std::vector<uint32_t>{6, 10});  // the one in `\xB3,a` has no Chinese neighbour
}

TEST_CASE("marks are found on any bytes where decoding every character finds them") {
  const punct::Marks marks(punctest::bundled());
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    const std::string line = random_line(rng);
    CAPTURE(line);
    std::vector<std::tuple<uint32_t, uint32_t, char32_t>> found, expected;
    punct::for_each_in(line, 0, static_cast<uint32_t>(line.size()), marks.paired,
                       [&](uint32_t at, uint32_t end, char32_t c) { found.emplace_back(at, end, c); });
    for (uint32_t i = 0; i < line.size();) {
      const uint32_t at = i;
      const char32_t c = report::next_code_point(line, i);
      if (marks.paired.contains(c)) expected.emplace_back(at, i, c);
    }
    REQUIRE(found == expected);
  }
}
