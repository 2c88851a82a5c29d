// convert.h — LSP wire shapes for what the analyzers found: the only place where analysis results
// (byte offsets) become JSON with editor positions (incoming positions are decoded in types.h and
// converted with the document's LineIndex).
//
// Pure functions of immutable inputs: callable from any thread.  The position encoding is the one
// negotiated in initialize; every conversion goes through the document's LineIndex.  What the
// client declared in initialize (capabilities.h) decides the form: snippets only with
// snippetSupport (else plain text, the placeholders filled in), Markdown only where the client
// lists it (else plain text), a symbol tree only with hierarchicalDocumentSymbolSupport (else a
// flat SymbolInformation list).
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/protocol/capabilities.h"
#include "lsp/protocol/line_index.h"
#include "lsp/engine/settings.h"
#include "lsp/engine/text_document.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {

nlohmann::json to_json(const LineIndex &lines, uint32_t start, uint32_t end, PositionEncoding e);

// Where a rule is documented: the plugin's docs_url, else the rule's entry in the online
// documentation when the catalogue documents it (catalog.h), else nothing.
std::string docs_url_for(const Diagnostic &d);

// The command a "turn this rule off for the workspace" action runs: arguments [{uri, rule}].
inline constexpr const char *kDisableRuleCommand = "reportls.disableRule";
// The code of the information diagnostic that says how many were left out past the limit
// (append_diagnostics_text).
inline constexpr const char *kDiagnosticLimitCode = "reportls.limit";
// The kind of the action that applies every certain fix (editor.codeActionsOnSave).
inline constexpr const char *kFixAllKind = "source.fixAll.reportls";
// Whether a code action of `kind` is among the kinds a client asked for (none: every kind).
bool kind_wanted(const std::string &kind, const std::vector<std::string> &only);

// How a client reads diagnostics: the position encoding, whether a diagnostic may carry its
// rule's link (codeDescription; the command line's JSON always has it), and the rules whose
// documentation the client shows itself (sorted; their diagnostics go without the link).
struct DiagnosticForm {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool links = true;
  std::shared_ptr<const std::vector<std::string>> client_rule_docs;
};
// The link a diagnostic carries in that form: docs_url_for(d), or nothing.
std::string link_for(const Diagnostic &d, const DiagnosticForm &form);

// One LSP Diagnostic with the severity the user's rule overrides give it.
nlohmann::json diagnostic_json(const Diagnostic &d, Severity severity, const TextDocument &doc, DiagnosticForm form);
// Diagnostic[] after the user's rule overrides (rules turned off are dropped), as JSON text
// appended to out: each element is diagnostic_json(...).dump(), written without a DOM
// (json_text.h) and into room reserved for it — a large report has thousands, published on every
// keystroke.  With a `limit` (0: none) at most that many are written — errors first, then
// warnings, information and hints, each in text order, as VS Code keeps a file's markers when there
// are more than its 1,000 — and after them one information diagnostic (kDiagnosticLimitCode) at
// the document's start saying how many more there are.
void append_diagnostics_text(std::string &out, const AnalysisResult &result, const TextDocument &doc,
                             DiagnosticForm form, const Settings &settings, size_t limit = 0);
// Which diagnostics an editor is sent, given the severity the settings give each (nullopt: turned
// off): with a `limit` (0: none) that many, errors first, then warnings, information and hints,
// each in text order; and how many turned-on ones the limit leaves out.  append_diagnostics_text
// writes these; code actions are offered for these.
struct SentDiagnostics {
  std::vector<bool> sent;
  size_t left_out = 0;
};
SentDiagnostics sent_diagnostics(const std::vector<std::optional<Severity>> &severities, size_t limit);
// DocumentSymbol[] (hierarchical) rebuilt from the flat parent-indexed list, or SymbolInformation[]
// (each with its parent's name as containerName) for a client without hierarchical support, as
// JSON text (json_text.h): a large report's outline is thousands of symbols, asked for after
// each change, and a DOM of them took longer than the analysis that made them.
std::string document_symbols_text(const AnalysisResult &result, const TextDocument &doc,
                                  const proto::ClientCapabilities &client);
nlohmann::json folding_ranges_json(const AnalysisResult &result, const TextDocument &doc);
// The bytes of an editor selection in doc, as code actions read it: [from, to] with to ≥ from.
std::pair<uint32_t, uint32_t> selection_bytes(const TextDocument &doc, Range range, PositionEncoding e);
// CodeAction[] of the kinds in `only` (none: all) for the diagnostics the editor was sent
// (sent_diagnostics under settings.max_diagnostics) and the actions whose span touches `range`
// (lsp::touches, selection_bytes); the fixes whose edits were left out of the
// result (Fix::edits_deferred, see Engine::with_fix_edits) are not offered: each diagnostic's fixes, then two ways to silence its rule — off for the
// workspace (the kDisableRuleCommand command; documents that are files) and, in Markdown, a
// directive before its line (suppressions.h) — and the plugins' source actions.
nlohmann::json code_actions_json(const AnalysisResult &result, const TextDocument &doc,
                                 DiagnosticForm form, const Settings &settings, Range range,
                                 const std::vector<std::string> &only = {});
// The kFixAllKind action applying `edits` (Engine::fix_all) to doc.
nlohmann::json fix_all_action_json(const std::vector<Edit> &edits, const TextDocument &doc,
                                   PositionEncoding e);
// TextEdit[] (formatting).
nlohmann::json text_edits_json(const std::vector<Edit> &edits, const TextDocument &doc,
                               PositionEncoding e);
// CompletionList as JSON text (json_text.h): a list of tens of items on every keystroke, written
// without a DOM; documentation travels in each item's data for completionItem/resolve.
std::string completion_list_text(const CompletionResult &result, const TextDocument &doc,
                                 const proto::ClientCapabilities &client);
// textDocument/inlineCompletion: an InlineCompletionList of the items the plugins are sure of
// (Completion::preselected), at most kMaxInlineItems in the plugins' order, each the completion
// item's own edit — insertText the item's text, range what it replaces (typed text, on the
// cursor's line) — so the ghost text is what the completion item would write beyond what is
// typed.  Only items whose replaced text is a proper prefix of their text (what a client can show
// as ghost text), never snippets; with `selected` (the item selected in the open completion list,
// as a byte edit) only items replacing the same span and extending its text.  Empty when none.
inline constexpr size_t kMaxInlineItems = 3;
nlohmann::json inline_completions_json(const CompletionResult &result, const TextDocument &doc,
                                       PositionEncoding e, const std::optional<Edit> &selected);
// completionItem/resolve: the item with its documentation (carried in data) in a form the client
// reads.
nlohmann::json resolved_completion_json(nlohmann::json item, const std::string &documentation,
                                        const proto::ClientCapabilities &client);
nlohmann::json hover_json(const HoverResult &result, const TextDocument &doc,
                          const proto::ClientCapabilities &client);

}  // namespace reportls::lsp
