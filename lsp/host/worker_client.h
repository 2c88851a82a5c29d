// worker_client.h — the AnalysisHost that runs the plugins in an analysis process
// (`reportls-analysis --analysis-worker`, worker_loop.h), so that a plugin that crashes (null
// dereference, abort) or hangs cannot take the server down.
//
// Threads.  Each client owns one client thread, started by the constructor, which starts the
// process and waits for its hello there — never on the caller's thread — then serves the jobs.
// Jobs wait in slots, one per document and kind of call ("analyze with these capabilities",
// "complete", "hover"): a job for another text of the document replaces those waiting in its slot
// (they are answered empty, their tokens cancelled with ContentModified), so a burst of keystrokes
// sends the process only the newest version; a job for the same text joins them and each is
// answered (completion and ghost text asked at one keystroke).  Slots are served in the order they
// were first filled.
// While a job runs, a cancellation of its token is passed on to the process (plugins that poll
// is_cancelled stop early) and its answer still awaited, since the process must be drained before
// the next job.
//
// Faults.  If the process dies or a plugin runs longer than `timeout` without the process
// announcing the next plugin or answering, the client SIGKILLs and reaps it, starts a new one, and
// disables the plugin that was running for that document (uri) until the document is closed.
// Crash or hang is told by how the process ended — the {"crashed"} frame it writes on a fatal
// signal, its wait status after SIGKILL — not by how long it took to die.  The same job is then
// retried without that plugin (at most once per plugin it disables), so the other plugins'
// results for that version still arrive.  Every later result for that uri carries a
// PluginProblem with disabled = true saying which plugin is off and why (the engine reports it
// once).  A cancelled job is not retried.
//
// The destructor (main thread) stops the client thread, kills and reaps the process, and answers
// the jobs still waiting with empty results.  If the client is never destroyed, the process sees
// end of input on its stdin and exits by itself.
#pragma once

#include "lsp/host/analysis_host.h"

#include <chrono>
#include <memory>
#include <string>

namespace reportls::lsp {

// The analysis processes' executable: reportls-analysis beside the running one (bin/ in the build
// tree and after `cmake --install`).
std::string analysis_executable();

struct WorkerHostOptions {
  std::string executable = analysis_executable();  // host/analysis_main.cpp
  // Per plugin call (setting analysisTimeout), for texts up to 1 MiB; multiplied by the size
  // in MiB (rounded up) above that.
  std::chrono::milliseconds timeout{2000};
  // The command line's process (`--batch`), which reads megabytes once and ends: its malloc asks
  // for transparent huge pages (memory.h) and it keeps its free pages for the next file.  Never
  // the editor's, whose resident memory counts.
  bool batch = false;
};
// The process creates only the plugins announcing one of plugins.capabilities (--capabilities).

std::shared_ptr<AnalysisHost> make_worker_client(const PluginHostOptions &plugins, const WorkerHostOptions &worker);

// The blocking worker host (the command line, tests) and the command line's choice between it
// (a batch process) and the in-process host (--no-worker).
std::unique_ptr<PluginHost> make_worker_host(const PluginHostOptions &plugins, const WorkerHostOptions &worker);
std::unique_ptr<PluginHost> make_host(const PluginHostOptions &options, bool isolated,
                                      std::chrono::milliseconds timeout);

}  // namespace reportls::lsp
