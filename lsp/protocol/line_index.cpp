#include "lsp/protocol/line_index.h"

#include <algorithm>
#include <limits>

#include <unicode/utf8.h>

namespace reportls::lsp {

namespace {
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
}

LineIndex::LineIndex(std::string_view text) : size_(static_cast<uint32_t>(text.size())) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  line_starts_.push_back(0);
  wide_begin_.push_back(0);
  // UTF-8 bytes minus UTF-16 units of the wide chars seen so far on the current line, so that
  // a wide char's UTF-16 column is its byte column minus this.
  uint32_t shrink = 0;
  auto end_line = [&](size_t terminator, size_t next_start) {
    line_ends_.push_back(static_cast<uint32_t>(terminator));
    line_starts_.push_back(static_cast<uint32_t>(next_start));
    wide_begin_.push_back(static_cast<uint32_t>(wide_.size()));
    shrink = 0;
  };
  size_t i = 0;
  while (i < n) {
    const uint8_t c = s[i];
    if (c < 0x80) {
      if (c == '\n') {
        end_line(i, i + 1);
      } else if (c == '\r') {
        const size_t next = (i + 1 < n && s[i + 1] == '\n') ? i + 2 : i + 1;
        end_line(i, next);
        i = next;
        continue;
      }
      ++i;
      continue;
    }
    // U8_NEXT never swallows an ASCII byte into an ill-formed sequence, so a terminator is
    // never hidden inside a wide char.
    const size_t start = i;
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    const auto len8 = static_cast<uint8_t>(i - start);
    const uint8_t len16 = cp >= 0x10000 ? 2 : 1;  // ill-formed (cp < 0) -> one U+FFFD
    const uint32_t col8 = static_cast<uint32_t>(start) - line_starts_.back();
    wide_.push_back({static_cast<uint32_t>(start), col8 - shrink, len8, len16});
    shrink += len8 - len16;
  }
  line_ends_.push_back(static_cast<uint32_t>(n));
  wide_begin_.push_back(static_cast<uint32_t>(wide_.size()));
}

uint32_t LineIndex::line_start(uint32_t line) const {
  return line < line_count() ? line_starts_[line] : size_;
}

uint32_t LineIndex::line_end(uint32_t line) const {
  return line < line_count() ? line_ends_[line] : size_;
}

uint32_t LineIndex::line_of(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin()) - 1;  // line_starts_[0] == 0
}

uint32_t LineIndex::wide_at_or_before(uint32_t line, uint32_t offset) const {
  auto [first, last] = wide_range(line);
  auto it = std::upper_bound(wide_.begin() + first, wide_.begin() + last, offset,
                             [](uint32_t o, const WideChar& w) { return o < w.offset; });
  if (it == wide_.begin() + first) return kNone;
  return static_cast<uint32_t>(it - wide_.begin()) - 1;
}

uint32_t LineIndex::offset(Position p, PositionEncoding e) const {
  if (p.line >= line_count()) return size_;
  const uint32_t start = line_starts_[p.line];
  const uint32_t end = line_ends_[p.line];
  // 64-bit so that a huge `character` cannot wrap around.
  const uint64_t ch = p.character;
  if (e == PositionEncoding::Utf8) {
    if (start + ch >= end) return end;
    const auto target = static_cast<uint32_t>(start + ch);
    const uint32_t k = wide_at_or_before(p.line, target);
    if (k != kNone && target < wide_[k].offset + wide_[k].len8) return wide_[k].offset;
    return target;
  }
  auto [first, last] = wide_range(p.line);
  auto it = std::upper_bound(wide_.begin() + first, wide_.begin() + last, ch,
                             [](uint64_t c, const WideChar& w) { return c < w.col16; });
  if (it == wide_.begin() + first) {
    // Only ASCII before `ch`: UTF-16 column == byte column.
    return static_cast<uint32_t>(std::min<uint64_t>(start + ch, end));
  }
  const WideChar& w = *(it - 1);
  if (ch < uint64_t{w.col16} + w.len16) return w.offset;  // on it, or inside a surrogate pair
  // Between w and the next wide char there is only ASCII, so the rest is a byte count.
  const uint64_t target = uint64_t{w.offset} + w.len8 + (ch - w.col16 - w.len16);
  return static_cast<uint32_t>(std::min<uint64_t>(target, end));
}

Position LineIndex::position(uint32_t offset, PositionEncoding e) const {
  uint32_t off = std::min(offset, size_);
  const uint32_t line = line_of(off);
  const uint32_t start = line_starts_[line];
  off = std::min(off, line_ends_[line]);  // between "\r" and "\n" -> before "\r"
  const uint32_t k = wide_at_or_before(line, off);
  if (k == kNone) return {line, off - start};
  const WideChar& w = wide_[k];
  if (off < w.offset + w.len8) {
    return {line, e == PositionEncoding::Utf8 ? w.offset - start : w.col16};
  }
  if (e == PositionEncoding::Utf8) return {line, off - start};
  return {line, w.col16 + w.len16 + (off - w.offset - w.len8)};
}

}  // namespace reportls::lsp
