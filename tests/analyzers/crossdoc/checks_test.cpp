// The checks of one report against last year's and against its companion: each fires where the
// reports disagree and says nothing when a figure's description, unit or year does not agree.
#include "util.h"

#include <doctest/doctest.h>

using cdtest::check;

namespace {

// A 法治政府建设 report of 秀山县 for `year`: its results, problems and plan.
std::string report(int year, const std::string &results, const std::string &plan = "（一）做好各项工作。") {
  return "秀山县" + std::to_string(year) + "年度法治政府建设情况报告\n\n一、主要举措和成效\n\n" + results +
         "\n\n二、存在的不足和原因\n\n少数部门依法决策意识不强。\n\n三、" + std::to_string(year + 1) +
         "年工作安排\n\n" + plan + "\n";
}

std::string disclosure(int year, const std::string &overview) {
  return "秀山县" + std::to_string(year) + "年政府信息公开工作年度报告\n\n一、总体情况\n\n" + overview + "\n";
}

const std::string kLastYear = report(2023,
                                     "全年共办理行政复议案件48件，其中纠错5件。受理行政复议申请52件。行政诉讼40件。"
                                     "开展法治培训12场次，培训干部860人次。处理投诉举报40余件。");

}  // namespace

TEST_CASE("figures.yoy: a year-on-year change checked against last year's figure") {
  SUBCASE("right: no diagnostic, a hover with last year's sentence and a link to its line") {
    const auto f = check(report(2024, "全年办理行政复议案件52件，同比增长8.3%。"), {{"previous", kLastYear}});
    CHECK(f.codes.empty());
    REQUIRE(f.result.findings.notes.size() == 1);
    const std::string &hover = f.result.findings.notes[0].markdown;
    CHECK(hover.find("上年 48件，本年 52件：(52 − 48) ÷ 48 = 8.33%，文中 8.3%（相符）") != std::string::npos);
    CHECK(hover.find("全年共办理行政复议案件48件") != std::string::npos);
    CHECK(hover.find("[上年（2023年）报告第5行](file:///tmp/previous.txt#L5)") != std::string::npos);
  }
  SUBCASE("a wrong percentage, with the arithmetic and last year's words") {
    const auto f = check(report(2024, "全年办理行政复议案件52件，同比增长15.6%。"), {{"previous", kLastYear}});
    REQUIRE(f.codes == std::vector<std::string>{"figures.yoy"});
    CHECK(f.messages[0] ==
          "“同比增长15.6%”与上年（2023年）报告不符：上年（2023年）报告第5行为48件（“全年共办理行政复议案件48件，其中纠错5件。”），"
          "(52 − 48) ÷ 48 = 8.33%。");
    CHECK(f.result.findings.diagnostics[0].severity == REPORTLS_SEVERITY_WARNING);
  }
  SUBCASE("the wrong direction") {
    const auto f = check(report(2024, "办理行政复议案件44件，同比增长5%。"), {{"previous", kLastYear}});
    REQUIRE(f.codes == std::vector<std::string>{"figures.yoy"});
    CHECK(f.messages[0].find("由48件到44件是减少") != std::string::npos);
  }
  SUBCASE("a change in count, and a base stated for last year") {
    CHECK(check(report(2024, "办理行政复议案件52件，比上年增加4件。"), {{"previous", kLastYear}}).codes.empty());
    const auto wrong = check(report(2024, "办理行政复议案件52件，比上年增加7件。"), {{"previous", kLastYear}});
    REQUIRE(wrong.codes == std::vector<std::string>{"figures.yoy"});
    CHECK(wrong.messages[0].find("52 − 48 = 4件") != std::string::npos);
    const auto base = check(report(2024, "办理行政复议案件52件，较上年的45件增加7件。"), {{"previous", kLastYear}});
    REQUIRE(base.codes == std::vector<std::string>{"figures.yoy"});
    CHECK(base.messages[0].starts_with("“较上年的45件”与上年（2023年）报告不符：上年（2023年）报告第5行为48件"));
  }
  SUBCASE("较2023年 in a 2024 report is last year; the words after the figure describe it too") {
    const auto f = check(report(2024, "开展法治培训15场次，较2023年增长25%，培训干部900人次，较2023年增加40人次。"),
                         {{"previous", kLastYear}});
    CHECK(f.codes.empty());
    CHECK(f.result.findings.notes.size() == 2);
  }
  SUBCASE("in doubt, nothing") {
    // 较2022年 in a 2024 report is not last year's report.
    CHECK(check(report(2024, "办理行政复议案件52件，较2022年增长30%。"), {{"previous", kLastYear}}).result.findings.notes.empty());
    // 受理 is not 办理: another quantity.
    CHECK(check(report(2024, "受理行政复议案件60件，同比增长50%。"), {{"previous", kLastYear}}).result.findings.notes.empty());
    // Another unit family: people are no cases.
    CHECK(check(report(2024, "行政诉讼45人，同比增长50%。"), {{"previous", kLastYear}}).result.findings.notes.empty());
    // Last year's figure was approximate.
    CHECK(check(report(2024, "处理投诉举报60件，同比增长50%。"), {{"previous", kLastYear}}).result.findings.notes.empty());
    // Percentage points, and a claim that no figure stands before.
    CHECK(check(report(2024, "行政复议案件同比增长15.6%。纠错率同比提高2个百分点。"), {{"previous", kLastYear}}).codes.empty());
    // Last year's report gives two values for the description.
    const std::string twice = report(2023, "行政诉讼40件。全年行政诉讼38件。");
    CHECK(check(report(2024, "行政诉讼46件，同比增长20%。"), {{"previous", twice}}).result.findings.notes.empty());
    // The "previous" report is not of the year before.
    CHECK(check(report(2025, "行政诉讼46件，同比增长20%。"), {{"previous", kLastYear}}).result.findings.notes.empty());
    // The figure's own parts follow, not a comparison.
    CHECK(check(report(2024, "办理行政复议案件52件，其中纠错8件。"), {{"previous", kLastYear}}).result.findings.notes.empty());
  }
}

