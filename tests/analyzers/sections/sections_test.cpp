#include "../test_util.h"

#include <reportls/report/profile.h>
#include <reportls/report/report_year.h>
#include <reportls/sections/sections.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

namespace report = reportls::report;
using reportls::plugin::Diagnostic;

namespace {

const report::Profiles &profiles() {
  static const report::Profiles p =
      report::Profiles::load({REPORTLS_SOURCE_DIR "/analyzers/report/profiles"});
  return p;
}

std::vector<Diagnostic> run(const std::string &text, std::string_view id = "") {
  const report::Document doc = report::parse(text, test::rules());
  const report::Profile *p = profiles().choose(doc, id);
  return p ? reportls::sections::check(doc, *p, report::report_year(doc)) : std::vector<Diagnostic>{};
}

size_t count(const std::vector<Diagnostic> &ds, const std::string &code) {
  return std::count_if(ds.begin(), ds.end(), [&](const Diagnostic &d) { return d.code == code; });
}

std::string apply(std::string text, std::vector<reportls::plugin::Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](auto &a, auto &b) { return a.start > b.start; });
  for (const auto &e : edits) text.replace(e.start, e.end - e.start, e.new_text);
  return text;
}

}  // namespace

TEST_CASE("bundled profiles load and are detected") {
  CHECK(profiles().errors().empty());
  CHECK(profiles().find("fazhi-annual"));
  CHECK(profiles().find("info-disclosure-annual"));
  for (const std::string &name : test::corpus_names()) {
    const report::Document doc = report::parse(test::corpus(name), test::rules());
    const report::Profile *p = profiles().choose(doc, "");
    REQUIRE_MESSAGE(p, name);
    CHECK(p->id == "fazhi-annual");
  }
}

TEST_CASE("texts on the same subject that are not the report get no profile") {
  auto profile_of = [](const std::string &text) {
    const report::Document doc = report::parse(text, test::rules());
    const report::Profile *p = profiles().choose(doc, "");
    return p ? p->id : std::string("none");
  };
  // The report's opening without its title: the preface and a heading that names an item.
  CHECK(profile_of("2023年，某县坚持以习近平法治思想为指导，扎实推进法治政府建设。\n"
                   "一、主要举措和成效\n（一）加强组织领导。\n") == "fazhi-annual");
  CHECK(profile_of("2023年，某局推进法治政府建设取得新进展。\n一、2023年我局推进法治政府建设的举措和效果\n") ==
        "fazhi-annual");
  // A news item: the subject in its opening, no part of a report.
  CHECK(profile_of("某市召开法治政府建设推进会\n本网讯 5月6日，某县法治政府建设推进会召开。会议要求…\n") == "none");
  // An implementing opinion: headings of its own kind.
  CHECK(profile_of("为加快推进法治政府建设，结合实际，提出如下意见。\n一、指导思想和工作目标\n二、主要任务\n") ==
        "none");
  // A report of another kind (its title names it) needs two of the profile's parts, not one.
  CHECK(profile_of("2021年政府工作报告\n过去一年，我们推进法治政府建设。\n一、2020年工作回顾\n"
                   "二、2021年工作安排\n") == "none");
  // The title block decides, even split over two lines or under a section name.
  CHECK(profile_of("某某镇人民政府2021年政府信息\n公开工作年度报告\n一、总体情况\n") == "info-disclosure-annual");
  CHECK(profile_of("年度报告\n某区司法局2021年法治政府建设年度报告\n一、工作成效\n") == "fazhi-annual");
  // Without a title: the opening of part 一 (`一、总体情况` first) cites the 条例; a review of the
  // year in a text laid out in parts.
  CHECK(profile_of("一、总体情况\n本报告依据《中华人民共和国政府信息公开条例》编制。\n（一）主动公开。\n") ==
        "info-disclosure-annual");
  CHECK(profile_of("2020年，市农业农村局推进法治政府建设。\n一、压实法治政府建设主体责任。\n二、全面依法履行政府职能。\n") ==
        "fazhi-annual");
  CHECK(profile_of("2020年，市农业农村局推进法治政府建设。\n") == "none");
}

