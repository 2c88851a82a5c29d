#include "../test_util.h"
#include "fix_util.h"

#include <reportls/report/report_year.h>
#include <reportls/terms/terms.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace report = reportls::report;

namespace {

const reportls::terms::Tables &tables() {
  static std::vector<std::string> errors;
  static const auto t = reportls::terms::load(REPORTLS_SOURCE_DIR "/analyzers/terms", {}, errors);
  return t;
}
std::vector<reportls::plugin::Diagnostic> run(const std::string &text) {
  const report::Document doc = report::parse(text, test::rules());
  return reportls::terms::check(doc, tables(), report::report_year(doc), [] { return false; });
}
std::string corpus(const std::string &name) { return fixtest::read(REPORTLS_CORPUS_DIR "/" + name); }

}  // namespace

TEST_CASE("every error and warning C8/C10 term defect of the corpus is reported on its text") {
  const std::multimap<std::string, std::pair<std::string, std::string>> expected = {
      {"wuding-county-office-2022.txt", {"terms.misuse", "政务新体"}},
      {"wuding-county-office-2022.txt", {"terms.nonstandard", "《新公务员法》"}},
      {"wuding-county-office-2022.txt", {"terms.outdated", "习近平总书记全面依法治国新理念新思想新战略"}},
      {"xiushan-county-2023.txt", {"terms.nonstandard", "新时“枫桥经验”"}},
      {"xiushan-county-2023.txt", {"terms.misuse", "审"}},
      {"xiushan-county-2023.txt", {"terms.misuse", "实"}},
      {"xiushan-county-2023.txt", {"terms.misuse", "开"}},
      {"xiushan-county-2023.txt", {"terms.misuse", "市"}},
      {"xiushan-county-2023.txt", {"terms.misuse", "达"}},
      {"xiushan-county-2023.txt", {"terms.misuse", "提"}},
      {"zhaotong-city-2020.txt", {"terms.misuse", "公作站"}},
      {"zhaotong-city-2020.txt", {"terms.misuse", "截止目前"}},
      {"zhaotong-city-2020.txt", {"terms.nonstandard", "法治政府建设与责任落实督察工作规定"}},
      {"zhaotong-city-2020.txt", {"terms.nonstandard", "集体研究决策"}},
      {"yuncheng-district-2022.txt", {"terms.nonstandard", "统一到全会精神上来"}},
      {"yuncheng-district-2022.txt", {"terms.nonstandard", "七五普法"}},
  };
  for (const auto &[name, want] : expected) {
    CAPTURE(name);
    CAPTURE(want.second);
    const std::string text = corpus(name);
    const auto ds = run(text);
    CHECK(std::any_of(ds.begin(), ds.end(), [&](const auto &d) {
      const std::string at = fixtest::at(text, d);
      return d.code == want.first && at.find(want.second) != std::string::npos &&
             (want.second.size() > 3 ? at == want.second : at.size() <= 12);
    }));
  }
}

TEST_CASE("correct uses are left alone") {
  const std::string text = fixtest::read(REPORTLS_SOURCE_DIR "/tests/fixtures/terms/right.txt");
  CHECK(run(text).empty());
  CHECK(run("关于2022年度的报告\n扎实开展“八五”普法。截至目前共办理15件。").empty());
}

TEST_CASE("years limit a rule: 新理念新思想新战略 is fine in 2020, 新冠肺炎 outdated from 2023") {
  CHECK(run("关于2020年度法治政府建设情况的报告\n学习全面依法治国新理念新思想新战略，做好新冠肺炎疫情防控。").empty());
  const auto ds = run("关于2023年度法治政府建设情况的报告\n做好新冠肺炎疫情防控。");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "terms.outdated");
}

