// reportls/report/ordinal.h — writing heading ordinals: numerals, the canonical form, renumbering.
#ifndef REPORTLS_REPORT_ORDINAL_H
#define REPORTLS_REPORT_ORDINAL_H

#include <reportls/report/document.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

// A replacement of text[span] by text.
struct TextEdit {
  Span span;
  std::string text;
};

// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1…999; other values as Arabic digits).
std::string chinese_numeral(uint32_t value);
// The numeral of value in the script of the ordinal (Chinese for 一、 （一）, Arabic for 1. （1））.
std::string numeral_for(const Ordinal &ordinal, uint32_t value);
// The ordinal as written, with its number replaced by value (`(三)` → `(四)`).
std::string ordinal_with_value(std::string_view text, const Ordinal &ordinal, uint32_t value);
// The canonical spelling of a numbered ordinal, keeping its numeral and bracket width:
// 1、→1.  （一）、→（一）  一.→一、  1)→(1)  1）→（1）.  Empty for Markdown and Orphan.
std::string canonical_ordinal(std::string_view text, const Ordinal &ordinal);
// Edits that renumber headings[first…] 1, 2, 3… — the siblings of headings[first] (same parent
// section, same level and ordinal style), starting from value start.  Orphans are skipped.
std::vector<TextEdit> renumber_siblings(const Document &doc, uint32_t first, uint32_t start);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_ORDINAL_H