TEST_CASE("figures.companion: one body's two reports of a year state one figure once") {
  const std::string fazhi = report(2024, "全年主动公开政府信息3150条，收到政府信息公开申请12件。");
  const auto wrong = check(fazhi, {{"companion", disclosure(2024, "2024年，我县主动公开政府信息3150条。共收到政府信息公开申请15件。")}});
  REQUIRE(wrong.codes == std::vector<std::string>{"figures.companion"});
  CHECK(wrong.messages[0].starts_with("12件与同年的政府信息公开工作年度报告不符：同年的政府信息公开工作年度报告第5行为15件"));
  CHECK(wrong.result.findings.notes.size() == 2);  // the agreeing 3150条 has its hover too
  CHECK(check(fazhi, {{"companion", disclosure(2024, "主动公开政府信息3150条，收到政府信息公开申请12件。")}}).codes.empty());
  // Another year's report is no companion; a figure this report gives twice is its own business.
  CHECK(check(fazhi, {{"companion", disclosure(2023, "收到政府信息公开申请15件。")}}).codes.empty());
  CHECK(check(report(2024, "收到政府信息公开申请12件。全年收到政府信息公开申请13件。"),
              {{"companion", disclosure(2024, "收到政府信息公开申请15件。")}})
            .codes.empty());
}

