// line_index.h: the only place that converts between UTF-8 byte offsets and LSP positions.
//
// Everything below the protocol layer (documents, scheduler, analyzers) speaks UTF-8 byte
// offsets. LSP speaks {line, character}, where `character` is counted in the negotiated
// position encoding: UTF-16 code units (the mandatory default) or UTF-8 bytes (LSP 3.17
// `positionEncoding: "utf-8"`). Conversion is not trivial: a CJK character is 3 bytes but
// 1 UTF-16 unit, and a character outside the BMP (𠮷, 😀) is 4 bytes but 2 UTF-16 units.
//
// Line terminators follow the LSP spec: "\n", "\r\n" and a lone "\r" each end a line, and
// "\r\n" counts as one terminator. A text with N terminators has N + 1 lines (the last one
// may be empty), so the empty text has one empty line.
//
// Layout: the start offset of every line (and one bit per line for a "\r\n" ending); for a
// text with any non-ASCII byte, per block of 64 bytes the UTF-16 units of the characters that
// start before the block and a bitmap of the bytes that start a character, plus the offsets of
// the few characters of two UTF-16 units. A UTF-16 column is then a difference of two prefix
// counts, each one table read and one popcount: every conversion is O(1) after the line is
// found (O(log lines)), whatever the line's length or script. Memory: 4 bytes and 1 bit per
// line plus 12 bytes per 64 bytes of text (under a fifth of a Chinese text's size; nothing but
// the lines for ASCII text). The text itself is not kept.
//
// Offsets are uint32_t: texts must be smaller than 4 GiB (the transport caps a message at
// 256 MiB by default, far below that).
//
// Thread-safety: immutable after construction; share freely across threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace reportls::lsp {

/// How `Position::character` is counted; negotiated once in `initialize`.
enum class PositionEncoding { Utf16, Utf8 };

/// A position in protocol units. WARNING: `character` is in UTF-16 code units or UTF-8
/// bytes depending on the PositionEncoding, never in "characters". Use LineIndex to convert.
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

/// A half-open range [start, end) in protocol units.
struct Range {
  Position start, end;
  friend bool operator==(const Range&, const Range&) = default;
};

class LineIndex {
 public:
  /// Whether the caller vouches for the text being valid UTF-8.
  enum class Utf8 { Unchecked, Valid };

  /// Indexes `text`; the text is not retained (nothing needs to outlive the call).
  /// The text should be valid UTF-8 (TextDocument guarantees it via sanitize_utf8). If it is
  /// not, each ill-formed sequence (as ICU's U8_NEXT delimits it) counts as one character of
  /// one UTF-16 unit, i.e. exactly as the U+FFFD that sanitize_utf8 would put there.
  /// Utf8::Valid (the text is known to be valid, as a TextDocument's is) indexes eight bytes at
  /// a time, about a byte per cycle: every keystroke in an open document builds a new index.
  explicit LineIndex(std::string_view text, Utf8 validity = Utf8::Unchecked);
  /// The index of `text` (valid UTF-8) made from `before`, the index of the text `text` was made
  /// from by replacing its bytes [start, old_end) with text[start, new_end): a keystroke's.  Equal
  /// in every answer to LineIndex(text), at the cost of the lines and the 64-byte blocks the edit
  /// touches plus a shift of the others' tables (about a 40th of indexing a Chinese text, whose
  /// every byte is read); an edit that does not fit `before`, or a large one, is indexed afresh.
  LineIndex(const LineIndex& before, std::string_view text, uint32_t start, uint32_t old_end, uint32_t new_end);

  /// Number of lines: terminators + 1 (always >= 1).
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// Byte size of the indexed text.
  uint32_t size() const { return size_; }

