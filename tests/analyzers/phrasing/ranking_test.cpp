// Section-first ranking, details and documentation, snippets with the report year.
#include "phrasing_test_util.h"

#include <reportls/phrasing/snippet.h>

using test::complete_at;

namespace {
const char *kReport =
    "某县2023年度法治政府建设情况报告\n"
    "2023年,我县深入学习贯彻习近平法治思想。\n"
    "一、主要举措和成效\n"
    "(一)加强党的领导\n"
    "一是加强组织领导。\n"
    "二、存在的不足和原因\n"
    "法治|\n";
}  // namespace

TEST_CASE("phrases of the section the cursor is in rank first") {
  const auto c = complete_at(kReport);
  REQUIRE(!c.result.items.empty());
  // Every phrase of 存在的不足和原因 comes before any other.
  bool left_section = false;
  for (const auto &item : c.result.items) {
    const bool problems = item.detail.starts_with("存在的不足和原因");
    CHECK_FALSE((problems && left_section));
    left_section = left_section || !problems;
  }
  CHECK(c.result.items.front().detail == "存在的不足和原因");
  CHECK(c.result.items.front().label == "法治思维和依法行政能力有待进一步提升");
  CHECK(c.result.items.front().documentation ==
        "**章节**：存在的不足和原因\n\n**来源**：`default.phrases.json`");

  // The same query in 主要举措和成效 puts the achievements first.
  std::string in_achievements(kReport);
  in_achievements.replace(in_achievements.find("一是"), 0, "法治|");
  in_achievements.erase(in_achievements.rfind('|'), 1);
  const auto a = complete_at(in_achievements);
  REQUIRE(!a.result.items.empty());
  CHECK(a.result.items.front().detail.starts_with("主要举措和成效 · "));
}

TEST_CASE("within a section, the more frequent phrase ranks first") {
  const auto c = complete_at("坚持|");  // preface: no heading yet
  CHECK(c.rank("坚持以习近平新时代中国特色社会主义思想为指导") <
        c.rank("坚持以人民为中心的发展思想"));
}

TEST_CASE("placeholders become tab stops; 20×× takes the report year") {
  auto s = reportls::phrasing::fill_placeholders("××县人民政府关于20××年度法治政府建设情况的报告", 2023);
  CHECK(s.snippet);
  CHECK(s.insert_text == "${1:××}县人民政府关于2023年度法治政府建设情况的报告");
  CHECK(s.label == "××县人民政府关于2023年度法治政府建设情况的报告");
  s = reportls::phrasing::fill_placeholders("20××年度法治政府建设年度报告", std::nullopt);
  CHECK(s.insert_text == "${1:20××}年度法治政府建设年度报告");
  s = reportls::phrasing::fill_placeholders("四、20××年推进法治政府建设的主要安排", 2023, 1);
  CHECK_FALSE(s.snippet);
  CHECK(s.insert_text == "四、2024年推进法治政府建设的主要安排");
  s = reportls::phrasing::fill_placeholders("同比增长×%／同比下降$×}", std::nullopt);
  CHECK(s.insert_text == "同比增长${1:×}%／同比下降\\$${2:×}\\}");
}

TEST_CASE("the report year comes from the setting, else from the title") {
  const auto c = complete_at("某县2022年度法治政府建设情况报告\n现将|");
  const auto *item = c.find("现将2022年度法治政府建设情况报告如下：");
  REQUIRE(item);
  CHECK_FALSE(item->snippet);
  const auto s = complete_at("某县2022年度法治政府建设情况报告\n现将|", 2021);
  CHECK(s.find("现将2021年度法治政府建设情况报告如下："));
  const auto none = complete_at("现将|");
  const auto *placeholder = none.find("现将20××年度法治政府建设情况报告如下：");
  REQUIRE(placeholder);
  CHECK(placeholder->snippet);
  CHECK(placeholder->insert_text == "现将${1:20××}年度法治政府建设情况报告如下：");
}

TEST_CASE("after a clause mark, the clauses real reports write next come first, with their evidence") {
  reportls::phrasing::PhraseSet mined = test::phrases().vocabulary();
  mined.add_file(R"({"format": "reportls-phrases", "version": 1, "mined": true, "phrases": [
    {"text": "一、主要举措和成效", "sections": ["headings"], "weight": 2, "after": {"现将有关情况报告如下": 3}},
    {"text": "主要举措和成效显著", "sections": ["preface"], "weight": 9}]})",
                 "mined-1.phrases.json");
  const std::vector<const reportls::phrasing::PhraseSet *> sets{&test::phrases(), &mined};
  const auto c = complete_at("我县坚持依法行政。现将有关情况报告如下：\n|", std::nullopt, false, sets);
  REQUIRE(!c.result.items.empty());
  CHECK(c.result.items.front().label == "一、主要举措和成效");
  CHECK(c.result.items.front().detail.starts_with("下一句（3 篇报告）"));
  CHECK(c.result.items.front().replace.empty());
  // A mined phrase that follows no clause is never offered with nothing typed; typed Chinese it
  // continues.
  CHECK(c.find("主要举措和成效显著") == nullptr);
  CHECK(complete_at("我县坚持依法行政。主要举|", std::nullopt, false, sets).find("主要举措和成效显著"));
  // Another clause before the mark: no next clause.
  const auto other = complete_at("我县坚持依法行政：|", std::nullopt, false, sets);
  CHECK(other.find("一、主要举措和成效") == nullptr);
}

TEST_CASE("the clause before the cursor: only right after a clause mark") {
  using reportls::phrasing::clause_before;
  const std::string t = "我县坚持依法行政。现将有关情况报告如下：\n";
  const auto c = clause_before(t, static_cast<uint32_t>(t.size()));
  REQUIRE(c);
  CHECK(c->in(t) == "现将有关情况报告如下");
  CHECK_FALSE(clause_before("现将有关情况报告如下", 30));
  CHECK_FALSE(clause_before("。", 3));
}
