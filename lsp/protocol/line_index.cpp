#include "lsp/protocol/line_index.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Not under ThreadSanitizer: the loader resolves the clones (an ifunc) before its runtime is up, and
// the process dies at start.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define REPORTLS_WITH_POPCNT __attribute__((target_clones("popcnt", "default")))
#else
#define REPORTLS_WITH_POPCNT
#endif

namespace reportls::lsp {

namespace {
constexpr uint32_t kBlockBits = 6;  // blocks of 64 bytes: one uint64_t bitmap each
constexpr uint32_t kBlock = 1u << kBlockBits;

/// The bits of a block below bit `r` (r in 0..64).
constexpr uint64_t below(uint32_t r) { return r >= 64 ? ~uint64_t{0} : (uint64_t{1} << r) - 1; }
}  // namespace

LineIndex::LineIndex(std::string_view text, Utf8 validity) : size_(static_cast<uint32_t>(text.size())) {
  line_starts_.push_back(0);
  if (validity == Utf8::Valid)
    index_valid(text);
  else
    index_checked(text);
  line_starts_.shrink_to_fit();
  crlf_.shrink_to_fit();
  if (!any_wide_) {
    // Every byte is a character of one unit: the lines are the whole index.
    std::vector<uint32_t>().swap(block_units_);
    std::vector<uint64_t>().swap(starts_);
    return;
  }
  block_units_.shrink_to_fit();
  starts_.shrink_to_fit();
  astral_.shrink_to_fit();
}

LineIndex::LineIndex(const LineIndex& before, std::string_view text, uint32_t start, uint32_t old_end,
                     uint32_t new_end)
    : size_(static_cast<uint32_t>(text.size())) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const bool edit_of_before = start <= old_end && old_end <= before.size_ && start <= new_end &&
                              new_end <= text.size() && text.size() - new_end == before.size_ - old_end;
  // Reading a large edit again costs what indexing the whole text does; and an ASCII text that
  // gains a wider character needs the blocks it never had.
  if (!edit_of_before || new_end - start > text.size() / 8 ||
      (before.ascii() && std::any_of(s + start, s + new_end, [](uint8_t c) { return c >= 0x80; }))) {
    *this = LineIndex(text, Utf8::Valid);
    return;
  }
  if (!derive(before, text, start, old_end, new_end)) *this = LineIndex(text, Utf8::Valid);
}

void LineIndex::line_ends_at(uint32_t terminator, bool crlf) {
  const size_t line = line_starts_.size() - 1;
  if (line / 64 >= crlf_.size()) crlf_.push_back(0);
  if (crlf) crlf_[line / 64] |= uint64_t{1} << (line % 64);
  line_starts_.push_back(terminator + (crlf ? 2 : 1));
}

void LineIndex::index_checked(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  uint64_t units = 0;  // UTF-16 units of the characters before i
  // A character starts at `at` and takes `len16` UTF-16 units: first record the blocks that
  // start at or before it (their prefix excludes it), then set its bit.
  auto character = [&](size_t at, uint32_t len16) {
    while ((block_units_.size() << kBlockBits) <= at) {
      block_units_.push_back(static_cast<uint32_t>(units));
      starts_.push_back(0);
    }
    starts_[at >> kBlockBits] |= uint64_t{1} << (at & (kBlock - 1));
    units += len16;
  };
  size_t i = 0;
  while (i < n) {
    const uint8_t c = s[i];
    if (c < 0x80) {
      character(i, 1);
      if (c == '\n' || c == '\r') {
        const bool pair = c == '\r' && i + 1 < n && s[i + 1] == '\n';
        if (pair) character(i + 1, 1);
        line_ends_at(static_cast<uint32_t>(i), pair);
        i += pair ? 2 : 1;
        continue;
      }
      ++i;
      continue;
    }
    // U8_NEXT never swallows an ASCII byte into an ill-formed sequence, so a terminator is
    // never hidden inside a character.
    const size_t start = i;
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    any_wide_ = true;
    const bool astral = cp >= 0x10000;  // ill-formed (cp < 0) -> one U+FFFD
    if (astral) astral_.push_back(static_cast<uint32_t>(start));
    character(start, astral ? 2 : 1);
  }
  while ((block_units_.size() << kBlockBits) <= n) {  // up to the block holding offset size_
    block_units_.push_back(static_cast<uint32_t>(units));
    starts_.push_back(0);
  }
}

namespace {
constexpr uint64_t kHigh = 0x8080808080808080ull;  // the top bit of each of 8 bytes
/// Top bits (one per byte) gathered into the low 8 bits: byte k's into bit k.
constexpr uint64_t gather(uint64_t top_bits) { return ((top_bits >> 7) * 0x0102040810204080ull) >> 56; }
}  // namespace

