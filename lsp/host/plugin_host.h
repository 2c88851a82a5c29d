// plugin_host.h — loads analyzer plugins and runs them on document snapshots, synchronously.
//
// PluginHost is the blocking interface: the command line, the analysis process's own loop and
// tests call it directly; the engine uses the asynchronous AnalysisHost (analysis_host.h) built
// on top of it.  It knows the C ABI of reportls/plugin.h and nothing about reports.  The in-process
// implementation dlopen()s every plugin at construction (on the constructing thread, normally
// main), destroys the instances in its destructor (same thread) and never unloads a library.
// A plugin that cannot be loaded — wrong ABI major, missing entry symbol, failing create — is kept
// in plugins() with its error and skipped; the host carries on with the others.
//
// analyze/complete/hover are const and thread-safe: worker threads call them concurrently on
// immutable snapshots.  Everything a plugin reports is copied and sanitised before it is returned:
// offsets are clamped to the text and snapped to UTF-8 character starts, strings are made valid
// UTF-8, bad parent indexes are dropped.  A plugin's error (status or exception) becomes a
// PluginProblem in the result, everything that plugin reported in that call is rolled back
// (diagnostics, actions, symbols, folds, facts), and the other plugins' results still stand.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/engine/cancel.h"

#include <reportls/plugin.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp {

// Where a text came from, when its maker knows: its name (new_text_name(); 0: none) and, when it
// was made from another named text by one replacement, that text's name and the replacement.  The
// engine's snapshots are named so (TextDocument: a host holding the previous text in an analysis
// process is sent the replacement alone, without the two texts being compared), and so are the
// analysis process's held texts, for the plugins (reportls_document.snapshot and from_snapshot,
// ABI 1.5 and 1.6: the shared parse derives a keystroke's parse from the previous one without
// comparing them).
struct TextOrigin {
  uint64_t name = 0;
  uint64_t from = 0;                             // 0: not made that way
  uint32_t start = 0, old_end = 0, new_end = 0;  // bytes [start, old_end) of `from` became [start, new_end)
};

// A name for a text, never given to another in this process.  Thread-safe.
uint64_t new_text_name();

// A document related to the analysed one (plugin.h, "Related documents"; engine/related.h).
struct RelatedInput {
  std::string role;
  std::string uri;
  std::string path;       // the file path of a file: uri; "" else
  std::string_view text;  // valid UTF-8
  int64_t version = 0;    // 0: read from disk
};

struct DocumentInput {
  std::string_view uri;
  std::string_view text;  // valid UTF-8
  int64_t version = 0;
  std::string settings = "{}";  // JSON object handed to plugins as reportls_document.settings
  std::string path = "";        // the file path of a file: uri (reportls_document.path); "" else
  std::vector<RelatedInput> related = {};  // reportls_document.related, at most one per role
  // reportls_document.defer_fix_edits: the caller does not need every fix's edits now (it asks
  // again for those of a fix it shows), so a plugin may leave a costly fix's edits out
  // (Fix::edits_deferred).  The server's analysis after each keystroke sets it, and `check` when
  // its output shows no fixes (all but SARIF); fix-all and the light bulb's second analysis do not.
  bool defer_fix_edits = false;
  // The text's name and how it was made, in this process (an analysis process's held texts): the
  // plugins' reportls_document.snapshot and from_snapshot.  Unnamed, each call names its text anew.
  TextOrigin origin = {};
};

struct PluginInfo {
  std::string name;         // empty when the library could not say
  std::string version;
  std::string description;
  std::string path;         // the shared library
  uint32_t capabilities = 0;
  bool active = false;      // loaded and created
  bool deferred = false;    // not created yet: it announces none of the calls this host serves
                            // (created on the first call that needs it; active stays false)
  std::string error;        // why not active
  std::vector<std::string> warnings;            // said by create through config->warning
  std::vector<std::string> trigger_characters;  // completion triggers of the descriptor (1.1)
};

// What a diagnostics run asks for: diagnostics and the related.* facts, so that a plugin that only
// outlines, completes or hovers is neither created nor called for it (the outline is asked of the
// interactive process when an editor shows it, off a keystroke's way to its diagnostics; the
// phrasing plugin's model stays out of the diagnostics process).
inline constexpr uint32_t kDiagnosticsCapabilities = REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_RELATED;

struct PluginHostOptions {
  std::vector<std::string> plugin_dirs;  // scanned in order; the first plugin of a name wins
  std::vector<std::string> data_dirs;    // handed to every plugin's create()
  // The calls this host serves (REPORTLS_CAP_* bits): a plugin announcing none of them is listed
  // (deferred) and created only when a call needs it, so an analysis process holds the plugins
  // it calls.  Such a host must be called from the thread that created it (an analysis process).
  uint32_t capabilities = ~0u;
  // In-process host only: called on the calling thread right before each plugin's
  // analyze/complete/hover; returning false skips that plugin for this call.  The analysis worker
  // (worker_loop.h) uses it to post which plugin is running on its call board and to leave out
  // plugins that are disabled for a document.
  std::function<bool(const std::string &plugin)> before_call;
  // Called before a deferred plugin is created by the first call that needs it (analysis
  // processes only): loading reads the plugin's rule data, which the worker posts apart from the
  // call so that the host allows it the time of a start-up, not of one call.
  std::function<void(const std::string &plugin)> before_create;
};

class PluginHost {
 public:
  virtual ~PluginHost() = default;
  virtual const std::vector<PluginInfo> &plugins() const = 0;
  // Runs every active plugin that has one of `capabilities` (REPORTLS_CAP_* bits).
  virtual AnalysisResult analyze(const DocumentInput &doc, const CancelToken &token,
                                 uint32_t capabilities = ~0u) const = 0;
  virtual CompletionResult complete(const DocumentInput &doc, uint32_t offset,
                                    const CancelToken &token) const = 0;
  virtual HoverResult hover(const DocumentInput &doc, uint32_t offset,
                            const CancelToken &token) const = 0;
  // The editor closed the document: forget what the host keeps for it (a worker host: its record
  // of the text, and the plugins disabled for it — reopening gives them another chance) and tell
  // the plugins (their close, ABI 1.2).  Any thread, but not while a call about the same document
  // runs on this host.
  virtual void close(const std::string &uri) const = 0;
};

// The in-process host also gives an analysis in the encoding of result_codec.h, written as the
// plugins report (what an analysis process sends: no AnalysisResult is built there); its analyze()
// decodes that.
class InProcessPluginHost : public PluginHost {
 public:
  virtual std::string analyze_encoded(const DocumentInput &doc, const CancelToken &token,
                                      uint32_t capabilities = ~0u) const = 0;
};

std::unique_ptr<InProcessPluginHost> make_in_process_host(const PluginHostOptions &options);

// The bundled plugin folder, found relative to the running executable (bin/../lib/reportls/
// plugins): the same path in the build tree and after `cmake --install`.
std::string bundled_plugin_dir();

}  // namespace reportls::lsp
