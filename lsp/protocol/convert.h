// convert.h — LSP wire shapes for what the analyzers found: the only place where analysis results
// (byte offsets) become JSON with editor positions (incoming positions are decoded in types.h and
// converted with the document's LineIndex).
//
// Pure functions of immutable inputs: callable from any thread.  The position encoding is the one
// negotiated in initialize; every conversion goes through the document's LineIndex.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/protocol/line_index.h"
#include "lsp/engine/settings.h"
#include "lsp/engine/text_document.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace reportls::lsp {

nlohmann::json to_json(const LineIndex &lines, uint32_t start, uint32_t end, PositionEncoding e);

// Where a rule is documented: the plugin's docs_url, else the rules table of the README installed
// beside the binary (share/doc/reportls/README.md#<code with '.' as '-'>), as a file:// URI.
std::string docs_url_for(const Diagnostic &d);

// One LSP Diagnostic with the severity the user's rule overrides give it.
nlohmann::json diagnostic_json(const Diagnostic &d, Severity severity, const TextDocument &doc, PositionEncoding e);
// Diagnostic[] after the user's rule overrides (rules turned off are dropped), as JSON text: each
// element is diagnostic_json(...).dump(), written without a DOM (json_text.h) — a large report has
// thousands, published on every keystroke.
std::string diagnostics_text(const AnalysisResult &result, const TextDocument &doc, PositionEncoding e,
                             const Settings &settings);
// DocumentSymbol[] (hierarchical) rebuilt from the flat parent-indexed list.
nlohmann::json document_symbols_json(const AnalysisResult &result, const TextDocument &doc,
                                     PositionEncoding e);
nlohmann::json folding_ranges_json(const AnalysisResult &result, const TextDocument &doc);
// CodeAction[] for the fixes of diagnostics and the actions whose span touches `range`.
nlohmann::json code_actions_json(const AnalysisResult &result, const TextDocument &doc,
                                 PositionEncoding e, const Settings &settings, Range range);
nlohmann::json completion_list_json(const CompletionResult &result, const TextDocument &doc,
                                    PositionEncoding e);
nlohmann::json hover_json(const HoverResult &result, const TextDocument &doc, PositionEncoding e);

}  // namespace reportls::lsp
