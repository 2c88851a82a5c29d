// engine.h — the engine: open documents, their settings, when they are analysed, and the plugins,
// behind an API in byte offsets with callbacks.  It knows nothing of LSP or JSON-RPC (after
// clangd's ClangdServer): the LSP server (server/) is one front end, a test or another tool can be
// another.
//
// Threads.  The engine is used from one thread, `main` (an io_context run by one thread), and
// every callback it makes runs there.  It never blocks it: analyses run on a thread pool or in
// analysis processes (host/), and results are posted back.  Hosts are created and destroyed on
// main; a host that a settings change replaced is kept until no job holds it and deleted on main.
//
// Problems.  Every problem a plugin or an analysis process reports — from diagnostics, outline,
// completion or hover — reaches EngineEvents::problem once per plugin and message in a session
// (once per document and plugin for a plugin that was disabled after a crash or hang, until the
// document is closed).
//
// Related documents (related.h).  Every analysis of a document is given the documents related to
// it: those its last analysis asked for by key (an open document before a file of the workspace)
// and those its settings name.  When a document's analysis wants others, the engine reads the
// files of its workspace folder (the document's own folder when it lies in no workspace folder)
// and below that EngineOptions::files accepts, on the pool, and learns their keys by analysing
// them with only REPORTLS_CAP_RELATED.  Whenever what a document would be given changes — a related document was
// edited, opened, closed or found, or its own wants changed — the document is analysed again
// (through the scheduler, so a burst of keystrokes in last year's report re-analyses this year's
// once, after the debounce).
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/engine/cancel.h"
#include "lsp/engine/related.h"
#include "lsp/engine/scheduler.h"
#include "lsp/engine/settings.h"
#include "lsp/engine/text_document.h"
#include "lsp/engine/workspace_files.h"
#include "lsp/engine/workspace_settings.h"
#include "lsp/host/worker_client.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace reportls::lsp {

struct EngineOptions {
  std::vector<std::string> plugin_dirs;  // --plugin-dir, after the bundled folder
  bool isolate_plugins = true;           // analysis processes (--no-worker: false)
  std::string worker_executable = analysis_executable();
  FileReader files = FileReader::plain_text();  // the workspace's files that may be related documents
};

// Called on main.
struct EngineEvents {
  std::function<void(const Analysis &)> analysis;  // a newest-version result of the scheduler
  std::function<void(const std::string &uri, const PluginProblem &)> problem;
  std::function<void(int type, const std::string &message)> log;  // 1 error, 2 warning, 3 info
  // A mistake in a workspace settings file (settings_check.h), once per file and message; logged
  // (type 2) when unset.
  std::function<void(const std::string &message)> settings_problem;
};

// Which certain fixes Engine::fix_all applies.
struct FixRequest {
  bool typography_only = false;  // Format Document: the rules the catalogue marks (catalog.h)
  // Range formatting: only the edits that lie in [start, end] of the current snapshot.
  std::optional<std::pair<uint32_t, uint32_t>> range;
};

class Engine {
 public:
  Engine(boost::asio::io_context &main, EngineOptions options, EngineEvents events);
  ~Engine();  // shutdown()

  // Loads the plugins for the user's settings; `ready` runs once the plugins are known.
  void start(Settings user, std::vector<std::string> workspace_roots,
             std::function<void(const std::vector<PluginInfo> &)> ready);
  // New user settings: plugins reloaded when their folders or budget changed; every open document
  // is analysed again.
  void configure(Settings user);
  // A saved file: a workspace settings file changes the settings of the documents below it.
  void saved(const std::string &uri);

  void open(std::shared_ptr<const TextDocument> doc);
  void update(std::shared_ptr<const TextDocument> doc);  // a new snapshot of an open document
  void close(const std::string &uri);
  std::shared_ptr<const TextDocument> document(const std::string &uri) const;  // nullptr: not open

  // The outline of an open document's current snapshot: its symbols and folding ranges, by the
  // plugins that make them on the interactive host, without waiting for the debounce.  Made at
  // the first request and kept until the snapshot, its settings or its related documents change,
  // so the outline view, the breadcrumbs and folding, which an editor asks for after each change,
  // share one.  Diagnostics runs leave the outline out: a keystroke's diagnostics never wait for
  // it, nor carry its thousands of symbols of a large report.
  void outline(const std::string &uri, const CancelToken &token, std::function<void(const Analysis &)> then);
  // The newest analysis once it exists (maybe right away), or nullptr on close/shutdown.
  void when_current(const std::string &uri, Scheduler::Waiter waiter);
  // The same, with the edits of the fixes the plugins left out of it (Fix::edits_deferred) filled
  // in from an analysis of the same snapshot by the interactive host: those of the diagnostics
  // that touch `touching` (a code action's selection, bytes, closed), or all of them.  Only when
  // there are such fixes does it analyse; a fix the second analysis does not have is dropped.
  void with_fix_edits(const std::string &uri, std::optional<std::pair<uint32_t, uint32_t>> touching,
                      const CancelToken &token, Scheduler::Waiter waiter);
  // Completion and hover at a byte offset of the document's current snapshot.
  void complete(const std::string &uri, uint32_t offset, const CancelToken &token,
                std::function<void(const CompletionResult &, const TextDocument &)> then);
  void hover(const std::string &uri, uint32_t offset, const CancelToken &token,
             std::function<void(const HoverResult &, const TextDocument &)> then);

