#include "lsp/scheduler.h"

#include "lsp/jsonrpc.h"

#include <boost/asio/post.hpp>

#include <vector>

namespace reportls::lsp {

namespace asio = boost::asio;

struct Scheduler::Lane {
  explicit Lane(asio::io_context &main) : timer(main) {}
  asio::steady_timer timer;
  std::shared_ptr<const TextDocument> doc;  // newest snapshot
  std::shared_ptr<const PluginHost> host;
  std::shared_ptr<const Settings> settings;
  CancelToken token;
  std::unique_ptr<Analysis> done;  // analysis of `doc`, once finished
  std::vector<Waiter> waiters;
};

Scheduler::Scheduler(asio::io_context &main, asio::thread_pool &pool, Listener on_result)
    : main_(main), pool_(pool), on_result_(std::move(on_result)) {}

Scheduler::~Scheduler() { cancel_all(); }

void Scheduler::update(std::shared_ptr<const TextDocument> doc,
                       std::shared_ptr<const PluginHost> host,
                       std::shared_ptr<const Settings> settings) {
  auto &slot = lanes_[doc->uri()];
  if (!slot) slot = std::make_shared<Lane>(main_);
  Lane &lane = *slot;
  lane.token.cancel(error_code::ContentModified);
  lane.token = CancelToken();
  lane.doc = std::move(doc);
  lane.host = std::move(host);
  lane.settings = std::move(settings);
  lane.done.reset();
  if (lane.settings->debounce.count() == 0) {
    lane.timer.cancel();
    start(lane);
    return;
  }
  lane.timer.expires_after(lane.settings->debounce);
  lane.timer.async_wait([this, weak = std::weak_ptr<Lane>(slot),
                         token = lane.token](boost::system::error_code ec) {
    auto lane = weak.lock();  // gone when the document was closed meanwhile
    if (ec || !lane || token.cancelled()) return;
    start(*lane);
  });
}

void Scheduler::start(Lane &lane) {
  asio::post(pool_, [this, doc = lane.doc, host = lane.host, settings = lane.settings,
                     token = lane.token] {
    if (token.cancelled()) return;
    DocumentInput input{doc->uri(), doc->text(), doc->version(), settings->raw.dump()};
    auto result = std::make_shared<const AnalysisResult>(host->analyze(input, token));
    asio::post(main_, [this, doc, settings, result, token] {
      auto it = lanes_.find(doc->uri());
      // Stale: a newer version (or a close) cancelled this one meanwhile.
      if (token.cancelled() || it == lanes_.end() || it->second->doc != doc) return;
      Lane &lane = *it->second;
      lane.done = std::make_unique<Analysis>(Analysis{doc, settings, result});
      on_result_(*lane.done);
      auto waiters = std::move(lane.waiters);
      lane.waiters.clear();
      for (Waiter &w : waiters) w(lane.done.get());
    });
  });
}

void Scheduler::close(const std::string &uri) {
  auto it = lanes_.find(uri);
  if (it == lanes_.end()) return;
  std::shared_ptr<Lane> lane = std::move(it->second);
  lanes_.erase(it);
  lane->token.cancel(error_code::ContentModified);
  lane->timer.cancel();
  for (Waiter &w : lane->waiters) w(nullptr);
}

const Analysis *Scheduler::current(const std::string &uri) const {
  auto it = lanes_.find(uri);
  return it == lanes_.end() ? nullptr : it->second->done.get();
}

void Scheduler::when_current(const std::string &uri, Waiter waiter) {
  auto it = lanes_.find(uri);
  if (it == lanes_.end()) return waiter(nullptr);
  if (it->second->done) return waiter(it->second->done.get());
  it->second->waiters.push_back(std::move(waiter));
}

void Scheduler::cancel_all() {
  std::vector<std::string> uris;
  for (auto &[uri, lane] : lanes_) uris.push_back(uri);
  for (const std::string &uri : uris) close(uri);
}

}  // namespace reportls::lsp
