// required_literal.h — the prefilter of a Pattern: texts that every text holding a match of an ICU
// regex contains, found by reading the pattern conservatively, so that a line without them is
// passed over without converting it or running the regex (what RE2 and Hyperscan call required
// literals; RE2's prefilter is likewise an AND of OR sets).  Internal to the report library.
// Pure, thread-safe.
#pragma once

#include <reportls/report/pattern.h>

#include <cstddef>
#include <string_view>

namespace reportls::report {

// What a text holding a match of regex contains: every list of the result, one text of it at least
// (RequiredTexts, pattern.h).  A list comes from
//   - a run of literal characters outside quantifiers, multiplied out over the small sets and
//     alternations of plain text it passes through (`(?:切实|积极)提` requires 切实提 or 积极提;
//     `1[件个][,，]均` one of four texts) and over a following look-ahead (`实(?=“)`: 实“),
//     while there are at most kMaxAlternatives texts;
//   - an alternation whose every branch requires something (`(十九|二十)大`), a case-insensitive
//     group of a short ASCII word (`(?i:ipv6)`: each of its spellings);
//   - positive look-arounds, whose text lies in the searched line too (`(?<=(?:切实|积极)提)`);
//   - a regex that starts with a group of one set of a few plain characters and its back
//     reference: each of them written twice (`([县区])\1` requires 县县 or 区区).
// Only the kMaxRequired longest lists are kept.  Empty when nothing is known, or where the
// pattern is read in a way this reading does not follow (flags such as (?i) or (?x), \Q…\E).
// Never wrong: a text that lacks every text of one list has no match.
RequiredTexts required_literals(std::string_view regex);

constexpr size_t kMaxAlternatives = 32;
constexpr size_t kMaxRequired = 4;

// For a regex that starts with a capture group of a fixed number of characters followed by its back
// reference — `(\p{Han}{2})\1`, a word written twice; `([县区])\1`, a doubled character —: every
// match starts with `width` characters written twice in a row (a tandem repeat), Han characters
// only when han is set (the group is made of \p{Han} alone).  width 0 for any other regex.  Never
// wrong, like required_literals().
struct TandemRepeat {
  size_t width = 0;
  bool han = false;
};
TandemRepeat required_tandem_repeat(std::string_view regex);

// Whether text holds some t.width characters written twice in a row (code points compared; each
// a Han character when t.han).
bool has_tandem_repeat(std::string_view text, TandemRepeat t);

}  // namespace reportls::report
