// Tables in the report model (table.h): the four forms, what is not a table, cells, headings.
#include "test_util.h"

#include <reportls/report/document.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace reportls::report;

namespace {

std::vector<std::string> cells(const Document &doc, const TableRow &row) {
  std::vector<std::string> out;
  for (const TableCell &c : row.cells) out.emplace_back(doc.str(c.span));
  return out;
}

std::string kinds(const Document &doc) {
  std::string out;
  for (const Line &l : doc.lines)
    out += l.kind == LineKind::Table ? 'T' : l.kind == LineKind::Heading ? 'H' : l.kind == LineKind::Blank ? '_' : 'b';
  return out;
}

const std::string kTitle = "某区2023年政府信息公开工作年度报告\n";

}  // namespace

TEST_CASE("tables: a Markdown pipe table — header, separator, rows; cells with spans; lines are Table") {
  const std::string text = kTitle +
                           "一、主动公开政府信息情况\n"
                           "| 第二十条第（一）项 | 本年制发件数 | 本年废止件数 |\n"
                           "|---|:---:|---|\n"
                           "| 规章 | 0 | |\n"
                           "| 行政规范性文件 | 5 | 1 |\n"
                           "\n"
                           "正文。\n";
  const Document doc = parse(text, test::rules());
  REQUIRE(doc.tables.size() == 1);
  const Table &t = doc.tables[0];
  CHECK(t.form == TableForm::Markdown);
  CHECK(t.first_line == 2);
  CHECK(t.last_line == 5);
  CHECK(t.header_rows == 1);
  REQUIRE(t.rows.size() == 3);  // the separator row is no row
  CHECK(cells(doc, t.rows[1]) == std::vector<std::string>{"规章", "0", ""});
  CHECK(t.rows[1].labels == 1);
  // An empty cell is the empty span right after its bar.
  const Span empty = t.rows[1].cells[2].span;
  CHECK(empty.empty());
  CHECK(text[empty.start - 1] == '|');
  CHECK(doc.str(t.rows[2].cells[2].span) == "1");
  CHECK(kinds(doc) == "bHTTTT_b");
  CHECK(doc.headings.size() == 1);
  // The section runs over its table.
  CHECK(doc.sections[0].last_line == 7);
}

TEST_CASE("tables: rows of | cells from a web page; a row label that reads as a heading is a row") {
  const std::string text = kTitle +
                           "三、收到和处理政府信息公开申请情况\n"
                           "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n"
                           "一、本年新收政府信息公开申请数量 | 58 | 7 | 0 | 0 | 1 | 0 | 66 |\n"
                           "三、本年度办理结果 | (一)予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |\n"
                           "(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
                           "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
                           "四、政府信息公开行政复议、行政诉讼情况\n";
  const Document doc = parse(text, test::rules());
  REQUIRE(doc.tables.size() == 1);
  const Table &t = doc.tables[0];
  CHECK(t.form == TableForm::Delimited);
  CHECK(t.header_rows == 1);
  CHECK(t.rows.size() == 5);
  CHECK(t.rows[2].labels == 2);
  // Only the two section headings remain headings.
  REQUIRE(doc.headings.size() == 2);
  CHECK(doc.str(doc.headings[1].title) == "政府信息公开行政复议、行政诉讼情况");
  const TableHeadings h = table_headings(doc, t);
  CHECK(h.rows[1] == "一、本年新收政府信息公开申请数量");
  CHECK(h.rows[2] == "三、本年度办理结果/(一)予以公开");
  CHECK(h.rows[3] == "三、本年度办理结果/(三)不予公开/1.属于国家秘密");
  CHECK(h.rows[4] == "三、本年度办理结果/(三)不予公开/2.其他法律行政法规禁止公开");
  const TableCell *c = find_cell(doc, t, "不予公开/其他法律行政法规禁止公开", "");
  CHECK(c == nullptr);  // no column heading lines up with these rows
}

