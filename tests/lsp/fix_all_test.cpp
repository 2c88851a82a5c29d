// Many certain fixes as one edit: which go together, in what order, and the edits between texts.
#include "lsp/engine/fix_all.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace reportls::lsp;

namespace {

Diagnostic diagnostic(const char *code, std::vector<Fix> fixes) {
  Diagnostic d;
  d.code = code;
  d.fixes = std::move(fixes);
  return d;
}

}  // namespace

TEST_CASE("compose: fixes that overlap wait; the order never depends on the plugins'") {
  // A dash at 4..5, a comma at 19..20, a rewrite of 16..23 and a fix inserting at 19 and at 4.
  Diagnostic dash = diagnostic("punctuation.range-dash", {{"改为—", {{4, 5, "—"}}, true}});
  Diagnostic comma = diagnostic("punctuation.halfwidth", {{"改为，", {{19, 20, "，"}}, true}});
  Diagnostic wide = diagnostic("terms.misuse", {{"改写", {{16, 23, "检查，强化"}}, true}});
  Diagnostic insert = diagnostic("zz.insert", {{"插入", {{19, 19, "X"}, {4, 4, "Y"}}, true}});
  for (int order = 0; order < 2; ++order) {
    std::vector<CandidateFix> fixes = {{&dash, &dash.fixes[0]}, {&comma, &comma.fixes[0]},
                                       {&wide, &wide.fixes[0]}, {&insert, &insert.fixes[0]}};
    if (order) std::reverse(fixes.begin(), fixes.end());
    const std::vector<Edit> edits = compose(fixes);
    // zz.insert (first edit at 4, an insertion) sorts first and is taken whole; the dash and the
    // comma only touch its insertions at their edges; the rewrite of 16..23 holds the insertion
    // at 19 and waits for the next round.
    REQUIRE(edits.size() == 4);
    CHECK(edits[0].new_text == "Y");
    CHECK(edits[1].new_text == "—");
    CHECK(edits[2].new_text == "X");
    CHECK(edits[3].new_text == "，");
    CHECK(apply_edits("0123-5678901234567890,234", edits) == "0123Y—56789012345678X，0,234");
  }
}

TEST_CASE("compose: a fix is all or nothing") {
  Diagnostic a = diagnostic("a.a", {{"a", {{0, 2, "x"}}, true}});
  Diagnostic b = diagnostic("b.b", {{"b", {{5, 6, "y"}, {1, 3, "z"}}, true}});
  const std::vector<Edit> edits = compose({{&a, &a.fixes[0]}, {&b, &b.fixes[0]}});
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].new_text == "x");
}

TEST_CASE("apply_edits and diff_edits") {
  const std::string before = "第一行, 不变\n第二行\n第三行 有空格\n";
  const std::vector<Edit> edits = {{9, 11, "，"}, {37, 38, ""}};
  const std::string after = apply_edits(before, edits);
  CHECK(after == "第一行，不变\n第二行\n第三行有空格\n");
  const std::vector<Edit> diff = diff_edits(before, after);
  REQUIRE(diff.size() == 2);
  CHECK(apply_edits(before, diff) == after);
  CHECK(diff[0].start == 9);
  CHECK(diff[0].end == 11);
  CHECK(diff[1].new_text.empty());
  // Lines added and removed; multi-byte characters are never cut.
  const std::string added = "甲\n乙\n丙\n", changed = "甲\n新行\n乙\n丁\n";
  for (const auto &[x, y] : {std::pair{added, changed}, std::pair{changed, added}, std::pair{std::string("啊"), std::string("阿")},
                             std::pair{std::string(), std::string("新")}}) {
    const std::vector<Edit> d = diff_edits(x, y);
    CHECK(apply_edits(x, d) == y);
    for (const Edit &e : d) {
      CHECK(((e.start == x.size()) || (static_cast<unsigned char>(x[e.start]) & 0xC0) != 0x80));
      CHECK(((e.end == x.size()) || (static_cast<unsigned char>(x[e.end]) & 0xC0) != 0x80));
    }
  }
  CHECK(diff_edits(before, before).empty());
}
