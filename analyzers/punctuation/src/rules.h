// Internal: the rule families of the punctuation analyzer, each appending to out.
#ifndef REPORTLS_PUNCTUATION_RULES_H
#define REPORTLS_PUNCTUATION_RULES_H

#include <reportls/punctuation/punctuation.h>

namespace reportls::punctuation {

// normalized-document or halfwidth: ASCII marks in Chinese text.
void check_width(const report::Document &doc, const Tables &t, std::vector<plugin::Diagnostic> &out);
// unbalanced: paired marks, per paragraph (line).
void check_pairs(const report::Document &doc, const Tables &t, std::vector<plugin::Diagnostic> &out);
// The ordinals of Orphan headings (`)依法决策…`): the numbering analyzer reports those marks.
std::vector<report::Span> orphan_ordinals(const report::Document &doc);

}  // namespace reportls::punctuation

#endif  // REPORTLS_PUNCTUATION_RULES_H
