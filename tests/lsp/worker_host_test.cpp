// The worker host against the real reportls binary and the misbehaving test plugins, and the
// wire format it uses.
#include "lsp/worker_host.h"
#include "lsp/result_codec.h"
#include "lsp/worker_protocol.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace reportls::lsp;

namespace {

const std::string kBinary = REPORTLS_BUILD_DIR "/bin/reportls";

std::unique_ptr<PluginHost> test_host(std::chrono::milliseconds timeout) {
  PluginHostOptions plugins;
  plugins.plugin_dirs = {REPORTLS_BUILD_DIR "/test-plugins"};
  WorkerHostOptions worker;
  worker.executable = kBinary;
  worker.timeout = timeout;
  return make_worker_host(plugins, worker);
}

bool has_code(const AnalysisResult &r, const std::string &code) {
  for (const Diagnostic &d : r.diagnostics)
    if (d.code == code) return true;
  return false;
}

const PluginProblem *problem_of(const AnalysisResult &r, const std::string &plugin) {
  for (const PluginProblem &p : r.problems)
    if (p.plugin == plugin) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("worker protocol round-trips an analysis result") {
  AnalysisResult r;
  r.version = 7;
  r.diagnostics.push_back({1, 4, Severity::Error, "a.b", "消息", "p", "https://x", {{"修正", {{1, 2, "新"}}, true}}});
  r.actions.push_back({0, 1, "p", {"t", {{0, 0, "x"}}, false}});
  r.symbols.push_back({"一、", "d", 5, 0, 9, 0, 3, -1});
  r.folds.push_back({2, 8});
  r.facts["profile"] = "法治";
  r.problems.push_back({"p", "坏了", true});
  r.timings.push_back({"p", 1.25});
  AnalysisResult back = worker::decode_analysis(worker::parse(worker::dump(worker::encode(r))));
  CHECK(back.version == 7);
  REQUIRE(back.diagnostics.size() == 1);
  CHECK(back.diagnostics[0].severity == Severity::Error);
  CHECK(back.diagnostics[0].fixes[0].edits[0].new_text == "新");
  CHECK(back.diagnostics[0].fixes[0].preferred);
  CHECK(back.actions[0].fix.title == "t");
  CHECK(back.symbols[0].kind == 5);
  CHECK(back.symbols[0].parent == -1);
  CHECK(back.folds[0].end == 8);
  CHECK(back.facts["profile"] == "法治");
  CHECK(back.problems[0].disabled);
  CHECK(back.timings[0].milliseconds == 1.25);
  CHECK_THROWS(worker::decode_analysis(nlohmann::json::parse(R"({"version": "x"})")));
  CHECK(worker::parse("\xc1 not MessagePack").is_discarded());
  // Every truncation of a valid result is refused, never read past its end.
  const std::string bytes = codec::encode(r);
  for (size_t n = 0; n < bytes.size(); ++n) CHECK_THROWS_AS(codec::decode_analysis(bytes.substr(0, n)), codec::CodecError);
  CHECK_THROWS_AS(codec::decode_analysis(bytes + "x"), codec::CodecError);
  // A count far beyond the bytes that follow is refused before anything is allocated for it.
  CHECK_THROWS_AS(codec::decode_analysis(std::string("\x0e\xff\xff\xff\xff\x0f", 6)), codec::CodecError);
}

TEST_CASE("a crashing or hanging plugin is isolated, disabled for its document, and the rest still run") {
  if (!std::filesystem::exists(kBinary) ||
      !std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/crashing/crashing.so")) {
    MESSAGE("reportls or the test plugins are not built; skipped");
    return;
  }
  auto host = test_host(std::chrono::milliseconds(400));
  bool found = false;
  for (const PluginInfo &p : host->plugins()) found |= p.name == "crashing" && p.active;
  REQUIRE(found);

  std::string text = "CRASH HANG";
  DocumentInput doc{"file:///a.txt", text, 1};
  AnalysisResult r = host->analyze(doc, CancelToken());
  CHECK(r.version == 1);
  CHECK(has_code(r, "bad_output.span"));  // the other plugins' result for this very call
  REQUIRE(problem_of(r, "crashing"));
  CHECK(problem_of(r, "crashing")->disabled);
  // SIGSEGV, or SIGABRT when AddressSanitizer's handler turned the crash into an abort.
  const std::string &why = problem_of(r, "crashing")->message;
  CHECK((why.find("信号 11") != std::string::npos || why.find("信号 6") != std::string::npos));
  REQUIRE(problem_of(r, "hanging"));
  CHECK(problem_of(r, "hanging")->message.find("超过 400 毫秒") != std::string::npos);

  // Later calls for that document skip both at once (no 400 ms wait) and still say why.
  auto start = std::chrono::steady_clock::now();
  AnalysisResult again = host->analyze(doc, CancelToken());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(400));
  CHECK(has_code(again, "bad_output.span"));
  CHECK(problem_of(again, "crashing"));

  // Another document is analysed by every plugin.
  std::string clean = "clean";
  AnalysisResult other = host->analyze({"file:///b.txt", clean, 1}, CancelToken());
  CHECK(has_code(other, "bad_output.span"));
  CHECK_FALSE(problem_of(other, "crashing"));
}

TEST_CASE("a cancelled call waiting for the worker returns at once") {
  if (!std::filesystem::exists(kBinary)) return;
  auto host = test_host(std::chrono::milliseconds(2000));
  CancelToken token;
  token.cancel(-32800);
  std::string text = "x";
  // Cancelled before it starts: the in-process host would skip every plugin too.
  AnalysisResult r = host->analyze({"file:///c.txt", text, 1}, token);
  CHECK(r.diagnostics.empty());
}
