// analysis.h — what analyzers found in one document snapshot, in host terms.
//
// Plain values with byte offsets into the snapshot's UTF-8 text (already clamped to the text and
// to character boundaries by the plugin host).  No JSON and no editor positions here: the
// protocol layer converts at the edge.  Produced on worker threads, then read-only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp {

enum class Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

// One replacement: bytes [start, end) become new_text.  Text is std::string here; the encoder of
// an analysis process takes views of a plugin's own strings (result_codec.h's EditView).
template <class Text>
struct BasicEdit {
  uint32_t start = 0, end = 0;
  Text new_text;
};
using Edit = BasicEdit<std::string>;

struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool preferred = false;
  // The plugin left the edits out (DocumentInput::defer_fix_edits): they are asked for, by the
  // diagnostic's code and range and this title, from an analysis without that flag.
  bool edits_deferred = false;
};

struct Diagnostic {
  uint32_t start = 0, end = 0;
  Severity severity = Severity::Warning;
  std::string code;      // "figures.sum"
  std::string message;
  std::string source;    // the plugin that reported it
  std::string docs_url;  // empty: none
  std::vector<Fix> fixes;
};

// Whether a span [start, end) touches the editor's selection [from, to]: closed on both ends, so
// that a cursor at either edge of a span still touches it.
inline bool touches(uint32_t start, uint32_t end, uint32_t from, uint32_t to) { return start <= to && from <= end; }

// Code action offered where the editor's selection touches [start, end).
struct Action {
  uint32_t start = 0, end = 0;
  std::string source;
  Fix fix;
};

// A flat outline entry; parent indexes this same vector (or -1).  As BasicEdit: views of it are
// result_codec.h's SymbolView.
template <class Text>
struct BasicSymbol {
  Text name, detail;
  int kind = 3;
  uint32_t start = 0, end = 0, selection_start = 0, selection_end = 0;
  int32_t parent = -1;
};
using Symbol = BasicSymbol<std::string>;

struct Fold {
  uint32_t start = 0, end = 0;
};

struct Completion {
  std::string label, insert_text, filter_text, sort_text, detail, documentation, source;
  bool snippet = false;
  int kind = 1;
  uint32_t replace_start = 0, replace_end = 0;
  // The plugin is sure of this item (reportls_completion.is_preselected): preselected in the
  // list, and the candidate for inline (ghost-text) completion.
  bool preselected = false;
};

struct Hover {
  uint32_t start = 0, end = 0;
  std::string markdown;
};

// Something that went wrong inside a plugin during this call, for the user's log.
struct PluginProblem {
  std::string plugin;
  std::string message;
  // The plugin crashed or hung in the analysis worker and is off for this document from now on
  // (worker_client.h); the engine tells the user once per plugin and document.
  bool disabled = false;
};

// How long one plugin's analyze call took on this snapshot (`reportls check --timings`).
struct PluginTiming {
  std::string plugin;
  double milliseconds = 0;
};

struct AnalysisResult {
  int64_t version = 0;
  std::vector<Diagnostic> diagnostics;
  std::vector<Action> actions;
  std::vector<Symbol> symbols;
  std::vector<Fold> folds;
  std::map<std::string, std::string> facts;
  std::vector<PluginProblem> problems;
  std::vector<PluginTiming> timings;  // in the order the plugins ran
};

struct CompletionResult {
  std::vector<Completion> items;
  bool incomplete = false;
  std::vector<PluginProblem> problems;
};

struct HoverResult {
  std::vector<Hover> hovers;
  std::vector<PluginProblem> problems;
};

}  // namespace reportls::lsp
