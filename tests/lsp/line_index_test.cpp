// LineIndex: byte offsets <-> LSP positions in UTF-16 and UTF-8.
#include "lsp/protocol/line_index.h"

#include <doctest/doctest.h>

#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <random>
#include <tuple>
#include <string>
#include <vector>

using reportls::lsp::LineIndex;
using reportls::lsp::Position;
using reportls::lsp::PositionEncoding;
using reportls::lsp::Range;

namespace {

constexpr auto U16 = PositionEncoding::Utf16;
constexpr auto U8 = PositionEncoding::Utf8;

/// UTF-16 length of a valid UTF-8 string, computed by ICU (an independent reference).
uint32_t utf16_length(std::string_view s) {
  int32_t len = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(nullptr, 0, &len, s.data(), static_cast<int32_t>(s.size()), &status);
  return static_cast<uint32_t>(len);
}

bool is_boundary(std::string_view s, size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

TEST_CASE("empty text has one empty line and everything clamps to 0") {
  LineIndex idx("");
  CHECK(idx.line_count() == 1);
  CHECK(idx.size() == 0);
  CHECK(idx.line_start(0) == 0);
  CHECK(idx.line_end(0) == 0);
  CHECK(idx.offset({0, 0}, U16) == 0);
  CHECK(idx.offset({0, 7}, U16) == 0);
  CHECK(idx.offset({3, 1}, U8) == 0);
  CHECK(idx.position(0, U16) == Position{0, 0});
  CHECK(idx.position(42, U16) == Position{0, 0});
}

TEST_CASE("final newline makes an extra empty line; none means the last line has text") {
  LineIndex a("abc");
  CHECK(a.line_count() == 1);
  CHECK(a.line_end(0) == 3);
  CHECK(a.position(3, U16) == Position{0, 3});

  LineIndex b("abc\n");
  CHECK(b.line_count() == 2);
  CHECK(b.line_start(1) == 4);
  CHECK(b.line_end(1) == 4);
  CHECK(b.position(4, U16) == Position{1, 0});
  CHECK(b.offset({1, 0}, U16) == 4);
  CHECK(b.offset({1, 5}, U16) == 4);
}

TEST_CASE("Chinese characters are 3 bytes but 1 UTF-16 unit") {
  const std::string text = "你好世界\n第二行";  // 12 bytes + \n + 9 bytes
  LineIndex idx(text);
  REQUIRE(idx.line_count() == 2);
  CHECK(idx.line_start(1) == 13);
  CHECK(idx.position(6, U16) == Position{0, 2});  // before 世
  CHECK(idx.position(6, U8) == Position{0, 6});
  CHECK(idx.offset({0, 2}, U16) == 6);
  CHECK(idx.offset({0, 4}, U16) == 12);   // end of line 0
  CHECK(idx.offset({0, 9}, U16) == 12);   // past the end -> line end, not into line 1
  CHECK(idx.offset({1, 1}, U16) == 16);   // after 第
  CHECK(idx.offset({1, 3}, U16) == 22);   // end of text
  CHECK(idx.position(22, U16) == Position{1, 3});
  // Offsets inside a character snap back to its start.
  CHECK(idx.position(7, U16) == Position{0, 2});
  CHECK(idx.position(8, U8) == Position{0, 6});
  // UTF-8 positions inside a character snap back too.
  CHECK(idx.offset({0, 4}, U8) == 3);
  CHECK(idx.offset({0, 5}, U8) == 3);
  CHECK(idx.offset({0, 6}, U8) == 6);
}

TEST_CASE("characters outside the BMP take 2 UTF-16 units and 4 bytes") {
  const std::string text = "a\U00020BB7b\U0001F600c";  // a 𠮷 b 😀 c
  LineIndex idx(text);
  REQUIRE(text.size() == 11);
  CHECK(idx.position(1, U16) == Position{0, 1});  // before 𠮷
  CHECK(idx.position(5, U16) == Position{0, 3});  // before b: 1 + 2 units
  CHECK(idx.position(6, U16) == Position{0, 4});  // before 😀
  CHECK(idx.position(10, U16) == Position{0, 6});
  CHECK(idx.position(11, U16) == Position{0, 7});
  CHECK(idx.offset({0, 3}, U16) == 5);
  CHECK(idx.offset({0, 7}, U16) == 11);

  SUBCASE("a UTF-16 position between the two halves of a surrogate pair snaps to its start") {
    CHECK(idx.offset({0, 2}, U16) == 1);  // inside 𠮷
    CHECK(idx.offset({0, 5}, U16) == 6);  // inside 😀
  }
  SUBCASE("byte offsets inside the 4-byte sequence snap back") {
    for (uint32_t o = 1; o < 5; ++o) CHECK(idx.position(o, U16) == Position{0, 1});
    for (uint32_t o = 7; o < 10; ++o) CHECK(idx.position(o, U8) == Position{0, 6});
  }
  SUBCASE("UTF-8 mode counts bytes") {
    CHECK(idx.offset({0, 5}, U8) == 5);
    CHECK(idx.offset({0, 3}, U8) == 1);
    CHECK(idx.position(10, U8) == Position{0, 10});
  }
}

TEST_CASE("combining marks are separate code points") {
  const std::string text = "e\u0301x\u4E00\u0301y";  // e + U+0301, x, 一 + U+0301, y
  LineIndex idx(text);
  CHECK(idx.position(3, U16) == Position{0, 2});  // x: e, U+0301
  CHECK(idx.offset({0, 1}, U16) == 1);            // between e and its accent (a code point boundary)
  CHECK(idx.offset({0, 5}, U16) == text.size() - 1);  // y
  CHECK(idx.position(static_cast<uint32_t>(text.size()), U16) == Position{0, 6});
}

TEST_CASE("CRLF is one terminator and a lone CR ends a line") {
  const std::string text = "ab\r\ncd\ref\n\r\n";
  LineIndex idx(text);
  REQUIRE(idx.line_count() == 5);  // "ab", "cd", "ef", "", ""
  CHECK(idx.line_start(1) == 4);
  CHECK(idx.line_end(0) == 2);
  CHECK(idx.line_start(2) == 7);
  CHECK(idx.line_end(1) == 6);
  CHECK(idx.line_start(3) == 10);
  CHECK(idx.line_end(3) == 10);
  CHECK(idx.line_start(4) == 12);
  CHECK(idx.offset({0, 10}, U16) == 2);  // before \r\n, never between \r and \n
  CHECK(idx.offset({1, 2}, U16) == 6);
  CHECK(idx.offset({2, 0}, U16) == 7);
  CHECK(idx.position(2, U16) == Position{0, 2});
  CHECK(idx.position(3, U16) == Position{0, 2});  // on the \n of \r\n -> line end
  CHECK(idx.position(6, U16) == Position{1, 2});
  CHECK(idx.position(7, U16) == Position{2, 0});
  CHECK(idx.line_of(3) == 0);
  CHECK(idx.line_of(4) == 1);
  CHECK(idx.line_of(12) == 4);

  LineIndex lone_cr("a\r");
  CHECK(lone_cr.line_count() == 2);
  CHECK(lone_cr.position(2, U16) == Position{1, 0});
}

TEST_CASE("positions past the end clamp as the LSP spec says") {
  const std::string text = "一\n二三\nabc";
  LineIndex idx(text);
  const auto size = static_cast<uint32_t>(text.size());
  CHECK(idx.offset({3, 0}, U16) == size);
  CHECK(idx.offset({1000, 1000}, U8) == size);
  CHECK(idx.offset({0, 1000}, U16) == 3);
  CHECK(idx.offset({1, 0xFFFFFFFFu}, U16) == 10);
  CHECK(idx.offset({1, 0xFFFFFFFFu}, U8) == 10);
  CHECK(idx.offset({2, 99}, U8) == size);
  CHECK(idx.position(size + 100, U16) == Position{2, 3});
  CHECK(idx.line_start(99) == size);
  CHECK(idx.line_end(99) == size);
  CHECK(idx.line_of(size + 5) == 2);
}

TEST_CASE("ill-formed UTF-8 counts one unit per ill-formed sequence") {
  const std::string text = "a\xE4\xB8" "b\xFF" "c";  // truncated 3-byte sequence, stray 0xFF
  LineIndex idx(text);
  CHECK(idx.position(3, U16) == Position{0, 2});  // b
  CHECK(idx.position(5, U16) == Position{0, 4});  // c
  CHECK(idx.offset({0, 2}, U16) == 3);
}

TEST_CASE("round trip offset -> position -> offset for every boundary of a mixed text") {
  const std::string text =
      "第一章 总则\r\n"
      "a\U00020BB7b 😀😀 e\u0301\n"
      "\r"
      "关于2024年工作的报告（草稿）\n"
      "\n"
      "末行𠮷";
  LineIndex idx(text);
  CHECK(idx.line_count() == 6);
  Position previous{0, 0};
  for (uint32_t o = 0; o <= text.size(); ++o) {
    CAPTURE(o);
    if (!is_boundary(text, o)) continue;
    const bool inside_crlf = o > 0 && text[o - 1] == '\r' && o < text.size() && text[o] == '\n';
    for (auto e : {U16, U8}) {
      const Position p = idx.position(o, e);
      if (!inside_crlf) CHECK(idx.offset(p, e) == o);
      // The column equals the length of the line prefix in that encoding.
      const uint32_t start = idx.line_start(p.line);
      const std::string_view prefix(text.data() + start, std::min(o, idx.line_end(p.line)) - start);
      CHECK(p.character == (e == U16 ? utf16_length(prefix) : prefix.size()));
    }
    const Position p = idx.position(o, U16);
    CHECK((p.line > previous.line || (p.line == previous.line && p.character >= previous.character)));
    previous = p;
  }
}

namespace {

/// The reference: positions by walking the text from its start, character by character
/// (U8_NEXT delimits ill-formed sequences, as the index promises).
struct Walked {
  std::vector<uint32_t> boundaries;        ///< every character start, then the text's size
  std::vector<Position> utf16, utf8;       ///< the position of each boundary
};

Walked walk(std::string_view text) {
  Walked w;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  Position p16, p8;
  int32_t i = 0;
  while (i <= n) {
    w.boundaries.push_back(static_cast<uint32_t>(i));
    w.utf16.push_back(p16);
    w.utf8.push_back(p8);
    if (i == n) break;
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool crlf = c == '\r' && i < n && s[i] == '\n';
    if (c == '\n' || (c == '\r' && !crlf)) {
      p16 = p8 = {p16.line + 1, 0};
    } else if (!crlf) {
      p16.character += c >= 0x10000 ? 2 : 1;
      p8.character += static_cast<uint32_t>(i - start);
    } else {  // the "\n" of a "\r\n" is a boundary at the line's end, as its "\r" is
      w.boundaries.push_back(static_cast<uint32_t>(i));
      w.utf16.push_back(p16);
      w.utf8.push_back(p8);
      ++i;
      p16 = p8 = {p16.line + 1, 0};
    }
  }
  return w;
}

std::string random_text(uint32_t seed, size_t pieces, bool valid) {
  static const char* const kPieces[] = {"a", " ", "1", "中", "，", "。", "\U00020BB7", "😀", "\n",
                                        "\r\n", "\r", "\xE4\xB8", "\xFF", "é", "报告", "2024年"};
  std::string text;
  uint32_t x = seed * 2654435761u + 1;
  for (size_t k = 0; k < pieces; ++k) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    // Long lines most of the time, so that characters cross many 64-byte blocks.
    const uint32_t pick = x % 100;
    const char* piece = kPieces[pick < 90 ? pick % 8 : 8 + pick % 8];
    if (valid && piece[0] == '\xE4' && piece[1] == '\xB8') piece = "\xE4\xB8\xAD";
    if (valid && piece[0] == '\xFF') piece = "\xC3\xBF";
    text += piece;
  }
  return text;
}

}  // namespace

TEST_CASE("every boundary of long random texts converts as walking the text does") {
  for (uint32_t seed = 1; seed <= 80; ++seed) {
    CAPTURE(seed);
    // Odd seeds: ill-formed bytes too, indexed character by character; even seeds: valid UTF-8,
    // indexed eight bytes at a time.
    const bool valid = seed % 2 == 0;
    const std::string text = random_text(seed, 50 + seed * 20, valid);
    const LineIndex idx(text, valid ? LineIndex::Utf8::Valid : LineIndex::Utf8::Unchecked);
    const Walked w = walk(text);
    REQUIRE(idx.line_count() == w.utf16.back().line + 1);
    size_t b = 0;
    for (uint32_t o = 0; o <= text.size() + 2; ++o) {
      while (b + 1 < w.boundaries.size() && w.boundaries[b + 1] <= o) ++b;
      // o snaps back to boundary b; inside a "\r\n" that is the "\n", whose position is the
      // line's end.
      CHECK(idx.position(o, U16) == w.utf16[b]);
      CHECK(idx.position(o, U8) == w.utf8[b]);
    }
    for (size_t k = 0; k < w.boundaries.size(); ++k) {
      const bool inside_crlf = k > 0 && w.utf16[k] == w.utf16[k - 1];
      if (inside_crlf) continue;
      const uint32_t o = w.boundaries[k];
      CHECK(idx.offset(w.utf16[k], U16) == o);
      CHECK(idx.offset(w.utf8[k], U8) == o);
      // One unit further into an astral character stays on it; past a line's end clamps.
      const uint32_t next_o = k + 1 < w.boundaries.size() ? w.boundaries[k + 1] : o;
      if (next_o > o && next_o - o == 4 && text[o] != '\r')
        CHECK(idx.offset({w.utf16[k].line, w.utf16[k].character + 1}, U16) == o);
    }
    for (uint32_t line = 0; line < idx.line_count(); ++line)
      CHECK(idx.offset({line, 1u << 30}, U16) == idx.line_end(line));
    // A range is its two ends' positions, whether they share a line or not, and in either order.
    std::mt19937 rng(seed);
    for (int k = 0; k < 300; ++k) {
      const uint32_t a = rng() % (text.size() + 3), z = k % 3 ? std::min<uint32_t>(a + rng() % 40, text.size() + 2) : rng() % (text.size() + 3);
      for (PositionEncoding e : {U16, U8}) {
        const Range r = idx.range(a, z, e);
        CHECK(r.start == idx.position(a, e));
        CHECK(r.end == idx.position(z, e));
      }
    }
  }
}

TEST_CASE("the index of a Chinese text is a fraction of its size") {
  std::string text;
  while (text.size() < (1u << 20)) text += "全面推进法治政府建设，深入学习贯彻习近平法治思想。\n";
  for (auto validity : {LineIndex::Utf8::Unchecked, LineIndex::Utf8::Valid}) {
    const LineIndex idx(text, validity);
    CHECK(idx.memory_bytes() < text.size() / 3);
    const LineIndex ascii(std::string(1u << 20, 'a'), validity);
    CHECK(ascii.memory_bytes() < 64);
  }
}

TEST_CASE("indexing eight bytes at a time finds the same line ends, a lone CR at the end included") {
  for (const char* text : {"a\r\nb", "a\rb\nc", "\r\r\n\n", "x\n\r", "\r", "\n", "ab\r\n\r\ncd\r", "中\r\n文\r"}) {
    CAPTURE(text);
    const LineIndex checked(text, LineIndex::Utf8::Unchecked), valid(text, LineIndex::Utf8::Valid);
    REQUIRE(checked.line_count() == valid.line_count());
    for (uint32_t line = 0; line < checked.line_count(); ++line) {
      CHECK(checked.line_start(line) == valid.line_start(line));
      CHECK(checked.line_end(line) == valid.line_end(line));
    }
  }
}

TEST_CASE("an index made from the previous one after an edit answers as one made afresh") {
  // Edits at every kind of place: inside and across lines, next to and inside a "\r\n" (a "\r"
  // pairing with an inserted "\n", a pair split), across 64-byte blocks, over characters outside
  // the BMP; texts ASCII (no blocks) and Chinese; each index made from the one before, hundreds of
  // times in a row.
  static const char* const kInserts[] = {"", "a", "中", "\n", "\r", "\r\n", "😀", "全面推进法治政府建设", "x\ny",
                                         "\n\n", "\U00020BB7\r", "abcdefghijklmnopqrstuvwxyz0123456789"};
  auto boundary = [](const std::string& text, size_t o) {
    while (o > 0 && o < text.size() && (static_cast<unsigned char>(text[o]) & 0xC0) == 0x80) --o;
    return o;
  };
  for (uint32_t seed = 1; seed <= 16; ++seed) {
    CAPTURE(seed);
    std::string text = seed % 4 == 0 ? std::string(300, 'a') + "\r\nb\rc\n" : random_text(seed * 2, 40 + seed * 30, true);
    LineIndex idx(text, LineIndex::Utf8::Valid);
    std::mt19937 rng(seed);
    for (int step = 0; step < 150; ++step) {
      CAPTURE(step);
      const uint32_t start = static_cast<uint32_t>(boundary(text, rng() % (text.size() + 1)));
      uint32_t old_end = static_cast<uint32_t>(boundary(text, std::min<size_t>(text.size(), start + rng() % (step % 10 == 0 ? 200 : 8))));
      if (old_end < start) old_end = start;
      std::string insert = step % 3 == 0 ? std::string() : kInserts[rng() % std::size(kInserts)];
      if (seed % 4 == 0 && step < 100) insert.erase(std::remove_if(insert.begin(), insert.end(), [](char c) { return c & 0x80; }), insert.end());
      text = text.substr(0, start) + insert + text.substr(old_end);
      const LineIndex derived(idx, text, start, old_end, static_cast<uint32_t>(start + insert.size()));
      const LineIndex fresh(text, LineIndex::Utf8::Valid);
      REQUIRE(derived.size() == fresh.size());
      REQUIRE(derived.line_count() == fresh.line_count());
      for (uint32_t line = 0; line < fresh.line_count(); ++line) {
        REQUIRE(derived.line_start(line) == fresh.line_start(line));
        REQUIRE(derived.line_end(line) == fresh.line_end(line));
      }
      for (uint32_t o = 0; o <= text.size() + 1; ++o)
        for (PositionEncoding e : {U16, U8}) {
          const Position p = fresh.position(o, e);
          REQUIRE(derived.position(o, e) == p);
          REQUIRE(derived.offset(p, e) == fresh.offset(p, e));
          REQUIRE(derived.offset({p.line, p.character + 1}, e) == fresh.offset({p.line, p.character + 1}, e));
        }
      idx = derived;
    }
  }
}

TEST_CASE("an edit that does not fit the index it is made from is indexed afresh") {
  const std::string before = "第一行\n第二行";
  const LineIndex idx(before, LineIndex::Utf8::Valid);
  const std::string after = "第一行\n第二行，加了字";
  // An old end past the old text, a new end past the new one, lengths that do not add up.
  for (auto [start, old_end, new_end] : {std::tuple{0u, 99u, 0u}, {0u, 0u, 999u}, {3u, 4u, 5u}}) {
    const LineIndex derived(idx, after, start, old_end, new_end);
    const LineIndex fresh(after, LineIndex::Utf8::Valid);
    REQUIRE(derived.line_count() == fresh.line_count());
    for (uint32_t o = 0; o <= after.size(); ++o) CHECK(derived.position(o, U16) == fresh.position(o, U16));
  }
}

TEST_CASE("a range looked for from a line near it is the range looked for from nowhere") {
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    const std::string text = random_text(seed * 3, 200 + seed * 40, true);
    const LineIndex idx(text, LineIndex::Utf8::Valid);
    std::mt19937 rng(seed);
    uint32_t near = 0;
    uint32_t at = 0;
    for (int k = 0; k < 2000; ++k) {
      // Runs in text order, each a few bytes to a few lines on, broken now and then by a jump
      // back (the next plugin's), past the end, or a stale hint beyond the last line.
      if (k % 97 == 0) at = rng() % (text.size() + 1);
      else if (k % 301 == 0) at = static_cast<uint32_t>(text.size()) + 5;
      else at = std::min<uint32_t>(static_cast<uint32_t>(text.size()) + 1, at + rng() % (k % 5 == 0 ? 400 : 30));
      if (k % 113 == 0) near = idx.line_count() + 3;
      const uint32_t end = at + rng() % 20;
      for (PositionEncoding e : {U16, U8}) {
        uint32_t hint = near;
        REQUIRE(idx.range(at, end, e, &hint) == idx.range(at, end, e));
        REQUIRE(hint == idx.position(at, e).line);
      }
      idx.range(at, end, U16, &near);
    }
  }
}
