// reportls/terms/repeats.h — a stretch of text written twice in a row: a copy-and-paste slip
// (共排查出…“挂案” 5起,排查出…“挂案” 5起,).  terms.misuse reports the second copy.
//
// Only a stretch long enough to be a clause is looked for: a word or a name written twice (县县,
// 推进推进) is the pattern rules' job (terms-typos.json).  Pure functions; any thread.
#ifndef REPORTLS_TERMS_REPEATS_H
#define REPORTLS_TERMS_REPEATS_H

#include <reportls/plugin.hpp>
#include <reportls/report/text.h>

#include <string_view>
#include <vector>

namespace reportls::terms {

// Each stretch of `text` that repeats the one right before it, character for character: the span
// of every copy after the first, in text order, none overlapping.  A copy is 6 to 60 characters with at
// least 5 CJK ideographs (digits, marks and letters alone repeat legitimately: 0 0 0, ……).
// Linear in the text (a paragraph pasted without line breaks is megabytes).
std::vector<report::Span> repeated_stretches(std::string_view text);

// The terms.misuse diagnostic of a repeated stretch (offsets as in `text`), with its fix: the
// second copy deleted (not preferred: the author may have meant a different clause there).
plugin::Diagnostic repeated_stretch_diagnostic(std::string_view text, report::Span second);

}  // namespace reportls::terms

#endif  // REPORTLS_TERMS_REPEATS_H
