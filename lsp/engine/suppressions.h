// suppressions.h — rules silenced in the text itself, with HTML comments (invisible in rendered
// Markdown), for the server and `reportls check` alike:
//
//   <!-- reportls-disable-next-line figures.unit -->   the next line that is not blank
//   <!-- reportls-disable punctuation -->             from here …
//   <!-- reportls-enable punctuation -->              … to here (or to the end of the text)
//
// Each directive names rule ids or prefixes (as the `rules` setting does), separated by spaces or
// commas; none means every rule.  A directive's own line gets no diagnostics.  Pure.
#pragma once

#include "lsp/engine/analysis.h"

#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp {

// Removes the diagnostics the directives in text silence.  O(text) when text has a directive,
// one search otherwise.
void drop_suppressed(std::string_view text, std::vector<Diagnostic> &diagnostics);

// Whether text holds a directive that silences anything (a disable; an enable alone silences
// nothing): drop_suppressed has nothing to do in a text without one.  The second answers it for a
// text made by replacing bytes of one that held none, its replacement now at [start, end): only
// the bytes there and a directive's length around them are read, not the text.
bool has_disable_directive(std::string_view text);
bool has_disable_directive_near(std::string_view text, size_t start, size_t end);

// The directive that silences `code` on the line after it, with its line break.
std::string disable_next_line_directive(const std::string &code);

// Whether `code` is `key` or under it: "figures.sum" is under "figures".
bool rule_matches(std::string_view code, std::string_view key);

}  // namespace reportls::lsp
