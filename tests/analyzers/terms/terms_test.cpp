#include "../test_util.h"
#include "fix_util.h"

#include <reportls/report/report_year.h>
#include <reportls/terms/repeats.h>
#include <reportls/terms/terms.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include <unistd.h>

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
  for (const char *name : {"right", "formulas-right", "documents-right", "typos-right", "disclosure-right"}) {
    CAPTURE(name);
    const std::string text = fixtest::read(REPORTLS_SOURCE_DIR "/tests/fixtures/terms/" + std::string(name) + ".txt");
    const auto ds = run(text);
    for (const auto &d : ds) CAPTURE(d.message);
    CHECK(ds.empty());
  }
  CHECK(run("关于2022年度的报告\n扎实开展“八五”普法。截至目前共办理15件。").empty());
}

TEST_CASE("years limit a rule: 新理念新思想新战略 is fine in 2020, 新冠肺炎 outdated from 2023") {
  CHECK(run("关于2020年度法治政府建设情况的报告\n学习全面依法治国新理念新思想新战略，做好新冠肺炎疫情防控。").empty());
  for (const char *old_name : {"全面依法治国新理念新思想新战略", "全面依法治国新理念新战略"}) {
    const auto ds = run(std::string("关于2021年度法治政府建设情况的报告\n学习习近平总书记") + old_name + "和重要讲话精神。");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "terms.outdated");
  }
  CHECK(run("2022年政府信息公开工作年度报告\n依据《通知》(国办公开办函〔2019〕60号)编制。")[0].code == "terms.outdated");
  CHECK(run("2019年政府信息公开工作年度报告\n依据《通知》(国办公开办函〔2019〕60号)编制。").empty());
  const auto ds = run("关于2023年度法治政府建设情况的报告\n做好新冠肺炎疫情防控。");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "terms.outdated");
}

TEST_CASE("the pre-2019 outline of a 政府信息公开工作年度报告 is outdated from the 2019 report on, and only there") {
  const std::string old_outline = "一、政府信息公开工作的基本概况\n全年主动公开信息120条。\n四、政府信息公开的收费及减免情况\n本年度未收取费用。";
  const auto ds = run("2020年政府信息公开工作年度报告\n" + old_outline);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].code == "terms.outdated");
  CHECK(ds[0].severity == REPORTLS_SEVERITY_WARNING);
  REQUIRE(ds[0].fixes.size() == 1);
  CHECK_FALSE(ds[0].fixes[0].preferred);  // the 2019 format's part, but the part's text is the author's to redo
  CHECK(ds[1].code == "terms.outdated");
  CHECK(ds[1].severity == REPORTLS_SEVERITY_INFO);
  // The format a 2018 report followed, and a report whose year is unknown: nothing.
  CHECK(run("2018年政府信息公开工作年度报告\n" + old_outline).empty());
  CHECK(run(old_outline).empty());
  // 基本概况 in a sentence is not the outline's heading.
  CHECK(run("2020年政府信息公开工作年度报告\n现将政府信息公开工作的基本概况报告如下。").empty());
}

