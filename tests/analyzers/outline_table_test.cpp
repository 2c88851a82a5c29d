// Tables in the outline: one symbol per table under the section holding it, and a fold.
#include "test_util.h"

#include <reportls/outline/outline.h>

#include <doctest/doctest.h>

#include <algorithm>

using reportls::outline::SymbolKind;

TEST_CASE("outline: a table is a symbol under its section, named by its caption or its section") {
  const std::string text = "某区2023年政府信息公开工作年度报告\n"
                           "一、总体情况\n正文。\n"
                           "二、主动公开政府信息情况\n"
                           "表1 主动公开政府信息情况\n"
                           "| 第二十条第（一）项 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n"
                           "\n"
                           "（一）说明\n"
                           "| 项目 | 数量 |\n|---|---|\n| 文件 | 3 |\n"
                           "三、收到和处理政府信息公开申请情况\n正文。\n";
  const auto doc = reportls::report::parse(text, test::rules());
  const auto outline = reportls::outline::build(doc);
  CHECK(reportls::outline::render(doc, outline) ==
        "某区2023年政府信息公开工作年度报告  [1-1]\n"
        "一、总体情况  [2-3]\n"
        "二、主动公开政府信息情况  [4-13]\n"
        "  表1 主动公开政府信息情况  (2 行 × 2 列)  [6-8]\n"
        "  （一）说明  [10-13]\n"
        "    表2 说明  (2 行 × 2 列)  [11-13]\n"
        "三、收到和处理政府信息公开申请情况  [14-15]\n");
  REQUIRE(outline.symbols.size() == 7);
  CHECK(outline.symbols[3].kind == SymbolKind::Table);
  CHECK(outline.symbols[3].parent == 2);
  CHECK(outline.symbols[5].parent == 4);
  // Each table folds, as each section does.
  CHECK(std::find(outline.folds.begin(), outline.folds.end(), doc.tables[0].span) != outline.folds.end());
}
