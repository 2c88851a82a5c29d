// The scheduler driven by hand: timers fire and analyses finish when the test says so, on the
// test's thread, so every verdict is about order, never about time.
#include "lsp/engine/scheduler.h"
#include "lsp/protocol/jsonrpc.h"

#include <doctest/doctest.h>

#include <deque>

using namespace reportls::lsp;
using namespace std::chrono_literals;

namespace {

// The timers and analyses the scheduler started, waiting for the test.
struct Manual {
  struct Timer {
    std::chrono::milliseconds delay;
    Scheduler::Task task;
    std::shared_ptr<bool> cancelled = std::make_shared<bool>(false);
  };
  struct Run {
    std::shared_ptr<const TextDocument> doc;
    std::shared_ptr<const Settings> settings;
    CancelToken token;
    Scheduler::Finished finished;
    void finish(std::vector<std::string> codes = {}) {
      auto r = std::make_shared<AnalysisResult>();
      r->version = doc->version();
      for (auto &c : codes) r->diagnostics.push_back({0, 0, Severity::Warning, c, "", "", "", {}});
      finished(r);
    }
  };
  std::deque<Timer> timers;
  std::deque<Run> runs;

  Scheduler::Env env() {
    return {[this](std::chrono::milliseconds d, Scheduler::Task t) {
              timers.push_back({d, std::move(t)});
              auto flag = timers.back().cancelled;
              return Scheduler::Task([flag] { *flag = true; });
            },
            [this](const std::shared_ptr<const TextDocument> &doc, const std::shared_ptr<const Settings> &s,
                   const CancelToken &token, Scheduler::Finished f) { runs.push_back({doc, s, token, std::move(f)}); }};
  }
  // Fires the oldest timer that was not cancelled; false when none is left.
  bool fire() {
    while (!timers.empty()) {
      Timer t = std::move(timers.front());
      timers.pop_front();
      if (!*t.cancelled) {
        t.task();
        return true;
      }
    }
    return false;
  }
  Run take() {
    REQUIRE_FALSE(runs.empty());
    Run r = std::move(runs.front());
    runs.pop_front();
    return r;
  }
};

std::shared_ptr<const TextDocument> doc(int64_t version, const std::string &text = "x", const std::string &uri = "file:///a.txt") {
  return std::make_shared<const TextDocument>(uri, "plaintext", version, text);
}

std::shared_ptr<const Settings> settings(int debounce_ms) {
  auto s = std::make_shared<Settings>();
  s->debounce = std::chrono::milliseconds(debounce_ms);
  return s;
}

}  // namespace

TEST_CASE("debounce: only the last of a burst of versions is analysed") {
  Manual m;
  std::vector<int64_t> published;
  Scheduler s(m.env(), [&](const Analysis &a) { published.push_back(a.doc->version()); });
  auto st = settings(150);
  for (int v = 1; v <= 5; ++v) s.update(doc(v), st);
  CHECK(m.timers.size() == 5);
  CHECK(m.timers.front().delay == 150ms);
  CHECK(m.runs.empty());  // nothing starts before the timer fires
  while (m.fire()) {
  }
  REQUIRE(m.runs.size() == 1);  // four timers were cancelled by the next version
  CHECK(m.runs.front().doc->version() == 5);
  m.take().finish();
  CHECK(published == std::vector<int64_t>{5});
}

TEST_CASE("debounce 0 starts at once; a newer version cancels the older analysis with ContentModified") {
  Manual m;
  std::vector<int64_t> published;
  Scheduler s(m.env(), [&](const Analysis &a) { published.push_back(a.doc->version()); });
  auto st = settings(0);
  s.update(doc(1), st);
  REQUIRE(m.runs.size() == 1);
  Manual::Run first = m.take();
  s.update(doc(2), st);
  CHECK(first.token.reason() == error_code::ContentModified);
  // The stale result arrives late: dropped, never published.
  first.finish({"stale"});
  CHECK(published.empty());
  CHECK(s.current("file:///a.txt") == nullptr);
  m.take().finish({"fresh"});
  CHECK(published == std::vector<int64_t>{2});
  REQUIRE(s.current("file:///a.txt"));
  CHECK(s.current("file:///a.txt")->result->diagnostics[0].code == "fresh");
}

TEST_CASE("waiting pulls are answered with the newest result, or nullptr on close") {
  Manual m;
  Scheduler s(m.env(), [](const Analysis &) {});
  auto st = settings(0);
  s.update(doc(1), st);
  std::vector<int64_t> answered;
  s.when_current("file:///a.txt", [&](const Analysis *a) { answered.push_back(a ? a->doc->version() : -1); });
  s.update(doc(2), st);  // the waiter waits for version 2, not 1
  m.take().finish();
  CHECK(answered.empty());
  m.take().finish();
  CHECK(answered == std::vector<int64_t>{2});
  // Already there: answered at once.
  s.when_current("file:///a.txt", [&](const Analysis *a) { answered.push_back(a ? a->doc->version() : -1); });
  CHECK(answered.size() == 2);
  // A waiter of a document closed meanwhile gets nullptr; so does one of a document never opened.
  s.update(doc(3), st);
  s.when_current("file:///a.txt", [&](const Analysis *a) { answered.push_back(a ? a->doc->version() : -1); });
  s.close("file:///a.txt");
  CHECK(m.take().token.reason() == error_code::ContentModified);
  s.when_current("file:///b.txt", [&](const Analysis *a) { answered.push_back(a ? a->doc->version() : -1); });
  CHECK(answered == std::vector<int64_t>{2, 2, -1, -1});
}

TEST_CASE("result ids: every kept result gets a new one, a settings-only change included") {
  Manual m;
  std::vector<uint64_t> ids;
  Scheduler s(m.env(), [&](const Analysis &a) { ids.push_back(a.result_id); });
  auto text = doc(1);
  s.update(text, settings(0));
  m.take().finish();
  // Same snapshot, new settings (a severity override): a new result with a new id, and the
  // result of the old settings, arriving late, is stale.
  auto stricter = settings(0);
  s.update(text, settings(0));
  Manual::Run old = m.take();
  s.update(text, stricter);
  old.finish();
  m.take().finish();
  REQUIRE(ids.size() == 2);
  CHECK(ids[1] > ids[0]);
  CHECK(s.current("file:///a.txt")->settings == stricter);
  // Closed and reopened, the document counts on: an id the client holds is never reused.
  s.close("file:///a.txt");
  s.update(doc(1), settings(0));
  m.take().finish();
  CHECK(ids.back() > ids[1]);
}

TEST_CASE("close cancels the debounce timer and the running analysis; cancel_all answers every waiter") {
  Manual m;
  int published = 0;
  Scheduler s(m.env(), [&](const Analysis &) { ++published; });
  s.update(doc(1, "x", "file:///a.txt"), settings(100));
  s.update(doc(1, "y", "file:///b.txt"), settings(0));
  s.close("file:///a.txt");
  CHECK_FALSE(m.fire());  // a's timer was cancelled
  int nulls = 0;
  s.when_current("file:///b.txt", [&](const Analysis *a) { nulls += a == nullptr; });
  Manual::Run b = m.take();
  s.cancel_all();
  CHECK(nulls == 1);
  CHECK(b.token.cancelled());
  b.finish();
  CHECK(published == 0);
}
