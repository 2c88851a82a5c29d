// The engine used the way a non-LSP front end would: documents in, byte offsets in, callbacks out,
// on a main loop the test runs itself.  Plugins in-process (the bundled ones and the example).
#include "lsp/engine/engine.h"

#include <doctest/doctest.h>

#include <boost/asio/executor_work_guard.hpp>

#include <filesystem>

using namespace reportls::lsp;
using namespace std::chrono_literals;

namespace {

// Runs `main` until `done` holds (bounded, so a bug fails the test instead of hanging it).
template <class Pred>
bool run_until(boost::asio::io_context &main, Pred done) {
  main.restart();
  auto work = boost::asio::make_work_guard(main);  // wait for handlers other threads will post
  for (int i = 0; i < 600 && !done(); ++i) main.run_one_for(100ms);
  return done();
}

}  // namespace

TEST_CASE("the engine without LSP: open, analyse, read, complete at a byte offset, close") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/example-plugins/placeholder/placeholder.so")) return;
  boost::asio::io_context main;
  std::vector<int64_t> published;
  std::vector<std::string> problems, logs;
  Engine engine(main, EngineOptions{{REPORTLS_BUILD_DIR "/example-plugins"}, false, ""},
                EngineEvents{[&](const Analysis &a) { published.push_back(a.doc->version()); },
                             [&](const std::string &, const PluginProblem &p) { problems.push_back(p.plugin); },
                             [&](int, const std::string &m) { logs.push_back(m); }});
  std::vector<PluginInfo> plugins;
  Settings settings;
  settings.debounce = 0ms;
  engine.start(settings, {}, [&](const std::vector<PluginInfo> &p) { plugins = p; });
  REQUIRE(run_until(main, [&] { return !plugins.empty(); }));
  bool phrasing = false;
  for (const PluginInfo &p : plugins) phrasing |= p.name == "phrasing" && !p.trigger_characters.empty();
  CHECK(phrasing);  // its trigger characters come from its descriptor

  const std::string uri = "file:///tmp/engine-test.txt";
  engine.open(std::make_shared<const TextDocument>(uri, "plaintext", 1, "××县人民政府\n一、工作情况\n"));
  REQUIRE(run_until(main, [&] { return !published.empty(); }));
  CHECK(published == std::vector<int64_t>{1});

  // Reads: the stored analysis, with the example plugin's diagnostic at byte offsets.
  const Analysis *read = nullptr;
  engine.analysis(uri, ~0u, CancelToken(), [&](const Analysis &a) { read = &a; });
  REQUIRE(read);  // stored: answered at once
  bool placeholder = false;
  for (const Diagnostic &d : read->result->diagnostics)
    placeholder |= d.code == "placeholder.unfilled" && d.start == 0 && d.end == 4;  // "××": 2 × 2 bytes
  CHECK(placeholder);
  CHECK(read->result_id > 0);

  // A new version: its own result, with a new result id.
  const uint64_t first_id = read->result_id;
  engine.update(engine.document(uri)->apply(2, {{std::nullopt, "一、工作情况\n二、"}}, PositionEncoding::Utf8));
  uint64_t second_id = 0;
  engine.when_current(uri, [&](const Analysis *a) { second_id = a ? a->result_id : 0; });
  REQUIRE(run_until(main, [&] { return second_id != 0; }));
  CHECK(second_id > first_id);

  // Completion at a byte offset: the answer comes back on main with the snapshot it was made on.
  bool completed = false;
  const uint32_t end = static_cast<uint32_t>(engine.document(uri)->text().size());
  engine.complete(uri, end, CancelToken(), [&](const CompletionResult &r, const TextDocument &doc) {
    completed = true;
    CHECK(doc.version() == 2);
    CHECK_FALSE(r.items.empty());  // phrasing offers the sections after "二、"
  });
  REQUIRE(run_until(main, [&] { return completed; }));

  // Closed: a waiter gets nullptr.
  engine.close(uri);
  bool closed = false;
  engine.when_current(uri, [&](const Analysis *a) { closed = a == nullptr; });
  CHECK(closed);
  CHECK(problems.empty());
  engine.shutdown();
}