TEST_CASE("applying all certain fixes to each corpus report removes them and adds nothing") {
  for (const std::string &name : fixtest::corpus()) {
    CAPTURE(name);
    const std::string text = corpus(name);
    const auto before = run(text);
    std::vector<reportls::plugin::Diagnostic> uncertain;
    for (const auto &d : before)
      if (d.fixes.empty() || !d.fixes[0].preferred) uncertain.push_back(d);
    const auto after = run(fixtest::apply(text, fixtest::preferred_edits(before)));
    CHECK(fixtest::codes(after) == fixtest::codes(uncertain));
  }
}

namespace {

const std::string kTitle = "关于2022年度法治政府建设情况的报告\n";

// One diagnostic on kTitle + body: its code, the text it covers, its message, its one fix (the
// text the fix's edit replaces, the fix's title and whether it is preferred) and the body after
// the fix, which must then be quiet.
struct Expect {
  std::string code, range, message, edited, title, after;
  bool preferred = true;
};

void check_one(const std::string &body, const Expect &want) {
  CAPTURE(body);
  const std::string text = kTitle + body;
  const auto ds = run(text);
  REQUIRE(ds.size() == 1);
  const auto &d = ds[0];
  CHECK(d.code == want.code);
  CHECK(fixtest::at(text, d) == want.range);
  CHECK(d.message == want.message);
  REQUIRE(d.fixes.size() == 1);
  const auto &fix = d.fixes[0];
  CHECK(fix.title == want.title);
  CHECK(fix.preferred == want.preferred);
  REQUIRE(fix.edits.size() == 1);
  CHECK(text.substr(fix.edits[0].start, fix.edits[0].end - fix.edits[0].start) == want.edited);
  const std::string fixed = fixtest::apply(text, fix.edits);
  CHECK(fixed == kTitle + want.after);
  CHECK(run(fixed).empty());
}

void check_quiet(const std::string &body) {
  CAPTURE(body);
  const auto ds = run(kTitle + body);
  for (const auto &d : ds) CAPTURE(d.message);
  CHECK(ds.empty());
}

}  // namespace

TEST_CASE("法制政府 and 法制宣传教育 → 法治; 法制审核, 法制机构 and the other 法制 compounds stay") {
  check_one("加快推进法制政府建设。",
            {"terms.nonstandard", "法制政府",
             "“法制政府”应为“法治政府”：建设目标是“法治政府”（《法治政府建设实施纲要》）；“法制”指法律制度，"
             "用于法制审核、法制机构等，不用于“法治政府”",
             "法制", "改为“法治”", "加快推进法治政府建设。"});
  check_one("深入开展法制宣传教育。",
            {"terms.outdated", "法制宣传教育",
             "“法制宣传教育”是旧提法：自第七个五年法治宣传教育规划（2016—2020年）起，规范表述为“法治宣传教育”",
             "法制", "改为“法治”", "深入开展法治宣传教育。"});
  check_quiet("重大行政决策均经法制审核，由法制机构、县政府法制办、法制工作机构负责，订阅《法制日报》，"
              "维护国家法制统一，落实会前学法制度，加强政府法制工作，推进法制建设。");
  check_quiet("回顾“六五”法制宣传教育和第六个五年法制宣传教育规划。");
  CHECK(run("关于2015年度法治政府建设情况的报告\n深入开展法制宣传教育。").empty());
}

TEST_CASE("ipv6, Ipv6 and IPV6 → IPv6, not inside a longer ASCII word or a host name") {
  for (const std::string wrong : {"ipv6", "Ipv6", "IPV6", "iPV6"})
    check_one("完成" + wrong + "改造。",
              {"terms.misuse", wrong, "“" + wrong + "”大小写不规范，应为“IPv6”（互联网协议第6版：IP大写，v小写）",
               wrong, "改为“IPv6”", "完成IPv6改造。"});
  check_quiet("完成IPv6改造，支持IPv6。");
  check_quiet("配置ipv6only参数，参数xipv6和ipv64不动，访问http://ipv6.example.cn/ipv6。");
}

