// The one-pass filter over the rules' required texts: a rule is skipped only when memmem would
// find none of the texts of one of its lists in the text, and a rule set searched through it finds
// exactly what its rules find one by one.
#include "literal_filter.h"

#include <reportls/report/pattern_rules.h>
#include <reportls/report/text.h>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using reportls::report::LiteralFilter;
using reportls::report::RequiredTexts;
using Literals = std::vector<std::string>;

namespace {

// What the filter must answer: the pattern-by-pattern, list-by-list memmem.
std::vector<bool> one_by_one(const std::vector<RequiredTexts> &required, std::string_view text) {
  std::vector<bool> out;
  for (const RequiredTexts &lists : required) {
    bool all = true;
    for (const Literals &literals : lists) {
      bool some = literals.empty();
      for (const std::string &l : literals) some |= reportls::report::contains_text(text, l);
      all &= some;
    }
    out.push_back(all);
  }
  return out;
}

}  // namespace

TEST_CASE("a rule is a candidate exactly when the text holds one text of each of its lists") {
  const std::vector<RequiredTexts> required = {
      {{"截止"}}, {{"十九", "二十"}}, {{" "}}, {{"19", "20"}}, {}, {{"𠮷"}}, {{"的"}}, {{"依法行政工作"}},
      {{"", "永不出现"}}, {{"截止"}, {"目前", "年"}}, {{"实“"}, {"，实", "。实"}}};
  const LiteralFilter filter(required);
  for (const std::string text : {"", "截", "截止目前", "党的二十大", "依法 行政", "2019年", "𠮷", "一𠮷二",
                                 "依法行政工作的", "xx截止", "\x80\x80截止\xE6", "永不", "截止2023年",
                                 "落实“放管服”", "切实“放管服”。实", "，实“"}) {
    CAPTURE(text);
    CHECK(filter.candidates(text) == one_by_one(required, text));
  }
  CHECK(filter.candidates("截止") ==
        std::vector<bool>{true, false, false, false, true, false, false, false, true, false, false});
  CHECK(filter.candidates("，实“") ==
        std::vector<bool>{false, false, false, false, true, false, false, false, true, false, true});
}

TEST_CASE("random texts and literals, ill-formed bytes and literals inside a character included") {
  std::mt19937 rng(3);
  const std::vector<std::string> pieces = {"法", "治", "政", "府", "𠮷", "a", " ", "1", "2", "\xE6", "\xB3", "，"};
  auto random_text = [&](size_t max_pieces) {
    std::string s;
    for (size_t n = rng() % (max_pieces + 1); n > 0; --n) s += pieces[rng() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 400; ++round) {
    // Half the rounds with many literals: a filter of more than 16 has its tables by byte and key.
    const bool many = round % 2;
    std::vector<RequiredTexts> required(1 + rng() % (many ? 20 : 6));
    for (RequiredTexts &lists : required) {
      lists.resize(rng() % 3 + (many ? 1 : 0));
      for (Literals &literals : lists)
        for (size_t n = rng() % (many ? 5 : 3); n > 0; --n) literals.push_back(random_text(3));
    }
    const LiteralFilter filter(required);
    for (int t = 0; t < 20; ++t) {
      const std::string text = random_text(12);
      REQUIRE(filter.candidates(text) == one_by_one(required, text));
    }
  }
}

TEST_CASE("rules searched together find what each finds alone") {
  using namespace reportls::report;
  PatternRules rules;
  rules.add(parse_pattern_rules(R"({"format": "reportls-pattern-rules", "version": 1, "rules": [
    {"rule": "a", "find": "截止目前", "replace": "截至目前", "message": "{text}"},
    {"rule": "b", "pattern": "(十九|二十)大", "message": "{text}"},
    {"rule": "c", "pattern": "(\\p{Han}{2})\\1", "message": "{text}"}]})", "test"));
  rules.add(parse_pattern_rules(R"({"format": "reportls-pattern-rules", "version": 1, "rules": [
    {"rule": "d", "find": "𠮷", "message": "{text}"}]})", "test2"));
  const std::string text = "截止目前，党的二十大精神学习学习𠮷。";
  std::vector<std::string> found;
  for (const PatternHit &h : rules.search(text, {0, static_cast<uint32_t>(text.size())}, std::nullopt))
    found.push_back(h.rule->rule + ":" + std::string(h.range.in(text)));
  CHECK(found == std::vector<std::string>{"a:截止目前", "b:二十大", "c:学习学习", "d:𠮷"});
  CHECK(rules.search("无关的一句话。", {0, 21}, std::nullopt).empty());
}
