// reportls/phrasing/typing.h — what the user has typed before the cursor, and the report year.
#ifndef REPORTLS_PHRASING_TYPING_H
#define REPORTLS_PHRASING_TYPING_H

#include <reportls/report/document.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace reportls::phrasing {

// What was typed before the cursor: pinyin letters, the Chinese characters before them, or both
// (`坚持以xjp`: chinese 坚持以, letters xjp).  chinese.end == letters.start, letters.end == the
// cursor; either may be empty.
struct Typed {
  report::Span chinese;  // CJK ideographs back to punctuation, a space, another character or the
                         // line start — at most max_chars (a long run is a sentence, not a query)
  report::Span letters;  // ASCII letters right before the cursor

  report::Span span() const { return {chinese.start, letters.end}; }
};

Typed typed_before(std::string_view text, uint32_t offset, uint32_t max_chars = 16);

// The report year: setting_year when given, else the first 4-digit year (19xx/20xx) followed by
// 年 in the title.
std::optional<int> report_year(const report::Document &doc, std::optional<int> setting_year);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_TYPING_H
