#include "../test_util.h"
#include "fix_util.h"

#include <reportls/dates/dates.h>
#include <reportls/report/report_year.h>

#include <doctest/doctest.h>

namespace report = reportls::report;

namespace {

const reportls::dates::Tables &tables() {
  static std::vector<std::string> errors;
  static const auto t = reportls::dates::load(REPORTLS_SOURCE_DIR "/analyzers/dates", {}, errors);
  return t;
}
std::vector<reportls::plugin::Diagnostic> run(const std::string &text, const std::string &settings = "{}") {
  const report::Document doc = report::parse(text, test::rules());
  return reportls::dates::check(doc, tables(), report::report_year(doc, settings), [] { return false; });
}
std::string corpus(const std::string &name) { return fixtest::read(REPORTLS_CORPUS_DIR "/" + name); }

}  // namespace

TEST_CASE("report years of the corpus") {
  const std::vector<uint32_t> years = {2023, 2022, 2023, 2022, 2020};
  for (size_t i = 0; i < years.size(); ++i) {
    const std::string text = corpus(fixtest::corpus()[i]);
    CHECK(report::report_year(report::parse(text, test::rules())) == years[i]);
    CHECK(report::report_year(report::parse(text, test::rules()), R"({"reportYear": 2019})") == 2019u);
  }
}

TEST_CASE("a text with no title and no opening takes its year from the whole calendar year it states as its period") {
  const auto year = [](const std::string &text) { return report::report_year(report::parse(text, test::rules())); };
  const std::string head = "一、总体情况\n本报告依据《条例》编制。";
  CHECK(year(head + "数据统计期限为2022年1月1日至2022年12月31日。\n二、主动公开政府信息情况\n略。\n") == 2022u);
  CHECK(year(head + "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n") == 2023u);
  CHECK(year(head + "本报告所列数据统计时限为2023年1月1日至12月31日。\n") == 2023u);
  CHECK_FALSE(year(head + "统计期限为2022年1月1日至2023年12月31日。\n"));
  // Not a whole year, not one period, or not in the first section: no year.
  CHECK_FALSE(year(head + "统计期限为2022年1月1日至2022年6月30日。\n"));
  CHECK_FALSE(year(head + "2022年1月1日起施行，2023年12月31日前完成。\n"));
  CHECK_FALSE(year(head + "2022年1月1日起施行，另于2022年12月31日前完成。\n"));
  CHECK_FALSE(year(head + "\n二、其他\n统计期限为2022年1月1日至2022年12月31日。\n"));
}

TEST_CASE("cangxi is dated before its year ends") {
  const std::string text = corpus("cangxi-rural-revitalization-bureau-2023.txt");
  const auto ds = run(text);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "dates.early");
  CHECK(ds[0].severity == REPORTLS_SEVERITY_WARNING);
  CHECK(fixtest::at(text, ds[0]) == "2023年12月21日");
}

TEST_CASE("relative time words: once per paragraph, only information") {
  const auto ds = run(corpus("wuding-county-office-2022.txt"));
  CHECK(ds.size() == 6);
  for (const auto &d : ds) CHECK(d.severity == REPORTLS_SEVERITY_INFO);
}

TEST_CASE("plan year and date format, with fixes") {
  const std::string text = "关于2023年度法治政府建设情况的报告\n一、主要工作\n2023年推进。\n二、2025年工作计划\n继续。\n某县人民政府\n2024年02月29日\n";
  const auto ds = run(text);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].code == "dates.plan-year");
  CHECK(fixtest::at(text, ds[0]) == "2025");
  CHECK(ds[1].code == "dates.format");
  const std::string fixed = fixtest::apply(text, {ds[0].fixes[0].edits[0], ds[1].fixes[0].edits[0]});
  CHECK(run(fixed).empty());
  CHECK(run(text, R"({"reportYear": 2024})").size() == 2);  // plan year right, dated early, padded
}

TEST_CASE("a correct report is quiet") {
  CHECK(run(fixtest::read(REPORTLS_SOURCE_DIR "/tests/fixtures/dates/right.txt")).empty());
}

TEST_CASE("a date written as eight digits: before 日 anywhere, alone on a line as a cover letter's 落款") {
  const std::string text = fixtest::read(REPORTLS_SOURCE_DIR "/tests/fixtures/dates/compact.txt");
  const auto ds = run(text);
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].code == "dates.early");
  CHECK(fixtest::at(text, ds[0]) == "20191118");
  CHECK(ds[1].code == "dates.format");
  CHECK(ds[1].message == "日期“20191118”写成了一串数字，年、月、日没有分开：应写作“2019年11月18日”");
  CHECK(ds[2].code == "dates.format");
  CHECK(fixtest::at(text, ds[2]) == "20191231日");
  const std::string fixed = fixtest::apply(text, fixtest::preferred_edits(ds));
  CHECK(fixed.find("某某省交通运输厅\n2019年11月18日\n") != std::string::npos);
  CHECK(fixed.find("截止日期为2019年12月31日") != std::string::npos);
  // Only dates.early is left: the fix writes the date out, the date stays early.
  CHECK(fixtest::codes(run(fixed)) == std::multiset<std::string>{"dates.early"});
  // Numbers that are not dates, or not alone, are left alone.
  CHECK(run("关于2019年度法治政府建设情况的报告\n索引号11430000006日，编号20191399日，共20191118人。\n").empty());
}

TEST_CASE("a date alone on a line is a 落款 only when the title states the report year") {
  auto report = [](const std::string &year) {
    return "某某委关于" + year + "年度法治政府建设情况的报告\n省委、省政府：\n现呈送报告，请审阅。\n某某委\n2024年3月8日\n" +
           "某某委" + year + "年度法治政府建设情况报告\n一、主要工作\n扎实推进。\n";
  };
  CHECK(run(report("2023")).empty());
  const std::string text = report("2024");
  const auto early = run(text);
  REQUIRE(early.size() == 1);
  CHECK(early[0].code == "dates.early");
  CHECK(fixtest::at(text, early[0]) == "2024年3月8日");
  // No title with a year (a notice): its 落款 says nothing about a report year.
  CHECK(run("某某市人民政府关于印发实施方案的通知\n各单位：\n现印发给你们。\n某某市人民政府\n2025年6月13日\n一、总体要求\n").empty());
}

TEST_CASE("a heading that opens with another year than the report's (or the next) in a report whose title states it") {
  const std::string text = fixtest::read(REPORTLS_SOURCE_DIR "/tests/fixtures/dates/heading-year.txt");
  const auto ds = run(text);
  std::vector<std::string> found;
  for (const auto &d : ds) found.push_back(d.code + " " + fixtest::at(text, d));
  CHECK(found == std::vector<std::string>{"dates.heading-year 2022", "dates.heading-year 2022", "dates.plan-year 2025"});
  CHECK(ds[0].message == "标题写的是2022年，而本报告是2023年度报告（见报告标题）：本年度工作的标题应写2023年");
  REQUIRE(ds[0].fixes.size() == 1);
  CHECK(!ds[0].fixes[0].preferred);
  // Without a year in the title the report year is a guess: quiet.
  CHECK(run("法治政府建设情况报告\n一、2022年主要工作\n某某县人民政府\n2024年2月29日\n").empty());
}

TEST_CASE("a closing signature dated in eight digits") {
  const std::string text = "关于2023年度法治政府建设情况的报告\n一、主要工作\n推进。\n某某县人民政府\n20240229\n";
  const auto ds = run(text);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "dates.format");
  CHECK(fixtest::apply(text, ds[0].fixes[0].edits).ends_with("某某县人民政府\n2024年2月29日\n"));
}
