// UTF-8 helpers, Chinese numerals and sentence splitting.
#include <reportls/report/sentences.h>
#include <reportls/report/text.h>

#include <doctest/doctest.h>

#include <string>

using namespace reportls::report;

namespace {
std::string str(std::string_view text, Span s) { return std::string(s.in(text)); }
Span all(std::string_view s) { return Span{0, static_cast<uint32_t>(s.size())}; }
}  // namespace

TEST_CASE("next_code_point decodes 1-4 byte sequences and survives invalid bytes") {
  const std::string s = "a中𠮷😀";
  uint32_t i = 0;
  CHECK(next_code_point(s, i) == U'a');
  CHECK(i == 1);
  CHECK(next_code_point(s, i) == U'中');
  CHECK(next_code_point(s, i) == U'𠮷');
  CHECK(next_code_point(s, i) == U'😀');
  CHECK(i == s.size());
  CHECK(next_code_point(s, i) == 0xFFFD);
  CHECK(i == s.size());

  const std::string bad = "\xE4\xB8\xff\x80\xC0";  // truncated 中, stray bytes
  uint32_t n = 0;
  for (uint32_t j = 0; j < bad.size(); ++n) {
    const uint32_t before = j;
    CHECK(next_code_point(bad, j) == 0xFFFD);
    CHECK(j > before);
  }
  CHECK(n <= bad.size());
  const std::string truncated = "中\xE4\xB8";  // 3-byte lead at the very end
  uint32_t j = 3;
  CHECK(next_code_point(truncated, j) == 0xFFFD);
  CHECK(j <= truncated.size());
}

TEST_CASE("the inline three-byte path reads every lead, continuation and end exactly as ICU does") {
  // next_code_point_multibyte is ICU's U8_NEXT_OR_FFFD; every three bytes led by E0–EF, whole and cut
  // short, must give the same code point and the same advance through the inline path.
  std::string s(3, '\0');
  size_t compared = 0;
  for (unsigned lead = 0xE0; lead <= 0xEF; ++lead)
    for (unsigned b1 = 0; b1 < 256; ++b1)
      for (unsigned b2 = 0; b2 < 256; b2 += (b2 >= 0x7E && b2 <= 0xC1) ? 1 : 15) {
        s[0] = static_cast<char>(lead), s[1] = static_cast<char>(b1), s[2] = static_cast<char>(b2);
        for (size_t length : {size_t{3}, size_t{2}}) {
          const std::string_view text(s.data(), length);
          uint32_t fast = 0, icu = 0;
          const char32_t a = next_code_point(text, fast), b = next_code_point_multibyte(text, icu);
          ++compared;
          if (a != b || fast != icu) {
            CAPTURE(lead);
            CAPTURE(b1);
            CAPTURE(b2);
            CAPTURE(length);
            REQUIRE(a == b);
            REQUIRE(fast == icu);
          }
        }
      }
  CHECK(compared > 100000);
}

TEST_CASE("prev_code_point steps back over whole characters") {
  const std::string s = "中𠮷a";
  uint32_t i = static_cast<uint32_t>(s.size());
  CHECK(prev_code_point(s, i) == U'a');
  CHECK(prev_code_point(s, i) == U'𠮷');
  CHECK(prev_code_point(s, i) == U'中');
  CHECK(i == 0);
  CHECK(prev_code_point(s, i) == 0xFFFD);
  CHECK(i == 0);
}

TEST_CASE("is_cjk_ideograph and is_space") {
  CHECK(is_cjk_ideograph(U'法'));
  CHECK(is_cjk_ideograph(U'𠮷'));
  CHECK(is_cjk_ideograph(U'〇'));
  CHECK_FALSE(is_cjk_ideograph(U'、'));
  CHECK_FALSE(is_cjk_ideograph(U'a'));
  CHECK_FALSE(is_cjk_ideograph(U'😀'));
  for (char32_t c : {U' ', U'\t', U'\u00A0', U'\u2002', U'\u3000', U'\uFEFF', U'\u200B'}) {
    CAPTURE(static_cast<uint32_t>(c));
    CHECK(is_space(c));
  }
  CHECK_FALSE(is_space(U'中'));
  CHECK_FALSE(is_space(U'□'));
}

TEST_CASE("trim removes NBSP, EN SPACE, ideographic space and BOM on both sides") {
  const std::string s = "\uFEFF\u00A0\u2002\u3000 一、标题 \u3000\u00A0";
  CHECK(str(s, trim(s, all(s))) == "一、标题");
  CHECK(str(s, trim_left(s, all(s))) == "一、标题 \u3000\u00A0");
  const std::string blank = "\u2002\u2002 \t";
  CHECK(trim(blank, all(blank)).empty());
  CHECK(trim("", Span{}).empty());
  const std::string emoji = " 😀 ";
  CHECK(str(emoji, trim(emoji, all(emoji))) == "😀");
  // Out-of-range spans are clamped.
  CHECK(trim("ab", Span{1, 99}) == Span{1, 2});
}

TEST_CASE("Chinese numerals") {
  CHECK(chinese_numeral_value("一") == 1u);
  CHECK(chinese_numeral_value("九") == 9u);
  CHECK(chinese_numeral_value("十") == 10u);
  CHECK(chinese_numeral_value("十二") == 12u);
  CHECK(chinese_numeral_value("二十") == 20u);
  CHECK(chinese_numeral_value("二十三") == 23u);
  CHECK(chinese_numeral_value("两") == 2u);
  CHECK(chinese_numeral_value("零") == 0u);
  CHECK(chinese_numeral_value("〇") == 0u);
  CHECK(chinese_numeral_value("一百") == 100u);
  CHECK(chinese_numeral_value("一百零五") == 105u);
  CHECK(chinese_numeral_value("三百二十一") == 321u);
  CHECK_FALSE(chinese_numeral_value("一二"));
  CHECK_FALSE(chinese_numeral_value("是"));
  CHECK_FALSE(chinese_numeral_value(""));
  auto p = chinese_numeral_prefix("十一是");
  REQUIRE(p);
  CHECK(p->value == 11u);
  CHECK(p->length == 6u);
  CHECK_FALSE(chinese_numeral_prefix("abc"));
  CHECK_FALSE(chinese_numeral_prefix("\xE4"));
}

TEST_CASE("Arabic number prefix") {
  auto n = arabic_number_prefix("12.", 3);
  REQUIRE(n);
  CHECK(n->value == 12u);
  CHECK(n->length == 2u);
  CHECK_FALSE(arabic_number_prefix("2022年", 3));
  CHECK(arabic_number_prefix("１２", 3)->value == 12u);
  CHECK_FALSE(arabic_number_prefix("x1", 3));
}

TEST_CASE("split_sentences") {
  const std::string s = "一是完善机构。二是“健全制度。”三是加强保障!最后;没有句号";
  auto v = split_sentences(s, all(s));
  REQUIRE(v.size() == 4);
  CHECK(str(s, v[0]) == "一是完善机构。");
  CHECK(str(s, v[1]) == "二是“健全制度。”");
  CHECK(str(s, v[2]) == "三是加强保障!");
  CHECK(str(s, v[3]) == "最后;没有句号");
  auto w = split_sentences(s, all(s), true);
  CHECK(w.size() == 5);
  CHECK(split_sentences("", Span{}).empty());
  CHECK(split_sentences("。。。", Span{0, 9}).size() == 1);
  const std::string lines = "第一行\r\n第二行。";
  CHECK(split_sentences(lines, all(lines)).size() == 2);
}