void LineIndex::index_lines(std::string_view text, size_t from, size_t to) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  // Terminators by memchr (vectorised): "\r" is rare, "\n" about once a paragraph.  A "\r" at
  // to - 1 is taken as a lone one: `to` is the text's end or where a line starts.
  const auto* end = s + to;
  auto next = [&](const uint8_t* from, int c) {
    const void* p = from < end ? std::memchr(from, c, static_cast<size_t>(end - from)) : nullptr;
    return p ? static_cast<const uint8_t*>(p) : end;
  };
  for (const uint8_t *lf = next(s + from, '\n'), *cr = next(s + from, '\r'); lf < end || cr < end;) {
    if (lf < cr) {
      line_ends_at(static_cast<uint32_t>(lf - s), false);
      lf = next(lf + 1, '\n');
    } else {
      const bool pair = lf < end && cr + 1 == lf;
      line_ends_at(static_cast<uint32_t>(cr - s), pair);
      if (pair) lf = next(lf + 1, '\n');
      cr = next(cr + 1, '\r');
    }
  }
}

// Counts bits per 64-byte block: with the CPU's popcnt where it has one (the x86-64 baseline lacks
// it and calls libgcc's, about 3 % of the server's instructions per 1 MB keystroke).
REPORTLS_WITH_POPCNT uint64_t LineIndex::index_blocks(std::string_view text, size_t first_block, size_t end_block,
                                                      uint64_t units) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  for (size_t base = first_block << kBlockBits; base < n && (base >> kBlockBits) < end_block; base += kBlock) {
    uint64_t starts = 0, astral = 0;
    const size_t len = std::min<size_t>(kBlock, n - base);
    size_t k = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time, as below: a character starts at each byte but 80-BF (signed, those
    // below C0), one of two units at F0 and up.
    for (; k + 16 <= len; k += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + base + k));
      const auto high = static_cast<uint32_t>(_mm_movemask_epi8(v));
      if (high == 0) {
        starts |= uint64_t{0xFFFF} << k;
        continue;
      }
      any_wide_ = true;
      const auto continuation = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)))));
      const __m128i f0 = _mm_set1_epi8(static_cast<char>(0xF0));
      const auto four = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, f0), v)));
      starts |= uint64_t{~continuation & 0xFFFFu} << k;
      astral |= uint64_t{four} << k;
    }
#endif
    for (; k + 8 <= len; k += 8) {
      uint64_t x;
      std::memcpy(&x, s + base + k, 8);
      if (!(x & kHigh)) {
        starts |= uint64_t{0xFF} << k;
        continue;
      }
      any_wide_ = true;
      // In valid UTF-8 a byte starts a character unless it is 10xxxxxx, and 11110xxx starts
      // one of two UTF-16 units.
      starts |= gather(~(x & ~(x << 1)) & kHigh) << k;
      astral |= gather(x & (x << 1) & (x << 2) & (x << 3) & kHigh) << k;
    }
    for (; k < len; ++k) {
      const uint8_t c = s[base + k];
      if ((c & 0xC0) != 0x80) starts |= uint64_t{1} << k;
      if (c >= 0xF0) astral |= uint64_t{1} << k;
      if (c >= 0x80) any_wide_ = true;
    }
    block_units_.push_back(static_cast<uint32_t>(units));
    starts_.push_back(starts);
    units += std::popcount(starts) + std::popcount(astral);
    for (; astral; astral &= astral - 1) astral_.push_back(static_cast<uint32_t>(base + std::countr_zero(astral)));
  }
  return units;
}

void LineIndex::index_valid(std::string_view text) {
  index_lines(text, 0, text.size());
  block_units_.reserve(text.size() / kBlock + 1);
  starts_.reserve(text.size() / kBlock + 1);
  const uint64_t units = index_blocks(text, 0, SIZE_MAX, 0);
  while ((block_units_.size() << kBlockBits) <= size_) {  // up to the block holding offset size_
    block_units_.push_back(static_cast<uint32_t>(units));
    starts_.push_back(0);
  }
}

