#include "util.h"

#include <doctest/doctest.h>

#include <algorithm>

using reportls::figures::Finding;
using reportls::figures::Findings;
using reportls::figures::Severity;
using figtest::run;
using figtest::slice;

namespace {
std::vector<Finding> with_code(const Findings &f, const std::string &code) {
  std::vector<Finding> out;
  for (const auto &d : f.diagnostics)
    if (d.code == code) out.push_back(d);
  return out;
}
}  // namespace

TEST_CASE("figures.sum: parts above the total warn with the arithmetic; hover shows it") {
  std::string t = "全县建立调解组织313个，其中专业调解机构15家、派驻调解室4个、乡镇调委会27个、村居调委会268个。\n";
  auto f = run(t);
  auto d = with_code(f, "figures.sum");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::Warning);
  CHECK(slice(t, d[0].range) == "313");
  CHECK(d[0].message.find("15 + 4 + 27 + 268 = 314，与总数313不符") != std::string::npos);
  auto h = reportls::figures::hover_at(f, static_cast<uint32_t>(t.find("268")));
  REQUIRE(h.size() == 1);
  CHECK(h[0].markdown == "**合计核对**：15 + 4 + 27 + 268 = 314，文中总数 313（不符）");
}

TEST_CASE("figures.sum: a right sum, a partial list and approximate figures stay silent") {
  CHECK(run("法律顾问8名，其中法制工作人员3名，专职律师3名，专家学者2名。\n").diagnostics.empty());
  CHECK(run("办理行政复议69件，其中调解终止17件、纠错数9件。\n").diagnostics.empty());
  CHECK(run("受理案件25件（其中，刑事案件7件，民事案件18件）。\n").diagnostics.empty());
  CHECK(run("开展活动300余场，其中线上200余场、线下150余场。\n").diagnostics.empty());
  // The list ends where it reaches the total: 结案25件 is another statement.
  CHECK(run("办理案件30件，其中行政类10件，民事类20件，结案25件。\n").diagnostics.empty());
}

TEST_CASE("figures.sum: an exhaustive-looking list that falls short is information") {
  std::string t = "公开信息4312条，其中通知公告更新信息253条、政务动态更新信息2579条、目录更新信息1023条。\n";
  auto d = with_code(run(t), "figures.sum");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::Information);
  CHECK(d[0].message.find("253 + 2579 + 1023 = 3855，比总数4312少457") != std::string::npos);
}

TEST_CASE("figures.rate") {
  SUBCASE("within the rounding of its own precision") {
    CHECK(run("协调化解21件，成功化解20件，化解率95%。\n").diagnostics.empty());
    CHECK(run("调解纠纷23540件，调解成功23219件，成功率98.64%。\n").diagnostics.empty());
    CHECK(run("清单447项，其中即办件432项，占比96.64%。\n").diagnostics.empty());
  }
  SUBCASE("a rate that does not match, with the implied base") {
    std::string t = "梳理事项16037项，10346项事项实现网上办理，网上可办率达79.71%。\n";
    auto d = with_code(run(t), "figures.rate");
    REQUIRE(d.size() == 1);
    CHECK(slice(t, d[0].range) == "79.71%");
    CHECK(d[0].message.find("10346 ÷ 16037 = 64.51%") != std::string::npos);
    CHECK(d[0].message.find("12980") != std::string::npos);
  }
  SUBCASE("a truncated rate is information") {
    std::string t = "办理复议69件，复议后起诉2件，起诉率为2.89%。\n";
    auto d = with_code(run(t), "figures.rate");
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Information);
    CHECK(d[0].message.find("2.90%") != std::string::npos);
  }
  SUBCASE("a rate whose counts the text does not give stays silent") {
    CHECK(run("办理复议69件，其中调解终止17件、纠错数9件，复议后起诉率为2.89%。\n").diagnostics.empty());
  }
}

TEST_CASE("figures.change") {
  SUBCASE("wrong base is named") {
    std::string t = "共收到复议申请83件，比2019年92件减少了10.84%。\n";
    auto d = with_code(run(t), "figures.change");
    REQUIRE(d.size() == 1);
    CHECK(slice(t, d[0].range) == "10.84%");
    CHECK(d[0].message == "10.84%是以本期83件为基数算的；以2019年92件为基数应为9.78%：(92 − 83) ÷ 92 = 9.78%。");
    REQUIRE(d[0].fixes.size() == 1);
    CHECK(d[0].fixes[0].edits[0].text == "9.78%");
  }
  SUBCASE("right changes, and 同比 without a stated base, stay silent") {
    CHECK(run("受理诉讼案件33件，比去年45件减少了26.67%。\n").diagnostics.empty());
    CHECK(run("2022年全年总量409件，2021年全年456件，同比下降10.31%。\n").diagnostics.empty());
    CHECK(run("劳动仲裁调解结案572宗，同比上升50%。\n").diagnostics.empty());
  }
  SUBCASE("the direction") {
    auto d = with_code(run("受理案件50件，比去年40件减少了25%。\n"), "figures.change");
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("增加") != std::string::npos);
  }
}

TEST_CASE("figures.approx") {
  std::string t = "调解纠纷近6400余件，挽回损失2966.3万余元，开展学习12998余次，发放资料10万余份，培育1350余名。\n";
  auto d = with_code(run(t), "figures.approx");
  REQUIRE(d.size() == 3);
  CHECK(slice(t, d[0].range) == "近6400余");
  CHECK(d[0].severity == Severity::Error);
  CHECK(d[0].fixes.size() == 2);
  CHECK(slice(t, d[1].range) == "2966.3万余");
  REQUIRE(d[1].fixes.size() == 1);
  CHECK(d[1].fixes[0].preferred);
  CHECK(slice(t, d[1].fixes[0].edits[0].range) == "余");
  CHECK(slice(t, d[2].range) == "12998余");
  CHECK(d[2].message.find("13000余") != std::string::npos);
}

TEST_CASE("figures.unit") {
  std::string t = "举办培训班28培训2300人次，提供法律援助1175挽回损失，同比增加120%2023年累计生成证照，环境案件187 件，"
                  "开通12345热线和12348热线，推进IPv6和5G建设，11县(市)区。\n";
  auto d = with_code(run(t), "figures.unit");
  REQUIRE(d.size() == 5);
  CHECK(slice(t, d[0].range) == "28");
  CHECK(slice(t, d[1].range) == "1175");
  CHECK(slice(t, d[2].range) == "120%2023");
  CHECK(slice(t, d[3].range) == " ");
  REQUIRE(d[3].fixes.size() == 1);
  CHECK(d[3].fixes[0].preferred);
  CHECK(slice(t, d[4].range) == "11");
}

TEST_CASE("figures.range") {
  std::string t = "比例为15~30%，投资2~5万元，年限2015-2020年，比例15%~30%。\n";
  auto d = with_code(run(t), "figures.range");
  REQUIRE(d.size() == 2);
  CHECK(slice(t, d[0].range) == "15~30%");
  CHECK(d[0].fixes[0].edits[0].text == "%");
  CHECK(slice(t, d[1].range) == "2~5万");
  CHECK(d[1].message.find("2万~5万") != std::string::npos);
}
