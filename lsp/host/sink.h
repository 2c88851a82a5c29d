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

#include <reportls/plugin.h>

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
  AnalysisResult *analysis = nullptr;
  CompletionResult *completion = nullptr;
  HoverResult *hover = nullptr;
  size_t symbol_base = 0;
  std::vector<std::string> errors;

  void span(uint32_t &start, uint32_t &end) const;
  Fix fix(const reportls_fix *f) const;
};

// A sink whose callbacks write into `collector`.
reportls_sink make_sink(Collector &collector);

}  // namespace reportls::lsp