TEST_CASE("whether a text is a report follows its title, opening and top-level headings, asked again by another copy") {
  // The analyzers of one document each ask with their own copy of the profiles; the answer is
  // kept by what it depends on, so texts that differ only there must each get their own.
  const report::Profiles other = report::Profiles::load({REPORTLS_SOURCE_DIR "/analyzers/report/profiles"});
  const std::string opening = "2023年，某县推进法治政府建设。\n";
  const std::vector<std::pair<std::string, std::string>> texts = {
      {opening + "一、主要举措和成效\n", "fazhi-annual"},        // a heading names an item
      {opening + "一、指导思想和工作目标\n", "none"},            // only the heading differs
      {"2023年，某县召开推进会。\n一、主要举措和成效\n", "none"},  // only the opening differs
      {"某县2023年法治政府建设年度报告\n" + opening + "一、指导思想和工作目标\n", "fazhi-annual"},  // a title
  };
  for (int round = 0; round < 2; ++round)
    for (const auto &[text, expected] : texts)
      for (const report::Profiles *ps : {&profiles(), &other}) {
        const report::Document doc = report::parse(text, test::rules());
        const report::Profile *p = ps->choose(doc, "");
        CHECK_MESSAGE((p ? p->id : std::string("none")) == expected, text);
      }
}

TEST_CASE("a 政府信息公开 report's parts have fixed headings") {
  const std::string text =
      "某镇2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
      "四、政府信息公开行政复议、行政诉讼情况\n五、存在问题和改进措施\n六、其他需要报告的事项\n";
  const auto ds = run(text);
  REQUIRE(count(ds, "sections.wording") == 1);
  CHECK(count(ds, "sections.missing") == 0);
  const auto &d = *std::find_if(ds.begin(), ds.end(), [](auto &x) { return x.code == "sections.wording"; });
  CHECK(d.message.find("存在的主要问题及改进情况") != std::string::npos);
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].edits[0].new_text == "存在的主要问题及改进情况");
  // Width and form of commas and brackets are no different wording.
  std::string same = text;
  same.replace(same.find("存在问题和改进措施"), std::string("存在问题和改进措施").size(), "存在的主要问题及改进情况");
  same.replace(same.find("行政复议、行政诉讼"), std::string("行政复议、行政诉讼").size(), "行政复议，行政诉讼");
  CHECK(count(run(same), "sections.wording") == 0);
}

TEST_CASE("a report names the basis of its own year: the format a later notice replaced for earlier reports") {
  const auto wording_of = [](const std::string &year) {
    const std::string text = "某镇" + year + "年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n"
                             "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
                             "五、存在问题和改进措施\n六、其他需要报告的事项\n";
    const auto ds = run(text);
    const auto it = std::find_if(ds.begin(), ds.end(), [](auto &x) { return x.code == "sections.wording"; });
    return it == ds.end() ? std::string() : it->message;
  };
  CHECK(wording_of("2020").find("国办公开办函〔2019〕60号") != std::string::npos);
  CHECK(wording_of("2021").find("国办公开办函〔2021〕30号") != std::string::npos);
  CHECK(wording_of("2024").find("国办公开办函〔2021〕30号") != std::string::npos);
  const report::Profile *p = profiles().find("info-disclosure-annual");
  REQUIRE(p);
  CHECK(p->basis_for(std::nullopt) == p->bases.current);
  // The years must be years.
  const std::string bad = R"({"format": "reportls-profile", "version": 1, "id": "x", "report_type": "x报告",
    "earlier_bases": [{"until": "2020", "basis": "旧"}], "items": [{"id": "a", "wording": "a", "headings": ["a"]}]})";
  CHECK_THROWS_WITH_AS(report::Profiles::parse(bad, "x.profile.json"), doctest::Contains("earlier_bases[0].until"),
                       std::runtime_error);
}

TEST_CASE("headings run into a paragraph (a page that lost its line breaks) are there") {
  const std::string flattened =
      "2021年，某区推进法治政府建设。现将有关情况总结如下： 一、主要措施和成效 （一）加强领导。 "
      "二、存在的问题和不足 一是短板。原因是学习不够。 三、党政主要负责人履行推进法治建设第一责任人职责情况 "
      "述法。 四、2022年工作安排 深化改革。\n";
  CHECK(count(run(flattened), "sections.missing") == 0);
  std::string without_problems = flattened;
  without_problems.replace(without_problems.find("二、存在的问题和不足"), std::string("二、存在的问题和不足").size(),
                           "二、其他工作");
  const auto ds = run(without_problems);
  REQUIRE(count(ds, "sections.missing") == 1);
  CHECK(ds[0].message.find("存在的不足和原因") != std::string::npos);
}

