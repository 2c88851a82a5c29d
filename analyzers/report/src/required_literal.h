// required_literal.h — the prefilter of a Pattern: texts of which every match of an ICU regex
// contains at least one, found by reading the pattern conservatively, so that a line without any
// of them is passed over without converting it or running the regex (what RE2 and Hyperscan call
// required literals; RE2's prefilter keeps such OR sets too).  Internal to the report library.
// Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

// Texts of which every match of regex contains at least one: the longest run of literal
// characters of the pattern's sequence outside quantifiers and classes, or, where it serves
// better, one literal from each branch of an alternation (top level, or a group that is not
// optional or repeated: `(十九|二十)大` requires 十九 or 二十), or, for a regex that starts with a
// group of one set of a few plain characters and its back reference, each of them written twice
// (`([县区])\1` requires 县县 or 区区).  Empty when there is none, or where
// the pattern is read in a way this reading does not follow (flags such as (?i) or (?x), \Q…\E).
// Never wrong: a text that contains none of them has no match.
std::vector<std::string> required_literals(std::string_view regex);

// For a regex that starts with a capture group of a fixed number w of characters followed by its
// back reference — `(\p{Han}{2})\1`, a word written twice; `([县区])\1`, a doubled character —
// w: every match starts with some w characters written twice in a row (a tandem repeat), which
// has_tandem_repeat() looks for.  0 for any other regex.  Never wrong, like required_literals().
size_t required_tandem_repeat(std::string_view regex);

// Whether text holds some w characters written twice in a row (code points compared).
bool has_tandem_repeat(std::string_view text, size_t w);

}  // namespace reportls::report
