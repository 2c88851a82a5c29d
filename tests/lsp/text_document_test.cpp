// TextDocument: snapshots, incremental sync, UTF-8 repair.
#include "lsp/engine/text_document.h"

#include <doctest/doctest.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

using reportls::lsp::Position;
using reportls::lsp::PositionEncoding;
using reportls::lsp::Range;
using reportls::lsp::sanitize_utf8;
using reportls::lsp::TextChange;
using reportls::lsp::TextDocument;

namespace {

constexpr auto U16 = PositionEncoding::Utf16;
constexpr auto U8 = PositionEncoding::Utf8;

TextChange edit(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2, std::string text) {
  return {Range{{l1, c1}, {l2, c2}}, std::move(text)};
}

std::string apply(const std::string& initial, std::vector<TextChange> changes,
                  PositionEncoding e = U16) {
  TextDocument doc("file:///r.md", "markdown", 1, initial);
  return doc.apply(2, changes, e)->text();
}

// --- reference model, built on ICU conversions rather than on LineIndex -------------------

std::u16string to_u16(std::string_view s) {  // ill-formed input -> U+FFFD per maximal subpart
  std::u16string out(s.size() + 1, u'\0');
  int32_t len = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len, s.data(),
                       static_cast<int32_t>(s.size()), 0xFFFD, nullptr, &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(len));
  return out;
}

std::string to_u8(std::u16string_view s) {
  std::string out(s.size() * 3 + 1, '\0');
  int32_t len = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len, s.data(),
              static_cast<int32_t>(s.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(len));
  return out;
}

/// [start, end-of-content) of each line, for any string of code units, with LSP terminators.
template <class Str>
std::vector<std::pair<size_t, size_t>> model_lines(const Str& s) {
  std::vector<std::pair<size_t, size_t>> lines;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') {
      lines.emplace_back(start, i);
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  lines.emplace_back(start, s.size());
  return lines;
}

/// LSP clamping in code units of `s`, then snapping back to a code point start.
template <class Str>
size_t model_offset(const Str& s, Position p) {
  const auto lines = model_lines(s);
  if (p.line >= lines.size()) return s.size();
  auto [start, end] = lines[p.line];
  size_t o = std::min<size_t>(start + p.character, end);
  if constexpr (sizeof(s[0]) == 2) {
    if (o > start && (s[o] & 0xFC00) == 0xDC00 && (s[o - 1] & 0xFC00) == 0xD800) --o;
  } else {
    while (o > start && (static_cast<unsigned char>(s[o]) & 0xC0) == 0x80) --o;
  }
  return o;
}

template <class Str>
void model_apply(Str& s, const TextChange& c, const Str& insert) {
  if (!c.range) {
    s = insert;
    return;
  }
  const size_t a = model_offset(s, c.range->start);
  const size_t b = std::max(a, model_offset(s, c.range->end));
  s.replace(a, b - a, insert);
}

}  // namespace

TEST_CASE("constructor keeps metadata and indexes the text") {
  TextDocument doc("file:///a.md", "markdown", 7, "标题\n正文");
  CHECK(doc.uri() == "file:///a.md");
  CHECK(doc.language_id() == "markdown");
  CHECK(doc.version() == 7);
  CHECK(doc.text() == "标题\n正文");
  CHECK(doc.lines().line_count() == 2);
  CHECK(doc.lines().offset({1, 1}, U16) == 10);
}

