// edits_fuzz: incremental edits on a TextDocument, in UTF-16 and UTF-8 positions.
//
// Input: byte 0 low bits = the length class of the initial text, which follows; then edits, each
//   flags (bit 0: UTF-8 positions, bit 1: replace the whole text, bit 2: two changes in one
//   apply), start line, start character, end line, end character (ByteReader::small), text
//   length (one byte), text bytes.
// After every apply: the text is valid UTF-8, equals an independent splice of the old text at the
// positions LineIndex::offset gives, and the snapshot's LineIndex round-trips every character
// boundary in both encodings and agrees with the terminators of the text.
#include "fuzz_util.h"

#include "lsp/protocol/line_index.h"
#include "lsp/engine/text_document.h"

#include <memory>
#include <vector>

using namespace reportls::lsp;
using reportls::fuzz::ByteReader;
using reportls::fuzz::valid_utf8;

namespace {

void check_index(const std::string &text, const LineIndex &idx) {
  FUZZ_CHECK(valid_utf8(text));
  FUZZ_CHECK(idx.size() == text.size());
  // Lines: "\n", "\r\n" and a lone "\r" each end one.
  uint32_t terminators = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') ++terminators;
    else if (text[i] == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n')) ++terminators;
  }
  FUZZ_CHECK(idx.line_count() == terminators + 1);
  uint32_t prev_end = 0;
  for (uint32_t l = 0; l < idx.line_count(); ++l) {
    uint32_t s = idx.line_start(l), e = idx.line_end(l);
    FUZZ_CHECK(s <= e && e <= text.size());
    FUZZ_CHECK(l == 0 ? s == 0 : s > prev_end);
    FUZZ_CHECK(e == text.size() || text[e] == '\n' || text[e] == '\r');
    FUZZ_CHECK(idx.line_of(s) == l);
    prev_end = e;
  }
  FUZZ_CHECK(idx.line_start(idx.line_count()) == text.size());
  // Round trip of every character boundary not inside "\r\n", both encodings.
  uint32_t line = 0;
  uint32_t col8 = 0, col16 = 0;
  for (uint32_t o = 0; o <= text.size();) {
    unsigned char c = o < text.size() ? static_cast<unsigned char>(text[o]) : 0;
    uint32_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    bool inside_crlf = o > 0 && text[o - 1] == '\r' && o < text.size() && text[o] == '\n';
    if (!inside_crlf) {
      Position p16 = idx.position(o, PositionEncoding::Utf16);
      Position p8 = idx.position(o, PositionEncoding::Utf8);
      FUZZ_CHECK(p16.line == line && p8.line == line);
      FUZZ_CHECK(p16.character == col16 && p8.character == col8);
      FUZZ_CHECK(idx.offset(p16, PositionEncoding::Utf16) == o);
      FUZZ_CHECK(idx.offset(p8, PositionEncoding::Utf8) == o);
      // Inside a character snaps back to its start.
      if (len == 4) FUZZ_CHECK(idx.offset({line, col16 + 1}, PositionEncoding::Utf16) == o);
      for (uint32_t k = 1; k < len && o + k <= text.size(); ++k) {
        FUZZ_CHECK(idx.offset({line, col8 + k}, PositionEncoding::Utf8) == o);
        FUZZ_CHECK(idx.position(o + k, PositionEncoding::Utf8) == p8);
      }
    }
    if (o == text.size()) break;
    if (c == '\n' || (c == '\r' && !(o + 1 < text.size() && text[o + 1] == '\n'))) {
      ++line;
      col8 = col16 = 0;
      o += 1;
    } else if (c == '\r') {
      o += 1;  // the "\n" of "\r\n" follows
    } else {
      col8 += len;
      col16 += len == 4 ? 2 : 1;
      o += len;
    }
  }
  // Clamping: a line past the end gives the end; a character past the line gives its end.
  FUZZ_CHECK(idx.offset({idx.line_count(), 0}, PositionEncoding::Utf16) == text.size());
  FUZZ_CHECK(idx.offset({0, 0xFFFFFFFFu}, PositionEncoding::Utf8) == idx.line_end(0));
  FUZZ_CHECK(idx.position(0xFFFFFFFFu, PositionEncoding::Utf16).line == idx.line_count() - 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ByteReader in(data, size);
  static const size_t initial_sizes[] = {0, 8, 64, 512};
  size_t initial = initial_sizes[in.u8() & 3];
  std::string_view initial_text = in.bytes(initial);

  auto doc = std::make_shared<const TextDocument>("file:///fuzz.txt", "report", 1,
                                                  std::string(initial_text));
  check_index(doc->text(), doc->lines());

  int64_t version = 1;
  for (int step = 0; step < 64 && !in.empty(); ++step) {
    uint8_t flags = in.u8();
    PositionEncoding enc = (flags & 1) ? PositionEncoding::Utf8 : PositionEncoding::Utf16;
    int count = (flags & 4) ? 2 : 1;
    std::vector<TextChange> changes;
    for (int k = 0; k < count; ++k) {
      TextChange ch;
      if (!(flags & 2)) {
        Range r;
        r.start.line = in.small();
        r.start.character = in.small();
        r.end.line = in.small();
        r.end.character = in.small();
        ch.range = r;
      }
      ch.text = std::string(in.bytes(in.u8() % 32));
      changes.push_back(std::move(ch));
    }

    // The expected result, spliced independently with the old snapshot's positions.
    std::string expected = doc->text();
    for (const auto &ch : changes) {
      std::string t = ch.text;
      sanitize_utf8(t);
      FUZZ_CHECK(valid_utf8(t));
      if (!ch.range) {
        expected = t;
        continue;
      }
      LineIndex idx(expected);
      uint32_t s = idx.offset(ch.range->start, enc);
      uint32_t e = idx.offset(ch.range->end, enc);
      if (e < s) e = s;
      FUZZ_CHECK(e <= expected.size());
      expected = expected.substr(0, s) + t + expected.substr(e);
    }

    auto next = doc->apply(++version, changes, enc);
    FUZZ_CHECK(next && next->version() == version);
    FUZZ_CHECK(next->text() == expected);
    check_index(next->text(), next->lines());
    doc = std::move(next);
  }
  return 0;
}
