// Typed LSP params: from_json(to_json(x)) == x, and a wrong type is refused with its field path.
#include "lsp/protocol/types.h"

#include <doctest/doctest.h>

using namespace reportls::lsp;
using namespace reportls::lsp::proto;
using nlohmann::json;

namespace {

template <class T>
T round_trip(const T &value) {
  const json j = value.to_json();
  return T::from_json(Field(j, "params"));
}

template <class T>
std::string refusal(const json &params) {
  try {
    T::from_json(Field(params, "params"));
  } catch (const InvalidParams &e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("every params struct survives to_json and from_json") {
  InitializeParams init;
  init.capabilities.utf8_positions = true;
  init.capabilities.pull_diagnostics = true;
  init.capabilities.snippets = true;
  init.capabilities.markdown_hover = true;
  init.capabilities.markdown_completion_docs = true;
  init.capabilities.hierarchical_symbols = true;
  init.capabilities.code_action_literals = true;
  init.capabilities.diagnostic_versions = true;
  init.capabilities.code_descriptions = true;
  init.capabilities.show_message = true;
  init.capabilities.inline_completion = true;
  init.capabilities.client_rule_docs = {"figures.sum", "terms.misuse"};
  init.initialization_options = {{"debounce", 0}};
  init.workspace_roots = {"file:///w"};
  InitializeParams back = round_trip(init);
  CHECK(back.capabilities.to_json() == init.capabilities.to_json());
  CHECK(back.capabilities.encoding() == PositionEncoding::Utf8);
  CHECK(back.initialization_options == init.initialization_options);
  CHECK(back.workspace_roots == init.workspace_roots);

  DidOpenParams open{{"file:///a.txt", "markdown", 7, "一、甲"}};
  DidOpenParams open_back = round_trip(open);
  CHECK(open_back.document.uri == "file:///a.txt");
  CHECK(open_back.document.language_id == "markdown");
  CHECK(open_back.document.version == 7);
  CHECK(open_back.document.text == "一、甲");

  DidChangeParams change{"file:///a.txt", 8, {{Range{{0, 1}, {0, 2}}, "乙"}, {std::nullopt, "全文"}}};
  DidChangeParams change_back = round_trip(change);
  CHECK(change_back.uri == change.uri);
  CHECK(change_back.version == 8);
  REQUIRE(change_back.changes.size() == 2);
  CHECK(change_back.changes[0].range == change.changes[0].range);
  CHECK(change_back.changes[0].text == "乙");
  CHECK_FALSE(change_back.changes[1].range);

  CHECK(round_trip(DocumentParams{"file:///a.txt"}).uri == "file:///a.txt");
  PositionParams pos{"file:///a.txt", {3, 4}};
  CHECK(round_trip(pos).position == Position{3, 4});
  CodeActionParams action{"file:///a.txt", {{1, 0}, {2, 5}}};
  CHECK(round_trip(action).range == action.range);
  CHECK(round_trip(DocumentDiagnosticParams{"file:///a.txt", "17"}).previous_result_id == "17");
  CHECK(round_trip(DocumentDiagnosticParams{"file:///a.txt", ""}).previous_result_id.empty());
  CHECK(round_trip(CancelParams{"abc"}).id == "abc");
  CHECK(round_trip(CancelParams{42}).id == 42);
  DidChangeConfigurationParams config{{{"debounce", 5}}};
  CHECK(round_trip(config).settings == config.settings);
  InlineCompletionParams ghost{"file:///a.txt", {3, 4}, InlineCompletionParams::Selected{{{3, 1}, {3, 4}}, "依法行政"}};
  InlineCompletionParams ghost_back = round_trip(ghost);
  CHECK(ghost_back.position == Position{3, 4});
  REQUIRE(ghost_back.selected);
  CHECK(ghost_back.selected->range == ghost.selected->range);
  CHECK(ghost_back.selected->text == "依法行政");
  CHECK_FALSE(round_trip(InlineCompletionParams{"file:///a.txt", {0, 0}, std::nullopt}).selected);
  // vscode-languageclient 9.0.1 writes the selected item's range as [start, end].
  const json start = {{"line", 3}, {"character", 1}}, end = {{"line", 3}, {"character", 4}};
  const auto from_client = InlineCompletionParams::from_json(Field(
      json{{"textDocument", {{"uri", "u"}}}, {"position", end},
           {"context", {{"triggerKind", 1}, {"selectedCompletionInfo", {{"range", json::array({start, end})}, {"text", "甲"}}}}}},
      "params"));
  REQUIRE(from_client.selected);
  CHECK(from_client.selected->range == Range{{3, 1}, {3, 4}});
  CHECK(refusal<InlineCompletionParams>({{"textDocument", {{"uri", "u"}}}, {"position", end},
                                         {"context", {{"selectedCompletionInfo", {{"range", json::array({start})}, {"text", ""}}}}}}) ==
        "params.context.selectedCompletionInfo.range: 应为对象 {start, end}");
}

TEST_CASE("absent optional fields take the LSP defaults") {
  InitializeParams init = InitializeParams::from_json(Field(json::object(), "params"));
  CHECK(init.capabilities.encoding() == PositionEncoding::Utf16);
  CHECK_FALSE(init.capabilities.pull_diagnostics);
  CHECK(init.initialization_options == json::object());
  InitializeParams root = InitializeParams::from_json(Field(json{{"rootUri", "file:///r"}, {"workspaceFolders", nullptr}}, "params"));
  CHECK(root.workspace_roots == std::vector<std::string>{"file:///r"});
  DidOpenParams open = DidOpenParams::from_json(Field(json{{"textDocument", {{"uri", "u"}, {"text", ""}}}}, "params"));
  CHECK(open.document.language_id == "plaintext");
  CHECK(open.document.version == 0);
  // eglot announces a configuration change without settings: null, the settings in force stay.
  CHECK(DidChangeConfigurationParams::from_json(Field(json{{"settings", nullptr}}, "params")).settings.is_null());
  CHECK(DidChangeConfigurationParams::from_json(Field(json{{"settings", json::object()}}, "params")).settings.is_null());
  CHECK(DidChangeConfigurationParams::from_json(Field(json{{"settings", {{"reportls", {{"debounce", 1}}}}}}, "params")).settings ==
        json{{"debounce", 1}});
}

TEST_CASE("a wrong type is refused with the path of the field") {
  CHECK(refusal<DocumentParams>({{"textDocument", {{"uri", 42}}}}) == "params.textDocument.uri: 应为字符串");
  CHECK(refusal<DocumentParams>({{"textDocument", "x"}}) == "params.textDocument: 应为对象");
  CHECK(refusal<DocumentParams>(json::object()) == "params.textDocument: 缺少此参数");
  CHECK(refusal<PositionParams>({{"textDocument", {{"uri", "u"}}}, {"position", {{"line", -1}, {"character", 0}}}}) ==
        "params.position.line: 应为非负整数");
  CHECK(refusal<DidChangeParams>({{"textDocument", {{"uri", "u"}}}, {"contentChanges", {{{"text", "a"}}, {{"text", 1}}}}}) ==
        "params.contentChanges[1].text: 应为字符串");
  CHECK(refusal<DidChangeParams>({{"textDocument", {{"uri", "u"}, {"version", "2"}}}, {"contentChanges", json::array()}}) ==
        "params.textDocument.version: 应为整数");
  CHECK(refusal<InitializeParams>({{"capabilities", {{"general", {{"positionEncodings", "utf-8"}}}}}}) ==
        "params.capabilities.general.positionEncodings: 应为数组");
  CHECK(refusal<InitializeParams>({{"workspaceFolders", {{{"uri", 3}}}}}) == "params.workspaceFolders[0].uri: 应为字符串");
  CHECK(refusal<CancelParams>({{"id", 1.5}}) == "params.id: 应为整数或字符串");
  CHECK(refusal<DocumentDiagnosticParams>({{"textDocument", {{"uri", "u"}}}, {"previousResultId", 3}}) ==
        "params.previousResultId: 应为字符串");
  // Huge positions are not wrong: they are clamped (LineIndex then clamps to the text).
  CHECK(PositionParams::from_json(Field(json{{"textDocument", {{"uri", "u"}}}, {"position", {{"line", 1000000000000000ull}, {"character", 5}}}}, "params")).position.line ==
        UINT32_MAX);
}

TEST_CASE("server capabilities carry the negotiated encoding and the plugins' trigger characters") {
  ServerCapabilities caps{PositionEncoding::Utf8, true, {"。", "＠"}};
  json j = caps.to_json();
  CHECK(j["positionEncoding"] == "utf-8");
  CHECK(j["completionProvider"]["triggerCharacters"] == json::array({"。", "＠"}));
  CHECK(j.contains("diagnosticProvider"));
  CHECK_FALSE(ServerCapabilities{}.to_json().contains("diagnosticProvider"));
  // Inline completion only for a client that declared it (LSP 3.18, proposed).
  CHECK_FALSE(ServerCapabilities{}.to_json().contains("inlineCompletionProvider"));
  CHECK(ServerCapabilities{PositionEncoding::Utf16, false, {}, true}.to_json()["inlineCompletionProvider"] == json::object());
  CHECK(ClientCapabilities::from_json(Field(json{{"textDocument", {{"inlineCompletion", json::object()}}}}, "c")).inline_completion);
  CHECK_FALSE(ClientCapabilities::from_json(Field(json::object(), "c")).inline_completion);
  // The rule links: declared for published diagnostics, or (LSP 3.18) for pulled ones.
  for (const char *where : {"publishDiagnostics", "diagnostic"})
    CHECK(ClientCapabilities::from_json(Field(json{{"textDocument", {{where, {{"codeDescriptionSupport", true}}}}}}, "c"))
              .code_descriptions);
  CHECK_FALSE(ClientCapabilities::from_json(Field(json{{"textDocument", {{"publishDiagnostics", {{"versionSupport", true}}}}}}, "c"))
                  .code_descriptions);
  // The rules whose documentation the client shows itself, sorted for lookup; a code that is no
  // string is refused with its path.
  const json own = {{"experimental", {{"reportls", {{"clientRuleDocs", {"terms.misuse", "figures.sum"}}}}}}};
  CHECK(ClientCapabilities::from_json(Field(own, "c")).client_rule_docs ==
        std::vector<std::string>{"figures.sum", "terms.misuse"});
  CHECK(ClientCapabilities::from_json(Field(json::object(), "c")).client_rule_docs.empty());
  CHECK_THROWS_WITH_AS(
      ClientCapabilities::from_json(Field(json{{"experimental", {{"reportls", {{"clientRuleDocs", {1}}}}}}}, "c")),
      doctest::Contains("clientRuleDocs[0]"), InvalidParams);
}
