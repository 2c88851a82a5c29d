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
  CHECK(run("主动公开市政府规章13件(含新制定5件,修改4件,废止4件)。\n").diagnostics.empty());
  CHECK(with_code(run("主动公开市政府规章13件(含新制定5件,修改6件,废止4件)。\n"), "figures.sum").size() == 1);
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

TEST_CASE("figures.sum: siblings that share a noun are no total and its parts") {
  CHECK(run("清理规范性文件35件，部门文件120件，其他文件88件。\n").diagnostics.empty());
  CHECK(run("微信公众号发布625条，官方微博发布620条，官方抖音发布76条。\n").diagnostics.empty());
  CHECK(run("制定发布规范性文件4件，清理废止文件0件，现行有效文件20件。\n").diagnostics.empty());
  // 共 inside 公共 is no total cue.
  CHECK(run("完善公共法律服务平台12个，市级服务平台8个，县级服务平台6个。\n").diagnostics.empty());
  SUBCASE("a total cue and parts that repeat its predicate make a breakdown") {
    std::string t = "全年共受理申请100件，市级受理申请60件，县级受理申请50件。\n";
    auto d = with_code(run(t), "figures.sum");
    REQUIRE(d.size() == 1);
    CHECK(slice(t, d[0].range) == "100");
    CHECK(d[0].message.find("60 + 50 = 110") != std::string::npos);
  }
}

TEST_CASE("figures.sum: 。其中 after a sentence's only figure; parts with 余 are lower bounds") {
  std::string t = "主动公开政府信息8769条。其中，通过市政府网站公开信息2100条，通过县政府门户网站发布政府信息5469条，"
                  "通过新闻媒体公开信息1600余条、通过其他形式公开信息600余条。\n";
  auto f = run(t);
  auto d = with_code(f, "figures.sum");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::Warning);
  CHECK(slice(t, d[0].range) == "8769");
  CHECK(d[0].message.find("2100 + 5469 + 1600余 + 600余 = 9769余，与总数8769不符（至少多1000）") != std::string::npos);
  // Lower bounds below the total, a list before 。其中, and an item that is another statement.
  CHECK(run("公开信息900条，其中政务动态500余条、通知公告300余条。\n").diagnostics.empty());
  CHECK(run("发布信息1600条、600条。其中政务动态900条，通知公告800条。\n").diagnostics.empty());
  CHECK(run("公开政府信息276条，其中：政务动态信息216条，更新信息公开目录50条，主动向市政府办报送信息100余条。\n")
            .diagnostics.empty());
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

TEST_CASE("figures.rate: shares in a list are checked against the stated total") {
  CHECK(run("共办理行政复议案件840件，其中维持600件，占比71.4%；纠错21件，占比2.5%；驳回219件，占比26.1%。\n")
            .diagnostics.empty());
  CHECK(run("清单447项，其中即办件432项（占96.64%），承诺件15项（占3.36%）。\n").diagnostics.empty());
  // No total cue: 100件 is not said to be the whole.
  CHECK(run("受理案件100件，办结95件，占比90%。\n").diagnostics.empty());
  std::string t = "共办理行政复议案件840件，其中维持600件，占比71.4%；纠错21件，占比3.2%。\n";
  auto f = run(t);
  auto d = with_code(f, "figures.rate");
  REQUIRE(d.size() == 1);
  CHECK(slice(t, d[0].range) == "3.2%");
  CHECK(d[0].message.find("21 ÷ 840 = 2.50%") != std::string::npos);
  auto h = reportls::figures::hover_at(f, static_cast<uint32_t>(t.find("3.2%")));
  REQUIRE(h.size() == 1);
  CHECK(h[0].markdown == "**占比核对**：21 ÷ 840 = 2.50%，文中 3.2%（不符）");
}

