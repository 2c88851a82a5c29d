// result_reuse.h — a spent AnalysisResult's memory, for the next analysis to be decoded into.
//
// A 1 MB report's analysis is thousands of diagnostics of a few strings each.  Decoding one after
// every keystroke allocated every string, and letting the previous one go freed every string —
// work of the size of the result, twice per keystroke.  The engine shares each result through
// shared_result(); when its last holder lets go (on any thread), the result waits here instead of
// being freed, and spent_result() hands it to the next decode, which assigns its values into the
// room the strings and vectors already have (result_codec.h).  One result waits at a time (the
// one let go last; the one it replaces is freed), so what is kept stays bounded by the largest
// open analysis.  Thread-safe.
#pragma once

#include "lsp/engine/analysis.h"

#include <memory>

namespace reportls::lsp {

// `result`, shared; it waits for spent_result() when its last holder lets go.
std::shared_ptr<const AnalysisResult> shared_result(AnalysisResult &&result);

// The result let go last, its values all to be overwritten (it says nothing of any document), or
// an empty one when none waits.
AnalysisResult spent_result();

}  // namespace reportls::lsp
