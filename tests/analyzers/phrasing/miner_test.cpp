// The miner: what recurs across reports, weighted by how many use it, in whole words and pairs of
// marks; the next-clause pairs; the phrase files it writes; the shipped mined set.
#include "phrasing_test_util.h"

#include <reportls/phrasing/miner.h>

#include <algorithm>

namespace phrasing = reportls::phrasing;

namespace {

const reportls::report::Rules &rules() {
  static const auto r = reportls::report::Rules::load(REPORTLS_SOURCE_DIR "/analyzers/report");
  return r;
}

std::vector<phrasing::MinedPhrase> mine(const std::vector<std::string> &texts, uint32_t min_reports = 2) {
  std::vector<phrasing::ReadReport> read;
  for (const std::string &t : texts) read.push_back(phrasing::read_report({t}, test::phrases(), rules()));
  std::vector<const phrasing::ReadReport *> pointers;
  for (const auto &r : read) pointers.push_back(&r);
  phrasing::MinerOptions options;
  options.min_reports = min_reports;
  return phrasing::mine(pointers, test::phrases(), options);
}

const phrasing::MinedPhrase *find(const std::vector<phrasing::MinedPhrase> &mined, const std::string &text) {
  auto it = std::find_if(mined.begin(), mined.end(), [&](const auto &p) { return p.text == text; });
  return it == mined.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("what several reports write is kept, weighted by how many; what one writes is not") {
  const auto mined = mine({"我县持续深化行政执法体制改革，成效明显。",
                           "全市持续深化行政执法体制改革，取得实效。",
                           "本区持续深化行政执法体制改革。",
                           "一份报告独有的表述在这里。"});
  const auto *p = find(mined, "持续深化行政执法体制改革");
  REQUIRE(p);
  CHECK(p->reports == 3);
  CHECK(find(mined, "一份报告独有的表述") == nullptr);
  // Closed: a shorter run every use of which goes on the same way is not kept on its own.
  CHECK(find(mined, "持续深化行政") == nullptr);
  CHECK(mine({"我县持续深化行政执法体制改革。", "全市持续深化行政执法体制改革。"}, 3).empty());
}

TEST_CASE("figures and half pairs of marks are never mined; marks are made full-width first") {
  const auto mined = mine({"根据《中华人民共和国政府信息公开条例》(以下简称《条例》),2023年共办理8件。",
                           "按照《中华人民共和国政府信息公开条例》(以下简称《条例》),2023年共办理9件。"});
  for (const auto &p : mined) {
    CAPTURE(p.text);
    CHECK(p.text.find_first_of("0123456789") == std::string::npos);
    CHECK(std::count(p.text.begin(), p.text.end(), '(') == 0);  // made （
  }
  CHECK(find(mined, "中华人民共和国政府信息公开条例"));  // cut before its 》
  CHECK(phrasing::full_width_marks("条例(以下简称《条例》),共") == "条例（以下简称《条例》），共");
  CHECK(phrasing::full_width_marks("a,b (1)") == "a,b (1)");
}

TEST_CASE("a phrase's uses count every time the reports write it") {
  const auto mined = mine({"我县持续深化行政执法体制改革。下一步，继续持续深化行政执法体制改革。",
                           "全市持续深化行政执法体制改革，取得实效。"});
  const auto *p = find(mined, "持续深化行政执法体制改革");
  REQUIRE(p);
  CHECK(p->reports == 2);
  CHECK(p->uses == 3);
}

TEST_CASE("a phrase's starts count the uses that start a clause; a next clause starts every one") {
  const auto mined = mine({"全面落实行政执法责任制，成效明显。现将有关情况报告如下：\n一、主要举措和成效",
                           "我县全面落实行政执法责任制。现将有关情况报告如下：\n一、主要举措和成效",
                           "一是全面落实行政执法责任制；二是加强监督。"});
  const auto *p = find(mined, "全面落实行政执法责任制");
  REQUIRE(p);
  CHECK(p->uses == 3);
  CHECK(p->starts == 1);
  const auto *next = find(mined, "一、主要举措和成效");
  REQUIRE(next);
  CHECK(next->starts == next->uses);
}

TEST_CASE("the clause that follows another in several reports is its next clause") {
  const auto mined = mine({"2023年，我县坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n全县上下齐心协力。",
                           "2022年，我市全面推进依法治市。现将有关情况报告如下：\n一、主要举措和成效\n我们攻坚克难。"});
  const auto *p = find(mined, "一、主要举措和成效");
  REQUIRE(p);
  REQUIRE(p->after.size() == 1);
  CHECK(p->after[0].first == "现将有关情况报告如下");
  CHECK(p->after[0].second == 2);
}

TEST_CASE("phrase files: JSON the phrase set reads back, marked mined, each under the size limit") {
  std::vector<phrasing::MinedPhrase> many;
  for (int i = 0; i < 3000; ++i)
    many.push_back({"推进法治政府建设第" + std::to_string(i) + "项", {"achievements"}, 2, 5, 1, {{"前一句", 2}}});
  const auto files = phrasing::phrase_files(many, 100000);
  CHECK(files.size() > 1);
  phrasing::PhraseSet set = test::phrases().vocabulary();
  for (size_t i = 0; i < files.size(); ++i) {
    CHECK(files[i].size() <= 100000);
    set.add_file(files[i], "mined-" + std::to_string(i) + ".phrases.json");
  }
  REQUIRE(set.phrases().size() == many.size());
  CHECK(set.phrases()[7].mined);
  CHECK(set.phrases()[7].weight == 2);
  CHECK(set.phrases()[7].uses == 5);
  CHECK(set.phrases()[7].starts == 1);
  CHECK(set.phrases()[7].after.get() == many[7].after);
}

TEST_CASE("the shipped mined set: many phrases, each used by two reports or more, no pinyin key") {
  size_t mined = 0;
  const auto &keys = test::shipped().pinyin();
  for (size_t i = 0; i < test::shipped().phrases().size(); ++i) {
    const auto &p = test::shipped().phrases()[i];
    if (!p.mined) continue;
    ++mined;
    CHECK(p.weight >= 2);
    CHECK(p.starts <= p.uses);  // known
    CHECK(keys[i].full.empty());
  }
  CHECK(mined > 5000);
}
