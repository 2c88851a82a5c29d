// types.h — the params of every message the server accepts, as typed structs.
//
// After clangd's Protocol.h: hand-written structs with from_json (through a Field, so a wrong
// type is refused with the field's path: InvalidParams → -32602) and to_json (for round-trip
// tests and for clients written in C++).  Not a complete LSP: only what the server reads.
// Positions stay in protocol units here; the server converts them with the document's LineIndex.
// Pure, thread-safe.
#pragma once

#include "lsp/protocol/capabilities.h"
#include "lsp/protocol/field.h"
#include "lsp/protocol/line_index.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp::proto {

Position position_from(const Field &f);
Range range_from(const Field &f);
nlohmann::json to_json(Position p);
nlohmann::json to_json(const Range &r);

struct InitializeParams {
  ClientCapabilities capabilities;
  nlohmann::json initialization_options = nlohmann::json::object();  // reportls settings
  std::vector<std::string> workspace_roots;  // workspaceFolders[].uri, else rootUri
  static InitializeParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

struct TextDocumentItem {
  std::string uri, language_id = "plaintext";
  int64_t version = 0;
  std::string text;
};

struct DidOpenParams {
  TextDocumentItem document;
  static DidOpenParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

struct ContentChange {
  std::optional<Range> range;  // none: the whole text
  std::string text;
};

struct DidChangeParams {
  std::string uri;
  std::optional<int64_t> version;
  std::vector<ContentChange> changes;
  static DidChangeParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

// didClose, didSave, documentSymbol, foldingRange: only the document matters.
struct DocumentParams {
  std::string uri;
  static DocumentParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

// completion, hover.
struct PositionParams {
  std::string uri;
  Position position;
  static PositionParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

struct CodeActionParams {
  std::string uri;
  Range range;
  std::vector<std::string> only;  // context.only: the kinds the client asks for; empty: any
  static CodeActionParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

// textDocument/formatting (no range) and textDocument/rangeFormatting.  The options (tab size,
// spaces) do not matter to prose.
struct FormattingParams {
  std::string uri;
  std::optional<Range> range;
  static FormattingParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

// workspace/executeCommand.
struct ExecuteCommandParams {
  std::string command;
  nlohmann::json arguments = nlohmann::json::array();
  static ExecuteCommandParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

struct DocumentDiagnosticParams {
  std::string uri;
  std::string previous_result_id;  // empty: none
  static DocumentDiagnosticParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

struct DidChangeConfigurationParams {
  // The reportls settings object ({"reportls": {...}} unwrapped); null when the client announced a
  // change without settings (eglot does), which keeps the settings in force.
  nlohmann::json settings;
  static DidChangeConfigurationParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

struct CancelParams {
  nlohmann::json id;  // integer or string
  static CancelParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

// completionItem/resolve: the item comes back as it was sent; only data.documentation is read.
struct CompletionItemParams {
  nlohmann::json item;
  std::string documentation;
  static CompletionItemParams from_json(const Field &f);
};

// textDocument/inlineCompletion (LSP 3.18).  context.triggerKind is not read: invoked or
// automatic, the answer is the same certain item.
struct InlineCompletionParams {
  std::string uri;
  Position position;
  // context.selectedCompletionInfo: the item selected in the open completion list; an inline
  // item must then replace the same range and extend its text.
  struct Selected {
    Range range;
    std::string text;
  };
  std::optional<Selected> selected;
  static InlineCompletionParams from_json(const Field &f);
  nlohmann::json to_json() const;
};

}  // namespace reportls::lsp::proto
