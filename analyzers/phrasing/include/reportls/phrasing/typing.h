// reportls/phrasing/typing.h — what the user has typed before the cursor, and the report year.
#ifndef REPORTLS_PHRASING_TYPING_H
#define REPORTLS_PHRASING_TYPING_H

#include <reportls/report/document.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace reportls::phrasing {

struct TypedRun {
  report::Span span;   // ends at the cursor; empty when nothing was typed
  bool latin = false;  // ASCII letters (pinyin); else CJK ideographs
};

// The run before offset: the ASCII letters when the character before the cursor is one, else the
// CJK ideographs back to the previous punctuation, space, other character or line start — at most
// max_chars code points (a long run is a sentence being written, not a query).
TypedRun typed_before(std::string_view text, uint32_t offset, uint32_t max_chars = 16);

// The report year: setting_year when given, else the first 4-digit year (19xx/20xx) followed by
// 年 in the title.
std::optional<int> report_year(const report::Document &doc, std::optional<int> setting_year);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_TYPING_H