TEST_CASE("三会一课 without quotation marks → “三会一课”; quiet when quoted") {
  check_one("结合“主题党日”、三会一课等活动。",
            {"terms.nonstandard", "三会一课",
             "“三会一课”（支部党员大会、支部委员会会议、党小组会和党课）是党内制度的专门简称，应加引号写作“三会一课”",
             "三会一课", "改为““三会一课””", "结合“主题党日”、“三会一课”等活动。"});
  check_quiet("严格落实“三会一课”制度。");
  check_quiet("提出“坚持三会一课制度”的要求。");
}

TEST_CASE("谁执法谁普法: quoted and without a 顿号") {
  const std::string basis = "（《关于实行国家机关“谁执法谁普法”普法责任制的意见》）";
  check_one("落实谁执法谁普法责任制。",
            {"terms.nonstandard", "谁执法谁普法", "“谁执法谁普法”是普法责任制的专门名称" + basis + "，应加引号",
             "谁执法谁普法", "改为““谁执法谁普法””", "落实“谁执法谁普法”责任制。"});
  check_one("严格按照“谁执法、谁普法”的原则。",
            {"terms.nonstandard", "谁执法、谁普法",
             "“谁执法、谁普法”应为“谁执法谁普法”：普法责任制的规范名称是“谁执法谁普法”" + basis + "，两句之间不加顿号",
             "、", "删除", "严格按照“谁执法谁普法”的原则。"});
  check_one("严格按照谁执法、谁普法的原则。",
            {"terms.nonstandard", "谁执法、谁普法",
             "“谁执法、谁普法”应加引号、去掉顿号，写作“谁执法谁普法”：这是普法责任制的规范名称" + basis,
             "谁执法、谁普法", "改为““谁执法谁普法””", "严格按照“谁执法谁普法”的原则。"});
  check_quiet("落实“谁执法谁普法”普法责任制。");
  check_quiet("落实“谁主管谁负责、谁执法谁普法”要求。");
}

TEST_CASE("a bare 二十大精神 → 党的二十大精神; quiet after 党的") {
  check_one("深入学习二十大精神。",
            {"terms.nonstandard", "二十大精神", "正式文稿应写“党的二十大精神”，不宜简称“二十大精神”",
             "二十大精神", "改为“党的二十大精神”", "深入学习党的二十大精神。"});
  check_one("学习全国两会和二十大精神。",
            {"terms.nonstandard", "二十大精神", "正式文稿应写“党的二十大精神”，不宜简称“二十大精神”",
             "二十大精神", "改为“党的二十大精神”", "学习全国两会和党的二十大精神。"});
  check_quiet("深入学习党的二十大精神，把“党的二十大精神”落到实处。");
  check_quiet("学习党的十九大和二十大精神，党的十九届历次全会、二十大精神。");
  check_quiet("发放《二十大精神学习读本》。");
}

TEST_CASE("a year followed by 度 without 年 → 20XX年度; quiet for kilowatt-hours") {
  check_one("2023度法治政府建设工作完成。",
            {"terms.misuse", "2023度", "“2023度”漏了“年”：应为“2023年度”", "2023度", "改为“2023年度”",
             "2023年度法治政府建设工作完成。"});
  check_quiet("2023年度工作完成。");
  check_quiet("全年节约用电2023度，光伏发电量2050度，另有2023度电，编号12023度。");
}

TEST_CASE("the corpus's ipv6, unquoted 三会一课 and “谁执法、谁普法” (corpus-defects.tsv) are reported") {
  const std::vector<std::tuple<std::string, std::string, std::string>> expected = {
      {"wuding-county-office-2022.txt", "terms.misuse", "ipv6"},
      {"cangxi-rural-revitalization-bureau-2023.txt", "terms.nonstandard", "三会一课"},
      {"cangxi-rural-revitalization-bureau-2023.txt", "terms.nonstandard", "谁执法、谁普法"},
  };
  for (const auto &[name, code, range] : expected) {
    CAPTURE(name);
    CAPTURE(range);
    const std::string text = corpus(name);
    const auto ds = run(text);
    CHECK(std::count_if(ds.begin(), ds.end(), [&](const auto &d) {
            return d.code == code && fixtest::at(text, d) == range;
          }) == 1);
  }
}
