#include "lsp/engine/text_document.h"

#include "lsp/host/plugin_host.h"
#include "lsp/protocol/utf8_runs.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace reportls::lsp {

namespace {
std::string sanitized(std::string text) {
  sanitize_utf8(text);
  return text;
}
}  // namespace

bool sanitize_utf8(std::string& text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  // Fast path: scan until the first error without copying anything.
  const size_t bad = valid_utf8_prefix(text);
  if (bad == n) return false;

  std::string out;
  out.reserve(n + 16);
  out.append(text, 0, bad);
  size_t i = bad;
  while (i < n) {
    const size_t start = i;
    if (s[i] < 0x80) {
      out.push_back(static_cast<char>(s[i++]));
      continue;
    }
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp < 0) {
      out.append("\xEF\xBF\xBD");
    } else {
      out.append(text, start, i - start);
    }
  }
  text = std::move(out);
  return true;
}

TextDocument::TextDocument(std::string uri, std::string language_id, int64_t version,
                           std::string text)
    : TextDocument(Sanitized{}, std::move(uri), std::move(language_id), version,
                   sanitized(std::move(text))) {}

TextDocument::TextDocument(Sanitized, std::string uri, std::string language_id, int64_t version,
                           std::string text)
    : uri_(std::move(uri)),
      language_id_(std::move(language_id)),
      version_(version),
      text_(std::move(text)),
      name_(new_text_name()) {}

std::shared_ptr<const TextDocument> TextDocument::apply(int64_t version,
                                                        const std::vector<TextChange>& changes,
                                                        PositionEncoding e) const {
  std::string text;
  std::string_view current = text_;
  // The index of `current`; starts as ours and is rebuilt only when a later ranged change needs
  // it, so the common single-change didChange builds no index here.
  std::optional<LineIndex> rebuilt;
  const LineIndex* index = &lines();
  std::optional<Edit> single_edit;  // the one ranged change, in byte offsets
  for (const TextChange& change : changes) {
    std::string insert = change.text;
    sanitize_utf8(insert);
    if (!change.range) {
      text = std::move(insert);
    } else {
      if (!index) index = &rebuilt.emplace(current, LineIndex::Utf8::Valid);
      const uint32_t start = index->offset(change.range->start, e);
      uint32_t end = index->offset(change.range->end, e);
      if (end < start) end = start;
      if (changes.size() == 1) single_edit = Edit{start, end, static_cast<uint32_t>(start + insert.size())};
      // In one pass: a 1 MB report is copied once per keystroke, its tail not moved again.
      std::string next;
      next.reserve(current.size() - (end - start) + insert.size());
      next.append(current.substr(0, start)).append(insert).append(current.substr(end));
      text = std::move(next);
    }
    current = text;
    index = nullptr;
  }
  if (changes.empty()) text = text_;
  auto next = std::shared_ptr<TextDocument>(new TextDocument(Sanitized{}, uri_, language_id_, version, std::move(text)));
  if (single_edit) {
    next->made_from_ = weak_from_this().lock();  // none for a snapshot no shared_ptr owns
    next->from_name_ = name_;
    next->edit_ = *single_edit;
  }
  return next;
}

}  // namespace reportls::lsp
