// The patterns' prefilter: the text every match must contain, read from the regex, and the proof
// that it never hides a match — every bundled pattern over every line of the corpus finds with the
// prefilter exactly what ICU finds without it.
#include "required_literal.h"

#include <reportls/report/pattern.h>

#include "test_util.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

using reportls::report::Pattern;
using reportls::report::has_tandem_repeat;
using reportls::report::required_literals;
using reportls::report::required_tandem_repeat;
using Required = reportls::report::RequiredTexts;

TEST_CASE("each run of literal text outside optional atoms is required, longest first") {
  CHECK(required_literals("(?:习近平总书记)?全面依法治国新理念(?:新思想)?新战略") == Required{{"全面依法治国新理念"}, {"新战略"}});
  CHECK(required_literals("其他(?:应当|应|需)?报告的?事项") == Required{{"其他"}, {"报告"}, {"事项"}});  // 的? drops 的
  CHECK(required_literals("依法行政+工作") == Required{{"依法行政"}, {"政工作"}});  // 政+: the last 政 goes on
  CHECK(required_literals("a{2,}b") == Required{{"aa"}, {"ab"}});
  CHECK(required_literals("年度报告{0,2}公开") == Required{{"年度报"}, {"公开"}});
  CHECK(required_literals("(ab){2}c") == Required{{"ababc"}});
  CHECK(required_literals("(ab){0,3}c") == Required{{"c"}});
  CHECK(required_literals("\\d{4}年度法治政府建设") == Required{{"年度法治政府建设"}});
  CHECK(required_literals("《中华人民共和国\\(试行\\)》") == Required{{"《中华人民共和国(试行)》"}});  // escaped marks
  CHECK(required_literals("\\p{Han}{2,}县人民政府") == Required{{"县人民政府"}});
  CHECK(required_literals("\\pL政府") == Required{{"政府"}});  // \pL takes the L
  CHECK(required_literals("\\u4e00abc") == Required{});       // the code point's digits
  CHECK(required_literals("做(?!出)好") == Required{{"做好"}});  // a negative look-ahead takes no text
  // Only the kMaxRequired best lists are kept, none that another implies.
  CHECK(required_literals("一二三四五六七八九十百千万亿零两") .size() == 1);
  CHECK(required_literals("甲.乙乙.丙丙丙.丁丁丁丁.戊戊戊戊戊") ==
        Required{{"戊戊戊戊戊"}, {"丁丁丁丁"}, {"丙丙丙"}, {"乙乙"}});
}

TEST_CASE("a run is multiplied out over the small sets and alternations of plain text it passes") {
  CHECK(required_literals("[一二三四五]、工作") == Required{{"一、工作", "二、工作", "三、工作", "四、工作", "五、工作"}});
  CHECK(required_literals("1[件个][,，]均") == Required{{"1件,均", "1件，均", "1个,均", "1个，均"}});
  CHECK(required_literals("[\\-~]年") == Required{{"-年", "~年"}});  // an escaped mark in a set
  CHECK(required_literals("[]a]x") == Required{{"]x", "ax"}});    // a ] first in a set is itself
  CHECK(required_literals("[^]a]x") == Required{{"x"}});
  CHECK(required_literals("(十九|二十)大") == Required{{"十九大", "二十大"}});  // 十九 or 二十: implied
  CHECK(required_literals("(?<name>依法|法治)行政") == Required{{"依法行政", "法治行政"}});
  CHECK(required_literals("(?:依法治[国市]|法治政府)建设") ==
        Required{{"依法治国建设", "依法治市建设", "法治政府建设"}});
  // A set of more than kMaxAlternatives characters, a negated set, a class: the run ends there.
  CHECK(required_literals("[一-龥]区") == Required{{"区"}});
  CHECK(required_literals("[^县]区") == Required{{"区"}});
  CHECK(required_literals("[\\p{Han}]x") == Required{{"x"}});
  CHECK(required_literals("x[a&&b]") == Required{{"x"}});
  // A set under {2} is multiplied twice while there are few enough texts; then the last character
  // of the set starts the next run.
  CHECK(required_literals("[0-9]{2}年") == Required{{"0年", "1年", "2年", "3年", "4年", "5年", "6年", "7年", "8年", "9年"}});
  CHECK(required_literals("[ab]{2}") == Required{{"aa", "ab", "ba", "bb"}});
}

