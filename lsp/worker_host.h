// worker_host.h — runs the analyzer plugins in a child process, so that a plugin that crashes
// (null dereference, abort) or hangs cannot take the server down.
//
// The worker is this same executable started as
//   reportls --analysis-worker [--plugin-dir DIR]... [--data-dir DIR]...
// (fork + exec of /proc/self/exe, pipes on its stdin/stdout, no shell; its stderr is ours).  It
// loads an in-process host and serves the requests of worker_protocol.h, announcing each plugin
// before calling it.  plugins() is the list from the worker's hello at start-up.
//
// One worker per host, one request at a time: analyze/complete/hover may be called concurrently
// from any thread and queue on a mutex.  A pool was not worth it: the analyzers take
// milliseconds, memory would double per worker, and a hang already costs only the time budget.
// A caller whose CancelToken is cancelled while queued gets an empty result at once; while its
// request runs, the worker is told to cancel (plugins that poll is_cancelled stop early) and the
// answer is still awaited, since the worker must be drained before the next request.
//
// Faults.  If the worker dies (end of its output, or garbage on it) or a plugin runs longer than
// `timeout` without the worker announcing the next plugin or answering, the host SIGKILLs and
// reaps it, starts a new one, and disables the plugin that was running for that document (uri)
// until the document is closed (close()).  The same request is then retried in the new worker without
// it (a request retries at most once per plugin it disables), so the other plugins' results for
// that version still arrive.  Every later result for that uri carries a PluginProblem with
// disabled = true saying which plugin is off and why (the caller de-duplicates its log).  A
// cancelled request is not retried.
//
// The destructor kills and reaps the worker.  If the host is never destroyed (the server ends
// with _exit), the worker sees end of input on its stdin and exits by itself.
#pragma once

#include "lsp/plugin_host.h"

#include <chrono>
#include <memory>
#include <string>

namespace reportls::lsp {

struct WorkerHostOptions {
  std::string executable = "/proc/self/exe";  // must understand --analysis-worker
  // Per plugin call (setting analysisTimeout), for texts up to 1 MiB; multiplied by the size
  // in MiB (rounded up) above that.
  std::chrono::milliseconds timeout{2000};
};

// Starts the worker and waits for its hello (on the calling thread).  Never fails: when the
// worker cannot be started, plugins() holds one inactive entry saying why and every call
// returns an empty result with a PluginProblem.
std::unique_ptr<PluginHost> make_worker_host(const PluginHostOptions &plugins,
                                             const WorkerHostOptions &worker);

// The server's and the command line's choice: the worker host when `isolated`, else the
// in-process host (--no-worker: debugging, and tests that need it).
std::unique_ptr<PluginHost> make_host(const PluginHostOptions &options, bool isolated,
                                      std::chrono::milliseconds timeout);

// The --analysis-worker mode: loads the plugins of `options` in this process and serves
// requests on stdin/stdout until stdin ends.  Returns the process exit code.
int run_analysis_worker(const PluginHostOptions &options);

}  // namespace reportls::lsp
