// worker_protocol.h — the messages between the server and its analysis worker process.
//
// One JSON object, encoded as MessagePack (the document text travels unescaped), per
// Content-Length frame (transport.h), over the worker's stdin/stdout:
//
//   worker → host  {"hello": {"plugins": [PluginInfo...]}}            once, after loading
//   host → worker  {"id": N, "method": "analyze"|"complete"|"hover", "doc": {uri, text, version,
//                   settings}, "capabilities": C, "offset": O, "skip": [plugin names]}
//   worker → host  {"id": N, "plugin": "name"}     progress: about to call that plugin
//   worker → host  {"id": N, "result": <bin>}      the request's result (encode() below)
//   host → worker  {"cancel": N}                   the request's CancelToken was cancelled
//
// Results and the plugin list travel as one MessagePack bin value each, in the layout of
// result_codec.h (a JSON tree of thousands of diagnostics cost more than analysing them).
// The worker answers requests one at a time, in order.  Everything here is pure and
// thread-safe; the decode functions throw nlohmann::json::exception or codec::CodecError (both
// std::exception) on a malformed value: the host treats that like a crashed worker.
#pragma once

#include "lsp/analysis.h"
#include "lsp/plugin_host.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace reportls::lsp::worker {

nlohmann::json encode(const AnalysisResult &r);
nlohmann::json encode(const CompletionResult &r);
nlohmann::json encode(const HoverResult &r);
nlohmann::json encode(const std::vector<PluginInfo> &plugins);

AnalysisResult decode_analysis(const nlohmann::json &j);
CompletionResult decode_completion(const nlohmann::json &j);
HoverResult decode_hover(const nlohmann::json &j);
std::vector<PluginInfo> decode_plugins(const nlohmann::json &j);

// One message body, and back; parse() gives a discarded value for a malformed body.
std::string dump(const nlohmann::json &message);
nlohmann::json parse(std::string_view body);

}  // namespace reportls::lsp::worker
