// reportls/terms/repeats.h — a stretch of text written twice in a row: a copy-and-paste slip
// (共排查出…“挂案” 5起,排查出…“挂案” 5起,).  terms.misuse reports the second copy.
//
// Only a stretch long enough to be a clause is looked for, by the limits of repeats.json: a word or
// a name written twice (县县, 推进推进) is the pattern rules' job (terms-typos.json).  Pure
// functions; any thread.
#ifndef REPORTLS_TERMS_REPEATS_H
#define REPORTLS_TERMS_REPEATS_H

#include <reportls/plugin.hpp>
#include <reportls/report/text.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::terms {

// What counts as a clause written twice: each copy min_chars to max_chars characters, of which at
// least min_ideographs are CJK ideographs (digits, marks and letters alone repeat legitimately:
// 0 0 0, ……).  All zero until a repeats.json is merged in.
struct ClauseLimits {
  uint32_t min_chars = 0, max_chars = 0, min_ideographs = 0;
};

// Merges the "clause" object of the repeats.json at `path` into limits: the values it gives replace
// those before.  Throws std::runtime_error("<path>: <why>") on a file that cannot be read, is not
// such a file, or leaves limits out of range (min_ideographs < 3: the search compares 8 bytes at a
// time; max_chars > 500: each candidate is compared whole; min_chars or min_ideographs above
// max_chars), leaving limits as they were.
void merge_clause_limits(const std::string &path, ClauseLimits &limits);

// Each stretch of `text` that repeats the one right before it, character for character, and is a
// clause by `limits`: the span of every copy after the first, in text order, none overlapping.
// Linear in the text (a paragraph pasted without line breaks is megabytes).
std::vector<report::Span> repeated_stretches(std::string_view text, const ClauseLimits &limits);

// The terms.misuse diagnostic of a repeated stretch (offsets as in `text`), with its fix: the
// second copy deleted (not preferred: the author may have meant a different clause there).
plugin::Diagnostic repeated_stretch_diagnostic(std::string_view text, report::Span second);

}  // namespace reportls::terms

#endif  // REPORTLS_TERMS_REPEATS_H
