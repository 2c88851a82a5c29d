// reportls/report/heading.h — recognising one line as a numbered heading.
//
// Levels: 1 `一、`, 2 `（一）`/`(一)`, 3 `1.`/`1、`/`1．`, 4 `（1）`/`(1)`/`1)`; Markdown `#`…`######`
// give levels 1…6.  The orphan `)依法决策…` (an opening `(一` lost in conversion) is level 2 with
// style Orphan and value 0.  Not headings: `1.5亿元`, `2022年…`, `一是…`, `一方面…`, dates, and an
// ordinal with no text after it.
#ifndef REPORTLS_REPORT_HEADING_H
#define REPORTLS_REPORT_HEADING_H

#include <reportls/report/text.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reportls::report {

enum class OrdinalStyle : uint8_t {
  Chinese,       // 一、  (variants 一. 一．)
  ChineseParen,  // （一） (ASCII (一) is canonical-equivalent; variants （一）、 一) 一）)
  Arabic,        // 1.   (1． canonical-equivalent; variant 1、)
  ArabicParen,   // （1） (ASCII (1) canonical-equivalent; variants （1）、 1) 1）)
  Markdown,      // ## text
  Orphan,        // )text — the opening bracket and numeral were lost
};

struct Ordinal {
  OrdinalStyle style = OrdinalStyle::Chinese;
  uint32_t value = 0;    // 0 for Markdown and Orphan
  Span span;             // the whole ordinal with its punctuation, e.g. `（一）、`, `##`
  Span number;           // the numeral alone; the #s for Markdown; empty for Orphan
  Span open;             // `(` or `（`, empty when absent
  Span close;            // `)` `）` `、` `.` `．`, empty for Markdown
  Span trailing;         // a further `、` after a closing bracket (`（一）、`), else empty
  bool full_width = false;  // the brackets / dot are the full-width forms
  bool canonical = false;   // 一、 （一） (一) 1. 1． （1） (1); Markdown counts as canonical

  // The punctuation as written: open + close + trailing, e.g. "（）、", "、", ".".
  std::string punctuation(std::string_view text) const;
  friend bool operator==(const Ordinal &, const Ordinal &) = default;
};

struct Heading {
  uint32_t line = 0;   // index into Document::lines
  int level = 1;       // 1…6
  Ordinal ordinal;
  Span text;           // everything after the ordinal, trimmed
  Span title;          // the heading proper: text up to its first sentence end (。!?), exclusive
  bool run_in = false; // body text follows the title on the same line
  friend bool operator==(const Heading &, const Heading &) = default;
};

// Parses the trimmed content span of one line as a heading.  Heading::line is left 0.
std::optional<Heading> parse_heading(std::string_view text, Span content);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_HEADING_H