TEST_CASE("applying all certain fixes to each corpus report and wrong fixture removes them and adds nothing") {
  std::vector<std::string> paths;
  for (const std::string &name : fixtest::corpus()) paths.push_back(REPORTLS_CORPUS_DIR "/" + name);
  for (const char *name : {"wrong", "formulas-wrong", "documents-wrong", "typos-wrong", "disclosure-wrong"})
    paths.push_back(REPORTLS_SOURCE_DIR "/tests/fixtures/terms/" + std::string(name) + ".txt");
  for (const std::string &path : paths) {
    CAPTURE(path);
    const std::string text = fixtest::read(path);
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

TEST_CASE("a bare 十九大/二十大 → 党的十九大/党的二十大; quiet after 党的, in titles, counts and other congresses") {
  check_one("深入学习二十大精神。",
            {"terms.nonstandard", "二十大", "正式文稿应写“党的二十大”，不宜简称“二十大”", "二十大",
             "改为“党的二十大”", "深入学习党的二十大精神。"});
  check_one("我局深入贯彻二十大全面依法治国的要求。",
            {"terms.nonstandard", "二十大", "正式文稿应写“党的二十大”，不宜简称“二十大”", "二十大",
             "改为“党的二十大”", "我局深入贯彻党的二十大全面依法治国的要求。"});
  check_one("学习全国两会和十九大精神。",
            {"terms.nonstandard", "十九大", "正式文稿应写“党的十九大”，不宜简称“十九大”", "十九大",
             "改为“党的十九大”", "学习全国两会和党的十九大精神。"});
  check_quiet("深入学习党的二十大精神，把“党的二十大精神”落到实处。");
  check_quiet("学习党的十九大和二十大精神，党的十九届历次全会、二十大精神，党的十八大、十九大、十九届二中全会精神。");
  check_quiet("发放《二十大精神学习读本》。");
  check_quiet("全市确定二十大类重点项目，实施十九大项目，第二十大队出动，共青团十九大和团的十九大代表参加。");
}

TEST_CASE("履行推进法治建设第一责任人职责: 法治政府建设 variants are information, a dropped 职责 a warning") {
  const std::string basis = "（《党政主要负责人履行推进法治建设第一责任人职责规定》）";
  for (const std::string wrong : {"法治政府建设第一责任人", "推进法治政府建设第一责任人", "法治政府建设“第一责任人”",
                                  "推进本地区本部门法治政府建设第一责任人", "依法行政第一责任人"}) {
    const std::string body = "局长切实履行" + wrong + "职责。";
    CAPTURE(body);
    const auto ds = run(kTitle + body);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == REPORTLS_SEVERITY_INFO);
    CHECK(fixtest::apply(kTitle + body, ds[0].fixes[0].edits) == kTitle + "局长切实履行推进法治建设第一责任人职责。");
  }
  check_one("一、党政主要负责人履行推进法治建设第一责任人、加强法治政府建设的情况",
            {"terms.nonstandard", "第一责任人",
             "“履行……第一责任人”漏了“职责”：规范表述是“履行推进法治建设第一责任人职责”" + basis, "第一责任人",
             "改为“第一责任人职责”", "一、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况"});
  check_quiet("局长切实履行推进法治建设第一责任人职责，压实法治建设第一责任人职责，落实“第一责任人”制度。");
}

TEST_CASE("the 纲要 editions: wrong years get the edition's years; a province's own plan is left alone") {
  check_one("落实《法治政府建设实施纲要（2016—2020年）》。",
            {"terms.nonstandard", "2016—2020", "《法治政府建设实施纲要》的第一版是“（2015—2020年）”，年份“2016—2020”有误，应为“2015—2020”",
             "2016—2020", "改为“2015—2020”", "落实《法治政府建设实施纲要（2015—2020年）》。"});
  check_one("落实《法治政府建设实施纲要（2020—2025年）》。",
            {"terms.nonstandard", "2020—2025", "《法治政府建设实施纲要》的第二版是“（2021—2025年）”，年份“2020—2025”有误，应为“2021—2025”",
             "2020—2025", "改为“2021—2025”", "落实《法治政府建设实施纲要（2021—2025年）》。"});
  check_quiet("落实《法治政府建设实施纲要（2015—2020年）》《法治政府建设实施纲要（2021—2025年）》"
              "《山东省法治政府建设实施纲要（2016—2020年）》和《法治社会建设实施纲要（2020—2025年）》。");
  // A range past the second edition's may name a later edition, which the tables cannot know yet.
  check_one("落实《法治政府建设实施纲要（2021—2026年）》。",
            {"terms.nonstandard", "2021—2026", "《法治政府建设实施纲要》的第二版是“（2021—2025年）”，年份“2021—2026”有误，应为“2021—2025”",
             "2021—2026", "改为“2021—2025”", "落实《法治政府建设实施纲要（2021—2025年）》。"});
  check_quiet("落实《法治政府建设实施纲要（2026—2030年）》。");
}

TEST_CASE("repealed laws are outdated from the year they were replaced") {
  const std::string cite = "\n学习《执业医师法》和《合同法》。";
  CHECK(run("关于2020年度法治政府建设情况的报告" + cite).empty());
  const auto in2021 = run("关于2021年度法治政府建设情况的报告" + cite);
  REQUIRE(in2021.size() == 1);
  CHECK(in2021[0].code == "terms.outdated");
  CHECK(in2021[0].message.find("《合同法》已于2021年1月1日") == 0);
  CHECK(run("关于2022年度法治政府建设情况的报告" + cite).size() == 2);
  check_quiet("原《执业医师法》和原《合同法》已同时废止。");
}

TEST_CASE("截止 before a date → 截至; 截止日期 and 截止到 (现代汉语词典) stay") {
  check_one("截止2023年底，共办理案件15件。",
            {"terms.misuse", "截止",
             "“截止”表示到期停止，后面不带宾语；表示“到某时为止”应写“截至”（年度报告更宜写“截至××年12月31日”）", "截止",
             "改为“截至”", "截至2023年底，共办理案件15件。"});
  check_quiet("申报截止日期为2023年12月31日，截止到2023年11月共办理案件15件，报名已经截止。");
}

TEST_CASE("做为 → 作为, 做出贡献 → 作出贡献 (information), 确实履行 → 切实履行") {
  check_one("把学习做为首要政治任务。",
            {"terms.misuse", "做为", "“做为”应为“作为”：表示“当作、身份”或“所作所为”都写“作为”", "做为",
             "改为“作为”", "把学习作为首要政治任务。"});
  check_quiet("切实做为民服务实事。");
  const auto ds = run(kTitle + "为全县发展做出更大的贡献，做出成绩。");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == REPORTLS_SEVERITY_INFO);
  CHECK(fixtest::at(kTitle + "为全县发展做出更大的贡献，做出成绩。", ds[0]) == "做出");
  check_one("为确实履行推进法治建设第一责任人职责，加强领导。",
            {"terms.misuse", "确实", "“确实”是“的确”的意思；表示实实在在地去做应写“切实”：“切实履行”“切实加强”", "确实",
             "改为“切实”", "为切实履行推进法治建设第一责任人职责，加强领导。"});
  check_quiet("工作确实取得成效，他确实履行了职责。");
}

