#include "../test_util.h"
#include "fix_util.h"

#include <reportls/report/report_year.h>
#include <reportls/terms/terms.h>

#include <doctest/doctest.h>

#include <map>

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
