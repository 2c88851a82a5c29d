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
using reportls::report::required_literal;

TEST_CASE("the required literal is the longest run outside quantifiers, groups and classes") {
  CHECK(required_literal("截止(?:到?(目前)|(?=(?:19|20)[0-9]{2}年))") == "截止");
  CHECK(required_literal("(?:习近平总书记)?全面依法治国新理念(?:新思想)?新战略") == "全面依法治国新理念");
  CHECK(required_literal("其他(?:应当|应|需)?报告的?事项") == "其他");           // 的? drops 的
  CHECK(required_literal("依法行政+工作") == "依法行");                          // 政+ is repeated
  CHECK(required_literal("年度报告{0,2}公开") == "年度报");
  CHECK(required_literal("\\d{4}年度法治政府建设") == "年度法治政府建设");
  CHECK(required_literal("《中华人民共和国\\(试行\\)》") == "《中华人民共和国(试行)》");  // escaped marks
  CHECK(required_literal("\\p{Han}{2,}县人民政府") == "县人民政府");
  CHECK(required_literal("\\pL政府") == "政府");                                 // \pL takes the L
  CHECK(required_literal("\\u4e00abc") == "");                                  // the code point's digits
  CHECK(required_literal("[一二三四五]、工作") == "、工作");
  CHECK(required_literal("(?<=。)其中") == "其中");
}

TEST_CASE("no required literal where the reading would not be safe") {
  CHECK(required_literal("截止目前|截止到目前") == "");  // either side alone
  CHECK(required_literal("(?i)abc") == "");
  CHECK(required_literal("(?x) a b c") == "");
  CHECK(required_literal("\\Qa|b\\E") == "");
  CHECK(required_literal("[一-龥]+") == "");
  CHECK(required_literal("\xEF\xBF\xBD名") == "");  // U+FFFD also stands for ill-formed bytes
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
    if (U_FAILURE(status) || required_literal(source).empty()) continue;
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