  // Every certain (preferred) fix of the rules in force that `request` selects, as edits of the
  // document's current snapshot (the one `then` gets): the fixes that go together (fix_all.h) are
  // applied, the text is analysed again, and so on until no fix is left (at most kMaxFixRounds
  // analyses), so applying the edits twice changes nothing the second time.  Empty when the
  // snapshot changed meanwhile.
  void fix_all(const std::string &uri, FixRequest request, const CancelToken &token,
               std::function<void(std::vector<Edit>, const TextDocument &)> then);
  static constexpr int kMaxFixRounds = 4;

  // Turns `rule` off for the workspace of the document at uri: sets rules[rule] = "off" in the
  // settings file that applies to it (WorkspaceSettings::file_for), creating the file when needed
  // and keeping the rest of its content; every open document is analysed again.  Returns the
  // file's path; throws std::runtime_error (Chinese) when it cannot.
  std::string disable_rule(const std::string &uri, const std::string &rule);

  // The names of the loaded plugins (empty until they are known): for check_settings.
  const std::vector<std::string> &plugin_names() const { return plugin_names_; }

  // Cancels everything, waits for the pool, stops the analysis processes.  Idempotent.
  void shutdown();

 private:
  struct Hosts {
    std::shared_ptr<AnalysisHost> diagnostics;  // the scheduler's
    std::shared_ptr<AnalysisHost> interactive;  // outline, folding, completion, hover
  };
  // role -> snapshot of the related document
  using RelatedSnapshots = std::map<std::string, std::shared_ptr<const TextDocument>>;
  void load(std::function<void(const std::vector<PluginInfo> &)> ready);
  // The plugin lists of the hosts: each plugin as a host that created it describes it.
  static std::vector<PluginInfo> merged(const std::vector<std::vector<PluginInfo>> &lists);
  void announce(const std::vector<PluginInfo> &plugins, const std::function<void(const std::vector<PluginInfo> &)> &ready);
  void refresh_settings(const std::string &uri);
  void refresh_all();
  Job job(const std::shared_ptr<const TextDocument> &doc, const Settings &settings, const CancelToken &token,
          const RelatedSnapshots &related = {}) const;
  // Related documents (related.h).
  RelatedSnapshots related_for(const std::string &uri) const;
  std::shared_ptr<const TextDocument> snapshot(const std::string &uri) const;  // open, else read from disk
  void learn(const std::string &uri, const AnalysisResult &result);
  void relate_all();
  void look_around(const std::string &uri);
  void read_files(std::vector<std::string> paths);
  bool is_open_file(const std::string &path) const;
  template <class F>
  void on_main(F &&f);
  void report(const std::string &uri, const std::vector<PluginProblem> &problems);
  // Whether an open document's snapshot holds a reportls-disable directive: worked out once per
  // snapshot, from its predecessor's answer and the change when a keystroke made it (the bytes
  // around the change, not the megabyte), so a keystroke's result is searched only in a text that
  // has one.
  bool silences(const TextDocument &doc);
  void sweep();
  struct FixRound;
  void fix_round(std::shared_ptr<FixRound> round, std::shared_ptr<const AnalysisResult> result);

  boost::asio::io_context &main_;
  EngineOptions options_;
  EngineEvents events_;
  boost::asio::thread_pool pool_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // posted handlers check it
  Scheduler scheduler_;
  Hosts hosts_;
  std::vector<std::shared_ptr<AnalysisHost>> retired_;
  std::shared_ptr<const Settings> user_ = std::make_shared<const Settings>();
  std::shared_ptr<const Settings> loaded_;  // the settings the plugins were loaded with
  WorkspaceSettings workspace_;
  std::map<std::string, std::shared_ptr<const TextDocument>> documents_;
  std::map<std::string, std::shared_ptr<const Settings>> doc_settings_;
  std::set<std::string> said_;  // problems and settings mistakes already reported (engine.cpp)
  std::vector<std::string> plugin_names_;
  uint64_t fix_jobs_ = 0;  // names the scratch documents of fix_all rounds
  std::vector<std::string> roots_;  // workspace folders (paths)
  RelatedIndex related_;
  std::map<std::string, std::shared_ptr<const TextDocument>> files_;  // read from disk, by uri_from_path
  std::set<std::string> scanned_;   // folders whose files were read
  std::set<std::string> reading_;   // paths being read on the pool
  std::map<std::string, std::pair<uint64_t, bool>> silencing_;  // open uri -> snapshot name, silences()
  struct Outline;
  std::map<std::string, std::shared_ptr<Outline>> outlines_;  // open uri -> its newest outline asked for
  std::map<std::string, RelatedSnapshots> given_;  // open uri -> what its newest scheduled analysis gets
  bool relating_ = false;  // a relate_all() is posted
  bool stopped_ = false;
};

}  // namespace reportls::lsp
