// The engine used the way a non-LSP front end would: documents in, byte offsets in, callbacks out,
// on a main loop the test runs itself.  Plugins in-process (the bundled ones and the example).
#include "lsp/engine/engine.h"
#include "lsp/engine/fix_all.h"

#include <doctest/doctest.h>

#include <boost/asio/executor_work_guard.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

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

// An engine with the bundled plugins in this process and no debounce, started; it counts what it
// publishes.
struct StartedEngine {
  boost::asio::io_context main;
  int published = 0;
  Engine engine{main, EngineOptions{{}, false, "", FileReader::plain_text()},
                EngineEvents{[this](const Analysis &) { ++published; }, [](const std::string &, const PluginProblem &) {},
                             [](int, const std::string &) {}, {}}};
  StartedEngine() {
    bool started = false;
    Settings settings;
    settings.debounce = 0ms;
    engine.start(settings, {}, [&](const std::vector<PluginInfo> &) { started = true; });
    REQUIRE(run_until(main, [&] { return started; }));
  }
};

}  // namespace

TEST_CASE("the engine without LSP: open, analyse, read, complete at a byte offset, close") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/example-plugins/placeholder/placeholder.so")) return;
  boost::asio::io_context main;
  std::vector<int64_t> published;
  std::vector<std::string> problems, logs;
  Engine engine(main, EngineOptions{{REPORTLS_BUILD_DIR "/example-plugins"}, false, "", FileReader::plain_text()},
                EngineEvents{[&](const Analysis &a) { published.push_back(a.doc->version()); },
                             [&](const std::string &, const PluginProblem &p) { problems.push_back(p.plugin); },
                             [&](int, const std::string &m) { logs.push_back(m); }, {}});
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
  engine.when_current(uri, [&](const Analysis *a) { read = a; });
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

TEST_CASE("the outline is made when asked for, shared by the requests of a snapshot, and made again after a change") {
  StartedEngine started;
  boost::asio::io_context &main = started.main;
  Engine &engine = started.engine;
  const int &published = started.published;
  const std::string uri = "file:///tmp/engine-outline.txt";
  engine.open(std::make_shared<const TextDocument>(uri, "plaintext", 1, "关于2023年度法治政府建设情况的报告\n一、工作情况\n推进依法行政。\n"));
  REQUIRE(run_until(main, [&] { return published == 1; }));
  // The diagnostics run leaves the outline out.
  engine.when_current(uri, [&](const Analysis *a) {
    REQUIRE(a);
    CHECK(a->result->symbols.empty());
    CHECK(a->result->folds.empty());
  });

  // Two requests of one snapshot (the outline view and folding) wait for one analysis.
  std::vector<std::shared_ptr<const AnalysisResult>> outlines;
  auto names = [](const AnalysisResult &r) {
    std::vector<std::string> out;
    for (const Symbol &s : r.symbols) out.push_back(s.name);
    return out;
  };
  auto ask = [&] { engine.outline(uri, CancelToken(), [&](const Analysis &a) { outlines.push_back(a.result); }); };
  ask();
  ask();
  CHECK(outlines.empty());  // not stored: made now
  REQUIRE(run_until(main, [&] { return outlines.size() == 2; }));
  CHECK(outlines[0] == outlines[1]);
  CHECK(names(*outlines[0]) == std::vector<std::string>{"关于2023年度法治政府建设情况的报告", "一、工作情况"});
  ask();  // kept: answered at once
  REQUIRE(outlines.size() == 3);
  CHECK(outlines[2] == outlines[0]);

  // After a change, the new snapshot's own.
  engine.update(engine.document(uri)->apply(2, {{std::nullopt, "关于2023年度法治政府建设情况的报告\n一、工作情况\n二、工作计划\n"}}, PositionEncoding::Utf8));
  ask();
  REQUIRE(run_until(main, [&] { return outlines.size() == 4; }));
  CHECK(names(*outlines[3]) ==
        std::vector<std::string>{"关于2023年度法治政府建设情况的报告", "一、工作情况", "二、工作计划"});
  engine.shutdown();
}

