#include "lsp/protocol/types.h"

namespace reportls::lsp::proto {

using nlohmann::json;

namespace {

std::string uri_of(const Field &f) { return f["textDocument"]["uri"].string(); }

}  // namespace

Position position_from(const Field &f) { return {f["line"].uinteger(), f["character"].uinteger()}; }

Range range_from(const Field &f) { return {position_from(f["start"]), position_from(f["end"])}; }

json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

json to_json(const Range &r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

InitializeParams InitializeParams::from_json(const Field &f) {
  f.expect_object();
  InitializeParams p;
  if (auto caps = f.optional("capabilities")) p.capabilities = ClientCapabilities::from_json(*caps);
  if (auto options = f.optional("initializationOptions")) p.initialization_options = options->json();
  if (auto folders = f.optional("workspaceFolders"))
    for (const Field &folder : folders->elements()) p.workspace_roots.push_back(folder["uri"].string());
  if (p.workspace_roots.empty())
    if (auto root = f.optional("rootUri")) p.workspace_roots.push_back(root->string());
  return p;
}

json InitializeParams::to_json() const {
  json folders = json::array();
  for (const std::string &r : workspace_roots) folders.push_back({{"uri", r}, {"name", r}});
  return {{"capabilities", capabilities.to_json()},
          {"initializationOptions", initialization_options},
          {"workspaceFolders", folders}};
}

DidOpenParams DidOpenParams::from_json(const Field &f) {
  Field td = f["textDocument"];
  DidOpenParams p;
  p.document.uri = td["uri"].string();
  p.document.text = td["text"].string();
  if (auto v = td.optional("version")) p.document.version = v->integer();
  if (auto l = td.optional("languageId")) p.document.language_id = l->string();
  return p;
}

json DidOpenParams::to_json() const {
  return {{"textDocument",
           {{"uri", document.uri},
            {"languageId", document.language_id},
            {"version", document.version},
            {"text", document.text}}}};
}

DidChangeParams DidChangeParams::from_json(const Field &f) {
  Field td = f["textDocument"];
  DidChangeParams p;
  p.uri = td["uri"].string();
  if (auto v = td.optional("version")) p.version = v->integer();
  for (const Field &c : f["contentChanges"].elements()) {
    ContentChange change;
    change.text = c["text"].string();
    if (auto r = c.optional("range")) change.range = range_from(*r);
    p.changes.push_back(std::move(change));
  }
  return p;
}

json DidChangeParams::to_json() const {
  json out = json::array();
  for (const ContentChange &c : changes) {
    json j = {{"text", c.text}};
    if (c.range) j["range"] = proto::to_json(*c.range);
    out.push_back(std::move(j));
  }
  json td = {{"uri", uri}};
  if (version) td["version"] = *version;
  return {{"textDocument", td}, {"contentChanges", out}};
}

DocumentParams DocumentParams::from_json(const Field &f) { return {uri_of(f)}; }

json DocumentParams::to_json() const { return {{"textDocument", {{"uri", uri}}}}; }

PositionParams PositionParams::from_json(const Field &f) { return {uri_of(f), position_from(f["position"])}; }

json PositionParams::to_json() const {
  return {{"textDocument", {{"uri", uri}}}, {"position", proto::to_json(position)}};
}

CodeActionParams CodeActionParams::from_json(const Field &f) {
  CodeActionParams p{uri_of(f), range_from(f["range"]), {}};
  if (auto context = f.optional("context"))
    if (auto only = context->optional("only"))
      for (const Field &kind : only->elements()) p.only.push_back(kind.string());
  return p;
}

json CodeActionParams::to_json() const {
  json context = {{"diagnostics", json::array()}};
  if (!only.empty()) context["only"] = only;
  return {{"textDocument", {{"uri", uri}}}, {"range", proto::to_json(range)}, {"context", context}};
}

FormattingParams FormattingParams::from_json(const Field &f) {
  FormattingParams p{uri_of(f), std::nullopt};
  if (auto r = f.optional("range")) p.range = range_from(*r);
  return p;
}

json FormattingParams::to_json() const {
  json j = {{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 4}, {"insertSpaces", true}}}};
  if (range) j["range"] = proto::to_json(*range);
  return j;
}

ExecuteCommandParams ExecuteCommandParams::from_json(const Field &f) {
  ExecuteCommandParams p{f["command"].string(), json::array()};
  if (auto args = f.optional("arguments")) {
    args->elements();  // an array, or InvalidParams
    p.arguments = args->json();
  }
  return p;
}

json ExecuteCommandParams::to_json() const { return {{"command", command}, {"arguments", arguments}}; }

DocumentDiagnosticParams DocumentDiagnosticParams::from_json(const Field &f) {
  DocumentDiagnosticParams p{uri_of(f), ""};
  if (auto previous = f.optional("previousResultId")) p.previous_result_id = previous->string();
  return p;
}

json DocumentDiagnosticParams::to_json() const {
  json j = {{"textDocument", {{"uri", uri}}}};
  if (!previous_result_id.empty()) j["previousResultId"] = previous_result_id;
  return j;
}

DidChangeConfigurationParams DidChangeConfigurationParams::from_json(const Field &f) {
  DidChangeConfigurationParams p;
  std::optional<Field> settings = f.optional("settings");
  if (!settings) return p;
  if (auto ours = settings->json().is_object() ? settings->optional("reportls") : std::nullopt) settings = ours;
  if (!settings->json().is_object()) settings->fail("应为对象");
  if (!settings->json().empty()) p.settings = settings->json();
  return p;
}

json DidChangeConfigurationParams::to_json() const {
  return {{"settings", settings.is_null() ? json::object() : json{{"reportls", settings}}}};
}

CancelParams CancelParams::from_json(const Field &f) {
  Field id = f["id"];
  if (!id.json().is_number_integer() && !id.json().is_string()) id.fail("应为整数或字符串");
  return {id.json()};
}

json CancelParams::to_json() const { return {{"id", id}}; }

CompletionItemParams CompletionItemParams::from_json(const Field &f) {
  f.expect_object();
  CompletionItemParams p{f.json(), ""};
  if (auto data = f.optional("data"); data && data->json().is_object())
    if (auto doc = data->optional("documentation")) p.documentation = doc->string();
  return p;
}

InlineCompletionParams InlineCompletionParams::from_json(const Field &f) {
  InlineCompletionParams p{uri_of(f), position_from(f["position"]), std::nullopt};
  if (auto context = f.optional("context"))
    if (auto selected = context->optional("selectedCompletionInfo")) {
      // vscode-languageclient 9.0.1 sends this range as VS Code's Range serialises, [start, end]:
      // read that form too, or every ghost text request with the suggest widget open would fail.
      const Field range = (*selected)["range"];
      Range r;
      if (range.json().is_array()) {
        const std::vector<Field> ends = range.elements();
        if (ends.size() != 2) range.fail("应为对象 {start, end}");
        r = {position_from(ends[0]), position_from(ends[1])};
      } else {
        r = range_from(range);
      }
      p.selected = Selected{r, (*selected)["text"].string()};
    }
  return p;
}

json InlineCompletionParams::to_json() const {
  json context = {{"triggerKind", 2}};
  if (selected) context["selectedCompletionInfo"] = {{"range", proto::to_json(selected->range)}, {"text", selected->text}};
  return {{"textDocument", {{"uri", uri}}}, {"position", proto::to_json(position)}, {"context", context}};
}

}  // namespace reportls::lsp::proto