TEST_CASE("an alternation requires one text of each branch") {
  CHECK(required_literals("截止目前|截止到目前") == Required{{"截止目前", "截止到目前"}});
  CHECK(required_literals("(?<![《〈])(?:重大行政决策程序暂行条例|法治政府建设实施纲要)(?![》])") ==
        Required{{"重大行政决策程序暂行条例", "法治政府建设实施纲要"}});
  CHECK(required_literals("(?:报告|总结|汇报)$") == Required{{"报告", "总结", "汇报"}});
  CHECK(required_literals("(?:ab|cd)+e") == Required{{"abe", "cde"}});
  // After a group of more than plain text, the run goes on from what its match ends with.
  CHECK(required_literals("(a.b)c") == Required{{"bc"}, {"a"}});
  CHECK(required_literals("(?:a|b.c)d") == Required{{"ad", "cd"}, {"a", "b"}});
  CHECK(required_literals("(20[0-9]{2})度") ==
        Required{{"0度", "1度", "2度", "3度", "4度", "5度", "6度", "7度", "8度", "9度"},
                 {"200", "201", "202", "203", "204", "205", "206", "207", "208", "209"}});
  CHECK(required_literals("(a.b?)c") == Required{{"a"}, {"c"}});  // it may end with b or not
  CHECK(required_literals("截止|[0-9]+") == Required{{"截止", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}});
  CHECK(required_literals("截止(?:到?(目前)|(?=(?:19|20)[0-9]{2}年))") ==
        Required{{"截止"}, {"目前", "0年", "1年", "2年", "3年", "4年", "5年", "6年", "7年", "8年", "9年"}});
}

TEST_CASE("a positive look-around's text is in the searched line: its lists hold, a look-ahead continues the run") {
  CHECK(required_literals("(?<=\\p{Han}) +(?=\\p{Han})") == Required{{" "}});
  CHECK(required_literals("(?<=。)其中") == Required{{"其中"}, {"。"}});
  CHECK(required_literals("(?=十九|二十)") == Required{{"十九", "二十"}});
  CHECK(required_literals(" +(?=[“《])") == Required{{" “", " 《"}});  // the last space goes on
  CHECK(required_literals("实(?=“)(?<=[,，。；;]实)") ==
        Required{{"实“"}, {",实", "，实", "。实", "；实", ";实"}});  // “ and 实 alone: implied
  CHECK(required_literals("(?=(?:开展|推进)了)的") == Required{{"开展了", "推进了"}, {"的"}});
  CHECK(required_literals("的(?!了)") == Required{{"的"}});
}

TEST_CASE("a case-insensitive group of a short ASCII word requires one of its spellings") {
  CHECK(required_literals("(?i:IPv6)") == Required{{"IPV6", "IPv6", "IpV6", "Ipv6", "iPV6", "iPv6", "ipV6", "ipv6"}});
  CHECK(required_literals("(?i:ab)c") == Required{{"ABc", "Abc", "aBc", "abc"}});
  CHECK(required_literals("(?i:ks)").empty());      // k also matches U+212A KELVIN SIGN, s also ſ
  CHECK(required_literals("(?i:abcdef)").empty());  // 64 spellings: more than kMaxAlternatives
  CHECK(required_literals("a(?s:b)") == Required{{"a"}});
}

TEST_CASE("nothing is required where the reading would not be safe") {
  CHECK(required_literals("(?:十九|二十)?大会") == Required{{"大会"}});  // an optional group requires nothing
  CHECK(required_literals("(?:十九|二十)*").empty());
  CHECK(required_literals("(?i)abc").empty());
  CHECK(required_literals("(?i-x:ab)").empty());
  CHECK(required_literals("(?x) a b c").empty());
  CHECK(required_literals("\\Qa|b\\E").empty());
  CHECK(required_literals("[一-龥]+").empty());
  CHECK(required_literals("[a-c-e]").empty());
  CHECK(required_literals("\xEF\xBF\xBD名").empty());  // U+FFFD also stands for ill-formed bytes
}

