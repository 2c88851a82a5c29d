// Section-first ranking, details and documentation, snippets with the report year.
#include "phrasing_test_util.h"

#include <reportls/phrasing/snippet.h>

#include <algorithm>

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

TEST_CASE("a phrase of the cursor's section counts as used by twice as many reports") {
  const auto c = complete_at(kReport);  // in 存在的不足和原因
  // 法治政府建设示范创建: 3 reports, another section; 法治思维……: 1, this section (counts 2);
  // 法治政府建设取得积极成效: 1, another section.  First the title's own 法治政府 (one earlier
  // place of the document counts as 8 uses).
  CHECK(c.rank("法治政府") == 0);
  CHECK(c.result.items.front().detail == "本文前文（1 处）");
  CHECK(c.rank("法治政府建设示范创建") == 1);
  CHECK(c.rank("法治思维和依法行政能力有待进一步提升") == 2);
  CHECK(c.rank("法治政府建设取得积极成效") < c.result.items.size());
  CHECK(c.rank("法治思维和依法行政能力有待进一步提升") < c.rank("法治政府建设取得积极成效"));
  const auto *item = c.find("法治思维和依法行政能力有待进一步提升");
  REQUIRE(item);
  CHECK(item->detail == "存在的不足和原因");
  CHECK(item->documentation == "**章节**：存在的不足和原因\n\n**来源**：`default.phrases.json`");

  // The same query in 主要举措和成效: its 法治文化阵地建设 (1 report) before the problems phrase.
  std::string in_achievements(kReport);
  in_achievements.replace(in_achievements.find("一是"), 0, "法治|");
  in_achievements.erase(in_achievements.rfind('|'), 1);
  const auto a = complete_at(in_achievements);
  CHECK(a.rank("法治文化阵地建设") < a.rank("法治思维和依法行政能力有待进一步提升"));
  REQUIRE(a.result.items.size() >= 2);
  // Here 法治政府建设示范创建 counts 6 of the title's 8, and the writer who goes on with it takes
  // it, not 法治政府: it is shown first.
  CHECK(a.result.items[0].label == "法治政府建设示范创建");
  CHECK(a.result.items[1].detail.starts_with("主要举措和成效 · "));
  CHECK(a.rank("法治政府") < a.result.items.size());
}

namespace {
// A mined set beside the curated one, and completion with both.
struct WithMined {
  reportls::phrasing::PhraseSet mined = test::phrases().vocabulary();
  explicit WithMined(const std::string &phrases) {
    mined.add_file(R"({"format": "reportls-phrases", "version": 1, "mined": true, "phrases": [)" + phrases + "]}",
                   "mined-1.phrases.json");
  }
  test::Completed at(const std::string &text) const {
    return complete_at(text, std::nullopt, false, {&test::phrases(), &mined});
  }
};
}  // namespace

TEST_CASE("curated and mined phrases rank alike: by how many reports use them, then the longer") {
  const WithMined m(R"({"text": "法治政府建设工作", "sections": ["preface"], "weight": 4},
                       {"text": "法治政府建设水平", "sections": ["preface"], "weight": 4},
                       {"text": "法治文化建设", "sections": ["preface"], "weight": 1})");
  const auto c = m.at("某县2023年度法治政府建设情况报告\n法治|");  // preface: every phrase here is in section
  // Mined 4 reports (×2) before the curated 法治政府建设示范创建 (3, another section) …
  CHECK(c.rank("法治政府建设工作") < c.rank("法治政府建设示范创建"));
  // … equal evidence: the longer first (法治政府建设取得积极成效 1 ×2 against 法治文化建设 1 ×2).
  CHECK(c.rank("法治政府建设取得积极成效") < c.rank("法治文化建设"));
  CHECK(c.rank("法治文化建设") < c.result.items.size());
}

