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
#include <string>
#include <vector>

using reportls::report::Pattern;
using reportls::report::has_tandem_repeat;
using reportls::report::required_literals;
using reportls::report::required_tandem_repeat;
using Literals = std::vector<std::string>;

TEST_CASE("the required literal is the longest run outside optional atoms, groups and classes") {
  CHECK(required_literals("截止(?:到?(目前)|(?=(?:19|20)[0-9]{2}年))") == Literals{"截止"});
  CHECK(required_literals("(?:习近平总书记)?全面依法治国新理念(?:新思想)?新战略") == Literals{"全面依法治国新理念"});
  CHECK(required_literals("其他(?:应当|应|需)?报告的?事项") == Literals{"其他"});           // 的? drops 的
  CHECK(required_literals("依法行政+工作") == Literals{"依法行政"});                        // 政+: once at least
  CHECK(required_literals("(?<=\\p{Han}) +(?=\\p{Han})") == Literals{" "});
  CHECK(required_literals("年度报告{0,2}公开") == Literals{"年度报"});
  CHECK(required_literals("\\d{4}年度法治政府建设") == Literals{"年度法治政府建设"});
  CHECK(required_literals("《中华人民共和国\\(试行\\)》") == Literals{"《中华人民共和国(试行)》"});  // escaped marks
  CHECK(required_literals("\\p{Han}{2,}县人民政府") == Literals{"县人民政府"});
  CHECK(required_literals("\\pL政府") == Literals{"政府"});                                 // \pL takes the L
  CHECK(required_literals("\\u4e00abc") == Literals{});                                  // the code point's digits
  CHECK(required_literals("[一二三四五]、工作") == Literals{"、工作"});
  CHECK(required_literals("(?<=。)其中") == Literals{"其中"});
}

TEST_CASE("an alternation requires one literal of each branch") {
  CHECK(required_literals("截止目前|截止到目前") == Literals{"截止目前", "截止到目前"});
  CHECK(required_literals("(十九|二十)大") == Literals{"十九", "二十"});  // longer than 大 alone
  CHECK(required_literals("(?<![《〈])(?:重大行政决策程序暂行条例|法治政府建设实施纲要)(?![》])") ==
        Literals{"重大行政决策程序暂行条例", "法治政府建设实施纲要"});
  CHECK(required_literals("(?:报告|总结|汇报)$") == Literals{"报告", "总结", "汇报"});
  CHECK(required_literals("(?<name>依法|法治)行政") == Literals{"行政"});          // the run is longer
  CHECK(required_literals("(?:依法治[国市]|法治政府)建设") == Literals{"依法治", "法治政府"});  // each longer than 建设
}

TEST_CASE("no required literal where the reading would not be safe") {
  CHECK(required_literals("截止|[0-9]+") == Literals{});  // a branch that requires nothing
  CHECK(required_literals("(?:十九|二十)?大会") == Literals{"大会"});  // an optional group requires nothing
  CHECK(required_literals("(?:十九|二十)*") == Literals{});
  CHECK(required_literals("(?=十九|二十)") == Literals{});  // a look-ahead's text is not the match's
  CHECK(required_literals("a(?i:b)") == Literals{});
  CHECK(required_literals("(?i)abc") == Literals{});
  CHECK(required_literals("(?x) a b c") == Literals{});
  CHECK(required_literals("\\Qa|b\\E") == Literals{});
  CHECK(required_literals("[一-龥]+") == Literals{});
  CHECK(required_literals("\xEF\xBF\xBD名") == Literals{});  // U+FFFD also stands for ill-formed bytes
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
  CHECK(required_tandem_repeat("(\\p{Han}{2})\\1(?!\\1)") == 2);
  CHECK(required_tandem_repeat("([县区旗局镇乡])\\1(?<![各全每本该]..)") == 1);
  CHECK(required_tandem_repeat("(的.)\\1") == 2);
  CHECK(required_tandem_repeat("(\\p{Han}{2,3})\\1") == 0);  // no fixed width
  CHECK(required_tandem_repeat("(\\p{Han}+)\\1") == 0);
  CHECK(required_tandem_repeat("(\\d)\\1") == 0);             // an escape not read
  CHECK(required_tandem_repeat("(?:\\p{Han}{2})\\1") == 0);  // no capture
  CHECK(required_tandem_repeat("(\\p{Han})\\10") == 0);       // group 10
  CHECK(required_tandem_repeat("(\\p{Han}{2})x\\1") == 0);
  CHECK(required_tandem_repeat("截止目前") == 0);
  CHECK(required_tandem_repeat("([{ab}c])\\1") == 0);  // a set that may hold a string

  // A set of a few plain characters under its back reference: each written twice.
  CHECK(required_literals("([县区旗局镇乡])\\1(?<![各全每本该]..)") == Literals{"县县", "区区", "旗旗", "局局", "镇镇", "乡乡"});
  CHECK(required_literals("([县区])\\1卫生局") == Literals{"卫生局"});   // a longer literal wins
  CHECK(required_literals("([a-z])\\1").empty());                        // a range: not listed
  CHECK(required_literals("([^县])\\1").empty());
  CHECK(required_literals("([县区])\\12").empty());                       // group 12

  CHECK(has_tandem_repeat("坚持学习学习贯彻", 2));
  CHECK(!has_tandem_repeat("坚持学习贯彻学习", 2));
  CHECK(has_tandem_repeat("𠮷𠮷", 1));              // one character outside the BMP, twice
  CHECK(!has_tandem_repeat("𠮷\xF0\xA0\xAE", 1));  // not with its own truncated copy
  CHECK(has_tandem_repeat("县县卫生健康局", 1));
  CHECK(!has_tandem_repeat("县卫生健康局", 1));
  CHECK(!has_tandem_repeat("", 2));
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
    if (U_FAILURE(status) || (required_literals(source).empty() && !required_tandem_repeat(source))) continue;
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