TEST_CASE("的 for 地 between a set adverbial and a verb (information); a nominal verb keeps 的") {
  for (const auto &[body, fixed] : std::vector<std::pair<std::string, std::string>>{
           {"各单位更加高效的开展法治宣传。", "各单位更加高效地开展法治宣传。"},
           {"各单位更好的满足群众需求。", "各单位更好地满足群众需求。"},
           {"各单位及时准确的向社会公布信息。", "各单位及时准确地向社会公布信息。"},
           {"(四)为更好的满足群众需求,开通热线。", "(四)为更好地满足群众需求,开通热线。"}}) {
    CAPTURE(body);
    const auto ds = run(kTitle + body);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == REPORTLS_SEVERITY_INFO);
    CHECK(fixtest::apply(kTitle + body, ds[0].fixes[0].edits) == kTitle + fixed);
  }
  check_quiet("问题得到有效的解决，发挥积极的推动作用，实现全面的提升，取得扎实的推进成效，保持持续的向好态势。");
  check_quiet("使之成为有力的保障民生举措，作为有效的促进手段。");
}

TEST_CASE("an e-mail address after 邮箱/信箱 that lost its @ before a mail service's domain gets it back") {
  check_one("如有疑问，请联系：电子信箱jczdzbgs163.com，邮编134000。",
            {"terms.misuse", "jczdzbgs163.com", "电子邮箱地址“jczdzbgs163.com”缺少“@”，无法发送：应为“jczdzbgs@163.com”",
             "jczdzbgs163.com", "改为“jczdzbgs@163.com”", "如有疑问，请联系：电子信箱jczdzbgs@163.com，邮编134000。"});
  check_one("电子邮箱：zwgk2023qq.com。",
            {"terms.misuse", "zwgk2023qq.com", "电子邮箱地址“zwgk2023qq.com”缺少“@”，无法发送：应为“zwgk2023@qq.com”",
             "zwgk2023qq.com", "改为“zwgk2023@qq.com”", "电子邮箱：zwgk2023@qq.com。"});
  // An address with its @, a web address, a domain not after 邮箱/信箱, a domain that goes on.
  check_quiet("电子邮箱：1316458144@qq.com，E-mail: hhzwzx@163.com。");
  check_quiet("网站：www.jczd163.com，访问jczd163.com即可，邮箱：www.sina.com.cn/mail，信箱abc163.com.example.cn。");
}

