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