TEST_CASE("copy.previous-year: sentences carried over, and last year's year left in them") {
  const std::string last = report(2023,
                                   "2023年，我县深入践行习近平法治思想，以法治政府建设示范创建为抓手，全力推进法治政府建设，取得积极成效。"
                                   "我县建立健全行政执法协调监督工作体系，实现县乡两级行政执法协调监督全覆盖，执法质效明显提升。"
                                   "将专项整治列入2023年全面依法治县和法治政府建设工作重点，建立线索清单、问题清单和整治清单制度。"
                                   "短句不算。");
  SUBCASE("word for word, across the ASCII and full-width forms of the marks") {
    const auto f = check(report(2024, "我县建立健全行政执法协调监督工作体系,实现县乡两级行政执法协调监督全覆盖,执法质效明显提升。短句不算。"),
                         {{"previous", last}});
    REQUIRE(f.codes == std::vector<std::string>{"copy.previous-year"});
    CHECK(f.messages[0] == "这句与上年（2023年）报告第5行的文字相同：照搬上年报告的内容，应按本年度的情况改写。");
    CHECK(f.result.findings.diagnostics[0].severity == REPORTLS_SEVERITY_INFO);
  }
  SUBCASE("with only the years moved on; two sentences in a row make one diagnostic") {
    const auto f = check(report(2024,
                                "2024年，我县深入践行习近平法治思想，以法治政府建设示范创建为抓手，全力推进法治政府建设，取得积极成效。"
                                "我县建立健全行政执法协调监督工作体系，实现县乡两级行政执法协调监督全覆盖，执法质效明显提升。"),
                         {{"previous", last}});
    REQUIRE(f.codes == std::vector<std::string>{"copy.previous-year"});
    CHECK(f.messages[0] == "这2句与上年（2023年）报告第5行起的文字相同（只改了年份）：照搬上年报告的内容，应按本年度的情况改写。");
  }
  SUBCASE("a year of last year's report left in a copied sentence") {
    const auto f = check(report(2024, "将专项整治列入2023年全面依法治县和法治政府建设工作重点，建立线索清单、问题清单和整治清单制度。"),
                         {{"previous", last}});
    REQUIRE(f.codes == std::vector<std::string>{"copy.previous-year"});
    CHECK(f.messages[0] == "“2023年”未随年度更新：这句与上年（2023年）报告第5行的文字相同，而本报告是2024年度的报告。");
    const auto &d = f.result.findings.diagnostics[0];
    CHECK(cdtest::parsed_texts().back().substr(d.start, d.end - d.start) == "2023年");
  }
  SUBCASE("short sentences, headings and new wording are no copy") {
    CHECK(check(report(2024, "短句不算。我县完善行政执法协调监督工作体系，乡镇行政执法协调监督实现全覆盖。"), {{"previous", last}}).codes.empty());
  }
}

TEST_CASE("plan.follow-up: last year's plan items this year's results do not speak of") {
  const std::string last = report(2023, "依法行政水平提升。",
                                  "（一）持续开展提升优化营商环境行动。推行告知承诺制。\n\n（二）持续加大“两高一低”整治。\n\n"
                                  "（三）持续强化党对法治政府建设的领导。");
  SUBCASE("an item nothing in the results mentions, quoted, at the results heading") {
    const auto f = check(report(2024, "“两高一低”整治取得实效，行政诉讼败诉率下降。"), {{"previous", last}});
    REQUIRE(f.codes == std::vector<std::string>{"plan.follow-up"});
    CHECK(f.messages[0] ==
          "上年（2023年）报告第13行的工作安排“持续开展提升优化营商环境行动”在本年度报告的工作情况中未见相应内容：是否已经落实，宜作交代。");
    CHECK(f.result.findings.diagnostics[0].severity == REPORTLS_SEVERITY_INFO);
  }
  SUBCASE("followed up; an item of generic words only is not judged") {
    CHECK(check(report(2024, "营商环境持续优化。“两高一低”整治取得实效。"), {{"previous", last}}).codes.empty());
  }
  SUBCASE("this year's own plan is no follow-up") {
    CHECK(check(report(2024, "“两高一低”整治取得实效。", "（一）持续优化营商环境。"), {{"previous", last}}).codes ==
          std::vector<std::string>{"plan.follow-up"});
  }
}
