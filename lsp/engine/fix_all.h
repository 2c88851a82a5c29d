// fix_all.h — many certain fixes applied as one edit (fix-all, Format Document): which fixes go
// together, in a deterministic order, and the edits that turn one text into another.  The engine
// (Engine::fix_all) repeats compose → apply → analyse until no fix is left, so applying the result
// a second time changes nothing.  Pure; byte offsets.
#pragma once

#include "lsp/engine/analysis.h"

#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp {

struct CandidateFix {
  const Diagnostic *diagnostic;
  const Fix *fix;
};

// The edits of the fixes that can go together, sorted by position and never overlapping.  Fixes
// are taken in order of their first edit's position (then rule code, then title, so the result
// never depends on the plugins' order); a fix is all or nothing: one whose edit overlaps an edit
// already taken — or inserts at the same point — waits for the next round.
std::vector<Edit> compose(std::vector<CandidateFix> fixes);

// text with edits (sorted, non-overlapping) applied.
std::string apply_edits(std::string_view text, const std::vector<Edit> &edits);

// Edits that turn `before` into `after`: the changed lines, each trimmed to the bytes that differ
// (cut at character boundaries).  Sorted, non-overlapping.
std::vector<Edit> diff_edits(std::string_view before, std::string_view after);

}  // namespace reportls::lsp
