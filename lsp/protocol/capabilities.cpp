#include "lsp/protocol/capabilities.h"

#include <algorithm>

namespace reportls::lsp::proto {

using nlohmann::json;

namespace {

// The optional object at path a.b.c below f, or nullopt when any step is absent.
std::optional<Field> at(const Field &f, std::initializer_list<const char *> keys) {
  std::optional<Field> cur = f;
  for (const char *k : keys) {
    cur = cur->optional(k);
    if (!cur) return std::nullopt;
  }
  return cur;
}

bool flag(const Field &f, std::initializer_list<const char *> keys) {
  auto v = at(f, keys);
  return v && v->boolean();
}

bool lists(const Field &f, std::initializer_list<const char *> keys, const std::string &wanted) {
  auto v = at(f, keys);
  if (!v) return false;
  bool found = false;
  for (const Field &e : v->elements()) found |= e.string() == wanted;
  return found;
}

}  // namespace

ClientCapabilities ClientCapabilities::from_json(const Field &f) {
  ClientCapabilities c;
  c.utf8_positions = lists(f, {"general", "positionEncodings"}, "utf-8");
  c.pull_diagnostics = at(f, {"textDocument", "diagnostic"}).has_value();
  c.snippets = flag(f, {"textDocument", "completion", "completionItem", "snippetSupport"});
  c.markdown_completion_docs =
      lists(f, {"textDocument", "completion", "completionItem", "documentationFormat"}, "markdown");
  c.markdown_hover = lists(f, {"textDocument", "hover", "contentFormat"}, "markdown");
  c.hierarchical_symbols = flag(f, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  c.code_action_literals = at(f, {"textDocument", "codeAction", "codeActionLiteralSupport"}).has_value();
  c.diagnostic_versions = flag(f, {"textDocument", "publishDiagnostics", "versionSupport"});
  c.code_descriptions = flag(f, {"textDocument", "publishDiagnostics", "codeDescriptionSupport"}) ||
                        flag(f, {"textDocument", "diagnostic", "codeDescriptionSupport"});
  c.show_message = at(f, {"window", "showMessage"}).has_value();
  c.inline_completion = at(f, {"textDocument", "inlineCompletion"}).has_value();
  if (auto codes = at(f, {"experimental", "reportls", "clientRuleDocs"})) {
    for (const Field &e : codes->elements()) c.client_rule_docs.push_back(e.string());
    std::sort(c.client_rule_docs.begin(), c.client_rule_docs.end());
  }
  return c;
}

json ClientCapabilities::to_json() const {
  json j = json::object();
  if (utf8_positions) j["general"]["positionEncodings"] = {"utf-8", "utf-16"};
  if (pull_diagnostics) j["textDocument"]["diagnostic"] = json::object();
  if (snippets) j["textDocument"]["completion"]["completionItem"]["snippetSupport"] = true;
  if (markdown_completion_docs)
    j["textDocument"]["completion"]["completionItem"]["documentationFormat"] = {"markdown"};
  if (markdown_hover) j["textDocument"]["hover"]["contentFormat"] = {"markdown"};
  if (hierarchical_symbols) j["textDocument"]["documentSymbol"]["hierarchicalDocumentSymbolSupport"] = true;
  if (code_action_literals)
    j["textDocument"]["codeAction"]["codeActionLiteralSupport"] = {{"codeActionKind", {{"valueSet", json::array()}}}};
  if (diagnostic_versions) j["textDocument"]["publishDiagnostics"]["versionSupport"] = true;
  if (code_descriptions) j["textDocument"]["publishDiagnostics"]["codeDescriptionSupport"] = true;
  if (show_message) j["window"]["showMessage"] = json::object();
  if (inline_completion) j["textDocument"]["inlineCompletion"] = json::object();
  if (!client_rule_docs.empty()) j["experimental"]["reportls"]["clientRuleDocs"] = client_rule_docs;
  return j;
}

json ServerCapabilities::to_json() const {
  json j = {
      {"positionEncoding", encoding == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"documentSymbolProvider", true},
      {"foldingRangeProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source", "source.fixAll.reportls"}}}},
      {"documentFormattingProvider", true},
      {"documentRangeFormattingProvider", true},
      {"executeCommandProvider", {{"commands", {"reportls.disableRule"}}}},
      {"completionProvider", {{"resolveProvider", true}, {"triggerCharacters", trigger_characters}}},
      {"hoverProvider", true},
  };
  if (pull_diagnostics)
    j["diagnosticProvider"] = {{"interFileDependencies", false}, {"workspaceDiagnostics", false}};
  if (inline_completion) j["inlineCompletionProvider"] = json::object();
  return j;
}

}  // namespace reportls::lsp::proto
