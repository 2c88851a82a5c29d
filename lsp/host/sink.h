// sink.h — the host's side of reportls_sink: the callbacks that copy, clamp and sanitise what
// one plugin reports during one call.
//
// A Collector is the sink's ctx for one plugin call; it writes into exactly one of the result
// pointers.  Offsets are clamped to the text and snapped back to a character start, strings made
// valid UTF-8, enum values out of range replaced, parent indexes outside the plugin's own symbols
// dropped.  Used on whichever thread makes the call; a Collector is never shared.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/engine/cancel.h"
#include "lsp/host/result_codec.h"

#include <reportls/plugin.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp {

uint32_t clamp_offset(std::string_view text, uint32_t offset);
// A copy of a plugin's string (NULL gives ""), made valid UTF-8.
std::string copy_text(const char *s);

struct Collector {
  Collector(std::string_view t, const std::string *p, const CancelToken *k) : text(t), plugin(p), token(k) {}
  std::string_view text;
  const std::string *plugin;
  const CancelToken *token;
  // An analysis is written straight into its encoding: the analysis process sends it as it is.
  codec::AnalysisEncoder *analysis = nullptr;
  CompletionResult *completion = nullptr;
  HoverResult *hover = nullptr;
  std::vector<std::string> errors;

  void span(uint32_t &start, uint32_t &end) const;
  // A plugin's string as valid UTF-8 (NULL gives ""): a view of it, or of a repaired copy kept until
  // the callback returns.
  std::string_view clean(const char *s);
  // Views of a plugin's fixes (offsets clamped, strings made valid) into fix_views and edit_views.
  void view_fixes(const reportls_fix *fixes, size_t count, bool edits_deferred);
  // Scratch of the callback being served (reused: a keystroke's thousands of diagnostics allocate
  // nothing here).
  std::deque<std::string> repaired;
  std::vector<codec::FixView> fix_views;
  std::vector<codec::EditView> edit_views;
};

// A sink whose callbacks write into `collector`.
reportls_sink make_sink(Collector &collector);

}  // namespace reportls::lsp
