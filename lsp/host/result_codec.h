// result_codec.h — the compact binary form of analysis results between the analysis worker and
// the server (worker_protocol.h carries it as one MessagePack bin value).
//
// A 1 MB report gives thousands of diagnostics and fix edits per keystroke; building a JSON
// document tree of them on one side and walking it on the other cost more than the analysis
// itself.  This layout is written and read field by field: unsigned LEB128 integers, zigzag for
// signed ones, strings as length + bytes, sequences as count + elements, doubles as 8 bytes.
// Both ends come from one build (reportls and the reportls-analysis beside it), so there is no
// versioning.  Decoding checks every length against the bytes left and throws CodecError on
// anything malformed; it never allocates more than the input could describe.  Pure functions,
// thread-safe.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/host/plugin_host.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp::codec {

struct CodecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string encode(const AnalysisResult &r);
std::string encode(const CompletionResult &r);
std::string encode(const HoverResult &r);
std::string encode(const std::vector<PluginInfo> &plugins);

AnalysisResult decode_analysis(std::string_view bytes);
CompletionResult decode_completion(std::string_view bytes);
HoverResult decode_hover(std::string_view bytes);
std::vector<PluginInfo> decode_plugins(std::string_view bytes);

}  // namespace reportls::lsp::codec