TEST_CASE("请与 + an office + a contact bracket without 联系 gets its verb back") {
  check_one("如有疑问请与来凤县政务服务和大数据管理局(地址:来凤县政务服务中心501室,联系电话:0718-6277499)。",
            {"terms.misuse", "来凤县政务服务和大数据管理局",
             "“请与来凤县政务服务和大数据管理局”缺少动词“联系”，句子不完整：应为“请与来凤县政务服务和大数据管理局联系”",
             "来凤县政务服务和大数据管理局", "改为“来凤县政务服务和大数据管理局联系”",
             "如有疑问请与来凤县政务服务和大数据管理局联系(地址:来凤县政务服务中心501室,联系电话:0718-6277499)。"});
  check_quiet("请与县政府办公室联系（地址：某路1号，电话：1234567）。请与有关部门沟通（电话：1234567）。请与上级保持一致。");
}

TEST_CASE("a clause written twice in a row: its second copy, with a fix that deletes it (not preferred)") {
  const std::string body = "共排查出涉民营企业刑事诉讼“挂案” 5起,排查出涉民营企业刑事诉讼“挂案” 5起,2021年上半年侦办案件23起。";
  const auto ds = run(kTitle + body);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "terms.misuse");
  CHECK(fixtest::at(kTitle + body, ds[0]) == "排查出涉民营企业刑事诉讼“挂案” 5起,");
  CHECK(ds[0].message.find("连着写了两遍：排查出涉民营企业刑事诉讼“挂案” 5起,") != std::string::npos);
  REQUIRE(ds[0].fixes.size() == 1);
  CHECK_FALSE(ds[0].fixes[0].preferred);
  CHECK(fixtest::apply(kTitle + body, ds[0].fixes[0].edits) ==
        kTitle + "共排查出涉民营企业刑事诉讼“挂案” 5起,2021年上半年侦办案件23起。");
  // Beyond the BMP too: the copy's offsets are bytes of the text, whatever the characters' widths.
  const std::string wide = "落实𠮷字号“谁执法谁普法”“谁执法谁普法”责任制。";
  const auto w = run(kTitle + wide);
  REQUIRE(w.size() == 1);
  CHECK(fixtest::at(kTitle + wide, w[0]) == "“谁执法谁普法”");
  // Shorter than a clause (the word rules' job), no five ideographs, or not back to back.
  check_quiet("依法行政，依法行政，0 0 0 0 0 0 0 0 0 0 0 0，abcdefabcdef，……………………。");
  check_quiet("加强组织领导，落实责任，加强组织领导，完善制度。");
  // A merged cell repeated in each cell of a table row.
  check_quiet("\n| 申请人情况 | 申请人情况 | 申请人情况 |\n|---|---|---|\n| 1 | 2 | 3 |\n");
}

TEST_CASE("repeated_stretches: every copy after the first, none overlapping; a long paragraph without one") {
  const auto repeated_stretches = [](std::string_view text) {
    return reportls::terms::repeated_stretches(text, tables().repeats);
  };
  const std::string three = "推进法治政府建设，推进法治政府建设，推进法治政府建设，";
  const auto spans = repeated_stretches(three);
  const auto copy = static_cast<uint32_t>(std::string("推进法治政府建设，").size());
  REQUIRE(spans.size() == 2);  // every copy after the first
  CHECK(spans[0] == reportls::report::Span{copy, 2 * copy});
  CHECK(spans[1] == reportls::report::Span{2 * copy, 3 * copy});
  std::string paragraph;
  for (int i = 0; i < 20000; ++i) paragraph += "第" + std::to_string(i) + "项工作按期完成，";
  CHECK(repeated_stretches(paragraph).empty());
}