namespace {

// Every regex of the analyzers' bundled data: the strings under a "pattern…" key.
void collect(const nlohmann::json &j, bool under_pattern, std::vector<std::string> &out) {
  if (j.is_string() && under_pattern) out.push_back(j.get<std::string>());
  if (j.is_array())
    for (const auto &v : j) collect(v, under_pattern, out);
  if (j.is_object())
    for (const auto &[k, v] : j.items()) collect(v, k.starts_with("pattern"), out);
}

size_t icu_matches(const icu::RegexPattern &regex, const std::string &line) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(regex.matcher(status));
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
  m->reset(text);
  size_t n = 0;
  while (m->find(status) && U_SUCCESS(status)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a group of fixed width and its back reference require that many characters written twice") {
  auto width = [](const char *regex) { return required_tandem_repeat(regex).width; };
  CHECK(width("(\\p{Han}{2})\\1(?!\\1)") == 2);
  CHECK(required_tandem_repeat("(\\p{Han}{2})\\1(?!\\1)").han);
  CHECK(width("([县区旗局镇乡])\\1(?<![各全每本该]..)") == 1);
  CHECK(!required_tandem_repeat("([县区旗局镇乡])\\1").han);
  CHECK(width("(的.)\\1") == 2);
  CHECK(!required_tandem_repeat("(\\p{Han}.)\\1").han);
  CHECK(!required_tandem_repeat("(\\P{Han})\\1").han);
  CHECK(width("(\\p{Han}{2,3})\\1") == 0);  // no fixed width
  CHECK(width("(\\p{Han}+)\\1") == 0);
  CHECK(width("(\\d)\\1") == 0);             // an escape not read
  CHECK(width("(?:\\p{Han}{2})\\1") == 0);  // no capture
  CHECK(width("(\\p{Han})\\10") == 0);       // group 10
  CHECK(width("(\\p{Han}{2})x\\1") == 0);
  CHECK(width("截止目前") == 0);
  CHECK(width("([{ab}c])\\1") == 0);  // a set that may hold a string

  // A set of a few plain characters under its back reference: each written twice.
  CHECK(required_literals("([县区旗局镇乡])\\1(?<![各全每本该]..)") ==
        Required{{"县县", "区区", "旗旗", "局局", "镇镇", "乡乡"}});
  CHECK(required_literals("([县区])\\1卫生局") == Required{{"卫生局"}, {"县县", "区区"}});
  CHECK(required_literals("([a-z])\\1").size() == 1);                    // a range: not doubled, one of 26
  CHECK(required_literals("([^县])\\1").empty());
  CHECK(required_literals("([县区])\\12") == Required{{"县", "区"}});     // group 12: not doubled

  using reportls::report::TandemRepeat;
  CHECK(has_tandem_repeat("坚持学习学习贯彻", {2}));
  CHECK(!has_tandem_repeat("坚持学习贯彻学习", {2}));
  CHECK(has_tandem_repeat("𠮷𠮷", {1}));              // one character outside the BMP, twice
  CHECK(!has_tandem_repeat("𠮷\xF0\xA0\xAE", {1}));  // not with its own truncated copy
  CHECK(has_tandem_repeat("县县卫生健康局", {1}));
  CHECK(!has_tandem_repeat("县卫生健康局", {1}));
  CHECK(!has_tandem_repeat("", {2}));
  // Han characters only: 2020 and —— are no word written twice.
  CHECK(has_tandem_repeat("2020年", {2}));
  CHECK(!has_tandem_repeat("2020年————", {2, true}));
  CHECK(has_tandem_repeat("2020年研究研究", {2, true}));
  CHECK(!has_tandem_repeat("研究研", {2, true}));
  CHECK(has_tandem_repeat("一二一二", TandemRepeat{2, true}));
  // Wider than the ring kept on the stack (16): the same answer.
  const std::string clause = "全面推进依法治国建设法治政府和法治社会的";  // 20 characters
  CHECK(has_tandem_repeat("前" + clause + clause + "后", {20}));
  CHECK(!has_tandem_repeat("前" + clause + "，" + clause, {20}));
  CHECK(!has_tandem_repeat(clause + clause.substr(0, clause.size() - 3), {20}));
}

TEST_CASE("with the prefilter every bundled pattern finds on the corpus exactly what ICU finds") {
  std::vector<std::string> sources;
  for (const auto &e : std::filesystem::recursive_directory_iterator(REPORTLS_SOURCE_DIR "/analyzers"))
    if (e.path().extension() == ".json")
      collect(nlohmann::json::parse(test::read_file(e.path().string()), nullptr, false), false, sources);
  std::vector<std::string> lines;
  for (const std::string &name : test::corpus_names()) {
    const std::string &text = test::corpus(name);
    for (size_t at = 0, end; at < text.size(); at = end + 1) {
      end = std::min(text.find('\n', at), text.size());
      lines.push_back(text.substr(at, end - at));
    }
  }
  size_t prefiltered = 0, matched_lines = 0;
  for (const std::string &source : sources) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe{};
    std::unique_ptr<icu::RegexPattern> regex(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), 0, pe, status));
    if (U_FAILURE(status) || (required_literals(source).empty() && !required_tandem_repeat(source).width)) continue;
    ++prefiltered;
    const Pattern pattern(source);
    for (const std::string &line : lines) {
      size_t n = 0;
      pattern.search(line, {0, static_cast<uint32_t>(line.size())}, [&](const auto &) { return ++n, true; });
      const size_t want = icu_matches(*regex, line);
      if (want) ++matched_lines;
      INFO("pattern ", source, " on ", line);
      CHECK(n == want);
    }
  }
  // The data has many prefiltered patterns, and the corpus matches them: the check is not empty.
  CHECK(prefiltered > 40);
  CHECK(matched_lines >= 10);
}