TEST_CASE("incremental edits") {
  SUBCASE("insert at the start and at the end") {
    CHECK(apply("正文", {edit(0, 0, 0, 0, "一、")}) == "一、正文");
    CHECK(apply("正文", {edit(0, 2, 0, 2, "。")}) == "正文。");
    CHECK(apply("正文\n", {edit(1, 0, 1, 0, "末")}) == "正文\n末");
  }
  SUBCASE("delete inside a line") {
    CHECK(apply("关于某某的报告", {edit(0, 2, 0, 4, "")}) == "关于的报告");
  }
  SUBCASE("replace across lines") {
    CHECK(apply("第一行\n第二行\n第三行", {edit(0, 2, 2, 1, "X")}) == "第一X三行");
  }
  SUBCASE("delete everything") {
    CHECK(apply("a\nb\nc", {edit(0, 0, 2, 1, "")}) == "");
  }
  SUBCASE("non-BMP characters count two UTF-16 units") {
    CHECK(apply("a\U00020BB7b", {edit(0, 3, 0, 3, "!")}) == "a\U00020BB7!b");
    CHECK(apply("a\U00020BB7b", {edit(0, 1, 0, 3, "吉")}) == "a吉b");
    CHECK(apply("😀😀", {edit(0, 2, 0, 4, "")}) == "😀");
    // The same edit in UTF-8 counts bytes.
    CHECK(apply("a\U00020BB7b", {edit(0, 1, 0, 5, "吉")}, U8) == "a吉b");
  }
  SUBCASE("a range cutting a surrogate pair never splits the character") {
    // Start inside 𠮷 snaps to its start, so the whole character goes.
    CHECK(apply("a\U00020BB7b", {edit(0, 2, 0, 4, "")}) == "a");
    // End inside 𠮷 snaps to its start too: the character stays.
    CHECK(apply("a\U00020BB7b", {edit(0, 0, 0, 2, "")}) == "\U00020BB7b");
  }
  SUBCASE("CRLF text") {
    CHECK(apply("甲\r\n乙\r\n", {edit(1, 0, 1, 1, "丙")}) == "甲\r\n丙\r\n");
    CHECK(apply("甲\r\n乙", {edit(0, 1, 1, 0, "")}) == "甲乙");  // joins the lines
    CHECK(apply("甲\r\n乙", {edit(0, 99, 0, 99, "!")}) == "甲!\r\n乙");  // before the \r
    CHECK(apply("a\rb", {edit(1, 0, 1, 1, "c")}) == "a\rc");
  }
  SUBCASE("several changes apply in order, each in the previous result's coordinates") {
    CHECK(apply("abc", {edit(0, 0, 0, 0, "1\n"), edit(1, 3, 1, 3, "2"), edit(0, 0, 0, 1, "")}) ==
          "\nabc2");
  }
}

TEST_CASE("full replacement and mixing with ranged changes") {
  TextDocument doc("file:///a.md", "markdown", 1, "旧文本");
  auto next = doc.apply(5, {TextChange{std::nullopt, "新\n文本"}}, U16);
  CHECK(next->text() == "新\n文本");
  CHECK(next->version() == 5);
  CHECK(next->lines().line_count() == 2);
  CHECK(next->uri() == "file:///a.md");
  CHECK(doc.text() == "旧文本");  // the old snapshot is untouched
  CHECK(doc.version() == 1);
  auto mixed = doc.apply(6, {TextChange{std::nullopt, "abc"}, edit(0, 1, 0, 2, "X")}, U16);
  CHECK(mixed->text() == "aXc");
}

TEST_CASE("out-of-range and inverted ranges are clamped, never thrown on") {
  CHECK(apply("ab\ncd", {edit(9, 9, 9, 9, "!")}) == "ab\ncd!");
  CHECK(apply("ab\ncd", {edit(0, 9, 0, 9, "!")}) == "ab!\ncd");
  CHECK(apply("ab\ncd", {edit(0, 1, 99, 0, "")}) == "a");
  CHECK(apply("ab\ncd", {edit(1, 1, 0, 1, "!")}) == "ab\nc!d");  // end before start: insert only
  CHECK(apply("", {edit(3, 3, 1, 1, "x")}) == "x");
  CHECK(apply("ab", {edit(0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, "")}) == "ab");
}

