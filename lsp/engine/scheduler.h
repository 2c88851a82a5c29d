// scheduler.h — when each open document is analysed, and which result counts.
//
// One lane per open document, touched only on the main thread.  update() records the newest
// snapshot (with its settings), cancels the analysis of any older one (its token gets
// ContentModified) and starts the debounce timer; when it fires the analysis is started against
// the immutable snapshot, and its result comes back to the main thread, where it is kept and
// handed to the listener only if it is still for the lane's newest snapshot and settings.
// Results for an old version are dropped, never published.  Every result kept gets the next
// number of the document's result counter (its pull resultId): a re-analysis after a settings
// change is a new result even when the text did not change.  Waiters (pull diagnostics, code
// actions) are answered once the newest result exists, or with nullptr when the document is
// closed or the scheduler shuts down.
//
// The scheduler starts nothing itself: timers and analyses go through the Env it is given, so
// unit tests drive it by hand (fire a timer, finish an analysis) with no thread and no clock.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/engine/cancel.h"
#include "lsp/engine/settings.h"
#include "lsp/engine/text_document.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace reportls::lsp {

// One finished analysis of one snapshot with one set of settings.
struct Analysis {
  std::shared_ptr<const TextDocument> doc;
  std::shared_ptr<const Settings> settings;
  std::shared_ptr<const AnalysisResult> result;
  uint64_t result_id = 0;  // per document, increasing, never reused in a session
};

class Scheduler {
 public:
  using Task = std::function<void()>;
  using Finished = std::function<void(std::shared_ptr<const AnalysisResult>)>;
  struct Env {
    // Runs `task` on the main thread after `delay`; the returned function cancels it (main).
    std::function<Task(std::chrono::milliseconds delay, Task task)> start_timer;
    // Starts the analysis of `doc`; `finished` must be called once, on the main thread.
    std::function<void(const std::shared_ptr<const TextDocument> &doc,
                       const std::shared_ptr<const Settings> &settings, const CancelToken &token,
                       Finished finished)>
        analyze;
  };
  using Listener = std::function<void(const Analysis &)>;
  using Waiter = std::function<void(const Analysis *)>;

  Scheduler(Env env, Listener on_result);
  ~Scheduler();

  void update(std::shared_ptr<const TextDocument> doc, std::shared_ptr<const Settings> settings);
  void close(const std::string &uri);
  // The finished analysis of the document's newest snapshot, or nullptr.
  const Analysis *current(const std::string &uri) const;
  // Calls `waiter` with the newest snapshot's analysis as soon as it exists (maybe right away).
  void when_current(const std::string &uri, Waiter waiter);
  // Cancels all work and answers every waiter with nullptr (shutdown).
  void cancel_all();

 private:
  struct Lane;
  void start(const std::string &uri, Lane &lane);
  void finished(const std::shared_ptr<const TextDocument> &doc, const std::shared_ptr<const Settings> &settings,
                const CancelToken &token, std::shared_ptr<const AnalysisResult> result);

  Env env_;
  Listener on_result_;
  std::map<std::string, std::unique_ptr<Lane>> lanes_;
  std::map<std::string, uint64_t> result_ids_;  // outlives close: a reopened document counts on
};

}  // namespace reportls::lsp
