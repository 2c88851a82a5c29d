#include "lsp/engine/scheduler.h"


#include <vector>

namespace reportls::lsp {

struct Scheduler::Lane {
  std::shared_ptr<const TextDocument> doc;  // newest snapshot
  std::shared_ptr<const Settings> settings;
  CancelToken token;
  Task cancel_timer;               // set while the debounce timer runs
  std::unique_ptr<Analysis> done;  // analysis of `doc` with `settings`, once finished
  std::vector<Waiter> waiters;
};

Scheduler::Scheduler(Env env, Listener on_result) : env_(std::move(env)), on_result_(std::move(on_result)) {}

Scheduler::~Scheduler() { cancel_all(); }

void Scheduler::update(std::shared_ptr<const TextDocument> doc, std::shared_ptr<const Settings> settings) {
  const std::string uri = doc->uri();
  auto &slot = lanes_[uri];
  if (!slot) slot = std::make_unique<Lane>();
  Lane &lane = *slot;
  lane.token.cancel(cancel_reason::ContentModified);
  lane.token = CancelToken();
  if (lane.cancel_timer) std::exchange(lane.cancel_timer, nullptr)();
  lane.doc = std::move(doc);
  lane.settings = std::move(settings);
  // Let go once the new analysis is on its way: a 1 MB report's thousands of diagnostics take a
  // while to free.
  const auto previous = std::move(lane.done);
  if (lane.settings->debounce.count() == 0) return start(uri, lane);
  lane.cancel_timer = env_.start_timer(lane.settings->debounce, [this, uri, token = lane.token] {
    auto it = lanes_.find(uri);  // gone when the document was closed meanwhile
    if (token.cancelled() || it == lanes_.end()) return;
    it->second->cancel_timer = nullptr;
    start(uri, *it->second);
  });
}

void Scheduler::start(const std::string &, Lane &lane) {
  env_.analyze(lane.doc, lane.settings, lane.token,
               [this, doc = lane.doc, settings = lane.settings, token = lane.token](std::shared_ptr<const AnalysisResult> r) {
                 finished(doc, settings, token, std::move(r));
               });
}

void Scheduler::finished(const std::shared_ptr<const TextDocument> &doc, const std::shared_ptr<const Settings> &settings,
                         const CancelToken &token, std::shared_ptr<const AnalysisResult> result) {
  auto it = lanes_.find(doc->uri());
  // Stale: a newer version, new settings or a close cancelled this one meanwhile.
  if (token.cancelled() || it == lanes_.end() || it->second->doc != doc || it->second->settings != settings) return;
  Lane &lane = *it->second;
  lane.done = std::make_unique<Analysis>(Analysis{doc, settings, std::move(result), ++result_ids_[doc->uri()]});
  on_result_(*lane.done);
  auto waiters = std::move(lane.waiters);
  lane.waiters.clear();
  for (Waiter &w : waiters) w(lane.done.get());
}

void Scheduler::close(const std::string &uri) {
  auto it = lanes_.find(uri);
  if (it == lanes_.end()) return;
  std::unique_ptr<Lane> lane = std::move(it->second);
  lanes_.erase(it);
  lane->token.cancel(cancel_reason::ContentModified);
  if (lane->cancel_timer) lane->cancel_timer();
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
