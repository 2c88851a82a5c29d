// json_text.h — JSON written straight into a string, for the few answers too big for a DOM: the
// diagnostics of a large report (thousands of them on every keystroke), where building nlohmann
// values and dumping them cost more than the analysis itself.  The text is what nlohmann's compact
// dump() writes for the same values (keys in the same, sorted, order at the call sites), except
// that invalid UTF-8 becomes one U+FFFD per maximal ill-formed subpart (as sanitize_utf8 does).
// Pure functions; any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace reportls::lsp {

/// Appends s as a JSON string literal, quotes included.
void append_json_string(std::string &out, std::string_view s);

}  // namespace reportls::lsp
