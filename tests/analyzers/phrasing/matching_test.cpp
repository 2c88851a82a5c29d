// Which phrases match what was typed, and which bytes an item replaces.
#include "phrasing_test_util.h"

#include <reportls/phrasing/pinyin.h>

#include <algorithm>

using test::complete_at;

TEST_CASE("pinyin keys: full syllables and initials, placeholders and punctuation skipped") {
  const auto k = test::romanizer().key("习近平法治思想");
  CHECK(k.full == "xijinpingfazhisixiang");
  CHECK(k.initials == "xjpfzsx");
  CHECK(test::romanizer().key("××县").full == "xian");
  CHECK(test::romanizer().key("推进“放管服”改革12345热线").initials == "tjfgfgg12345rx");
}

TEST_CASE("a Chinese prefix from one character offers the phrases starting with it") {
  const auto d = complete_at("深入学|");
  const auto *item = d.find("深入学习贯彻习近平法治思想");
  REQUIRE(item);
  CHECK(d.replaced(*item) == "深入学");
  CHECK(item->filter_text == "深入学习贯彻习近平法治思想");
  CHECK(item->replace.end == d.cursor);
  CHECK(!complete_at("依|").result.items.empty());
}

TEST_CASE("a substring match replaces only the matching tail of the typed run") {
  const auto c = complete_at("我们坚持习近平法|");
  const auto *item = c.find("深入学习贯彻习近平法治思想");
  REQUIRE(item);
  CHECK(c.replaced(*item) == "习近平法");
  CHECK(item->filter_text == "习近平法治思想");
}

TEST_CASE("pinyin initials and full pinyin") {
  for (const char *typed : {"xjp", "xijinping", "XJP"}) {
    CAPTURE(typed);
    const auto c = complete_at(std::string("坚持|").insert(6, typed));
    const auto *item = c.find("深入学习贯彻习近平法治思想");
    REQUIRE(item);
    CHECK(c.replaced(*item) == typed);
  }
  const auto c = complete_at("srxxgc|");
  const auto *item = c.find("深入学习贯彻习近平法治思想");
  REQUIRE(item);
  CHECK(item->filter_text == "srxxgcxjpfzsx");
  CHECK(c.rank("深入学习贯彻习近平法治思想") == 0);  // a prefix match ranks before substrings
  const auto f = complete_at("fazhisi|");
  REQUIRE(f.find("深入学习贯彻习近平法治思想"));
  CHECK(f.find("深入学习贯彻习近平法治思想")->filter_text == "fazhisixiang");
  // A full-pinyin substring must start at a syllable: "hisi" is inside "zhisi".
  CHECK(complete_at("hisixiang|").find("深入学习贯彻习近平法治思想") == nullptr);
}

TEST_CASE("the replace range after a character outside the BMP") {
  const auto c = complete_at("𠮷深入学|");
  const auto *item = c.find("深入学习贯彻习近平法治思想");
  REQUIRE(item);
  CHECK(item->replace.start == 4);  // 𠮷 is 4 UTF-8 bytes, and not part of the query
  CHECK(c.replaced(*item) == "深入学");
  const auto p = complete_at("𠮷xjp|");
  REQUIRE(p.find("深入学习贯彻习近平法治思想"));
  CHECK(p.find("深入学习贯彻习近平法治思想")->replace.start == 4);
}

TEST_CASE("the list is capped and then marked incomplete") {
  // Nothing typed: the phrases of the cursor's section (主要举措和成效 has more than 50).
  const auto c = complete_at("一、主要举措和成效\n|");
  CHECK(c.result.items.size() == 50);
  CHECK(c.result.incomplete);
  CHECK_FALSE(complete_at("xjp|").result.incomplete);
}
