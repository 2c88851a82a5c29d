// text_document.h: an immutable snapshot of one open document (text + LineIndex + version).
//
// The DocumentStore (main thread) holds a std::shared_ptr<const TextDocument> per URI and
// replaces it on every didChange with the snapshot apply() returns; analysis tasks on pool
// threads keep their own shared_ptr and so never take a lock or see a half-applied edit.
//
// Invariants of every TextDocument:
//  - text() is valid UTF-8 (ill-formed input is repaired with U+FFFD by sanitize_utf8), so
//    byte offsets handed to analyzers can always be cut at character boundaries;
//  - lines() indexes exactly text();
//  - line endings are kept as received ("\r\n" is not normalised), so byte offsets match
//    what the client has.
//
// Thread-safety: immutable after construction (the line index is built once, on first use, under
// std::call_once); share freely.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lsp/protocol/line_index.h"
#include "lsp/protocol/utf8_runs.h"  // valid_utf8_prefix, by the rules of sanitize_utf8

namespace reportls::lsp {

/// One entry of DidChangeTextDocumentParams.contentChanges.
struct TextChange {
  std::optional<Range> range;  ///< in protocol units; none = replace the whole text
  std::string text;            ///< new text for the range; need not be valid UTF-8
};

class TextDocument : public std::enable_shared_from_this<TextDocument> {
 public:
  /// The document as opened by didOpen. `text` is repaired with sanitize_utf8 first.
  TextDocument(std::string uri, std::string language_id, int64_t version, std::string text);

  const std::string& uri() const { return uri_; }
  const std::string& language_id() const { return language_id_; }
  int64_t version() const { return version_; }
  const std::string& text() const { return text_; }
  /// Built on first use (any thread; once): a keystroke's new snapshot goes to the analysis
  /// before its index is built (Engine::update then builds it while the analysis runs).
  /// A snapshot apply() made by one ranged change is indexed from the snapshot it was made from
  /// (LineIndex's second constructor), which it keeps until then.
  const LineIndex& lines() const {
    std::call_once(lines_built_, [this] {
      if (made_from_)
        lines_.emplace(made_from_->lines(), text_, edit_.start, edit_.old_end, edit_.new_end);
      else
        lines_.emplace(text_, LineIndex::Utf8::Valid);
      made_from_.reset();
    });
    return *lines_;
  }

  /// How apply() made this snapshot from `from` with one ranged change: its bytes [start, old_end)
  /// became this text's [start, new_end).
  struct Edit {
    uint32_t start = 0, old_end = 0, new_end = 0;
  };
  /// This snapshot's name: never given to another snapshot of the process.
  uint64_t name() const { return name_; }
  /// The name of the snapshot apply() made this one from with one ranged change, edit() being
  /// that change; 0 for any other snapshot (opened, several changes, a whole new text).
  uint64_t made_from() const { return from_name_; }
  const Edit& edit() const { return edit_; }

  /// A new snapshot at `version` with `changes` applied in order (LSP incremental sync: each
  /// range is in the coordinates of the text produced by the previous change). `e` is the
  /// negotiated position encoding. This snapshot is unchanged.
  ///
  /// Never throws on bad input (only std::bad_alloc):
  ///  - positions are clamped and snapped as LineIndex::offset() describes (line past the end
  ///    -> end of text, character past the line -> end of line, inside a character -> its
  ///    start), so an edit never splits a character or a "\r\n";
  ///  - a range whose (clamped) end lies before its (clamped) start is treated as the empty
  ///    range at its start: the new text is inserted there and nothing is deleted;
  ///  - change texts are repaired with sanitize_utf8.
  /// The version is taken as given; checking that it increases is the caller's business.
  /// Cost: one copy of the text per change (the index is rebuilt between changes).
  std::shared_ptr<const TextDocument> apply(int64_t version, const std::vector<TextChange>& changes,
                                            PositionEncoding e) const;

 private:
  struct Sanitized {};  // tag: text is already valid UTF-8
  TextDocument(Sanitized, std::string uri, std::string language_id, int64_t version,
               std::string text);

  std::string uri_;
  std::string language_id_;
  int64_t version_;
  std::string text_;
  mutable std::once_flag lines_built_;
  mutable std::optional<LineIndex> lines_;
  uint64_t name_;
  uint64_t from_name_ = 0;
  Edit edit_;
  // Until lines() is built: the snapshot named from_name_.
  mutable std::shared_ptr<const TextDocument> made_from_;
};

/// Makes `text` valid UTF-8 in place: every ill-formed sequence (overlong form, encoded
/// surrogate, truncated sequence, code point above U+10FFFF, stray continuation or invalid
/// lead byte) becomes one U+FFFD per maximal ill-formed subpart, the Unicode-recommended
/// practice that ICU's U8_NEXT implements (e.g. "\xE4\xB8" -> one U+FFFD, "\xC0\xAF" -> two).
/// Returns true if anything was replaced. O(n); no allocation when the text is already valid.
bool sanitize_utf8(std::string& text);


}  // namespace reportls::lsp