namespace {

// A random regex of the constructs the reading follows and some it refuses, over a small alphabet
// so that random lines match it often.
std::string random_regex(std::mt19937 &rng, int depth) {
  static const std::vector<std::string> atoms = {"中", "文", "a", "B", "1", "，", "𠮷", ".", "\\p{Han}", "[中文]", "[a-c]",
                                                 "[^中]", "[]a]", "\\d", "\\-", "\\b", "^", "$", "[，,]", "(?i:ab)"};
  static const std::vector<std::string> quantifiers = {"", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,3}", "+?"};
  std::string out;
  for (size_t n = 1 + rng() % 4; n > 0; --n) {
    std::string atom;
    if (depth < 3 && rng() % 4 == 0) {
      static const std::vector<std::string> opens = {"(", "(?:", "(?=", "(?!", "(?<=", "(?<!"};
      const std::string open = opens[rng() % opens.size()];
      atom = open + random_regex(rng, depth + 1);
      if (rng() % 3 == 0) atom += "|" + random_regex(rng, depth + 1);
      atom += ")";
      // ICU needs a bounded look-behind: no * or + in it.
      if (open.starts_with("(?<") && (atom.find('*') != std::string::npos || atom.find('+') != std::string::npos))
        atom = "(?:中)";
    } else {
      atom = atoms[rng() % atoms.size()];
    }
    out += atom + (atom == "\\b" || atom == "^" || atom == "$" || atom.starts_with("(?<") ? "" : quantifiers[rng() % quantifiers.size()]);
  }
  if (depth == 0 && rng() % 4 == 0) out += "|" + random_regex(rng, 1);
  return out;
}

}  // namespace

TEST_CASE("random regexes: a line the prefilter passes over has no match") {
  std::mt19937 rng(11);
  const std::vector<std::string> pieces = {"中", "文", "a", "b", "B", "1", "2", "，", ",", "𠮷", "]", "-", " "};
  size_t compiled = 0, filtered = 0, matched = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string source = random_regex(rng, 0);
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe{};
    std::unique_ptr<icu::RegexPattern> regex(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), 0, pe, status));
    if (U_FAILURE(status)) continue;
    ++compiled;
    const Pattern pattern(source);
    if (!required_literals(source).empty()) ++filtered;
    for (int t = 0; t < 30; ++t) {
      std::string line;
      for (size_t n = 1 + rng() % 10; n > 0; --n) line += pieces[rng() % pieces.size()];  // search() skips an empty text
      // The reference with a time limit: a random nested quantifier can backtrack for ages.
      UErrorCode run = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(regex->matcher(run));
      const icu::UnicodeString text = icu::UnicodeString::fromUTF8(line);
      m->reset(text);
      m->setTimeLimit(Pattern::kTimeLimitMs, run);
      size_t want = 0;
      while (m->find(run) && U_SUCCESS(run)) ++want;
      if (run == U_REGEX_TIME_OUT) continue;
      size_t n = 0;
      pattern.search(line, {0, static_cast<uint32_t>(line.size())}, [&](const auto &) { return ++n, true; });
      matched += want > 0;
      if (n != want) {
        INFO("pattern ", source, " on ", line);
        REQUIRE(n == want);
      }
    }
  }
  // The generator exercises the reading: most regexes compile, many get a prefilter, lines match.
  CHECK(compiled > 1500);
  CHECK(filtered > 500);
  CHECK(matched > 5000);
}
