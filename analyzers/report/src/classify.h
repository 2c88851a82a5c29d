// Internal: per-line classifiers used by parse().  Not installed.
#ifndef REPORTLS_REPORT_CLASSIFY_H
#define REPORTLS_REPORT_CLASSIFY_H

#include <reportls/report/document.h>

namespace reportls::report::detail {

// Web-page chrome (see Rules).  content is a trimmed line.
bool is_debris(std::string_view text, Span content, const Rules &rules);
// Appends the key/value pairs of a metadata chrome line.
void read_metadata(std::string_view text, Span content, uint32_t line, const Rules &rules,
                   std::vector<MetaField> &out);
// A date standing alone: 2023年12月21日, 二〇二四年二月二十九日, 2024-02-29, 2024.2.29.
bool is_date_line(std::string_view s);
// Short (at most max_chars code points) and free of sentence punctuation 。，,；;：:！？!?
bool is_title_like(std::string_view s, uint32_t max_chars);
// Free of the marks that end a sentence or a clause (。，,；;！？!?); colons are allowed, so
// `发布日期:2021-02-03` and `省政府:` qualify.
bool has_no_clause_marks(std::string_view s);

// The shape of a line (Document::shapes) from its content.
LineShape shape_of(std::string_view text, Span content);
// Finds the tables (table.h) among the lines classify_line() left Body or Heading, from their
// shapes (Document::shapes), sets their lines to LineKind::Table and drops the headings on them.
// Linear in the text.
void find_tables(Document &doc);

// parse(text, rules), derived from the Document of an earlier text that shares text's first
// `prefix` and last `suffix` bytes: only the lines around the change are read again.  Gives
// exactly what parse() gives.
Document reparse(const Document &old, std::string_view text, const Rules &rules, size_t prefix,
                 size_t suffix);

}  // namespace reportls::report::detail

#endif
