// ICU patterns over UTF-8: the byte spans of matches and their groups.
#include <reportls/report/pattern.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace reportls::report;

namespace {

struct Found {
  std::vector<std::string> groups;  // the bytes of each group, "" when unset
};

std::vector<Found> all_matches(const Pattern &p, std::string_view text, Span within) {
  std::vector<Found> out;
  p.search(text, within, [&](const PatternMatch &m) {
    Found f;
    for (const Span &g : m.groups) f.groups.emplace_back(g.in(text));
    out.push_back(std::move(f));
    return true;
  });
  return out;
}

}  // namespace

TEST_CASE("a match's groups map back to their bytes across CJK, astral characters and look-behind") {
  const Pattern p("(?<=(.))(截止)(目前|(\\d{4})年)");
  std::string text;
  std::vector<std::string> years;
  // Many matches in one long paragraph, each group behind the end of the match before it.
  for (int i = 0; i < 300; ++i) {
    const std::string year = std::to_string(2000 + i % 30);
    text += i % 3 ? "𠮷截止" + year + "年，" : "各项工作截止目前，";
    years.push_back(i % 3 ? year : "");
  }
  const std::vector<Found> found = all_matches(p, text, {0, static_cast<uint32_t>(text.size())});
  REQUIRE(found.size() == years.size());
  for (size_t i = 0; i < found.size(); ++i) {
    CAPTURE(i);
    CHECK(found[i].groups[1] == (i % 3 ? "𠮷" : "作"));
    CHECK(found[i].groups[2] == "截止");
    CHECK(found[i].groups[4] == years[i]);
    CHECK(found[i].groups[0] == "截止" + (i % 3 ? years[i] + "年" : std::string("目前")));
  }
}

TEST_CASE("spans are offsets into the whole text when only a part of it is searched") {
  const std::string text = "前言𠮷。截止目前，完成";
  const auto start = static_cast<uint32_t>(text.find("。"));
  Pattern p("截止(目前)");
  std::vector<PatternMatch> matches;
  p.search(text, {start, static_cast<uint32_t>(text.size())}, [&](const PatternMatch &m) {
    matches.push_back(m);
    return true;
  });
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].span.start == text.find("截止"));
  CHECK(matches[0].groups[1].in(text) == "目前");
}

TEST_CASE("ill-formed bytes count as one U+FFFD each, as the UTF-16 conversion reads them") {
  const std::string text = "\xE4\xB8" "截止\xff" "目前";
  const std::vector<Found> found = all_matches(Pattern("(.)(目前)"), text, {0, static_cast<uint32_t>(text.size())});
  REQUIRE(found.size() == 1);
  CHECK(found[0].groups[1] == "\xff");
  CHECK(found[0].groups[2] == "目前");
}