TEST_CASE("a fix the keystroke's analysis left without edits gets them where the user asks for it") {
  StartedEngine started;
  boost::asio::io_context &main = started.main;
  Engine &engine = started.engine;
  const int &published = started.published;
  // A draft whose marks were all made half-width: one normalized-document, fixing 240 marks.
  std::string text = "关于2023年度法治政府建设情况的报告\n";
  for (int i = 0; i < 40; ++i) text += "推进依法行政(一),落实纲要;加强监督:成效明显!\n";
  const std::string uri = "file:///tmp/engine-deferred.txt";
  engine.open(std::make_shared<const TextDocument>(uri, "plaintext", 1, text));
  REQUIRE(run_until(main, [&] { return published == 1; }));
  auto normalized = [](const Analysis &a) -> const Fix * {
    for (const Diagnostic &d : a.result->diagnostics)
      if (d.code == "punctuation.normalized-document" && d.fixes.size() == 1) return &d.fixes[0];
    return nullptr;
  };
  // What was published carries the fix's title only.
  const Fix *stored = nullptr;
  engine.when_current(uri, [&](const Analysis *a) { stored = a ? normalized(*a) : nullptr; });
  REQUIRE(stored);
  CHECK(stored->edits_deferred);
  CHECK(stored->edits.empty());

  // A selection away from its diagnostic (the last line) does not ask for it.
  const auto last = static_cast<uint32_t>(text.size() - 3);
  std::optional<Fix> away, here;
  engine.with_fix_edits(uri, std::pair{last, last}, CancelToken(), [&](const Analysis *a) { away = *normalized(*a); });
  REQUIRE(run_until(main, [&] { return away.has_value(); }));
  CHECK(away->edits_deferred);
  // On the diagnostic (the first line), the edits come from an analysis without the flag.
  engine.with_fix_edits(uri, std::pair{0u, 0u}, CancelToken(), [&](const Analysis *a) { here = *normalized(*a); });
  REQUIRE(run_until(main, [&] { return here.has_value(); }));
  CHECK_FALSE(here->edits_deferred);
  CHECK(here->edits.size() == 40 * 6);
  CHECK(here->title == stored->title);

  // Fix-all applies it: no half-width comma is left.
  std::optional<std::string> fixed;
  engine.fix_all(uri, {}, CancelToken(), [&](std::vector<Edit> edits, const TextDocument &doc) {
    fixed = apply_edits(doc.text(), edits);
  });
  REQUIRE(run_until(main, [&] { return fixed.has_value(); }));
  CHECK(fixed->find(',') == std::string::npos);
  CHECK(fixed->find("推进依法行政（一），落实纲要；加强监督：成效明显！") != std::string::npos);
  CHECK(published == 1);  // asking for edits publishes nothing
  engine.shutdown();
}

TEST_CASE("related documents: found open or on disk, re-analysed when they change, named by the settings") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/related/related.so")) return;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("reportls-related-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  auto write = [](const fs::path &p, const std::string &text) { std::ofstream(p, std::ios::binary) << text; };
  // The related test plugin relates documents by marker lines (tests/plugins/related.c).
  const std::string last_year = "@key A|2023\n上年\n", companion = "@key B|2024\n";
  write(dir / "2024.txt", "@key A|2024\n@want previous A|2023\n");
  write(dir / "sub" / "2023.txt", last_year);
  write(dir / "other.md", "@key A|2023-draft\n");
  write(dir / "companion.txt", companion);

  boost::asio::io_context main;
  std::map<std::string, std::map<std::string, std::string>> facts;  // newest published, per uri
  Engine engine(main, EngineOptions{{REPORTLS_BUILD_DIR "/test-plugins/related"}, false, "", FileReader::plain_text()},
                EngineEvents{[&](const Analysis &a) { facts[a.doc->uri()] = a.result->facts; }, nullptr,
                             [](int, const std::string &) {}, nullptr});
  bool ready = false;
  Settings settings;
  settings.debounce = 0ms;
  engine.start(settings, {}, [&](const std::vector<PluginInfo> &) { ready = true; });
  REQUIRE(run_until(main, [&] { return ready; }));
  const std::string uri = uri_from_path((dir / "2024.txt").string());
  const std::string last_uri = uri_from_path((dir / "sub" / "2023.txt").string());
  auto seen = [&](const std::string &role) { return facts[uri].count("seen." + role) ? facts[uri]["seen." + role] : ""; };
  auto digest = [](int64_t version, const std::string &text) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%lld:%zu:%016llx", static_cast<long long>(version), text.size(),
                  static_cast<unsigned long long>(h));
    return std::string(buf);
  };

  // Open alone: last year's file is found below its folder and read from disk.
  engine.open(std::make_shared<const TextDocument>(uri, "plaintext", 1, "@key A|2024\n@want previous A|2023\n"));
  REQUIRE(run_until(main, [&] { return !seen("previous").empty(); }));
  CHECK(seen("previous") == last_uri + " " + digest(0, last_year));

  // Opened in the editor, its open text counts; every edit of it re-analyses this year's report.
  const std::string edited = "@key A|2023\n上年（编辑中）\n";
  engine.open(std::make_shared<const TextDocument>(last_uri, "plaintext", 1, edited));
  REQUIRE(run_until(main, [&] { return seen("previous") == last_uri + " " + digest(1, edited); }));
  engine.update(engine.document(last_uri)->apply(2, {{std::nullopt, edited + "又改了\n"}}, PositionEncoding::Utf8));
  REQUIRE(run_until(main, [&] { return seen("previous") == last_uri + " " + digest(2, edited + "又改了\n"); }));

  // Closed without saving: the file on disk again.
  engine.close(last_uri);
  REQUIRE(run_until(main, [&] { return seen("previous") == last_uri + " " + digest(0, last_year); }));

  // The document's own wants change with its text.
  engine.update(engine.document(uri)->apply(2, {{std::nullopt, "@key A|2024\n"}}, PositionEncoding::Utf8));
  REQUIRE(run_until(main, [&] { return facts[uri].count("related.key") && seen("previous").empty(); }));

  // A workspace file names a related document outright, relative to the document's folder.
  write(dir / ".reportls.json", R"({"related": {"companion": "companion.txt"}})");
  engine.saved(uri_from_path((dir / ".reportls.json").string()));
  REQUIRE(run_until(main, [&] { return !seen("companion").empty(); }));
  CHECK(seen("companion") == uri_from_path((dir / "companion.txt").string()) + " " + digest(0, companion));
  engine.shutdown();
  fs::remove_all(dir);
}