TEST_CASE("tables: a label followed by numbers (PDF text), and a merged row label between rows") {
  const std::string text = kTitle +
                           "三、收到和处理政府信息公开申请情况\n"
                           "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n"
                           "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
                           "三、本年度办理结果\n"
                           "（一）予以公开 3 0 0 0 0 0 3\n"
                           "四、结转下年度继续办理 0 0 0 0 0 0 0\n"
                           "四、政府信息公开行政复议、行政诉讼情况\n"
                           "行政复议 行政诉讼\n"
                           "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
  const Document doc = parse(text, test::rules());
  REQUIRE(doc.tables.size() == 2);
  const Table &t2 = doc.tables[0];
  CHECK(t2.form == TableForm::Spaced);
  CHECK(t2.first_line == 2);
  CHECK(t2.last_line == 6);
  CHECK(t2.rows.size() == 5);
  CHECK(cells(doc, t2.rows[3]) == std::vector<std::string>{"（一）予以公开", "3", "0", "0", "0", "0", "0", "3"});
  CHECK(table_headings(doc, t2).rows[3] == "三、本年度办理结果/（一）予以公开");
  const Table &t3 = doc.tables[1];
  CHECK(t3.header_rows == 1);  // 行政复议 行政诉讼, taken from above
  CHECK(t3.rows.back().cells.size() == 15);
  CHECK(t3.rows.back().labels == 0);
  REQUIRE(doc.headings.size() == 2);
  CHECK(kinds(doc) == "bHTTTTTHTT");
}

TEST_CASE("tables: one cell per line (a page's table as text), headers above, section headings kept") {
  std::string text = kTitle + "\n二、主动公开政府信息情况\n\n第二十条第(一)项\n\n信息内容\n\n本年新制作数量\n\n总数量\n\n";
  for (const char *row : {"规章", "规范性文件"}) text += std::string(row) + "\n\n0\n\n0\n\n0\n\n";
  text += "三、收到和处理政府信息公开申请情况\n\n本年度未收到申请。\n";
  const Document doc = parse(text, test::rules());
  REQUIRE(doc.tables.size() == 1);
  const Table &t = doc.tables[0];
  CHECK(t.form == TableForm::Stacked);
  CHECK(t.header_rows == 4);
  REQUIRE(t.rows.size() == 6);
  CHECK(cells(doc, t.rows[4]) == std::vector<std::string>{"规章", "0", "0", "0"});
  CHECK(t.rows[4].labels == 1);
  REQUIRE(doc.headings.size() == 2);
  CHECK(doc.str(doc.headings[0].title) == "主动公开政府信息情况");
  CHECK(doc.str(doc.headings[1].title) == "收到和处理政府信息公开申请情况");
}

TEST_CASE("tables: a stacked row under a group label — 三、 above （一） — and a section heading never") {
  std::string text = kTitle + "\n";
  text += "一、本年新收政府信息公开申请数量\n1\n0\n";
  text += "三、本年度办理结果\n（一）予以公开\n1\n0\n";
  text += "四、结转下年度继续办理\n0\n0\n";
  // A section heading between two tables of the same width is no row label: it has no deeper
  // numbered label below it.
  text += "二、其他情况\n规章\n1\n2\n文件\n3\n4\n";
  const Document doc = parse(text, test::rules());
  REQUIRE(doc.tables.size() == 2);
  CHECK(doc.tables[0].rows.size() == 3);
  CHECK(table_headings(doc, doc.tables[0]).rows[1] == "三、本年度办理结果/（一）予以公开");
  REQUIRE(doc.headings.size() == 1);
  CHECK(doc.str(doc.headings[0].title) == "其他情况");
}

TEST_CASE("tables: what is no table stays prose or chrome") {
  const std::vector<std::string> texts = {
      // A sentence ending in a number; a figure list with units; one number after a label.
      "全年主动公开信息共计 256\n",
      "其中，规章 3 件、规范性文件 12 件。\n",
      "行政许可 56\n行政处罚 7\n",
      // A page footer and a date; two years.
      "- 5 -\n",
      "2023 2024\n",
      // Navigation and a metadata table, with `|`.
      "首页 | 政务公开 |\n信息公开年报 | 区政府 |\n",
      "| [ 索引号 ] | 11500000MB17643950/2026-00028 |\n| [ 成文日期 ] | 2026-01-30 |\n",
      // A single | row.
      "规章 | 0 | 0 |\n",
      // Short lines with one number each: a contact block.
      "邮编\n716000\n电话\n7999705\n",
  };
  for (const std::string &t : texts) {
    CAPTURE(t);
    const Document doc = parse(t, test::rules());
    CHECK(doc.tables.empty());
    for (const Line &l : doc.lines) CHECK(l.kind != LineKind::Table);
  }
}