TEST_CASE("a phrase a longer one extends in nearly all its reports is left out") {
  const WithMined m(R"({"text": "依法行政", "sections": ["preface"], "weight": 10},
                       {"text": "依法行政工作", "sections": ["preface"], "weight": 9},
                       {"text": "推进依法", "sections": ["preface"], "weight": 10},
                       {"text": "推进依法治理", "sections": ["preface"], "weight": 8},
                       {"text": "推进依法行政", "sections": ["preface"], "weight": 2})");
  // 9 of the 10 reports that write 依法行政 go on with 工作: only the longer is offered.
  const auto c = m.at("我县依法|");
  CHECK(c.find("依法行政") == nullptr);
  CHECK(c.rank("依法行政工作") == 0);
  // 8 of 10 is not nearly all: both are offered — the longer ones first, since every writer of
  // 推进依法 goes on with one of them (8 + 2 of 10).
  const auto p = m.at("我县推进|");
  CHECK(p.rank("推进依法治理") == 0);
  CHECK(p.rank("推进依法行政") == 1);
  CHECK(p.rank("推进依法") < p.result.items.size());
  CHECK(p.rank("推进依法行政") < p.rank("推进依法"));
}

TEST_CASE("the phrase more reports use ranks first") {
  const auto c = complete_at("坚持|");  // preface: no heading yet
  // 5 reports (a preface phrase) against 2 and 1 (achievements).
  CHECK(c.rank("坚持以习近平新时代中国特色社会主义思想为指导") == 0);
  CHECK(c.rank("坚持以公开为常态、不公开为例外") == 1);
  CHECK(c.rank("坚持和发展新时代“枫桥经验”") == 2);
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

TEST_CASE("a context few phrases continue leaves the rest of the list to shorter contexts") {
  const WithMined few(R"({"text": "党的二十大精神", "sections": ["preface"], "weight": 3},
                         {"text": "二十届三中全会精神", "sections": ["preface"], "weight": 9})");
  const auto c = few.at("我县学习党的二十|");
  // The longer context (党的二十) first, though the shorter one (二十) has more reports.
  CHECK(c.rank("党的二十大精神") == 0);
  REQUIRE(c.find("二十届三中全会精神"));
  CHECK(c.rank("二十届三中全会精神") == 1);
  CHECK(c.replaced(*c.find("二十届三中全会精神")) == "二十");

  // Two phrases that go on from 党的二十: enough, no shorter context.
  const WithMined enough(R"({"text": "党的二十大精神", "sections": ["preface"], "weight": 3},
                            {"text": "党的二十届三中全会", "sections": ["preface"], "weight": 3},
                            {"text": "二十届三中全会精神", "sections": ["preface"], "weight": 9})");
  CHECK(enough.at("我县学习党的二十|").find("二十届三中全会精神") == nullptr);
}

TEST_CASE("a phrase typed in full is not offered: accepting it would write nothing") {
  const WithMined m(R"({"text": "营商环境", "sections": ["preface"], "weight": 14},
                       {"text": "营商环境建设", "sections": ["preface"], "weight": 2})");
  const auto c = m.at("我县优化营商环境|");
  CHECK(c.find("营商环境") == nullptr);
  CHECK(c.rank("营商环境建设") == 0);
}

TEST_CASE("evidence counts the times reports write a phrase, not only how many reports do") {
  // 5 reports write 依法行政工作 once each; 4 write 依法行政能力 12 times together.
  const WithMined m(R"({"text": "依法行政工作", "sections": ["preface"], "weight": 5, "uses": 5},
                       {"text": "依法行政能力", "sections": ["preface"], "weight": 4, "uses": 12})");
  const auto c = m.at("我县依法行|");
  CHECK(c.rank("依法行政能力") == 0);
  CHECK(c.rank("依法行政工作") == 1);
}

TEST_CASE("a phrase the document already writes shortly before counts as written four times as often") {
  const WithMined m(R"({"text": "县司法局", "sections": ["preface"], "weight": 3},
                       {"text": "县市场监管局", "sections": ["preface"], "weight": 1})");
  CHECK(m.at("我县|").rank("县司法局") == 0);
  // 1 × 4 against 3: the body the report already names comes first.
  const auto c = m.at("县市场监管局开展执法检查。我县|");
  CHECK(c.rank("县市场监管局") == 0);
  CHECK(c.rank("县司法局") == 1);
  // Written more than 8 KB before: no longer counted.
  const auto far = m.at("县市场监管局开展执法检查。" + std::string(9000, 'x') + "我县|");
  CHECK(far.rank("县司法局") == 0);
}

TEST_CASE("the shown items are ordered by how likely each is taken: less the longer ones that go on from it") {
  // 推进法治: 10 uses, 8 of them go on with 推进法治政府建设, which its writers take instead: it is
  // taken by 2, after 推进依法行政 (5).
  const WithMined m(R"({"text": "推进法治", "sections": ["preface"], "weight": 6, "uses": 10},
                       {"text": "推进法治政府建设", "sections": ["preface"], "weight": 5, "uses": 8},
                       {"text": "推进依法行政", "sections": ["preface"], "weight": 4, "uses": 5})");
  const auto c = m.at("我县推|");
  CHECK(c.rank("推进法治政府建设") == 0);
  CHECK(c.rank("推进依法行政") == 1);
  CHECK(c.rank("推进法治") == 2);
  // 4 of 10 go on: 推进法治 is still taken by 6, more than the longer one.
  const WithMined fewer(R"({"text": "推进法治", "sections": ["preface"], "weight": 6, "uses": 10},
                           {"text": "推进法治政府建设", "sections": ["preface"], "weight": 5, "uses": 4})");
  CHECK(fewer.at("我县推|").rank("推进法治") == 0);
  // Only the nearest longer one counts against it (a writer of 推进法治政府建设 writes 推进法治政府
  // too): 推进法治 10 − 6 = 4, 推进法治政府 6 − 5 = 1.
  const WithMined chain(R"({"text": "推进法治", "sections": ["preface"], "weight": 6, "uses": 10},
                           {"text": "推进法治政府", "sections": ["preface"], "weight": 5, "uses": 6},
                           {"text": "推进法治政府建设", "sections": ["preface"], "weight": 4, "uses": 5})");
  const auto nested = chain.at("我县推|");
  CHECK(nested.rank("推进法治政府建设") == 0);
  CHECK(nested.rank("推进法治") == 1);
  CHECK(nested.rank("推进法治政府") == 2);
}

TEST_CASE("the left context decides between phrases of the same typed context") {
  // 全面落实 is written at the start of a clause in 18 of its 20 uses, 全面依法治县 never (推进全面依法治县).
  const WithMined m(R"({"text": "全面落实", "sections": ["preface"], "weight": 8, "uses": 20, "starts": 18},
                       {"text": "全面依法治县", "sections": ["preface"], "weight": 9, "uses": 30, "starts": 0})");
  const auto start = m.at("我县坚持依法行政，全面|");
  CHECK(start.rank("全面落实") < start.rank("全面依法治县"));
  const auto at_line_start = m.at("我县坚持依法行政。\n全面|");
  CHECK(at_line_start.rank("全面落实") < at_line_start.rank("全面依法治县"));
  const auto inside = m.at("我县深入推进全面|");
  CHECK(inside.rank("全面依法治县") < inside.rank("全面落实"));
  // A file that does not say ranks by uses alone, wherever the phrase is written.
  const WithMined unsaid(R"({"text": "全面落实", "sections": ["preface"], "weight": 8, "uses": 20},
                            {"text": "全面依法治县", "sections": ["preface"], "weight": 9, "uses": 30})");
  const auto plain = unsaid.at("我县坚持依法行政，全面|");
  CHECK(plain.rank("全面依法治县") < plain.rank("全面落实"));
}

namespace {
// The items that come from the document's own earlier text (earlier_text.h).
size_t from_earlier_text(const test::Completed &c) {
  return std::count_if(c.result.items.begin(), c.result.items.end(),
                       [](const auto &i) { return i.detail.starts_with("本文前文"); });
}
}  // namespace

TEST_CASE("the document's own earlier text continues what was typed, never the text after the cursor") {
  // A name the report wrote twice: what both places write after 秀山, as the document writes it.
  const auto c = complete_at("秀山县人民政府高度重视。秀山县人民政府召开常务会议。秀山|", std::nullopt, false);
  REQUIRE(!c.result.items.empty());
  const auto &first = c.result.items.front();
  CHECK(first.label == "秀山县人民政府");
  CHECK(c.replaced(first) == "秀山");
  CHECK(c.accepted(first) == "秀山县人民政府高度重视。秀山县人民政府召开常务会议。秀山县人民政府");
  CHECK(first.detail == "本文前文（2 处）");
  CHECK(!first.preselected);  // one document's wording is no certainty
  // Written as the document writes it: its ×× is no placeholder.
  const auto crosses = complete_at("设立××县人民政府办公室。设立××县人民政府信访局。设立|", std::nullopt, false);
  REQUIRE(crosses.find("设立××县人民政府"));
  CHECK(crosses.find("设立××县人民政府")->insert_text == "设立××县人民政府");
  CHECK(!crosses.find("设立××县人民政府")->snippet);

  // One place of a distinctive clause: its first word after what was typed, up to where a phrase
  // of the model starts 2 to 4 characters in (政府建设) …
  const WithMined model(R"({"text": "政府建设", "sections": ["preface"], "weight": 3})");
  const auto once = model.at("成立秀山县法治政府建设领导小组。成立秀山|");
  REQUIRE(once.find("成立秀山县法治"));
  CHECK(once.find("成立秀山县法治")->detail == "本文前文（1 处）");
  CHECK(once.replaced(*once.find("成立秀山县法治")) == "成立秀山");
  CHECK(from_earlier_text(once) == 1);
  // … else its first 2 characters, when both are Han.
  const auto two = complete_at("成立秀山县法治政府建设领导小组。成立秀山|", std::nullopt, false);
  REQUIRE(two.find("成立秀山县法"));
  CHECK(from_earlier_text(two) == 1);
  // Nothing when the place goes on with no Han character and no phrase starts there.
  CHECK(from_earlier_text(complete_at("办结100件以上。办结|", std::nullopt, false)) == 0);

  // The same wording after the cursor: the writer has not written it yet.
  CHECK(from_earlier_text(complete_at("秀山|。秀山县人民政府高度重视。秀山县人民政府召开常务会议。", std::nullopt, false)) == 0);
  // The place being typed is no earlier place.
  CHECK(from_earlier_text(complete_at("秀山县|", std::nullopt, false)) == 0);
}

TEST_CASE("the document's earlier text keeps its positions with characters outside the BMP") {
  // 𠮷 takes 4 bytes in UTF-8 (2 UTF-16 units): before the earlier places, in the typed context
  // and in what follows it.
  const auto c = complete_at("𠮷山县人民政府高度重视。𠮷山县人民政府召开常务会议。𠮷山|", std::nullopt, false);
  REQUIRE(!c.result.items.empty());
  CHECK(c.result.items.front().label == "𠮷山县人民政府");
  CHECK(c.replaced(c.result.items.front()) == "𠮷山");
  CHECK(c.accepted(c.result.items.front()) == "𠮷山县人民政府高度重视。𠮷山县人民政府召开常务会议。𠮷山县人民政府");
  const WithMined model(R"({"text": "政府建设", "sections": ["preface"], "weight": 3})");
  const auto in_rest = model.at("成立𠮷𠮷县法治政府建设领导小组。成立𠮷𠮷|");
  REQUIRE(in_rest.find("成立𠮷𠮷县法治"));
  CHECK(in_rest.replaced(*in_rest.find("成立𠮷𠮷县法治")) == "成立𠮷𠮷");
  const auto after = complete_at("会见𠮷田村代表团。会见|", std::nullopt, false);
  REQUIRE(from_earlier_text(after) == 1);
  CHECK(after.result.items.front().label.starts_with("会见𠮷田"));
}

TEST_CASE("the document's earlier text ranks against phrases by evidence; the same text is one item") {
  // One earlier place counts as 8 uses: before a phrase of the section written 3 times (counts
  // 6), after one written 10 (20).
  const std::string text = "全县行政机关负责人出庭应诉。全县|";
  const WithMined few(R"({"text": "全县法治宣传", "sections": ["preface"], "weight": 3})");
  CHECK(few.at(text).rank("全县行政") == 0);
  CHECK(few.at(text).rank("全县法治宣传") == 1);
  const WithMined many(R"({"text": "全县法治宣传", "sections": ["preface"], "weight": 10})");
  CHECK(many.at(text).rank("全县法治宣传") == 0);
  CHECK(many.at(text).rank("全县行政") == 1);

  // A phrase that writes after the cursor what the earlier text writes (机关负责人出庭, here after a
  // longer typed context) is shown once.
  const WithMined same(R"({"text": "行政机关负责人出庭", "sections": ["preface"], "weight": 2})");
  const auto c = same.at("全县行政机关负责人出庭应诉。全县行政机关负责人出庭率达到100%。全县行政|");
  const std::string written = "全县行政机关负责人出庭应诉。全县行政机关负责人出庭率达到100%。全县行政机关负责人出庭";
  CHECK(std::count_if(c.result.items.begin(), c.result.items.end(),
                      [&](const auto &i) { return c.accepted(i) == written; }) == 1);
  CHECK(c.find("全县行政机关负责人出庭"));  // the longer context matched first
}
