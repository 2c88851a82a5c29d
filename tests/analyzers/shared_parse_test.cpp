// shared_parse(): one parse per snapshot for every analyzer in the process.
#include "test_util.h"

#include <reportls/report/document.h>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace reportls::report;

TEST_CASE("shared_parse: the same bytes and rules give the same Document, parsed once") {
  const std::string text = test::corpus("xiushan-county-2023");
  auto first = shared_parse(text, test::rules());
  auto second = shared_parse(std::string(text), test::rules());  // a copy: equal bytes suffice
  CHECK(first.get() == second.get());
  CHECK(*first == parse(text, test::rules()));
  // The Document owns its text: it outlives the caller's buffer.
  CHECK(first->text.data() != text.data());
}

TEST_CASE("shared_parse: a text the host named before is recognised by its name, any other by its bytes") {
  const std::string text = test::corpus("xiushan-county-2023");
  const uint64_t name = 0x5eed0001;
  auto first = shared_parse(text, test::rules(), Format::Text, name);
  // The host promises that a name stands for the same bytes: the name alone is trusted (a
  // different text of the same size under that name, which a host never gives, shows it).
  std::string other = text;
  other[other.size() / 2] = other[other.size() / 2] == 'x' ? 'y' : 'x';
  CHECK(shared_parse(other, test::rules(), Format::Text, name).get() == first.get());
  // Under another name, or none, the bytes decide.
  auto afresh = shared_parse(other, test::rules(), Format::Text, name + 1);
  CHECK(afresh.get() != first.get());
  CHECK(*afresh == parse(other, test::rules()));
  CHECK(shared_parse(std::string(text), test::rules(), Format::Text, name + 2).get() == first.get());
  CHECK(shared_parse(std::string(text), test::rules()).get() == first.get());
}

TEST_CASE("shared_parse: rules loaded twice from the same file are the same rules") {
  const std::string text = test::corpus("wuding-county-office-2022");
  const Rules again = Rules::load(REPORTLS_SOURCE_DIR "/analyzers/report");
  CHECK(shared_parse(text, test::rules()).get() == shared_parse(text, again).get());
}

TEST_CASE("shared_parse: an edited text is parsed afresh, and its predecessor stays valid") {
  std::string text = test::corpus("cangxi-rural-revitalization-bureau-2023");
  auto before = shared_parse(text, test::rules());
  text.insert(text.find('\n') + 1, "一、新增加的标题\n");
  auto after = shared_parse(text, test::rules());
  CHECK(before.get() != after.get());
  CHECK(*after == parse(text, test::rules()));
  CHECK(before->headings.size() + 1 == after->headings.size());
}

TEST_CASE("shared_parse: of one document's keystrokes the cache keeps the newest parse and the one it came from") {
  std::string text = test::corpus("cangxi-rural-revitalization-bureau-2023");
  const auto typed = [&text](size_t at) {
    text.insert(text.size() * at / 8, "的");
    return std::weak_ptr<const Document>(shared_parse(text, test::rules()));
  };
  const auto first = typed(1), second = typed(3);
  CHECK_FALSE(first.expired());  // the second's base, which the third is likely to share most with
  const auto third = typed(5);
  CHECK(first.expired());  // its memory is what the third parse took
  CHECK_FALSE(second.expired());
  CHECK_FALSE(third.expired());
  CHECK(*third.lock() == parse(text, test::rules()));
}

TEST_CASE("shared_parse: rules built in code are never confused with loaded ones") {
  const std::string text = "一、总体情况\n正文。\n";
  Rules plain;  // no canonical form
  auto a = shared_parse(text, plain);
  auto b = shared_parse(text, plain);
  CHECK(a.get() != b.get());
  CHECK(a.get() != shared_parse(text, test::rules()).get());
  CHECK(*a == parse(text, plain));
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


TEST_CASE("shared_parse: a document derived from the previous version's parse is the one parse() gives") {
  // Edits of every kind, chained as a person types, each version parsed through the cache (which
  // then re-reads only the lines around the change) and checked against a parse from scratch.
  // Table pieces too: a row, a separator, numbers after a label, a lone number, a bar.
  const std::vector<std::string> pieces = {"\n", "\r\n", "\r", "一、", "（二）", "2.", "一是", "二是", "。",
                                           "，三是", "法治", "𠮷", " ", "\n\n", "特此报告。\n某县人民政府\n2024年2月29日\n",
                                           "某县人民政府关于2023年法治政府建设情况的报告\n", "[ 成文日期 ] 2024-02-29\n",
                                           "| 规章 | 0 | 0 |\n", "|---|---|\n", " 0 0 0\n", "\n0\n", "|",
                                           "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n", "\t3"};
  // The corpus reports, and reports with tables in every form.
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string &name : test::corpus_names()) texts.emplace_back(name, test::corpus(name));
  for (const char *name : {"markdown-correct.md", "converted-correct.md", "delimited-correct.txt", "spaced-correct.txt",
                           "stacked-correct.txt"})
    texts.emplace_back(name, test::read_file(std::string(REPORTLS_SOURCE_DIR "/tests/fixtures/tables/") + name));
  std::mt19937 rng(17);
  for (const auto &[name, original] : texts) {
    CAPTURE(name);
    REQUIRE_FALSE(original.empty());
    std::string text = original;
    for (int step = 0; step < 120; ++step) {
      const size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
      switch (rng() % 4) {
        case 0:
        case 1: text.insert(at, pieces[rng() % pieces.size()]); break;
        case 2: text.erase(at, std::min<size_t>(rng() % 40, text.size() - at)); break;
        default:
          text.replace(at, std::min<size_t>(rng() % 8, text.size() - at), pieces[rng() % pieces.size()]);
      }
      // Edits near the ends as often as anywhere: the title and the signature live there.
      if (step % 10 == 0) text.insert(rng() % 2 ? 0 : text.size(), pieces[rng() % pieces.size()]);
      CAPTURE(step);
      const auto shared = shared_parse(text, test::rules());
      REQUIRE(*shared == parse(text, test::rules()));
    }
  }
}

