#include "../test_util.h"

#include <reportls/numbering/numbering.h>
#include <reportls/numbering/paragraph.h>

#include <doctest/doctest.h>

#include <algorithm>

namespace report = reportls::report;
namespace numbering = reportls::numbering;
using reportls::plugin::Diagnostic;

namespace {

const numbering::ParagraphRules &paragraph_rules() {
  static const auto r = numbering::ParagraphRules::load(REPORTLS_SOURCE_DIR "/analyzers/numbering");
  return r;
}

std::vector<Diagnostic> run(const std::string &text) {
  const report::Document doc = report::parse(text, test::rules());
  auto out = numbering::check(doc);
  numbering::ParagraphCache cache;
  numbering::check_paragraphs(doc, paragraph_rules(), cache, "file:///test.txt",
                              [&](const Diagnostic &d, uint32_t shift) { out.push_back(report::placed(d, shift)); });
  return out;
}

std::vector<Diagnostic> of(const std::vector<Diagnostic> &ds, const std::string &code) {
  std::vector<Diagnostic> out;
  for (const auto &d : ds)
    if (d.code == code) out.push_back(d);
  return out;
}

// Applies the first fix of every diagnostic of code (non-overlapping by construction).
std::string fix_all(std::string text, const std::vector<Diagnostic> &ds) {
  std::vector<reportls::plugin::Edit> edits;
  for (const auto &d : ds)
    if (!d.fixes.empty())
      for (const auto &e : d.fixes[0].edits) edits.push_back(e);
  std::sort(edits.begin(), edits.end(), [](auto &a, auto &b) { return a.start > b.start; });
  for (const auto &e : edits) text.replace(e.start, e.end - e.start, e.new_text);
  return text;
}

}  // namespace

TEST_CASE("acceptance: the three orphan ) of xiushan are reported and restored") {
  const std::string text = test::corpus("xiushan-county-2023");
  const auto ds = of(run(text), "numbering.format");
  REQUIRE(ds.size() == 3);
  const report::Document doc = report::parse(text, test::rules());
  const char *const restored[] = {"(一", "(二", "(三"};
  const uint32_t lines[] = {54, 56, 58};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(doc.line_of(ds[i].start) == lines[i]);
    REQUIRE(ds[i].fixes.size() == 1);
    CHECK(ds[i].fixes[0].preferred);
    CHECK(ds[i].fixes[0].edits.at(0).new_text == restored[i]);
  }
  const std::string fixed = fix_all(text, ds);
  CHECK(of(run(fixed), "numbering.format").empty());
  CHECK(of(run(fixed), "numbering.sequence").empty());
}

TEST_CASE("acceptance: no numbering.sequence in the corpus (zhaotong L21→L23 continues)") {
  for (const std::string &name : test::corpus_names())
    CHECK_MESSAGE(of(run(test::corpus(name)), "numbering.sequence").empty(), name);
}

TEST_CASE("a level is skipped only when the report uses it elsewhere") {
  // Two levels in use, 一、 and 1.: a common and accepted scheme.
  CHECK(of(run("一、成效\n1.甲。\n2.乙。\n二、问题\n1.丙。\n"), "numbering.sequence").empty());
  // (一) is used under 二、, so 1. directly under 一、 skips it.
  const auto ds = of(run("一、成效\n1.甲。\n二、问题\n（一）乙。\n1.丙。\n"), "numbering.sequence");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message.find("标题跳级") == 0);
}

TEST_CASE("format fixes give the canonical ordinals") {
  const std::string text = "某县工作报告\n\n一.主要举措\n(一)、加强领导\n1、完善机构\n2.健全制度\n";
  const auto ds = of(run(text), "numbering.format");
  REQUIRE(ds.size() == 3);
  const std::string fixed = fix_all(text, ds);
  CHECK(fixed == "某县工作报告\n\n一、主要举措\n(一)加强领导\n1.完善机构\n2.健全制度\n");
  CHECK(of(run(fixed), "numbering.format").empty());
}

TEST_CASE("renumbering a level repairs gaps and duplicates") {
  const std::string text = "某县工作报告\n\n一、成效\n(一)领导\n(三)决策\n(三)执法\n二、问题\n";
  const auto ds = of(run(text), "numbering.sequence");
  REQUIRE(ds.size() == 2);
  REQUIRE(!ds[0].fixes.empty());
  std::string fixed = text;
  auto edits = ds[0].fixes[0].edits;
  std::sort(edits.begin(), edits.end(), [](auto &a, auto &b) { return a.start > b.start; });
  for (const auto &e : edits) fixed.replace(e.start, e.end - e.start, e.new_text);
  CHECK(fixed == "某县工作报告\n\n一、成效\n(一)领导\n(二)决策\n(三)执法\n二、问题\n");
  CHECK(of(run(fixed), "numbering.sequence").empty());
}

TEST_CASE("a level full of gaps offers its renumbering at the first gaps only (no quadratic output)") {
  // Twelve reports pasted into one: 一、二、 twelve times over, eleven restarts at 一、.
  std::string text = "某县工作报告\n\n";
  for (int i = 0; i < 12; ++i) text += "一、成效\n正文。\n二、问题\n正文。\n";
  const auto ds = of(run(text), "numbering.sequence");
  REQUIRE(ds.size() == 11);
  for (size_t i = 0; i < ds.size(); ++i) {
    CAPTURE(i);
    CHECK(ds[i].fixes.size() == (i < 8 ? 1u : 0u));
  }
  CHECK(ds[0].fixes[0].edits.size() == 22);  // every heading but the first two, renumbered
}

TEST_CASE("paragraph fixes: prompt colon and final punctuation") {
  const std::string text = "某县工作报告\n\n现将有关情况报告如下。\n一、成效\n全年办理案件30件，均已办结\n他说：“完成了。”\n";
  const auto ds = run(text);
  REQUIRE(of(ds, "paragraph.prompt-colon").size() == 1);
  REQUIRE(of(ds, "paragraph.no-final-punctuation").size() == 1);
  const std::string fixed = fix_all(text, ds);
  CHECK(fixed == "某县工作报告\n\n现将有关情况报告如下：\n一、成效\n全年办理案件30件，均已办结。\n他说：“完成了。”\n");
  CHECK(run(fixed).empty());
}

TEST_CASE("the debris action deletes every debris line and nothing else") {
  const std::string text = test::corpus("zhaotong-city-2020");
  const report::Document doc = report::parse(text, test::rules());
  const auto a = numbering::remove_debris(doc);
  REQUIRE(a);
  CHECK(a->fix.title.find("删除网页残留内容") == 0);
  std::string fixed = text;
  auto edits = a->fix.edits;
  std::sort(edits.begin(), edits.end(), [](auto &x, auto &y) { return x.start > y.start; });
  for (const auto &e : edits) fixed.replace(e.start, e.end - e.start, e.new_text);
  const report::Document after = report::parse(fixed, test::rules());
  CHECK(!numbering::remove_debris(after));
  CHECK(after.headings.size() == doc.headings.size());
}
