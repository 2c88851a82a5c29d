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
// Layout, after rust-analyzer's line-index crate: the start offset of every line, and only
// the non-ASCII characters of each line ("wide chars"). A line with no wide chars converts in
// O(1); otherwise one binary search over that line's wide chars. Memory is O(lines + non-ASCII
// characters); the text itself is not kept.
//
// Offsets are uint32_t: texts must be smaller than 4 GiB (the transport caps a message at
// 256 MiB by default, far below that).
//
// Thread-safety: immutable after construction; share freely across threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
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
  /// Indexes `text`; the text is not retained (nothing needs to outlive the call).
  /// The text should be valid UTF-8 (TextDocument guarantees it via sanitize_utf8). If it is
  /// not, each ill-formed sequence (as ICU's U8_NEXT delimits it) counts as one character of
  /// one UTF-16 unit, i.e. exactly as the U+FFFD that sanitize_utf8 would put there.
  explicit LineIndex(std::string_view text);

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

 private:
  /// A non-ASCII character (or ill-formed sequence) inside a line.
  struct WideChar {
    uint32_t offset;  ///< absolute byte offset of its first byte
    uint32_t col16;   ///< UTF-16 units from its line's start to its first unit
    uint8_t len8;     ///< bytes (2..4; 1..3 for an ill-formed sequence)
    uint8_t len16;    ///< UTF-16 units (1 or 2)
  };

  /// Wide chars of `line`, as [first, last) indices into wide_.
  std::pair<uint32_t, uint32_t> wide_range(uint32_t line) const {
    return {wide_begin_[line], wide_begin_[line + 1]};
  }
  /// Index in wide_ of the last wide char of `line` starting at or before `offset`, or
  /// UINT32_MAX if none.
  uint32_t wide_at_or_before(uint32_t line, uint32_t offset) const;

  uint32_t size_ = 0;
  std::vector<uint32_t> line_starts_;  ///< one per line; line_starts_[0] == 0
  std::vector<uint32_t> line_ends_;    ///< one per line: offset of its terminator (or size_)
  std::vector<uint32_t> wide_begin_;   ///< line_count() + 1 indices into wide_
  std::vector<WideChar> wide_;         ///< all wide chars, in text order
};

}  // namespace reportls::lsp