TEST_CASE("figures.rate: a base stated earlier in the paragraph") {
  std::string t = "全年行政应诉案件52件，开庭审理48件，负责人出庭应诉50件，出庭率98%。\n";
  auto d = with_code(run(t), "figures.rate");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::Warning);
  CHECK(d[0].message.find("50 ÷ 52 = 96.15%") != std::string::npos);
  CHECK(run("对现有132项权力事项逐项梳理，仅保留事项41项，压减事项达91项，压减率为69%。\n").diagnostics.empty());
  CHECK(run("受理行政复议案件60件，行政应诉案件52件，审结30件，负责人出庭应诉50件，出庭率96.15%。\n").diagnostics.empty());
  // The numerator must say the rate's verb: 40件 is the base of 出庭应诉率, not its count.
  CHECK(run("办理行政复议69件，行政诉讼40件，行政机关负责人出庭应诉率达100%。\n").diagnostics.empty());
  // A list's rate whose count the text does not give (all 25 filed): 18件 is not its numerator.
  CHECK(run("规范性文件共有25件(其中,7件为县人民政府规范性文件,18件为县级部门规范性文件),均按要求报备,"
            "规范性文件备案率达100%。\n").diagnostics.empty());
  // Two figures could be the base: silent.
  CHECK(run("行政应诉案件52件，一审应诉案件51件，开庭审理48件，负责人出庭应诉50件，出庭率90%。\n").diagnostics.empty());
  // Another figure of the paragraph gives the stated rate: the author may mean that base.
  CHECK(run("受理案件60件，应诉案件52件，开庭审理48件，负责人出庭应诉50件，出庭率83%。\n").diagnostics.empty());
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
  // Usage the editing rule rejects but official texts often write: a warning, the fix not preferred.
  CHECK(d[1].severity == Severity::Warning);
  REQUIRE(d[1].fixes.size() == 1);
  CHECK_FALSE(d[1].fixes[0].preferred);
  CHECK(slice(t, d[1].fixes[0].edits[0].range) == "余");
  CHECK(slice(t, d[2].range) == "12998余");
  // A round figure that 余 ("more than") can follow and stay true: rounded down, never up.
  CHECK(d[2].message.find("12000余") != std::string::npos);
  const auto two_digits = with_code(run("全年组织各类学习15余场次。\n"), "figures.approx");
  REQUIRE(two_digits.size() == 1);
  CHECK(two_digits[0].message.find("如“10余”") != std::string::npos);
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

TEST_CASE("figures.unit: the space after a figure is its own; the space before it is punctuation.space's") {
  std::string t = "查封扣押案件 1 件，信息公开目录发布 4282 条。\n";
  auto d = with_code(run(t), "figures.unit");
  REQUIRE(d.size() == 2);
  CHECK(t.substr(d[0].range.start - 1, 5) == "1 件");
  CHECK(t.substr(d[1].range.start - 4, 8) == "4282 条");
}

TEST_CASE("figures.unit: a bare number is certain only where two statements ran together") {
  SUBCASE("the text runs on into the next item of a list, or into 其中: warning") {
    std::string t = "村居调委会化解9457乡镇街道调委会化解3308行业性调委会化解2070件，移交督办线索3其中33条，举办培训班28培训2300人次。\n";
    auto d = with_code(run(t), "figures.unit");
    REQUIRE(d.size() == 4);
    for (const auto &f : d) CHECK(f.severity == Severity::Warning);
    CHECK(slice(t, d[0].range) == "9457");
    CHECK(slice(t, d[1].range) == "3308");
    CHECK(slice(t, d[2].range) == "3");
    CHECK(slice(t, d[3].range) == "28");
  }
  SUBCASE("a count that may only lack its measure word is a guess: information") {
    std::string t = "提供法律援助1175挽回经济损失1929万余元，市级部门和11县市区业务骨干共150余人参加。\n";
    auto d = with_code(run(t), "figures.unit");
    REQUIRE(d.size() == 2);
    CHECK(slice(t, d[0].range) == "1175");
    CHECK(d[0].severity == Severity::Information);
    CHECK(slice(t, d[1].range) == "11");
    CHECK(d[1].severity == Severity::Information);
    CHECK(d[1].message.find("若“11”是计数") != std::string::npos);
  }
  SUBCASE("numbers that are not counts need no measure word") {
    for (const char *t : {
             "根据《意见》(国发〔2016〕23号)和(国办公开办函〔2021〕30号)要求。\n",
             "地址：人民路26号行政中心8号楼302室，档案馆4楼402室，九莲南路399号濂溪区市民服务中心8楼。\n",
             "发布时间:2021-03-30 11:13来源:镜湖区，更新于16:33 分发。\n",
             "三次产业结构由0.2∶52∶47.8调整为0.2∶39.6∶60.2，推行1对1帮扶，1/3的事项。\n",
             "依照第二十条，实施10大行动，40家世界500强、46家国内500强，全面实施“31证合一”。\n",
             "楼宇达16幢和44幢，开展“12·4”国家宪法日宣传，开通12368诉讼服务热线，印发2020版指南，启动2级应急响应。\n",
             "纪念“3.15”消费者权益日，会议于上午10时30分召开，创建5星级服务窗口。\n",
             "组队参加2024厦门市社科知识大赛获三等奖，对标2035远景目标。\n",
         }) {
      CAPTURE(t);
      CHECK(with_code(run(t), "figures.unit").empty());
    }
  }
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
