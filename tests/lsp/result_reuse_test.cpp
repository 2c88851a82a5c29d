// Spent analysis results: the memory of one let go is decoded into by the next, which reads exactly
// as one decoded afresh.
#include "lsp/host/result_codec.h"
#include "lsp/host/result_reuse.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <thread>

using namespace reportls::lsp;

namespace {

// A result of n diagnostics (some with fixes), symbols, folds, facts, problems and timings.
AnalysisResult random_result(std::mt19937 &rng, size_t n) {
  AnalysisResult r;
  r.version = static_cast<int64_t>(rng() % 100);
  auto text = [&](size_t most) { return std::string(rng() % (most + 1), "法治政府abc"[rng() % 11]); };
  for (size_t i = 0; i < n; ++i) {
    Diagnostic d{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 3), Severity::Warning, "figures.sum" + text(8),
                 "总数与分项之和不符：" + text(60), "figures", rng() % 3 ? "" : "https://x/" + text(5), {}};
    for (size_t f = rng() % 3; f > 0; --f) d.fixes.push_back({"改为“" + text(4) + "”", {{1, 2, text(6)}}, rng() % 2 == 0});
    r.diagnostics.push_back(std::move(d));
  }
  for (size_t i = rng() % 4; i > 0; --i) r.actions.push_back({0, 1, "p", {text(3), {{0, 0, text(2)}}, false}});
  for (size_t i = rng() % 6; i > 0; --i) r.symbols.push_back({text(20), text(3), 5, 0, 9, 0, 3, -1});
  for (size_t i = rng() % 3; i > 0; --i) r.folds.push_back({2, 8});
  for (size_t i = rng() % 3; i > 0; --i) r.facts["key" + std::to_string(i)] = text(10);
  for (size_t i = rng() % 2; i > 0; --i) r.problems.push_back({"p", text(5), rng() % 2 == 0});
  for (size_t i = rng() % 3; i > 0; --i) r.timings.push_back({"p" + std::to_string(i), 0.5});
  return r;
}

}  // namespace

TEST_CASE("a result decoded into a spent one reads exactly as one decoded afresh, whatever the two held") {
  std::mt19937 rng(41);
  for (int round = 0; round < 300; ++round) {
    const std::string spent_bytes = codec::encode(random_result(rng, rng() % 40));
    const std::string bytes = codec::encode(random_result(rng, rng() % 40));
    // More diagnostics than the spent one had, fewer, and as many; longer strings and shorter.
    AnalysisResult into = codec::decode_analysis(bytes, codec::decode_analysis(spent_bytes));
    REQUIRE(codec::encode(into) == bytes);
    REQUIRE(codec::encode(codec::decode_analysis(bytes)) == bytes);
  }
}

TEST_CASE("a shared result let go waits for the next decode, one at a time, from any thread") {
  spent_result();  // takes whatever another test let go
  std::mt19937 rng(43);
  AnalysisResult big = random_result(rng, 50);
  const std::string big_bytes = codec::encode(big);
  auto shared = shared_result(std::move(big));
  auto copy = shared;
  shared.reset();
  CHECK(spent_result().diagnostics.empty());  // still held
  std::thread([held = std::move(copy)]() mutable { held.reset(); }).join();
  AnalysisResult spent = spent_result();
  CHECK(codec::encode(spent) == big_bytes);   // the one let go, its memory with it
  CHECK(spent_result().diagnostics.empty());  // taken: nothing waits any more
  // Only the one let go last waits.
  shared_result(random_result(rng, 3)).reset();
  AnalysisResult last = random_result(rng, 7);
  const std::string last_bytes = codec::encode(last);
  shared_result(std::move(last)).reset();
  CHECK(codec::encode(spent_result()) == last_bytes);
}