TEST_CASE("shared_parse: edits that join or split a \\r\\n terminator re-parse the lines around it") {
  const std::string base = "某县人民政府关于2023年法治政府建设情况的报告\r一、总体情况\r\n一是学法。二是用法。\r（一）加强领导\n正文。\r\n";
  for (size_t i = 0; i < base.size(); ++i) {
    if (base[i] != '\r' && base[i] != '\n') continue;
    CAPTURE(i);
    for (const std::string &edit : {std::string("\n"), std::string("\r"), std::string("x")}) {
      std::string text = base;
      REQUIRE(*shared_parse(text, test::rules()) == parse(text, test::rules()));
      text.insert(i + 1, edit);  // right after a terminator byte: may pair with it
      REQUIRE(*shared_parse(text, test::rules()) == parse(text, test::rules()));
      text = base;
      text.erase(i, 1);  // one byte of a terminator gone
      REQUIRE(*shared_parse(text, test::rules()) == parse(text, test::rules()));
    }
  }
}

TEST_CASE("shared_parse: a Markdown document is its prose view's parse, edit after edit") {
  // Markup that opens and closes blocks far away (a fence, a comment, front matter) changes the
  // view beyond the edited line: the cached parse of the previous view must still give exactly
  // parse() of the new one.
  const std::vector<std::string> pieces = {"\n", "\n\n", "```\n", "~~~\n", "`代码`", "`", "## ", "# ", "- ", "> ",
                                           "<!-- 注释 -->", "<!--", "-->", "[链接](http://a/b)", "---\n", "**",
                                           "一、", "（二）", "。", "法治", "| a | b |\n", "  \n", "\\"};
  std::mt19937 rng(29);
  for (const std::string &name : {std::string("xiushan-county-2023.txt"), std::string("wuding-county-office-2022.txt")}) {
    CAPTURE(name);
    std::string text = "---\ntitle: 报告\n---\n" + test::corpus(name);
    for (int step = 0; step < 150; ++step) {
      const size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0:
        case 1: text.insert(at, pieces[rng() % pieces.size()]); break;
        default: text.erase(at, std::min<size_t>(rng() % 30, text.size() - at));
      }
      CAPTURE(step);
      const auto shared = shared_parse(text, test::rules(), Format::Markdown);
      const std::string prose = markdown_prose(text);
      REQUIRE(prose.size() == text.size());
      REQUIRE(*shared == parse(prose, test::rules()));
    }
  }
}

TEST_CASE("shared_parse: a Markdown text is found again by its own bytes, apart from the same bytes as text") {
  const std::string md = "# 某县2023年度法治政府建设情况报告\n\n## 一、总体情况\n\n全年办理\n案件12件。\n";
  const auto a = shared_parse(md, test::rules(), Format::Markdown);
  CHECK(shared_parse(std::string(md), test::rules(), Format::Markdown).get() == a.get());
  const auto as_text = shared_parse(md, test::rules());
  CHECK(as_text.get() != a.get());
  CHECK(*as_text == parse(md, test::rules()));
  CHECK(a->text == markdown_prose(md));
  CHECK(a->headings.size() == 1);
  CHECK(as_text->headings.size() == 1);
  CHECK(a->headings[0].ordinal.value == 1);
}

TEST_CASE("shared_parse: a text the host says was made from a named one is derived around the change, exactly") {
  std::string text = test::corpus("xiushan-county-2023");
  uint64_t name = 0x5eed1000;
  auto doc = shared_parse(text, test::rules(), Format::Text, name);
  std::mt19937 rng(5);
  const std::vector<std::string> typed = {"的", "\n", "一、新的标题\n", "（二）", "。", ""};
  for (int step = 0; step < 60; ++step) {
    uint32_t start = static_cast<uint32_t>(rng() % text.size());
    while ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    uint32_t old_end = std::min<uint32_t>(static_cast<uint32_t>(text.size()), start + rng() % 12);
    while (old_end < text.size() && (static_cast<unsigned char>(text[old_end]) & 0xC0) == 0x80) ++old_end;
    const std::string &insert = typed[rng() % typed.size()];
    text.replace(start, old_end - start, insert);
    const TextOrigin origin{name, start, old_end, static_cast<uint32_t>(start + insert.size())};
    doc = shared_parse(text, test::rules(), Format::Text, ++name, origin);
    REQUIRE(*doc == parse(text, test::rules()));
  }
  // The change is taken as the host gives it, not compared: a change said to lie elsewhere than
  // where the text changed (which a host never says) leaves the changed line as it was parsed.
  const std::string before = text;
  const size_t heading = text.find("\n一、") + 1;
  REQUIRE(heading != 0);
  text.replace(heading, 3, "二");  // 一、 → 二、
  const TextOrigin elsewhere{name, 0, 0, 0};
  auto trusted = shared_parse(text, test::rules(), Format::Text, ++name, elsewhere);
  CHECK_FALSE(*trusted == parse(text, test::rules()));
  // A change that does not fit the two sizes is no change: the bytes decide.
  text = before + "。";
  const TextOrigin misfit{name, 0, 0, 5};
  CHECK(*shared_parse(text, test::rules(), Format::Text, ++name, misfit) == parse(text, test::rules()));
}
