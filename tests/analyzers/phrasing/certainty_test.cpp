// Which completion item is certain enough to be preselected and shown as inline ghost text
// (completer.h, Item::preselected): the next clause most reports write, the phrase every
// continuation of a long typed context agrees on — and nothing otherwise.
#include "phrasing_test_util.h"

using test::complete_at;

namespace {

// A mined set with next clauses: after 现将有关情况报告如下 three reports write 一、主要举措和成效
// and one 一、工作成效; after 坚持党的全面领导 two reports each write two different clauses.
const reportls::phrasing::PhraseSet &mined() {
  static const reportls::phrasing::PhraseSet set = [] {
    reportls::phrasing::PhraseSet s = test::phrases().vocabulary();
    s.add_file(R"({"format": "reportls-phrases", "version": 1, "mined": true, "phrases": [
      {"text": "一、主要举措和成效", "sections": ["headings"], "weight": 3, "after": {"现将有关情况报告如下": 3}},
      {"text": "一、工作成效", "sections": ["headings"], "weight": 1, "after": {"现将有关情况报告如下": 1}},
      {"text": "坚持以人民为中心", "sections": ["preface"], "weight": 2, "after": {"坚持党的全面领导": 2}},
      {"text": "坚持问题导向", "sections": ["preface"], "weight": 2, "after": {"坚持党的全面领导": 2}},
      {"text": "健全行政执法监督机制", "sections": ["preface"], "weight": 2, "after": {"加强执法监督": 1}},
      {"text": "推进严格规范公正文明执法", "sections": ["preface"], "weight": 4},
      {"text": "推进严格规范公正文明执法工作", "sections": ["preface"], "weight": 2},
      {"text": "全面推进政务公开标准化", "sections": ["preface"], "weight": 2},
      {"text": "全面推进政务公开规范化", "sections": ["preface"], "weight": 2}]})",
               "mined-1.phrases.json");
    return s;
  }();
  return set;
}

std::vector<std::string> preselected(const test::Completed &c) {
  std::vector<std::string> out;
  for (const auto &i : c.result.items)
    if (i.preselected) out.push_back(i.label);
  return out;
}

test::Completed at(const std::string &marked) {
  return complete_at(marked, std::nullopt, false, {&test::phrases(), &mined()});
}

}  // namespace

TEST_CASE("the next clause most reports write after the clause before the cursor is certain") {
  const auto c = at("我县坚持依法行政。现将有关情况报告如下：\n|");
  CHECK(preselected(c) == std::vector<std::string>{"一、主要举措和成效"});
  CHECK(c.result.items.front().preselected);  // and it is the first item
}

TEST_CASE("a tie between next clauses, or a pair written by one report only, is not certain") {
  CHECK(preselected(at("坚持党的全面领导，|")).empty());
  CHECK_FALSE(at("坚持党的全面领导，|").result.items.empty());  // still offered in the list
  CHECK(preselected(at("加强执法监督，|")).empty());
  // In the middle of a clause, no next clause at all.
  CHECK(preselected(at("我县|")).empty());
}

TEST_CASE("typed Chinese: the phrase every continuation of the context begins with is certain") {
  // Both phrases that continue 严格规范公正文明 begin with 推进严格规范公正文明执法.
  const auto c = at("我们推进严格规范公正文明|");
  REQUIRE(preselected(c) == std::vector<std::string>{"推进严格规范公正文明执法"});
  const auto *item = c.find("推进严格规范公正文明执法");
  CHECK(c.replaced(*item) == "推进严格规范公正文明");
  CHECK(c.accepted(*item) == "我们推进严格规范公正文明执法");
}

TEST_CASE("typed Chinese: phrases that part ways, a short context, pinyin and a whole phrase are not certain") {
  CHECK(preselected(at("我们全面推进政务公开|")).empty());      // 标准化 or 规范化
  CHECK(preselected(at("依法|")).empty());                       // fewer than kMinInlineContext characters
  CHECK(preselected(at("推进yfxz|")).empty());                   // pinyin is searched, not continued
  CHECK(preselected(at("我们推进严格规范公正文明执法工作|")).empty());  // nothing left to write
}

TEST_CASE("the document's earlier text is never certain, but keeps the certain phrase's ghost text") {
  // Two earlier places write 执法 after the longer context 我们推进严格规范公正文明: that item takes the
  // certain phrase's place (it writes the same 执法) and stays preselected.
  const std::string before = "我们推进严格规范公正文明执法检查。我们推进严格规范公正文明执法队伍建设。";
  const auto c = at(before + "我们推进严格规范公正文明|");
  REQUIRE(preselected(c).size() == 1);
  const auto *item = c.find(preselected(c).front());
  CHECK(item->detail == "本文前文（2 处）");
  CHECK(c.accepted(*item) == before + "我们推进严格规范公正文明执法");
  // With no phrase certain, the earlier text makes no item certain.
  const auto own = at("秀山县人民政府高度重视。秀山县人民政府召开常务会议。秀山县人民|");
  REQUIRE(!own.result.items.empty());
  CHECK(own.result.items.front().label == "秀山县人民政府");
  CHECK(preselected(own).empty());
}
