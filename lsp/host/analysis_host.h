// analysis_host.h — the asynchronous face of the plugins, as the engine uses them.
//
// Nothing here blocks its caller: every call queues a job and returns; `done` is called exactly
// once, later, on a thread of the host (a pool thread for the in-process host, the client thread
// of an analysis process), never on the caller's thread while it is inside the call.  A job whose
// token is cancelled before it runs gets an empty result; a job superseded in its slot (worker
// client: a job of the same kind for another text of the document arrived before it was sent)
// has its token cancelled with ContentModified and gets an empty result.  Problems (crashes, time-outs,
// plugin errors) travel in the results.
//
// Ownership and threads: created and destroyed on the engine's main thread.  Jobs may keep a host
// alive (shared_from_this) after the engine let go of it; the engine deletes a retired host only
// when it holds the last reference, on main (engine.h).
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/engine/cancel.h"
#include "lsp/host/plugin_host.h"

#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace reportls::lsp {

struct Job {
  // Keeps the views of `input` alive until done, and as long as a host keeps it after (an analysis
  // process's client keeps the last text it sent of each uri).  Null: the views end with the job.
  std::shared_ptr<const void> owner;
  DocumentInput input;
  CancelToken token;
  TextOrigin origin = {};  // of input.text
};

template <class T>
using Done = std::function<void(T)>;

class AnalysisHost : public std::enable_shared_from_this<AnalysisHost> {
 public:
  virtual ~AnalysisHost() = default;
  // `then` gets the plugin list once it is known (at once in-process; after the analysis
  // process's hello otherwise), on any thread, exactly once.
  virtual void loaded(std::function<void(const std::vector<PluginInfo> &)> then) = 0;
  virtual void analyze(Job job, uint32_t capabilities, Done<AnalysisResult> done) = 0;
  virtual void complete(Job job, uint32_t offset, Done<CompletionResult> done) = 0;
  virtual void hover(Job job, uint32_t offset, Done<HoverResult> done) = 0;
  // The editor closed the document: forget what the host keeps for it.  Does not wait.
  virtual void close(const std::string &uri) = 0;
};

// The plugins loaded in this process (--no-worker), each job run on `pool`.
std::shared_ptr<AnalysisHost> make_pooled_host(const PluginHostOptions &options, boost::asio::thread_pool &pool);

// A PluginHost that runs each call on `host` and waits for it: for the command line and tests.
std::unique_ptr<PluginHost> make_blocking_host(std::shared_ptr<AnalysisHost> host);

}  // namespace reportls::lsp