TEST_CASE("an item is required only from the year its rule applies") {
  const std::string report_2018 =
      "某县2018年法治政府建设情况报告\n一、主要举措和成效\n正文。\n二、存在的不足和原因\n原因是…。\n"
      "三、2019年工作安排\n正文。\n";
  CHECK(count(run(report_2018), "sections.missing") == 0);  // 第一责任人: 督察工作规定 (2019) on
  std::string report_2019 = report_2018;
  for (size_t at; (at = report_2019.find("2018")) != std::string::npos;) report_2019.replace(at, 4, "2019");
  const auto ds = run(report_2019);
  REQUIRE(count(ds, "sections.missing") == 1);
  CHECK(ds[0].message.find("第一责任人") != std::string::npos);
}

TEST_CASE("a malformed user profile is reported with its file; the others still load") {
  const auto dir = std::filesystem::temp_directory_path() / "reportls-profile-test";
  std::filesystem::create_directories(dir);
  test::write_file((dir / "broken.profile.json").string(), "{\"format\": \"reportls-profile\", ");
  const report::Profiles p =
      report::Profiles::load({REPORTLS_SOURCE_DIR "/analyzers/report/profiles", dir.string()});
  REQUIRE(p.errors().size() == 1);
  CHECK(p.errors()[0].find("broken.profile.json") != std::string::npos);
  CHECK(p.find("fazhi-annual"));
  bool unknown = false;
  const report::Document doc = report::parse(std::string_view("x"), test::rules());
  CHECK(p.choose(doc, "no-such-profile", &unknown) == nullptr);
  CHECK(unknown);
}

TEST_CASE("acceptance: required items in the corpus") {
  const auto wuding = run(test::corpus("wuding-county-office-2022"));
  REQUIRE(count(wuding, "sections.missing") == 1);
  const auto missing = std::find_if(wuding.begin(), wuding.end(),
                                    [](auto &d) { return d.code == "sections.missing"; });
  CHECK(missing->message.find("第一责任人") != std::string::npos);
  CHECK(count(run(test::corpus("zhaotong-city-2020")), "sections.folded") == 1);
  CHECK(count(run(test::corpus("yuncheng-district-2022")), "sections.folded") == 1);
  CHECK(count(run(test::corpus("xiushan-county-2023")), "sections.missing") == 0);
  CHECK(count(run(test::corpus("cangxi-rural-revitalization-bureau-2023")), "sections.missing") == 0);
}

TEST_CASE("the skeleton fix inserts the item with the next ordinal and renumbers the rest") {
  const std::string text = test::corpus("wuding-county-office-2022");
  const auto ds = run(text);
  const auto d = std::find_if(ds.begin(), ds.end(), [](auto &d) { return d.code == "sections.missing"; });
  REQUIRE(d != ds.end());
  REQUIRE(d->fixes.size() == 1);
  const std::string fixed = apply(text, d->fixes[0].edits);
  CHECK(fixed.find("三、党政主要负责人履行推进法治建设第一责任人职责情况\n") != std::string::npos);
  CHECK(fixed.find("四、下步工作打算") != std::string::npos);
  CHECK(count(run(fixed), "sections.missing") == 0);
}

TEST_CASE("the skeleton fix appends after the last section when nothing follows") {
  const std::string text = "某县2023年度法治政府建设情况报告\n\n一、主要举措和成效\n完成任务。\n二、存在的不足和原因\n原因是人手少。\n三、第一责任人履职情况\n亲自部署。\n";
  const auto ds = run(text);
  REQUIRE(count(ds, "sections.missing") == 1);
  const std::string fixed = apply(text, ds[0].fixes.at(0).edits);
  CHECK(fixed.find("\n四、下一年度推进法治政府建设的主要安排") != std::string::npos);
  CHECK(run(fixed).empty());
}

TEST_CASE("order is enforced only by ordered profiles") {
  const std::string swapped = "某区2023年政府信息公开工作年度报告\n一、总体情况\n好。\n二、收到和处理政府信息公开申请情况\n好。\n三、主动公开政府信息情况\n好。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
  const auto ds = run(swapped);
  CHECK(count(ds, "sections.order") == 1);
  CHECK(count(ds, "sections.missing") == 0);
}