TEST_CASE("tables: a converted table's headings — merged cells empty, multi-row headers as 列一/子列") {
  const std::string text = kTitle +
                           "| （本列数据的勾稽关系为…） | | | 申请人情况/自然人 | 申请人情况/法人或其他组织/商业企业 | 申请人情况/总计 |\n"
                           "|---|---|---|---|---|---|\n"
                           "| 一、本年新收政府信息公开申请数量 | | | 5 | 1 | 6 |\n"
                           "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 |\n"
                           "| | | 2.其他法律行政法规禁止公开 | 1 | 0 | 1 |\n"
                           "| | （七）总计 | | 1 | 0 | 1 |\n";
  const Document doc = parse(text, test::rules());
  REQUIRE(doc.tables.size() == 1);
  const Table &t = doc.tables[0];
  const TableHeadings h = table_headings(doc, t);
  CHECK(h.rows[1] == "一、本年新收政府信息公开申请数量");
  CHECK(h.rows[3] == "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开");
  CHECK(h.rows[4] == "三、本年度办理结果/（七）总计");
  CHECK(h.column(3, 4) == "申请人情况/法人或其他组织/商业企业");
  const TableCell *c = find_cell(doc, t, "不予公开/其他法律行政法规禁止公开", "自然人");
  REQUIRE(c != nullptr);
  CHECK(doc.str(c->span) == "1");
  // Tolerant: ordinals, width and spaces of the headings do not matter.
  c = find_cell(doc, t, "(七) 总计", "商业企业");
  REQUIRE(c != nullptr);
  CHECK(doc.str(c->span) == "0");
  CHECK(find_cell(doc, t, "总计", "科研机构") == nullptr);
}

TEST_CASE("tables: header rows above and below the separator; a sub-table's headings by width") {
  const std::string text = kTitle +
                           "| | 行政复议 | | 行政诉讼 |\n"
                           "|---|---|---|---|\n"
                           "| | 结果维持 | 总计 | 结果维持 |\n"
                           "| 件数 | 1 | 1 | 0 |\n";
  const Document doc = parse(text, test::rules());
  REQUIRE(doc.tables.size() == 1);
  const Table &t = doc.tables[0];
  CHECK(t.header_rows == 2);
  const TableHeadings h = table_headings(doc, t);
  CHECK(h.column(2, 1) == "行政复议/结果维持");
  CHECK(h.column(2, 2) == "行政复议/总计");  // the merged 行政复议 continues to the right
  CHECK(h.column(2, 3) == "行政诉讼/结果维持");

  const std::string page = kTitle +
                           "第二十条第(五)项 |\n"
                           "信息内容 | 本年处理决定数量 |\n"
                           "行政许可 | 0 |\n"
                           "第二十条第(一)项 |\n"
                           "信息内容 | 本年制发件数 | 本年废止件数 |\n"
                           "规章 | 0 | 1 |\n";
  const Document d2 = parse(page, test::rules());
  REQUIRE(d2.tables.size() == 1);
  const TableHeadings h2 = table_headings(d2, d2.tables[0]);
  CHECK(h2.column(2, 1) == "本年处理决定数量");
  CHECK(h2.column(5, 2) == "本年废止件数");
}

TEST_CASE("tables: numbers and placeholders of a cell; headings normalized") {
  CHECK(table_number("12") == 12);
  CHECK(table_number("１２") == 12);
  CHECK(table_number("1,234") == 1234);
  CHECK(table_number("-8") == -8);
  CHECK(table_number("3.5") == 3.5);
  CHECK(table_number(" 7 ") == 7);
  for (const char *no : {"", "12件", "无", "1.", "1,23", "1.属于", "—", "2023-01-01"}) {
    CAPTURE(no);
    CHECK_FALSE(table_number(no).has_value());
  }
  CHECK(is_table_placeholder("-"));
  CHECK(is_table_placeholder("——"));
  CHECK(is_table_placeholder("／"));
  CHECK_FALSE(is_table_placeholder("0"));
  CHECK(normalize_heading("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开");
  CHECK(normalize_heading("(二) 部分公开") == "部分公开");
  CHECK(normalize_heading("3.危及“三安全一稳定”") == "危及三安全一稳定");
  CHECK(normalize_heading("法人或其他组织/商业 企业") == "法人或其他组织/商业企业");
  CHECK(normalize_heading("本年收费金额（单位：万元）") == "本年收费金额");
}

TEST_CASE("tables: any bytes parse, and a table never claims a line twice") {
  const std::string text = kTitle + "| a | 1 |\n|-|-|\n| b | 2\n0 0 0 0\n|\n||\n| \\| | 3 |\n1\n2\n\xff\xfe 3 4\n";
  const Document doc = parse(text, test::rules());
  std::vector<int> owner(doc.lines.size(), -1);
  for (size_t k = 0; k < doc.tables.size(); ++k)
    for (uint32_t i = doc.tables[k].first_line; i <= doc.tables[k].last_line; ++i) {
      CHECK(owner[i] == -1);
      owner[i] = static_cast<int>(k);
    }
}
