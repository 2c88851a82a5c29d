#include "../test_util.h"
#include "bundled_tables.h"
#include "fix_util.h"

#include <reportls/punctuation/punctuation.h>

#include <doctest/doctest.h>

namespace report = reportls::report;
namespace punct = reportls::punctuation;

namespace {

std::vector<reportls::plugin::Diagnostic> run(const std::string &text) {
  const report::Document doc = report::parse(text, test::rules());
  return punct::check(doc, punctest::bundled(), [] { return false; });
}
std::string corpus(const std::string &name) { return fixtest::read(REPORTLS_CORPUS_DIR "/" + name); }

}  // namespace

TEST_CASE("every corpus report gets one normalized-document whose fix leaves no halfwidth mark") {
  for (const std::string &name : fixtest::corpus()) {
    CAPTURE(name);
    const std::string text = corpus(name);
    const auto ds = run(text);
    CHECK(fixtest::codes(ds).count("punctuation.normalized-document") == 1);
    CHECK(fixtest::codes(ds).count("punctuation.halfwidth") == 0);
    const auto &d = *std::find_if(ds.begin(), ds.end(),
                                  [](const auto &x) { return x.code == "punctuation.normalized-document"; });
    REQUIRE(d.fixes.size() == 1);
    CHECK(d.fixes[0].edits.size() > 100);
    const auto after = run(fixtest::apply(text, d.fixes[0].edits));
    CHECK(fixtest::codes(after).count("punctuation.normalized-document") == 0);
    CHECK(fixtest::codes(after).count("punctuation.halfwidth") == 0);
  }
}

TEST_CASE("asked to defer fix edits, the document-wide fix has its title only and everything else is the same") {
  const std::string text = corpus(fixtest::corpus().front());
  const report::Document doc = report::parse(text, test::rules());
  const auto full = punct::check(doc, punctest::bundled(), [] { return false; });
  const auto deferred = punct::check(doc, punctest::bundled(), [] { return false; }, "file:///d.txt", true);
  REQUIRE(deferred.size() == full.size());
  size_t left_out = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    CAPTURE(full[i].code);
    CHECK(deferred[i].code == full[i].code);
    CHECK(deferred[i].start == full[i].start);
    CHECK(deferred[i].end == full[i].end);
    CHECK(deferred[i].message == full[i].message);
    REQUIRE(deferred[i].fixes.size() == full[i].fixes.size());
    for (size_t f = 0; f < full[i].fixes.size(); ++f) CHECK(deferred[i].fixes[f].title == full[i].fixes[f].title);
    if (full[i].code != "punctuation.normalized-document") {
      CHECK_FALSE(deferred[i].fix_edits_deferred);
      continue;
    }
    ++left_out;
    CHECK(deferred[i].fix_edits_deferred);
    CHECK(deferred[i].fixes[0].edits.empty());
    CHECK(full[i].fixes[0].edits.size() > 100);
  }
  CHECK(left_out == 1);
}

TEST_CASE("applying all preferred fixes removes the fixed kinds and adds nothing") {
  for (const std::string &name : fixtest::corpus()) {
    CAPTURE(name);
    const std::string text = corpus(name);
    const auto before = run(text);
    const auto after = run(fixtest::apply(text, fixtest::preferred_edits(before)));
    for (const auto &d : after) {
      CAPTURE(d.code);
      CAPTURE(d.message);
      CHECK(d.code == "punctuation.unbalanced");  // no certain fix exists for a missing partner
    }
    CHECK(fixtest::codes(after).size() == fixtest::codes(before).count("punctuation.unbalanced"));
  }
}

TEST_CASE("corpus defects are reported on the exact marks") {
  const std::string wuding = corpus("wuding-county-office-2022.txt");
  auto ds = run(wuding);
  auto un = std::find_if(ds.begin(), ds.end(), [](const auto &d) { return d.code == "punctuation.unbalanced"; });
  REQUIRE(un != ds.end());
  CHECK(fixtest::at(wuding, *un) == "“");
  CHECK(wuding.substr(un->start, std::string("“深化“放管服”").size()) == "“深化“放管服”");

  const std::string xiushan = corpus("xiushan-county-2023.txt");
  ds = run(xiushan);
  std::vector<std::string> ctx;
  for (const auto &d : ds)
    if (d.code == "punctuation.unbalanced") ctx.push_back(xiushan.substr(d.start, std::string("(社区“").size()));
  CHECK(ctx == std::vector<std::string>{"(社区“", "(社区“"});  // L47 ×2; the orphan `)` of L55–59 are not reported

  const std::string zhaotong = corpus("zhaotong-city-2020.txt");
  std::vector<std::string> ranges;
  for (const auto &d : run(zhaotong))
    if (d.code == "punctuation.range-dash") ranges.push_back(fixtest::at(zhaotong, d));
  CHECK(ranges == std::vector<std::string>{"2015-2020", "2016-2020"});
  const std::string cangxi = corpus("cangxi-rural-revitalization-bureau-2023.txt");
  ranges.clear();
  for (const auto &d : run(cangxi))
    if (d.code == "punctuation.range-dash") ranges.push_back(fixtest::at(cangxi, d));
  CHECK(ranges == std::vector<std::string>{"2021-2025"});
}

