// required_literal.h — the prefilter of a Pattern: a run of text that every match of an ICU regex
// contains, found by reading the pattern's top level conservatively, so that a line without it
// is passed over without converting it or running the regex (what RE2 and Hyperscan call a
// required literal).  Internal to the report library.  Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace reportls::report {

// The longest run of literal characters at the top level of regex that is not under a
// quantifier, alternation or group; empty when there is none or the pattern is read in a way this
// reading does not follow (a top-level `|`, flags such as (?i) or (?x), \Q…\E).  Never wrong: a
// text without it has no match.
std::string required_literal(std::string_view regex);

}  // namespace reportls::report
