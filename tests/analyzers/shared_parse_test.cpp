// shared_parse(): one parse per snapshot for every analyzer in the process.
#include "test_util.h"

#include <reportls/report/document.h>

#include <doctest/doctest.h>

#include <string>

using namespace reportls::report;

namespace {
// Two Documents say the same about a text: every line's span and kind, every heading and section.
void require_same(const Document &a, const Document &b) {
  REQUIRE(a.text == b.text);
  REQUIRE(a.lines.size() == b.lines.size());
  for (size_t i = 0; i < a.lines.size(); ++i) {
    CHECK(a.lines[i].span == b.lines[i].span);
    CHECK(a.lines[i].kind == b.lines[i].kind);
  }
  REQUIRE(a.headings.size() == b.headings.size());
  REQUIRE(a.sections.size() == b.sections.size());
  for (size_t i = 0; i < a.sections.size(); ++i) CHECK(a.sections[i].span == b.sections[i].span);
}
}  // namespace

TEST_CASE("shared_parse: the same bytes and rules give the same Document, parsed once") {
  const std::string text = test::corpus("xiushan-county-2023.txt");
  auto first = shared_parse(text, test::rules());
  auto second = shared_parse(std::string(text), test::rules());  // a copy: equal bytes suffice
  CHECK(first.get() == second.get());
  require_same(*first, parse(text, test::rules()));
  // The Document owns its text: it outlives the caller's buffer.
  CHECK(first->text.data() != text.data());
}

TEST_CASE("shared_parse: rules loaded twice from the same file are the same rules") {
  const std::string text = test::corpus("wuding-county-office-2022.txt");
  const Rules again = Rules::load(REPORTLS_SOURCE_DIR "/analyzers/report");
  CHECK(shared_parse(text, test::rules()).get() == shared_parse(text, again).get());
}

TEST_CASE("shared_parse: an edited text is parsed afresh, and its predecessor stays valid") {
  std::string text = test::corpus("cangxi-county-2022.txt");
  auto before = shared_parse(text, test::rules());
  text.insert(text.find('\n') + 1, "一、新增加的标题\n");
  auto after = shared_parse(text, test::rules());
  CHECK(before.get() != after.get());
  require_same(*after, parse(text, test::rules()));
  CHECK(before->headings.size() + 1 == after->headings.size());
}

TEST_CASE("shared_parse: rules built in code are never confused with loaded ones") {
  const std::string text = "一、总体情况\n正文。\n";
  Rules plain;  // no canonical form
  auto a = shared_parse(text, plain);
  auto b = shared_parse(text, plain);
  CHECK(a.get() != b.get());
  CHECK(a.get() != shared_parse(text, test::rules()).get());
  require_same(*a, parse(text, plain));
}

TEST_CASE("shared_parse: eviction keeps handed-out Documents alive") {
  std::vector<std::shared_ptr<const Document>> held;
  std::vector<std::string> texts;
  for (int i = 0; i < 8; ++i) texts.push_back("一、第" + std::to_string(i) + "部分\n正文。\n");
  for (const std::string &t : texts) held.push_back(shared_parse(t, test::rules()));
  for (size_t i = 0; i < texts.size(); ++i) {
    CHECK(held[i]->text == texts[i]);
    CHECK(held[i]->headings.size() == 1);
  }
}