TEST_CASE("no diagnostic on page-debris lines") {
  const std::string xiushan = corpus("xiushan-county-2023.txt");
  const report::Document doc = report::parse(xiushan, test::rules());
  for (const auto &d : run(xiushan)) CHECK(doc.lines[doc.line_of(d.start)].kind != report::LineKind::Debris);
}

TEST_CASE("a full-width document: one ASCII mark is halfwidth; numbers and URLs are left alone") {
  const std::string text = "我局全面落实责任，认真推进，成效明显。本段有一个半角逗号,需要改正。数字1,000和http://a.cn/a,b不改。";
  const auto ds = run(text);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "punctuation.halfwidth");
  CHECK(fixtest::at(text, ds[0]) == ",");
  CHECK(fixtest::apply(text, ds[0].fixes[0].edits).find("半角逗号，需要") != std::string::npos);
}

TEST_CASE("nested double quotes get a certain fix to single quotes") {
  const std::string text = "开展“学习“八五”普法”活动。";
  const auto ds = run(text);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "punctuation.unbalanced");
  CHECK(fixtest::apply(text, ds[0].fixes[0].edits) == "开展“学习‘八五’普法”活动。");
}

TEST_CASE("a malformed user data file is reported and the rest still works") {
  std::vector<std::string> errors;
  const auto t = punct::load(REPORTLS_SOURCE_DIR "/analyzers/punctuation",
                             {REPORTLS_TEST_DATA_DIR "/bad-data"}, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("punctuation-patterns-bad.json") != std::string::npos);
  CHECK(!t.patterns.empty());
}

TEST_CASE("year ranges: a title's range without 年, two years run together; each fix is certain") {
  const std::string text = "学习《法治政府建设实施纲要(2021-2025)》和《实施方案（20152020年）》。";
  const auto ds = run(text);
  std::vector<std::string> ranges;
  for (const auto &d : ds)
    if (d.code == "punctuation.range-dash") ranges.push_back(fixtest::at(text, d));
  CHECK(ranges == std::vector<std::string>{"2021-2025", "20152020"});
  const std::string fixed = fixtest::apply(text, fixtest::preferred_edits(ds));
  CHECK(fixed.find("（2021—2025年）》") != std::string::npos);
  CHECK(fixed.find("（2015—2020年）》") != std::string::npos);
  CHECK(run(fixed).empty());
  for (const auto &d : run("在“十四五”期间（2021—2025），电话0835-20212025年，编号120212025年。"))
    CHECK(d.code != "punctuation.range-dash");  // not in a title; digits of a longer number
}

TEST_CASE("ASCII quotes, angle brackets and -- in Chinese text; their fixes") {
  const std::string text = "落实\"放管服\"改革，印发《贯彻落实<法治政府建设实施纲要>方案》，学习<行政处罚法>。--成功创建示范城市。";
  const auto ds = run(text);
  std::vector<std::string> found;
  for (const auto &d : ds) found.push_back(d.code + " " + fixtest::at(text, d));
  CHECK(found == std::vector<std::string>{"punctuation.ascii-quote \"放管服\"",
                                          "punctuation.ascii-angle <法治政府建设实施纲要>",
                                          "punctuation.ascii-angle <行政处罚法>", "punctuation.ascii-dash --"});
  const std::string fixed = fixtest::apply(text, fixtest::preferred_edits(ds));
  CHECK(fixed == "落实“放管服”改革，印发《贯彻落实〈法治政府建设实施纲要〉方案》，学习《行政处罚法》。——成功创建示范城市。");
  CHECK(run(fixed).empty());
  CHECK(run("访问<a href=\"http://a.cn\">链接</a>，见表<1>，x--y，<!-- 注释 -->，----，--请选择--。").empty());
}

TEST_CASE("spaces after a mark and between two Chinese characters of a sentence; titles, quotes and bylines keep theirs") {
  const std::string text = "组织学法考试。 组织干部参加答题活动，加强督促检查, 强化监督，开展宣传 活动。";
  const auto ds = run(text);
  std::vector<std::string> found;
  for (const auto &d : ds)
    if (d.code == "punctuation.space") found.push_back(d.severity == REPORTLS_SEVERITY_INFO ? "I" : "W");
  CHECK(found == std::vector<std::string>{"W", "W", "I"});
  CHECK(run("落实《中共中央 国务院关于加强法治政府建设的意见》，开展“学法用法 依法办事”活动，（记者 张三）。本报告分六部分。 （一）总体情况").empty());
}

TEST_CASE("a space between a closing quote and a number is stray; an omission mark (略) and a title keep their spaces") {
  const auto spaces = [](const std::string &text) {
    std::vector<uint32_t> found;
    for (const auto &d : run(text))
      if (d.code == "punctuation.space") found.push_back(d.start);
    return found;
  };
  const std::string quoted = "共排查出“挂案” 5起，办结“三项制度” 12件。";
  CHECK(spaces(quoted) == std::vector<uint32_t>{uint32_t(quoted.find(" 5起")), uint32_t(quoted.find(" 12件"))});
  CHECK(spaces("连续多 (略) 依法行政工作先进单位，并在2022 （略） 级复查中通过。").empty());
  const std::string titled = "陵川县教育局 2025年法治政府建设年度报告\n一、主要举措和成效\n全年办结 12件。";
  CHECK(spaces(titled) == std::vector<uint32_t>{uint32_t(titled.find(" 12件"))});
}