TEST_CASE("valid_utf8_prefix ends where ICU finds the first ill-formed sequence") {
  // The reference: ICU's U8_NEXT, one sequence at a time.
  auto reference = [](std::string_view text) {
    const auto *s = reinterpret_cast<const uint8_t *>(text.data());
    for (size_t i = 0; i < text.size();) {
      const size_t start = i;
      UChar32 c;
      U8_NEXT(s, i, text.size(), c);
      if (c < 0) return start;
    }
    return text.size();
  };
  std::mt19937 rng(5);
  // ASCII runs long enough for the eight-byte path, Chinese, every lead byte, continuations.
  const std::vector<std::string> pieces = {"abcdefghij", "x", "报告", "\U00020BB7", "\xC3\xA9",
                                           "\xE0\xA0\x80",  // U+0800, led by E0
                                           "\xED\x9F\xBF",  // U+D7FF, led by ED
                                           "\xED\xA0\x80",  // a surrogate
                                           "\xEF\xBF\xBD", "\xE4\xB8" /* cut short */, "\x80",
                                           "\xC0\xAF" /* overlong */, "\xF4\x90\x80\x80" /* past U+10FFFF */};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    // Mostly short; one in four long enough for whole 64-byte blocks, mostly Chinese.
    const bool long_text = round % 4 == 0;
    for (size_t n = long_text ? 20 + rng() % 60 : rng() % 8; n > 0; --n)
      text += long_text && rng() % 8 ? pieces[rng() % 3] : pieces[rng() % pieces.size()];
    if (rng() % 4 == 0 && !text.empty()) text[rng() % text.size()] = static_cast<char>(rng());
    INFO(text);
    REQUIRE(reportls::lsp::valid_utf8_prefix(text) == reference(text));
  }
  // Every three bytes led by E0-EF.
  for (unsigned lead = 0xE0; lead <= 0xEF; ++lead)
    for (unsigned b1 = 0x70; b1 < 0xD0; ++b1)
      for (unsigned b2 : {0x41u, 0x80u, 0xA5u, 0xBFu, 0xC0u}) {
        const std::string text = {static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2)};
        REQUIRE(reportls::lsp::valid_utf8_prefix(text) == reference(text));
      }
}

TEST_CASE("sanitize_utf8 replaces ill-formed sequences with U+FFFD") {
  const std::string R = "\xEF\xBF\xBD";
  auto clean = [](std::string s) {
    sanitize_utf8(s);
    return s;
  };
  SUBCASE("valid text is left alone") {
    std::string s = "报告 a\U00020BB7 😀\r\n";
    CHECK_FALSE(sanitize_utf8(s));
    CHECK(s == "报告 a\U00020BB7 😀\r\n");
    std::string empty;
    CHECK_FALSE(sanitize_utf8(empty));
  }
  SUBCASE("overlong encodings") {
    CHECK(clean("a\xC0\xAF" "b") == "a" + R + R + "b");              // overlong '/'
    CHECK(clean("\xE0\x80\xAF") == R + R + R);                       // 3-byte overlong
    std::string s = "\xC1\xBF";
    CHECK(sanitize_utf8(s));
  }
  SUBCASE("truncated sequences: one U+FFFD per maximal subpart") {
    CHECK(clean("报\xE5\x91") == "报" + R);
    CHECK(clean("\xE5\x91" "x") == R + "x");
    CHECK(clean("\xF0\x9F\x98") == R);
    CHECK(clean("\xF0\x9F\x98\n") == R + "\n");  // the newline survives
  }
  SUBCASE("encoded surrogates") {
    CHECK(clean("\xED\xA0\x80") == R + R + R);
    CHECK(clean("\xED\xA0\xBD\xED\xB8\x80") == R + R + R + R + R + R);  // CESU-8 😀
  }
  SUBCASE("beyond U+10FFFF and garbage bytes") {
    CHECK(clean("\xF4\x90\x80\x80") == R + R + R + R);
    CHECK(clean("\xFF\xFE" "a\x80") == R + R + "a" + R);
    CHECK(clean("\xF8\x88\x80\x80\x80") == R + R + R + R + R);
  }
  SUBCASE("documents repair their text and the text of changes") {
    TextDocument doc("u", "markdown", 1, "a\xFF" "b");
    CHECK(doc.text() == "a" + R + "b");
    CHECK(doc.lines().offset({0, 2}, U16) == 4);
    auto next = doc.apply(2, {edit(0, 0, 0, 0, "\xE4\xB8")}, U16);
    CHECK(next->text() == R + "a" + R + "b");
  }
}