REPORTLS_WITH_POPCNT bool LineIndex::derive(const LineIndex& before, std::string_view text, uint32_t start,
                                            uint32_t old_end, uint32_t new_end) {
  const int64_t delta = int64_t{new_end} - int64_t{old_end};
  // Lines: those up to the one before the edit's (a "\r" there may pair with an inserted "\n")
  // are kept; the text from there to the first line that starts after the edit is read again;
  // the lines after it are shifted.
  const uint32_t la = start > 0 ? before.line_of(start - 1) : 0;
  const size_t lb = static_cast<size_t>(
      std::upper_bound(before.line_starts_.begin(), before.line_starts_.end(), old_end) - before.line_starts_.begin());
  line_starts_.reserve(before.line_starts_.size() + 8);
  line_starts_.assign(before.line_starts_.begin(), before.line_starts_.begin() + la + 1);
  crlf_.assign(before.crlf_.begin(), before.crlf_.begin() + std::min<size_t>(before.crlf_.size(), (la + 63) / 64));
  if (la % 64 != 0 && !crlf_.empty()) crlf_.back() &= below(la % 64);
  const bool resumes = lb < before.line_starts_.size();
  const uint32_t to = resumes ? static_cast<uint32_t>(before.line_starts_[lb] + delta) : size_;
  index_lines(text, line_starts_.back(), to);
  if (resumes && line_starts_.back() != to) return false;  // cannot be: `to` starts a line of both texts
  for (size_t k = lb; resumes && k + 1 < before.line_starts_.size(); ++k) {
    const bool pair = (before.crlf_[k / 64] >> (k % 64)) & 1;
    line_ends_at(static_cast<uint32_t>(before.line_starts_[k + 1] - (pair ? 2 : 1) + delta), pair);
  }
  if (before.ascii()) return true;  // and so is the text (the caller checked what was inserted)
  // Blocks: those before the edit's are kept; those holding edited bytes are read again; the
  // rest are the old blocks' bits shifted (whether a byte starts a character, and one of two
  // units, depends on that byte alone).
  any_wide_ = true;
  const size_t bs = start >> kBlockBits, bm = (size_t{new_end} + kBlock - 1) >> kBlockBits;
  const size_t blocks = (size_t{size_} >> kBlockBits) + 1;
  block_units_.reserve(blocks);
  starts_.reserve(blocks);
  block_units_.assign(before.block_units_.begin(), before.block_units_.begin() + bs);
  starts_.assign(before.starts_.begin(), before.starts_.begin() + bs);
  auto kept = std::lower_bound(before.astral_.begin(), before.astral_.end(), static_cast<uint32_t>(bs << kBlockBits));
  astral_.assign(before.astral_.begin(), kept);
  uint64_t units = index_blocks(text, bs, bm, before.block_units_[bs]);
  auto moved = std::lower_bound(kept, before.astral_.end(), static_cast<uint32_t>((bm << kBlockBits) - delta));
  const auto old_word = [&](int64_t w) { return w < static_cast<int64_t>(before.starts_.size()) ? before.starts_[w] : 0; };
  for (size_t b = bm; b < blocks; ++b) {
    const int64_t from = static_cast<int64_t>(b << kBlockBits) - delta;  // at or after old_end
    const uint32_t r = static_cast<uint32_t>(from & (kBlock - 1));
    const uint64_t lo = old_word(from >> kBlockBits);
    const uint64_t bits = r == 0 ? lo : (lo >> r) | (old_word((from >> kBlockBits) + 1) << (kBlock - r));
    block_units_.push_back(static_cast<uint32_t>(units));
    starts_.push_back(bits);
    units += std::popcount(bits);
    for (; moved != before.astral_.end() && *moved < from + kBlock; ++moved, ++units)
      astral_.push_back(static_cast<uint32_t>(*moved + delta));
  }
  return true;
}

size_t LineIndex::memory_bytes() const {
  return line_starts_.capacity() * sizeof(uint32_t) + crlf_.capacity() * sizeof(uint64_t) +
         block_units_.capacity() * sizeof(uint32_t) + starts_.capacity() * sizeof(uint64_t) +
         astral_.capacity() * sizeof(uint32_t);
}

uint32_t LineIndex::line_start(uint32_t line) const {
  return line < line_count() ? line_starts_[line] : size_;
}

uint32_t LineIndex::line_end(uint32_t line) const {
  if (line + 1 >= line_count()) return size_;  // the last line has no terminator
  const bool pair = (crlf_[line / 64] >> (line % 64)) & 1;
  return line_starts_[line + 1] - (pair ? 2 : 1);
}

uint32_t LineIndex::line_of(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin()) - 1;  // line_starts_[0] == 0
}

uint32_t LineIndex::snap(uint32_t offset) const {
  if (ascii() || offset >= size_) return std::min(offset, size_);
  // Byte 0 starts a character, and a character spans at most 4 bytes: this ends within a
  // block or two.
  uint32_t block = offset >> kBlockBits;
  uint64_t bits = starts_[block] & below((offset & (kBlock - 1)) + 1);
  while (!bits) bits = starts_[--block];
  return (block << kBlockBits) + (63 - static_cast<uint32_t>(std::countl_zero(bits)));
}

