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

TEST_CASE("typing pinyin letter by letter: the client asks again until the key is 3 letters") {
  // After x only phrases starting with x match; from xj on, later syllables too.  A client that
  // filtered the list for x itself would never see 深入学习贯彻习近平法治思想.
  const std::string phrase = "深入学习贯彻习近平法治思想";
  const auto x = complete_at("全面依法治国。x|");
  CHECK(x.result.incomplete);
  CHECK(x.find(phrase) == nullptr);
  const auto xj = complete_at("全面依法治国。xj|");
  CHECK(xj.result.incomplete);
  REQUIRE(xj.find(phrase));
  const auto xjp = complete_at("全面依法治国。xjp|");
  CHECK_FALSE(xjp.result.incomplete);
  REQUIRE(xjp.find(phrase));
  CHECK(xjp.accepted(*xjp.find(phrase)) == "全面依法治国。" + phrase);
  // Nothing typed and Chinese keys are never complete either.
  CHECK(complete_at("全面依法治国。|").result.incomplete);
  CHECK(complete_at("习近平|").result.incomplete);
}

TEST_CASE("Chinese then pinyin: the Chinese already typed is replaced too, never doubled") {
  struct Case {
    const char *typed, *phrase, *after;
  };
  for (const Case &t : {
           Case{"深入学习贯彻xjpfz|", "深入学习贯彻习近平法治思想", "深入学习贯彻习近平法治思想"},
           Case{"坚持以xjp|", "坚持以习近平新时代中国特色社会主义思想为指导",
                "坚持以习近平新时代中国特色社会主义思想为指导"},
           Case{"我们坚持以x|", "坚持以习近平新时代中国特色社会主义思想为指导",
                "我们坚持以习近平新时代中国特色社会主义思想为指导"},
           Case{"深入学习贯彻习近平fz|", "深入学习贯彻习近平法治思想", "深入学习贯彻习近平法治思想"},
           // Full pinyin after the characters, and a phrase that holds them in its middle.
           Case{"。深入学习贯彻xijinping|", "持续深入学习贯彻习近平法治思想",
                "。持续深入学习贯彻习近平法治思想"},
           // A mark between the characters and what the letters spell is skipped.
           Case{"深化fg|", "深化“放管服”改革", "深化“放管服”改革"},
       }) {
    CAPTURE(t.typed);
    const auto c = complete_at(t.typed);
    const auto *item = c.find(t.phrase);
    REQUIRE(item);
    CHECK(c.accepted(*item) == t.after);
    // What the editor filters on starts with what was typed.
    const std::string typed = c.replaced(*item);
    CHECK(item->filter_text.substr(0, typed.size()) == typed);
  }
  // Characters no phrase continues with these letters: the letters alone are replaced.
  const auto c = complete_at("坚持xjp|");
  REQUIRE(c.find("深入学习贯彻习近平法治思想"));
  CHECK(c.replaced(*c.find("深入学习贯彻习近平法治思想")) == "xjp");
}

TEST_CASE("Chinese then pinyin at every prefix length of the key") {
  struct Case {
    std::string chinese, letters, phrase;
  };
  for (const Case &t : {Case{"深入学习贯彻", "xjpfzsx", "深入学习贯彻习近平法治思想"},
                        Case{"坚持以", "xijinping", "坚持以习近平新时代中国特色社会主义思想为指导"},
                        Case{"依法全面", "lvxingzhengfu", "依法全面履行政府职能"}}) {
    for (size_t n = 1; n <= t.letters.size(); ++n) {
      const std::string typed = t.chinese + t.letters.substr(0, n);
      CAPTURE(typed);
      const auto c = complete_at("。" + typed + "|");
      const auto *item = c.find(t.phrase);
      REQUIRE(item);
      CHECK(c.replaced(*item) == typed);
      CHECK(c.accepted(*item) == "。" + t.phrase);
      CHECK(c.result.incomplete == (n < reportls::phrasing::kMinCompleteLetters));
    }
  }
}

TEST_CASE("v for ü, as input methods spell it") {
  for (const char *typed : {"lvxing|", "luxing|", "LVX|", "qmlx|"}) {
    CAPTURE(typed);
    const auto c = complete_at(typed);
    const auto *item = c.find("依法全面履行政府职能");
    REQUIRE(item);
    CHECK(c.accepted(*item) == "依法全面履行政府职能");
    const std::string as_typed = c.replaced(*item);
    CHECK(item->filter_text.substr(0, as_typed.size()) == as_typed);
  }
  CHECK(test::romanizer().key("履行").full == "luxing");
}

TEST_CASE("a key's syllables know the characters they spell") {
  const auto k = test::romanizer().key("深化“放管服”改革12345热线");
  // 深 化 放 管 服 改 革 12345 热 线: the quote marks spell nothing.
  REQUIRE(k.sources.size() == 10);
  CHECK(k.sources[2] == std::string("深化“").size());
  CHECK(k.sources[7] == std::string("深化“放管服”改革").size());
  CHECK(k.initial_starts[8] == 12);  // shfgfgg12345|rx
}