TEST_CASE("randomized edits agree with a UTF-16 and a byte reference model") {
  // Pieces with every width and every kind of line terminator; the last ones are ill-formed.
  const std::vector<std::string> pieces = {
      "a", "b", " ", "\n", "\r\n", "\r", "你", "报告", "\U00020BB7", "😀", "é", "e\u0301",
      "，", "\xE4\xB8", "\xFF", "\xED\xA0\x80"};
  std::mt19937 rng(20240517);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  auto random_text = [&](size_t max_pieces, bool allow_invalid) {
    std::string s;
    const size_t n = pick(max_pieces + 1);
    const size_t usable = allow_invalid ? pieces.size() : pieces.size() - 3;
    for (size_t i = 0; i < n; ++i) s += pieces[pick(usable)];
    return s;
  };
  // Random positions: mostly inside the text, sometimes past a line or the whole text; in
  // UTF-16 they land inside surrogate pairs, in UTF-8 inside multibyte characters.
  auto random_position = [&](const auto& model) {
    const auto lines = model_lines(model);
    Position p;
    p.line = static_cast<uint32_t>(pick(lines.size() + (pick(10) == 0 ? 2 : 0)));
    const size_t len = p.line < lines.size() ? lines[p.line].second - lines[p.line].first : 0;
    p.character = static_cast<uint32_t>(pick(len + (pick(10) == 0 ? 4 : 1)));
    return p;
  };

  int checked = 0;
  for (int round = 0; round < 2000; ++round) {
    const auto e = round % 2 == 0 ? U16 : U8;
    CAPTURE(round);
    const std::string initial = random_text(12, true);
    auto doc = std::make_shared<const TextDocument>("file:///r.md", "markdown", 0, initial);
    std::u16string m16 = to_u16(initial);
    std::string m8 = to_u8(m16);
    REQUIRE(doc->text() == m8);

    const int batches = 1 + static_cast<int>(pick(3));
    for (int b = 0; b < batches; ++b) {
      std::vector<TextChange> changes;
      const size_t n = 1 + pick(4);
      for (size_t i = 0; i < n; ++i) {
        TextChange c;
        c.text = random_text(4, pick(8) == 0);
        if (pick(20) != 0) {
          Range r;
          if (e == U16) {
            r = {random_position(m16), random_position(m16)};
          } else {
            r = {random_position(m8), random_position(m8)};
          }
          if (pick(2) == 0 && (r.end.line < r.start.line ||
                               (r.end.line == r.start.line && r.end.character < r.start.character))) {
            std::swap(r.start, r.end);  // mostly ordered ranges, some inverted ones
          }
          c.range = r;
        }
        // Apply to the reference model of the active encoding, then derive the other one.
        const std::u16string insert16 = to_u16(c.text);
        if (e == U16) {
          model_apply(m16, c, insert16);
          m8 = to_u8(m16);
        } else {
          model_apply(m8, c, to_u8(insert16));
          m16 = to_u16(m8);
        }
        changes.push_back(std::move(c));
      }
      doc = doc->apply(b + 1, changes, e);
      REQUIRE(doc->text() == m8);
      CHECK(doc->version() == b + 1);
    }

    // Every UTF-16 boundary of the final text maps to the same position both ways.
    const auto lines = model_lines(m16);
    size_t line = 0;
    size_t byte = 0;
    for (size_t u = 0; u <= m16.size(); ++u) {
      if (u > 0) {  // UTF-8 bytes of the unit before u; a pair's 4 bytes go on its first half
        const char16_t c = m16[u - 1];
        byte += c < 0x80 ? 1 : c < 0x800 ? 2 : (c & 0xFC00) == 0xD800 ? 4 : (c & 0xFC00) == 0xDC00 ? 0 : 3;
      }
      while (line + 1 < lines.size() && u >= lines[line + 1].first) ++line;
      const bool in_pair = u > 0 && u < m16.size() && (m16[u] & 0xFC00) == 0xDC00;
      const bool in_terminator = u > lines[line].second;
      if (in_pair || in_terminator) continue;
      const Position expected{static_cast<uint32_t>(line),
                              static_cast<uint32_t>(u - lines[line].first)};
      CHECK(doc->lines().position(static_cast<uint32_t>(byte), U16) == expected);
      CHECK(doc->lines().offset(expected, U16) == byte);
      ++checked;
    }
  }
  CHECK(checked > 10000);
}