uint32_t LineIndex::astral_between(uint32_t from, uint32_t to) const {
  if (astral_.empty() || from >= to) return 0;
  auto first = std::lower_bound(astral_.begin(), astral_.end(), from);
  return static_cast<uint32_t>(std::lower_bound(first, astral_.end(), to) - first);
}

REPORTLS_WITH_POPCNT uint64_t LineIndex::units_before(uint32_t offset) const {
  if (ascii()) return offset;
  const uint32_t block = offset >> kBlockBits;
  const uint32_t block_start = block << kBlockBits;
  return block_units_[block] + std::popcount(starts_[block] & below(offset - block_start)) +
         astral_between(block_start, offset);
}

uint32_t LineIndex::offset(Position p, PositionEncoding e) const {
  if (p.line >= line_count()) return size_;
  const uint32_t start = line_starts_[p.line];
  const uint32_t end = line_end(p.line);
  // 64-bit so that a huge `character` cannot wrap around.
  const uint64_t ch = p.character;
  if (e == PositionEncoding::Utf8 || ascii()) {
    if (start + ch >= end) return end;
    return snap(static_cast<uint32_t>(start + ch));
  }
  const uint64_t want = units_before(start) + ch;
  if (want >= units_before(end)) return end;
  // The last block of the line that starts at or before the wanted unit; a block's first
  // character has exactly block_units_ units before it.
  const uint32_t first_block = start >> kBlockBits;
  const uint32_t last_block = end >> kBlockBits;
  auto it = std::upper_bound(block_units_.begin() + first_block + 1, block_units_.begin() + last_block + 1, want);
  const uint32_t block = static_cast<uint32_t>(it - block_units_.begin()) - 1;
  // The wanted unit is on the last character of that block (from the line's start) whose units
  // before it do not exceed it; inside a surrogate pair, that character's start.
  const uint32_t base = block << kBlockBits;
  uint64_t bits = starts_[block] & ~below(std::max(start, base) - base);
  if (!bits) return end;  // cannot happen: the block was chosen for a character of the line
  uint32_t found = base + static_cast<uint32_t>(std::countr_zero(bits));
  bits &= bits - 1;
  uint64_t units = units_before(found);
  auto astral = std::lower_bound(astral_.begin(), astral_.end(), found);
  while (bits) {
    const uint32_t next = base + static_cast<uint32_t>(std::countr_zero(bits));
    bits &= bits - 1;
    if (next >= end) break;
    const bool pair = astral != astral_.end() && *astral == found;
    if (pair) ++astral;
    units += pair ? 2 : 1;  // the character at `found`
    if (units > want) break;
    found = next;
  }
  return found;
}

Position LineIndex::position(uint32_t offset, PositionEncoding e) const {
  const uint32_t off = std::min(offset, size_);
  return on_line(off, line_of(off), e);
}

uint32_t LineIndex::line_from(uint32_t offset, uint32_t from) const {
  const uint32_t n = line_count();
  if (from >= n || line_starts_[from] > offset) return line_of(offset);
  uint32_t lo = from, step = 1;  // line lo starts at or before offset
  while (lo + step < n && line_starts_[lo + step] <= offset) {
    lo += step;
    step *= 2;
  }
  const uint32_t hi = std::min(n, lo + step);  // line hi starts after offset, or is past the last
  auto it = std::upper_bound(line_starts_.begin() + lo + 1, line_starts_.begin() + hi, offset);
  return static_cast<uint32_t>(it - line_starts_.begin()) - 1;
}

Range LineIndex::range(uint32_t start, uint32_t end, PositionEncoding e, uint32_t *near) const {
  const uint32_t from = std::min(start, size_), to = std::min(end, size_);
  const uint32_t line = near ? (*near = line_from(from, *near)) : line_of(from);
  const bool same_line = to >= from && (line + 1 >= line_count() || to < line_starts_[line + 1]);
  return {on_line(from, line, e), on_line(to, same_line ? line : line_of(to), e)};
}

Position LineIndex::on_line(uint32_t off, uint32_t line, PositionEncoding e) const {
  const uint32_t start = line_starts_[line];
  off = snap(std::min(off, line_end(line)));  // between "\r" and "\n" -> before "\r"
  if (e == PositionEncoding::Utf8 || ascii()) return {line, off - start};
  return {line, static_cast<uint32_t>(units_before(off) - units_before(start))};
}

}  // namespace reportls::lsp
