// The prose view of a Markdown report (markdown.h) and what the report parser makes of it.
#include "test_util.h"

#include <reportls/report/document.h>
#include <reportls/report/markdown.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace reportls::report;

namespace {

// The view with the filler shown as `~`, to compare against readable expectations.
std::string shown(const std::string &markdown) {
  std::string v = markdown_prose(markdown);
  REQUIRE(v.size() == markdown.size());
  std::replace(v.begin(), v.end(), kFiller, '~');
  return v;
}

// As many spaces, or filler marks, as s has bytes.
std::string sp(const std::string &s) { return std::string(s.size(), ' '); }
std::string fl(const std::string &s) { return std::string(s.size(), '~'); }

}  // namespace

TEST_CASE("markdown: the format comes from the path, else the URI") {
  CHECK(format_of("file:///a/report.md") == Format::Markdown);
  CHECK(format_of("file:///a/REPORT.Markdown") == Format::Markdown);
  CHECK(format_of("untitled:1", "/a/b.md") == Format::Markdown);
  CHECK(format_of("file:///a/report.md.txt") == Format::Text);
  CHECK(format_of("file:///a/report.txt", "/a/report.txt") == Format::Text);
  CHECK(format_of("untitled:Untitled-1") == Format::Text);
}

TEST_CASE("markdown: front matter, fenced code, comment blocks and link definitions are blank lines") {
  const std::string md =
      "---\ntitle: 报告\n---\n正文。\n\n```sh\nreportls check ,a.txt\n```\n\n<!-- 待补充\n数据 -->\n[1]: http://x\n***\n";
  CHECK(shown(md) == sp("---") + "\n" + sp("title: 报告") + "\n" + sp("---") + "\n正文。\n\n" + sp("```sh") + "\n" +
                         sp("reportls check ,a.txt") + "\n" + sp("```") + "\n\n" + sp("<!-- 待补充") + "\n" +
                         sp("数据 -->") + "\n" + sp("[1]: http://x") + "\n" + sp("***") + "\n");
}

TEST_CASE("markdown: inline code, comments, tags, link targets, emphasis and escapes are filler") {
  CHECK(shown("使用 `reportls check` 命令。") == "使用 " + fl("`reportls check`") + " 命令。");
  CHECK(shown("见[《纲要》](http://a.gov.cn/x(1).html)全文。") == "见~《纲要》" + fl("](http://a.gov.cn/x(1).html)") + "全文。");
  CHECK(shown("![图](a.png)说明。") == "~~图" + fl("](a.png)") + "说明。");
  CHECK(shown("**重点**工作<br>推进<!-- x -->。\\#1") == "~~重点~~工作~~~~推进" + fl("<!-- x -->") + "。~#1");
  CHECK(shown("一个 `` 反引号`不配对 ``。") == "一个 " + fl("`` 反引号`不配对 ``") + "。");
  CHECK(shown("单个`反引号。") == "单个`反引号。");  // no partner: text
}

TEST_CASE("markdown: a hard-wrapped paragraph is one line; blocks start new ones") {
  // Between Chinese characters the break is filler, between Latin words a space.
  CHECK(shown("法治政府建设取得\n  积极成效。\nreportls\ncheck 命令。\n") ==
        "法治政府建设取得~~~积极成效。~reportls check 命令。\n");
  // A heading, a list item, a table row, a blank line, a hard break: no joining.
  CHECK(shown("第一段\n## 标题\n正文\n- 条目\n续行\n| a |\n下文  \n换行\n") ==
        "第一段\n## 标题\n正文\n  条目~续行\n| a |\n下文  \n换行\n");
  // A `===` underline is no text and ends the paragraph above it.
  CHECK(shown("工作报告\n====\n正文。\n") == "工作报告\n    \n正文。\n");
  // An ordinal heading starts a block too, and a 一是 line does not.
  CHECK(shown("正文\n一、总体情况\n一是学法\n二是用法。\n") == "正文\n一、总体情况\n一是学法~二是用法。\n");
}

TEST_CASE("markdown: `## 一、…` is the ordinal heading, list and quote markers are not text") {
  const std::string md = "# 某县2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n### （一）加强领导\n\n> - [x] 引文条目\n## 工作打算\n";
  CHECK(shown(md) == "# 某县2023年度法治政府建设情况报告\n\n   一、主要举措和成效\n\n    （一）加强领导\n\n" + sp("> - [x] ") +
                         "引文条目\n## 工作打算\n");
  const std::string prose = markdown_prose(md);
  const Document doc = parse(prose, test::rules());
  REQUIRE(doc.title);
  CHECK(doc.str(doc.title->text) == "某县2023年度法治政府建设情况报告");
  REQUIRE(doc.headings.size() == 3);
  CHECK(doc.headings[0].level == 1);
  CHECK(doc.headings[0].ordinal.value == 1);
  CHECK(doc.str(doc.headings[0].text) == "主要举措和成效");
  CHECK(doc.headings[1].level == 2);
  CHECK(doc.headings[2].ordinal.style == OrdinalStyle::Markdown);
}

TEST_CASE("markdown: a wrapped paragraph parses as one body line whose content spans the lines") {
  const std::string md = "一、总体情况\n\n全年共办理\n案件12件，\n办结率100%。\n";
  const std::string prose = markdown_prose(md);
  const Document doc = parse(prose, test::rules());
  const auto body = std::find_if(doc.lines.begin(), doc.lines.end(), [](const Line &l) { return l.kind == LineKind::Body; });
  REQUIRE(body != doc.lines.end());
  CHECK(std::string(doc.str(body->content)).back() != '\n');
  CHECK(body->content.start == md.find("全年"));
  CHECK(body->content.end == md.size() - 1);
}
