#include "lsp/worker_protocol.h"

namespace reportls::lsp {

using nlohmann::json;

// Field-by-field (de)serialisers for the value types of analysis.h, visible only here.
// An edit is a triple: a bulk fix (all the punctuation of a long report) carries many thousands.
void to_json(json &j, const Edit &e) { j = json::array({e.start, e.end, e.new_text}); }
void from_json(const json &j, Edit &e) {
  j.at(0).get_to(e.start);
  j.at(1).get_to(e.end);
  j.at(2).get_to(e.new_text);
}
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Fix, title, edits, preferred)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Diagnostic, start, end, severity, code, message, source, docs_url, fixes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Action, start, end, source, fix)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Symbol, name, detail, kind, start, end, selection_start, selection_end, parent)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Fold, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Completion, label, insert_text, filter_text, sort_text, detail,
                                   documentation, source, snippet, kind, replace_start, replace_end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Hover, start, end, markdown)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PluginProblem, plugin, message, disabled)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PluginTiming, plugin, milliseconds)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(AnalysisResult, version, diagnostics, actions, symbols, folds, facts, problems,
                                   timings)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CompletionResult, items, incomplete, problems)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(HoverResult, hovers, problems)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PluginInfo, name, version, description, path, capabilities, active, error)

namespace worker {

json encode(const AnalysisResult &r) { return r; }
json encode(const CompletionResult &r) { return r; }
json encode(const HoverResult &r) { return r; }
json encode(const std::vector<PluginInfo> &plugins) { return plugins; }

AnalysisResult decode_analysis(const json &j) { return j.get<AnalysisResult>(); }
CompletionResult decode_completion(const json &j) { return j.get<CompletionResult>(); }
HoverResult decode_hover(const json &j) { return j.get<HoverResult>(); }
std::vector<PluginInfo> decode_plugins(const json &j) { return j.get<std::vector<PluginInfo>>(); }

std::string dump(const json &message) {
  std::string out;
  json::to_msgpack(message, out);
  return out;
}

json parse(std::string_view body) {
  return json::from_msgpack(body.begin(), body.end(), true, false);
}

}  // namespace worker
}  // namespace reportls::lsp
