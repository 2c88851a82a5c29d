// scheduler.h — when each open document is analysed, and which result counts.
//
// One lane per open document, touched only on the main thread.  update() records the newest
// snapshot, cancels the analysis of any older version (its token gets ContentModified) and starts
// a debounce timer; when it fires the analysis runs on the worker pool against the immutable
// snapshot, and its result comes back to the main thread, where it is kept and handed to the
// listener only if its version is still the newest.  Results for an old version are dropped, never
// published.  Waiters (pull diagnostics, code actions) are answered once the newest version's
// result exists, or with nullptr when the document is closed or the server shuts down.
#pragma once

#include "lsp/analysis.h"
#include "lsp/cancel.h"
#include "lsp/plugin_host.h"
#include "lsp/settings.h"
#include "lsp/text_document.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace reportls::lsp {

// One finished analysis of one snapshot.
struct Analysis {
  std::shared_ptr<const TextDocument> doc;
  std::shared_ptr<const Settings> settings;
  std::shared_ptr<const AnalysisResult> result;
};

class Scheduler {
 public:
  using Listener = std::function<void(const Analysis &)>;
  using Waiter = std::function<void(const Analysis *)>;

  Scheduler(boost::asio::io_context &main, boost::asio::thread_pool &pool, Listener on_result);
  ~Scheduler();

  void update(std::shared_ptr<const TextDocument> doc, std::shared_ptr<const PluginHost> host,
              std::shared_ptr<const Settings> settings);
  void close(const std::string &uri);
  // The finished analysis of the document's newest version, or nullptr.
  const Analysis *current(const std::string &uri) const;
  // Calls `waiter` with the newest version's analysis as soon as it exists (maybe right away).
  void when_current(const std::string &uri, Waiter waiter);
  // Cancels all work and answers every waiter with nullptr (shutdown).
  void cancel_all();

 private:
  struct Lane;
  void start(Lane &lane);

  boost::asio::io_context &main_;
  boost::asio::thread_pool &pool_;
  Listener on_result_;
  std::map<std::string, std::shared_ptr<Lane>> lanes_;
};

}  // namespace reportls::lsp
