// capabilities.h — what the client can do (read once from initialize and kept for the session)
// and what the server announces back.
//
// Only the client capabilities the server uses or will use are decoded; a capability of the wrong
// type is refused with its path (InvalidParams), an absent one takes the LSP default.  Pure.
#pragma once

#include "lsp/protocol/field.h"
#include "lsp/protocol/line_index.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace reportls::lsp::proto {

struct ClientCapabilities {
  // general.positionEncodings lists "utf-8" (LSP 3.17); UTF-16 is always supported.
  bool utf8_positions = false;
  // textDocument.diagnostic present: the client pulls diagnostics (no publishDiagnostics).
  bool pull_diagnostics = false;
  // textDocument.completion.completionItem.snippetSupport.
  bool snippets = false;
  // "markdown" among completionItem.documentationFormat / hover.contentFormat.
  bool markdown_completion_docs = false;
  bool markdown_hover = false;
  // textDocument.documentSymbol.hierarchicalDocumentSymbolSupport.
  bool hierarchical_symbols = false;
  // textDocument.codeAction.codeActionLiteralSupport (CodeAction objects, not Commands).
  bool code_action_literals = false;
  // textDocument.publishDiagnostics.versionSupport.
  bool diagnostic_versions = false;
  // textDocument.publishDiagnostics.codeDescriptionSupport (or textDocument.diagnostic's, LSP
  // 3.18): a diagnostic may carry its rule's link.  Without it the link is left out: the
  // publication of a large report is a fifth smaller.
  bool code_descriptions = false;
  // window.showMessage present (a client may still show messages without announcing it).
  bool show_message = false;
  // textDocument.inlineCompletion present (LSP 3.18): the client shows inline ghost text.
  bool inline_completion = false;
  // experimental.reportls.clientRuleDocs: the rule codes whose documentation the client shows
  // itself (the VS Code extension's bundled pages), sorted.  Their diagnostics go without the
  // link, which the client would replace: a fifth of a large report's publication.
  std::vector<std::string> client_rule_docs;

  static ClientCapabilities from_json(const Field &f);
  nlohmann::json to_json() const;
  PositionEncoding encoding() const { return utf8_positions ? PositionEncoding::Utf8 : PositionEncoding::Utf16; }
};

struct ServerCapabilities {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool pull_diagnostics = false;
  // The union of the plugins' completion trigger characters (ABI 1.1), in load order.
  std::vector<std::string> trigger_characters;
  // inlineCompletionProvider, announced only to a client that declared textDocument.inlineCompletion:
  // a proposed 3.18 capability is no business of a client that does not know it.
  bool inline_completion = false;

  nlohmann::json to_json() const;
};

}  // namespace reportls::lsp::proto