TEST_CASE("a data folder's repeats.json sets what counts as a clause; a broken one is reported and changes nothing") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("reportls-repeats-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto load_with = [&](const std::string &json, std::vector<std::string> &errors) {
    std::ofstream(dir / "repeats.json") << json;
    return reportls::terms::load(REPORTLS_SOURCE_DIR "/analyzers/terms", {dir.string()}, errors);
  };
  const std::string twice = "推进法治政府建设，推进法治政府建设，";  // copies of 9 characters
  auto found = [&](const reportls::terms::Tables &t) { return reportls::terms::repeated_stretches(twice, t.repeats).size(); };
  std::vector<std::string> errors;
  CHECK(found(tables()) == 1);
  // Only max_chars given: the bundled min_chars and min_ideographs stay.
  const auto shorter = load_with(R"({"format": "reportls-terms-repeats", "version": 1, "clause": {"max_chars": 8}})", errors);
  CHECK(errors.empty());
  CHECK(shorter.repeats.min_chars == tables().repeats.min_chars);
  CHECK(found(shorter) == 0);
  for (const std::string bad : {R"({"format": "reportls-terms-repeats", "version": 1, "clause": {"min_ideographs": 2}})",
                                R"({"format": "reportls-terms-repeats", "version": 1, "clause": {"max_chars": 8, "min_chars": 9}})",
                                R"({"format": "reportls-terms-repeats", "version": 1, "clause": {"max_char": 8}})",
                                R"({"format": "reportls-terms", "clause": {}})",
                                R"({"format": "reportls-terms-repeats", "version": "1"})", "{"}) {
    errors.clear();
    const auto t = load_with(bad, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("repeats.json") != std::string::npos);
    CHECK(found(t) == 1);
    CHECK(t.repeats.max_chars == tables().repeats.max_chars);
  }
  fs::remove_all(dir);
}

TEST_CASE("聚集 → 聚焦 before a task's focus, 集合 → 结合 before 实际 or a document's 精神; other gatherings stay") {
  check_one("三是聚集目标攻坚克难。",
            {"terms.misuse", "聚集", "“聚集”是集合、凑在一起；“集中注意力于”应写“聚焦”：“聚焦目标”“聚焦重点”", "聚集",
             "改为“聚焦”", "三是聚焦目标攻坚克难。"});
  check_one("根据通知要求,集合机构改革精神,梳理事项。",
            {"terms.misuse", "集合", "“集合”是把分散的人或物聚在一起；与实际、精神相联系应写“结合”：“结合实际”“结合……精神”",
             "集合", "改为“结合”", "根据通知要求,结合机构改革精神,梳理事项。"});
  check_quiet("楼宇聚集了一批企业，集合全体干部开会，结合实际抓落实。");
}

TEST_CASE("四个亲自 with its first object dropped after a clause break gets 重要工作 back") {
  check_one("摆在重要位置,亲自部署、重大问题亲自过问、重点环节亲自协调。",
            {"terms.nonstandard", "亲自部署",
             "“四个亲自”的规范表述是“重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办”"
             "（《党政主要负责人履行推进法治建设第一责任人职责规定》），这里漏了“重要工作”",
             "亲自部署", "改为“重要工作亲自部署”", "摆在重要位置,重要工作亲自部署、重大问题亲自过问、重点环节亲自协调。"});
  check_quiet("对法治建设重要工作亲自部署、重大问题亲自过问，对法治建设工作亲自部署、重大问题亲自过问。");
}

TEST_CASE("a unit character doubled between a place and what follows; words like 县长, 局长, 县级 stay") {
  check_one("元谋县县卫生健康局召开会议。",
            {"terms.misuse", "县县", "重复用字“县县”，应为“县”", "县县", "改为“县”", "元谋县卫生健康局召开会议。"});
  check_one("区自然资源局局认真落实条例。",
            {"terms.misuse", "局局", "重复用字“局局”，应为“局”", "局局", "改为“局”", "区自然资源局认真落实条例。"});
  check_quiet("元谋县县长、公安局局长、全县县级部门、各县县政府、县县通公路、市市场监管局、局局务会出席。");
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