  /// Byte offset where `line` starts; a line >= line_count() gives size().
  uint32_t line_start(uint32_t line) const;
  /// Byte offset where `line`'s content ends, before its terminator ("\n", "\r\n" or "\r");
  /// a line >= line_count() gives size().
  uint32_t line_end(uint32_t line) const;
  /// The line containing byte `offset` (a terminator belongs to the line it ends); offsets
  /// past the end give the last line. O(log lines).
  uint32_t line_of(uint32_t offset) const;

  /// Position -> byte offset, clamped as LSP prescribes:
  ///  - a line past the last line gives the end of the text;
  ///  - a character past the line's content gives the line's end (before "\r\n");
  ///  - a UTF-16 position inside a surrogate pair, or a UTF-8 position inside a multibyte
  ///    character, snaps back to the start of that character.
  /// The result is always a character boundary and never inside a "\r\n".
  uint32_t offset(Position p, PositionEncoding e) const;

  /// Byte offset -> Position. The offset is clamped to size() and snapped back to the start
  /// of the character it falls in; an offset between the "\r" and "\n" of a "\r\n" maps to
  /// the line's end. offset(position(o, e), e) == o for every character boundary o that is
  /// not inside a "\r\n".
  Position position(uint32_t offset, PositionEncoding e) const;
  /// {position(start, e), position(end, e)}, the line found once when both are on it (as a
  /// diagnostic's range nearly always is).  With `near`, start's line is looked for from line
  /// *near onwards first (ranges in text order, each a few lines after the last, are found in a
  /// step or two instead of a search of every line), and *near becomes it.
  Range range(uint32_t start, uint32_t end, PositionEncoding e, uint32_t *near = nullptr) const;

  /// Bytes this index holds (its tables), for the benchmark's memory figures.
  size_t memory_bytes() const;

 private:
  void index_checked(std::string_view text);  // character by character, ill-formed bytes delimited
  void index_valid(std::string_view text);    // eight bytes at a time
  /// The lines ending in text[from, to) (from: where the last line so far starts).
  void index_lines(std::string_view text, size_t from, size_t to);
  /// Blocks [first_block, end_block) of text (those holding bytes), `units` before the first;
  /// returns the units before the block after them.
  uint64_t index_blocks(std::string_view text, size_t first_block, size_t end_block, uint64_t units);
  /// The tables of the edited text from before's (the constructor above); false if they would not be right.
  bool derive(const LineIndex& before, std::string_view text, uint32_t start, uint32_t old_end, uint32_t new_end);
  void line_ends_at(uint32_t terminator, bool crlf);  // a line ends at `terminator`
  bool ascii() const { return starts_.empty(); }
  /// The start of the character that byte `offset` (<= size_) falls in.
  uint32_t snap(uint32_t offset) const;
  /// line_of(offset), looked for from line `from` onwards first: 1, 2, 4… lines on, then a binary
  /// search within the last step; a search of every line when offset lies before line `from`.
  uint32_t line_from(uint32_t offset, uint32_t from) const;
  /// The position of byte `off` (<= size_) on `line`, the line that holds it.
  Position on_line(uint32_t off, uint32_t line, PositionEncoding e) const;
  /// UTF-16 units of the characters that start before `offset`.
  uint64_t units_before(uint32_t offset) const;
  /// Characters of two UTF-16 units that start in [from, to).
  uint32_t astral_between(uint32_t from, uint32_t to) const;

  uint32_t size_ = 0;
  std::vector<uint32_t> line_starts_;  ///< one per line; line_starts_[0] == 0
  std::vector<uint64_t> crlf_;         ///< bit per line: it ends in "\r\n"
  bool any_wide_ = false;              ///< while indexing: a non-ASCII byte was seen
  // Empty for an all-ASCII text, where every byte is a character of one UTF-16 unit.
  std::vector<uint32_t> block_units_;  ///< per 64-byte block (size_ / 64 + 1 of them): units before it
  std::vector<uint64_t> starts_;       ///< per block: bit i set when byte 64 * block + i starts a character
  std::vector<uint32_t> astral_;       ///< offsets of the characters of two UTF-16 units, ascending
};

}  // namespace reportls::lsp
