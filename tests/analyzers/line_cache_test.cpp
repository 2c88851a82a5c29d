// LineCache: what is kept follows the open documents' latest analyses, not the session's length.
#include <reportls/report/line_cache.h>

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

using reportls::report::LineCache;

namespace {

// One analysis of `document` over `lines`; returns how many lines were computed afresh.
int analyse(LineCache<std::string> &cache, const std::string &document, const std::vector<std::string> &lines,
            bool finish = true) {
  int made = 0;
  LineCache<std::string>::Pass pass(cache, document);
  for (const std::string &line : lines) {
    const std::string &value = pass.get(line, 7, [&] {
      ++made;
      return "found in " + line;
    });
    CHECK(value == "found in " + line);
  }
  if (finish) pass.finish();
  return made;
}

}  // namespace

TEST_CASE("a long editing session keeps one entry per line of the open document") {
  LineCache<std::string> cache;
  std::vector<std::string> lines = {"一、总体情况", "全年办结案件12件。", "二、存在问题", "全年办结案件12件。"};
  CHECK(analyse(cache, "file:///a.txt", lines) == 3);  // the repeated line is computed once
  CHECK(cache.size() == 3);
  for (int edit = 0; edit < 1000; ++edit) {
    lines[1] = "全年受理案件" + std::to_string(edit) + "件。";
    CHECK(analyse(cache, "file:///a.txt", lines) == 1);  // only the edited line is computed
    CHECK(cache.size() == 4);  // the three others and the edited line's latest text
  }
}

TEST_CASE("lines shared by documents stay while any of them holds them; closing forgets") {
  LineCache<std::string> cache;
  analyse(cache, "a", {"共同的一行", "只在甲"});
  CHECK(analyse(cache, "b", {"共同的一行", "只在乙"}) == 1);
  CHECK(cache.size() == 3);
  cache.forget("a");
  CHECK(cache.size() == 2);
  CHECK(analyse(cache, "b", {"共同的一行", "只在乙"}) == 0);
  cache.forget("b");
  CHECK(cache.size() == 0);
  cache.forget("never analysed");
}

TEST_CASE("a cache limited to one document keeps only the lines of the last one analysed") {
  LineCache<std::string> cache(1);
  analyse(cache, "a", {"共同的一行", "只在甲"});
  CHECK(analyse(cache, "b", {"共同的一行", "只在乙"}) == 1);  // a's lines are still there to share
  CHECK(cache.size() == 2);                                     // and then let go, but the shared one
  CHECK(analyse(cache, "b", {"共同的一行", "只在乙"}) == 0);
  CHECK(analyse(cache, "a", {"共同的一行", "只在甲"}) == 1);  // a again: its own line computed anew
  CHECK(cache.size() == 2);
  cache.forget("a");
  CHECK(cache.size() == 0);
}

TEST_CASE("an unfinished pass keeps nothing it added and leaves the document's lines alone") {
  LineCache<std::string> cache;
  analyse(cache, "a", {"第一行", "第二行"});
  CHECK(analyse(cache, "a", {"第一行", "改过的第二行"}, false) == 1);
  CHECK(cache.size() == 2);
  CHECK(analyse(cache, "a", {"第一行", "第二行"}) == 0);
}

TEST_CASE("salts key separate entries") {
  LineCache<std::string> cache;
  LineCache<std::string>::Pass pass(cache, "a");
  int made = 0;
  auto make = [&] { return std::to_string(++made); };
  CHECK(pass.get("一行", 2023, make) == "1");
  CHECK(pass.get("一行", 2024, make) == "2");
  CHECK(pass.get("一行", 2023, make) == "1");
  pass.finish();
  CHECK(cache.size() == 2);
}

TEST_CASE("lines that move, passes that overlap or stop halfway: one entry per line in use, none computed twice") {
  // A model: each document's lines are those of its latest finished pass; the cache holds their
  // union, and a line in it is never computed again.
  LineCache<std::string> cache;
  std::map<std::string, std::vector<std::string>> finished;
  auto in_use = [&] {
    std::set<std::string> all;
    for (const auto &[doc, lines] : finished) all.insert(lines.begin(), lines.end());
    return all;
  };
  std::mt19937 rng(3);
  std::map<std::string, std::vector<std::string>> texts = {{"a", {}}, {"b", {}}};
  for (int i = 0; i < 30; ++i) {
    texts["a"].push_back("甲" + std::to_string(i));
    texts["b"].push_back(i % 3 ? "乙" + std::to_string(i) : "甲" + std::to_string(i));  // some lines shared
  }
  for (int step = 0; step < 400; ++step) {
    const std::string doc = rng() % 2 ? "a" : "b";
    std::vector<std::string> &lines = texts[doc];
    switch (rng() % 3) {  // an edit: a line changed, added or removed
      case 0: lines[rng() % lines.size()] = "改" + std::to_string(step); break;
      case 1: lines.insert(lines.begin() + rng() % (lines.size() + 1), "新" + std::to_string(step)); break;
      default: if (lines.size() > 1) lines.erase(lines.begin() + rng() % lines.size());
    }
    const std::set<std::string> before = in_use();
    auto run = [&](LineCache<std::string>::Pass &pass, size_t upto) {
      for (size_t k = 0; k < upto; ++k) {
        const std::string &line = lines[k];
        const std::string &value = pass.get(line, 7, [&] {
          CHECK_MESSAGE(!before.count(line), "computed again: " << line);
          return "found in " + line;
        });
        CHECK(value == "found in " + line);
      }
    };
    const int kind = rng() % 4;
    if (kind == 0) {  // stops halfway: the document keeps its lines
      LineCache<std::string>::Pass pass(cache, doc);
      run(pass, rng() % (lines.size() + 1));
    } else if (kind == 1) {  // another pass of the same document starts before this one ends
      LineCache<std::string>::Pass first(cache, doc), second(cache, doc);
      run(first, lines.size());
      run(second, lines.size());
      second.finish();
      first.finish();
      finished[doc] = lines;
    } else {
      LineCache<std::string>::Pass pass(cache, doc);
      run(pass, lines.size());
      pass.finish();
      finished[doc] = lines;
    }
    REQUIRE(cache.size() == in_use().size());
  }
  cache.forget("a");
  cache.forget("b");
  CHECK(cache.size() == 0);
}

TEST_CASE("lines that held nothing are recalled as nothing, without being computed again") {
  LineCache<std::string> cache;
  const std::vector<std::string> lines = {"没有发现", "有发现", "没有发现的另一行"};
  int made = 0;
  const auto make_for = [&](const std::string &line) {
    return [&made, &line] {
      ++made;
      return line.rfind("有", 0) == 0 ? "found in " + line : std::string();
    };
  };
  for (int round = 0; round < 3; ++round) {
    LineCache<std::string>::Pass pass(cache, "a");
    for (const std::string &line : lines)
      CHECK(pass.get(line, 0, make_for(line)) == (line == "有发现" ? "found in 有发现" : ""));
    pass.finish();
  }
  CHECK(made == 3);
  CHECK(cache.size() == 3);
}

TEST_CASE("a value stays valid while its pass lives, whatever other passes of the document do") {
  LineCache<std::string> cache;
  auto pass = std::make_unique<LineCache<std::string>::Pass>(cache, "a");
  const std::string &held = pass->get("第一行", 0, [] { return std::string("甲"); });
  pass->finish();
  for (int i = 0; i < 3; ++i) {  // later passes of the same document no longer use the line
    LineCache<std::string>::Pass other(cache, "a");
    CHECK(other.get("另一行" + std::to_string(i), 0, [] { return std::string("乙"); }) == "乙");
    other.finish();
  }
  CHECK(held == "甲");  // still held by the first pass
  pass.reset();         // which, ending last, makes its line the document's
  CHECK(cache.size() == 1);
  LineCache<std::string>::Pass again(cache, "a");
  CHECK(again.get("第一行", 0, [] { return std::string("重算"); }) == "甲");
}
