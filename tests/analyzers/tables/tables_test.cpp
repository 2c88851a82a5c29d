// The tables analyzer's library: templates as data, the identities with their arithmetic, the
// shape of a table against its template, prose figures, hover, and the skeleton of a missing table.
#include "../test_util.h"

#include <reportls/report/profile.h>
#include <reportls/report/report_year.h>
#include <reportls/tables/tables.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

using namespace reportls;

namespace {

const tables::Templates &bundled() {
  static const tables::Templates t = [] {
    std::vector<std::string> errors;
    auto all = tables::load_templates(REPORTLS_SOURCE_DIR "/analyzers/tables", {}, errors);
    REQUIRE(errors.empty());
    REQUIRE(all.size() == 1);
    return all.front();
  }();
  return t;
}

const report::Profile *profile() {
  static const report::Profiles p = report::Profiles::load({REPORTLS_SOURCE_DIR "/analyzers/report/profiles"});
  return p.find("info-disclosure-annual");
}

std::string fixture(const std::string &name) {
  return test::read_file(REPORTLS_SOURCE_DIR "/tests/fixtures/tables/" + name);
}

// A text and what the analyzer finds in it.  Never moved: doc points into text.
struct Checked {
  explicit Checked(std::string t) : text(std::move(t)), doc(report::parse(text, test::rules())) {
    tables::Findings found = tables::check(doc, bundled(), profile(), report::report_year(doc));
    diagnostics = std::move(found.diagnostics);
    actions = std::move(found.actions);
  }
  Checked(const Checked &) = delete;
  Checked &operator=(const Checked &) = delete;

  std::string text;
  report::Document doc;
  std::vector<plugin::Diagnostic> diagnostics;
  std::vector<tables::Action> actions;
};

Checked run(std::string text) { return Checked(std::move(text)); }

std::vector<const plugin::Diagnostic *> with_code(const Checked &c, const std::string &code) {
  std::vector<const plugin::Diagnostic *> out;
  for (const auto &d : c.diagnostics)
    if (d.code == code) out.push_back(&d);
  return out;
}

std::string under(const Checked &c, const plugin::Diagnostic &d) { return c.text.substr(d.start, d.end - d.start); }

std::string replace_once(std::string s, const std::string &from, const std::string &to) {
  const size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

const std::string kReport = "某区2023年政府信息公开工作年度报告\n"
                            "本年度报告根据《中华人民共和国政府信息公开条例》要求编制。\n"
                            "一、总体情况\n本区依法做好政府信息公开工作。\n";

}  // namespace

TEST_CASE("templates: the bundled tables of the 政府信息公开 format") {
  const tables::Templates &t = bundled();
  CHECK(t.profile == "info-disclosure-annual");
  REQUIRE(t.tables.size() == 3);
  const tables::Template *requests = t.find("requests");
  REQUIRE(requests != nullptr);
  CHECK(requests->parts.front().columns.size() == 7);
  CHECK(requests->rows.size() == 30);  // 一, 二, 三 with （一）–（七) and every sub-row of （三）–（六）, 四
  CHECK(requests->identities.size() == 3);
  const tables::Template *appeals = t.find("appeals");
  REQUIRE(appeals != nullptr);
  CHECK(appeals->parts.front().columns.size() == 15);
  CHECK(t.find("proactive")->parts.size() == 4);
}

TEST_CASE("tables: a 2019 or 2020 report's 主动公开 table follows the format of its year, not the 2021 one") {
  // The 2019 format (国办公开办函〔2019〕60号): 规范性文件, 其他对外管理服务事项, the (九)项, other columns;
  // （六）其他处理 one row.
  const std::string old_format = fixture("format-2019-markdown.md");
  REQUIRE(old_format.find("2020年政府信息公开工作年度报告") != std::string::npos);
  const Checked in_2020 = run(old_format);
  CHECK(in_2020.diagnostics.empty());
  // The same tables in a 2022 report: the rows the 2021 format renamed or dropped are reported.
  const Checked in_2022 = run(replace_once(old_format, "2020年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告"));
  const auto t = with_code(in_2022, "tables.template");
  REQUIRE(t.size() == 2);
  CHECK(under(in_2022, *t[0]) == "规范性文件");
  CHECK(under(in_2022, *t[1]) == "其他对外管理服务事项");
  // The arithmetic of 收到和处理政府信息公开申请情况 is the same in both formats, and checked.
  const Checked wrong = run(replace_once(old_format, "| 一、本年新收政府信息公开申请数量 | 10 |", "| 一、本年新收政府信息公开申请数量 | 11 |"));
  CHECK_FALSE(with_code(wrong, "tables.sum").empty());
  // And a message names the format of the report's year.
  const Checked short_a_row = run(replace_once(old_format, "| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", ""));
  const auto missing = with_code(short_a_row, "tables.template");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->message == "《收到和处理政府信息公开申请情况》缺少“2.重复申请”一行：国家格式（国办公开办函〔2019〕60号）规定了这一行");
}

TEST_CASE("templates: \"years\" bounds a table to the reports of a format") {
  const std::string head = R"({"format": "reportls-tables", "version": 1, "profile": "p", "tables": [{"id": "t", "title": "表", )";
  const std::string parts = R"("parts": [{"columns": [{"id": "a", "label": "甲"}], "rows": [{"id": "r", "label": "行"}]}]}]})";
  const tables::Templates bounded = tables::parse_templates(head + R"("years": [2019, 2020], )" + parts, "user.json");
  CHECK(bounded.tables[0].years.contains(2020));
  CHECK_FALSE(bounded.tables[0].years.contains(2021));
  CHECK_FALSE(bounded.tables[0].years.contains(std::nullopt));
  CHECK(tables::parse_templates(head + parts, "user.json").tables[0].years.contains(std::nullopt));
  CHECK_THROWS_WITH_AS(tables::parse_templates(head + R"("years": [2019], )" + parts, "user.json"),
                       doctest::Contains("years must be [from, to]"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tables::parse_templates(head + R"("years": [2021, 2019], )" + parts, "user.json"),
                       doctest::Contains("tables[0].years must not end before it starts"), std::runtime_error);
  CHECK_THROWS_WITH_AS(tables::parse_templates(head + R"("years": [21, null], )" + parts, "user.json"),
                       doctest::Contains("years (1949…2100)"), std::runtime_error);
}

TEST_CASE("templates: a malformed file says where and why") {
  auto error_of = [](const std::string &json) {
    try {
      tables::parse_templates(json, "user.json");
    } catch (const std::runtime_error &e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string head = R"({"format": "reportls-tables", "version": 1, "profile": "p", "tables": [{"id": "t", "title": "表", "parts": [{"columns": [{"id": "a", "label": "甲"}], "rows": [)";
  CHECK(error_of(head + R"({"id": "r", "label": "行", "colour": 1}]}]}]})").find("unknown key \"colour\"") != std::string::npos);
  CHECK(error_of(head + R"({"id": "r", "label": "行", "parent": "x"}]}]}]})").find("\"parent\"") != std::string::npos);
  CHECK(error_of(head + R"({"id": "r", "label": "行"}]}], "identities": [{"per": "column", "left": ["r"], "right": ["q"], "report": "r"}]}]})")
            .find("unknown row \"q\"") != std::string::npos);
  CHECK(error_of(R"({"format": "reportls-tables", "version": 1, "profile": "p", "prose": [{"pattern": "(", "table": "t", "row": "r", "column": "c"}]})")
            .find("prose[0]") != std::string::npos);
  CHECK(error_of(R"({"format": "x", "version": 1, "profile": "p"})").find("format") != std::string::npos);
}

TEST_CASE("tables: correct tables in every form get no diagnostic") {
  for (const char *name : {"markdown-correct.md", "converted-correct.md", "delimited-correct.txt", "spaced-correct.txt",
                           "stacked-correct.txt", "longgang-2024-page.txt"}) {
    CAPTURE(name);
    const Checked c = run(fixture(name));
    CHECK(c.diagnostics.empty());
    // …and the tables were read: the requests table is an instance with its rows found.
    const auto filled = tables::match(c.doc, bundled(), profile(), report::report_year(c.doc));
    const auto it = std::find_if(filled.begin(), filled.end(), [](const tables::Filled &f) { return f.tpl->id == "requests"; });
    REQUIRE(it != filled.end());
    CHECK(std::count_if(it->rows.begin(), it->rows.end(), [](const auto &r) { return r.has_value(); }) >= 10);
  }
}

TEST_CASE("tables.sum: each identity on the cell that breaks it, with the arithmetic") {
  const std::string good = fixture("markdown-correct.md");
  // （七）总计 of 自然人 one more than its parts: Σ（一）…（六） per column, and the row total.
  const Checked c = run(replace_once(good, "| （七）总计 | 9 |", "| （七）总计 | 10 |"));
  const auto sums = with_code(c, "tables.sum");
  REQUIRE(sums.size() == 3);
  for (const auto *d : sums) CHECK(d->severity == REPORTLS_SEVERITY_ERROR);
  // The column: （七）总计 10 ≠ 5 + 1 + 1 + 2 + 0 + 0, on the 10.
  CHECK(under(c, *sums[0]) == "10");
  CHECK(sums[0]->message.find("（七）总计应为 （一）予以公开 + （二）部分公开 + （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理 = 5 + 1 + 1 + 2 + 0 + 0 = 9，表中为 10（“自然人”列；") == 0);
  // The row: 总计 11 ≠ 10 + 2.
  CHECK(under(c, *sums[1]) == "11");
  CHECK(sums[1]->message == "总计应为 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 10 + 2 + 0 + 0 + 0 + 0 = 12，表中为 11（“（七）总计”行；总计是自然人与法人或其他组织各列之和）");
  // 一 + 二 = 三（七）+ 四, reported on 四: 10 + 1 − 10 = 1 ≠ 2.
  CHECK(sums[2]->message.find("四、结转下年度应为 一、本年新收 + 二、上年结转 − （七）总计 = 10 + 1 − 10 = 1，表中为 2（“自然人”列；本列数据的勾稽关系为") == 0);
  CHECK(c.doc.line_of(sums[2]->start) + 1 == 62);
}

TEST_CASE("tables.sum: 行政复议 and 行政诉讼 totals") {
  const std::string good = fixture("markdown-correct.md");
  const Checked c = run(replace_once(good, "| 0 | 0 | 0 | 1 | 1 | 0 |", "| 0 | 0 | 0 | 1 | 2 | 0 |"));
  const auto sums = with_code(c, "tables.sum");
  REQUIRE(sums.size() == 1);
  CHECK(sums[0]->message == "未经复议直接起诉/总计应为 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 0 + 0 + 0 + 1 = 1，表中为 2（未经复议直接起诉的总计是结果维持、结果纠正、其他结果与尚未审结之和）");
}

TEST_CASE("tables.sum: an identity is not checked over an empty, a non-number or an unknown row") {
  const std::string good = fixture("markdown-correct.md");
  // An empty cell is unfilled: the column's identities wait for it.
  const Checked empty = run(replace_once(good, "| （七）总计 | 9 |", "| （七）总计 | |"));
  CHECK(with_code(empty, "tables.sum").empty());
  // A row the template does not know may be one of a group's rows: no group sum while it is there,
  // and no missing-row complaint either; 一 + 二 = （七）+ 四 still holds and is still checked.
  const Checked c = run(replace_once(good, "| 8.属于行政查询事项 |", "| 8.属于行政咨询事项 |"));
  CHECK(with_code(c, "tables.sum").empty());
  CHECK(with_code(c, "tables.template").size() == 1);  // Markdown: the unknown row itself
  CHECK(under(c, *with_code(c, "tables.template")[0]) == "8.属于行政咨询事项");
}

TEST_CASE("tables.number: text, placeholders, fractions and negative counts in number cells") {
  const std::string good = fixture("markdown-correct.md");
  std::string t = replace_once(good, "| 行政许可 | 120 |", "| 行政许可 | 120件 |");
  t = replace_once(t, "| 行政强制 | 2 |", "| 行政强制 | / |");
  t = replace_once(t, "| 规章 | 0 | 0 | 0 |", "| 规章 | 0.5 | -1 | 0 |");
  t = replace_once(t, "| 行政事业性收费 | 12.5 |", "| 行政事业性收费 | 12.55 |");  // an amount may have decimals
  const Checked c = run(t);
  const auto n = with_code(c, "tables.number");
  REQUIRE(n.size() == 4);
  CHECK(under(c, *n[0]) == "0.5");
  CHECK(n[0]->message == "件数应为整数，这里是“0.5”（“规章”行“本年制发件数”列）");
  CHECK(under(c, *n[1]) == "-1");
  CHECK(n[1]->message.find("件数不能为负数") == 0);
  CHECK(n[2]->message == "数字格中应只填写阿拉伯数字，这里是“120件”（“行政许可”行“本年处理决定数量”列）");
  CHECK(n[2]->severity == REPORTLS_SEVERITY_WARNING);
  CHECK(n[3]->severity == REPORTLS_SEVERITY_INFO);
  CHECK(n[3]->message.find("“/”不是数字") == 0);
}

TEST_CASE("tables.template: a missing row and column, an extra column; none in a cut table") {
  const std::string good = fixture("markdown-correct.md");
  const Checked c = run(replace_once(good, "| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", ""));
  auto t = with_code(c, "tables.template");
  REQUIRE(t.size() == 1);
  CHECK(t[0]->message == "《收到和处理政府信息公开申请情况》缺少“2.重复申请”一行：国家格式（国办公开办函〔2021〕30号）规定了这一行");
  CHECK(under(c, *t[0]) == "3.要求提供公开出版物");  // where it belongs: before the next row
  // A column: drop 法律服务机构 (the sixth cell) from the header, the separator and every row.
  std::string text;
  for (size_t at = 0; at < good.size();) {
    const size_t end = good.find('\n', at);
    std::string line = good.substr(at, end - at);
    if (line.find("| 自然人 |") != std::string::npos || line.rfind("|---|---|---|---|---|---|---|---|", 0) == 0 ||
        (line.rfind("| ", 0) == 0 && std::count(line.begin(), line.end(), '|') == 9)) {
      size_t bar = 0;
      for (int k = 0; k < 5; ++k) bar = line.find('|', bar + 1);
      line.erase(bar, line.find('|', bar + 1) - bar);
    }
    text += line + "\n";
    at = end + 1;
  }
  const Checked narrow = run(text);
  t = with_code(narrow, "tables.template");
  REQUIRE(t.size() == 1);
  CHECK(t[0]->message.find("缺少“申请人情况/法人或其他组织/法律服务机构”一列") != std::string::npos);
  const Checked wide = run(replace_once(good, "| 总计 |\n|---|---|---|---|---|---|---|---|", "| 总计 | 备注 |\n|---|---|---|---|---|---|---|---|---|"));
  t = with_code(wide, "tables.template");
  REQUIRE(t.size() == 1);
  CHECK(under(wide, *t[0]) == "备注");
  // Cut by the end of the text after row 5: the rows after it are lost, not missing.
  const std::string cut = good.substr(0, good.find("| 6.属于四类过程性信息"));
  CHECK(with_code(run(cut), "tables.template").empty());
}

TEST_CASE("tables.prose: a figure of the text that differs from its cell; unsure phrasings stay silent") {
  const std::string good = fixture("markdown-correct.md");
  const Checked c = run(replace_once(good, "收到政府信息公开申请12件", "收到政府信息公开申请15件"));
  auto p = with_code(c, "tables.prose");
  REQUIRE(p.size() == 1);
  CHECK(under(c, *p[0]) == "收到政府信息公开申请15件");
  CHECK(p[0]->message == "正文写“收到政府信息公开申请15件”，而《收到和处理政府信息公开申请情况》中“一、本年新收”行“总计”列为 12（第33行），两者应一致");
  for (const char *unsure : {"其中通过网络收到政府信息公开申请15件", "累计收到政府信息公开申请15件",
                             "收到政府信息公开申请15件（含上年结转3件）"}) {
    CAPTURE(unsure);
    const Checked quiet = run(replace_once(good, "收到政府信息公开申请12件", unsure));
    CHECK(with_code(quiet, "tables.prose").empty());
  }
  const Checked before = run(replace_once(good, "结转下年度继续办理2件", "3件结转下年度办理"));
  REQUIRE(with_code(before, "tables.prose").size() == 1);
}

TEST_CASE("tables: hover on a total shows how it is made up") {
  const Checked c = run(fixture("markdown-correct.md"));
  const size_t row = c.text.find("| （七）总计 |");
  const uint32_t at = static_cast<uint32_t>(c.text.find("| 9 |", row) + 2);
  const auto h = tables::hover_at(c.doc, bundled(), profile(), report::report_year(c.doc), at);
  REQUIRE(h.size() == 1);
  CHECK(h[0].markdown.find("**（七）总计**（“自然人”列）") == 0);
  CHECK(h[0].markdown.find("= 5 + 1 + 1 + 2 + 0 + 0 = 9，与表中一致") != std::string::npos);
  CHECK(tables::hover_at(c.doc, bundled(), profile(), report::report_year(c.doc), static_cast<uint32_t>(row)).empty());  // the label
}

TEST_CASE("tables.missing: a section without its table gets the template as Markdown, which then reads back") {
  const std::string text = kReport + "二、主动公开政府信息情况\n"
                                     "三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n"
                                     "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生。\n"
                                     "五、存在的主要问题及改进情况\n公开内容还不够丰富。\n";
  const Checked c = run(text);
  // 三 and 四 say something else instead of the table: information, with the fix.
  const auto m = with_code(c, "tables.missing");
  REQUIRE(m.size() == 2);
  CHECK(m[0]->severity == REPORTLS_SEVERITY_INFO);
  CHECK(under(c, *m[0]) == "三、收到和处理政府信息公开申请情况");
  REQUIRE(m[0]->fixes.size() == 1);
  const plugin::Edit &e = m[0]->fixes[0].edits.at(0);
  CHECK(e.new_text.find("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 法人或其他组织/商业企业 |") !=
        std::string::npos);
  // 二 has nothing under its heading (an image, or not written yet): the same edit as an action.
  REQUIRE(c.actions.size() == 1);
  CHECK(c.text.substr(c.actions[0].range.start, c.actions[0].range.size()) == "二、主动公开政府信息情况");
  CHECK(c.actions[0].fix.title == "插入空白的《主动公开政府信息情况》表格");
  // Every edit applied: the skeletons read as the three tables, empty and silent.
  std::vector<plugin::Edit> edits = {c.actions[0].fix.edits.at(0)};
  for (const auto *d : m) edits.push_back(d->fixes[0].edits.at(0));
  std::sort(edits.begin(), edits.end(), [](const plugin::Edit &a, const plugin::Edit &b) { return a.start > b.start; });
  std::string fixed = text;
  for (const plugin::Edit &x : edits) fixed.replace(x.start, x.end - x.start, x.new_text);
  const Checked after = run(fixed);
  CHECK(after.diagnostics.empty());
  CHECK(after.actions.empty());
  CHECK(after.doc.tables.size() == 6);  // 4 parts of table 1, table 2, table 3
  // Filled with zeros, the tables are instances of their templates with every row.
  std::string zeros;
  for (size_t at = 0; at < fixed.size();) {
    size_t end = fixed.find('\n', at);
    if (end == std::string::npos) end = fixed.size();
    std::string line = fixed.substr(at, end - at);
    if (line.rfind("| ", 0) == 0 && line.find("---") == std::string::npos) {
      for (size_t p = line.find("| |"); p != std::string::npos; p = line.find("| |")) line.replace(p, 3, "| 0 |");
      if (line.rfind("| |", 0) == 0 || line.rfind("| 0 |", 0) == 0) line = replace_once(line, "| ", "| 0 ");
    }
    zeros += line + "\n";
    at = end + 1;
  }
  const Checked full = run(zeros);
  CHECK(full.diagnostics.empty());
  for (const tables::Filled &f : tables::match(full.doc, bundled(), profile(), report::report_year(full.doc))) {
    CAPTURE(f.tpl->id);
    CHECK(std::all_of(f.rows.begin(), f.rows.end(), [](const auto &r) { return r.has_value(); }));
  }
}

TEST_CASE("tables.missing: not while the section is the end of the text, nor when it has any table") {
  CHECK(with_code(run(kReport + "二、主动公开政府信息情况\n"), "tables.missing").empty());
  const std::string other = kReport + "二、主动公开政府信息情况\n| 项目 | 数量 |\n|---|---|\n| 文件 | 3 |\n\n三、收到和处理政府信息公开申请情况\n无。\n"
                                      "四、政府信息公开行政复议、行政诉讼情况\n| 复议 | 诉讼 |\n|---|---|\n| 0 | 0 |\n\n五、存在的主要问题及改进情况\n无。\n";
  const Checked c = run(other);
  const auto m = with_code(c, "tables.missing");
  REQUIRE(m.size() == 1);  // 三's table only
  CHECK(m[0]->message.find("收到和处理政府信息公开申请情况") != std::string::npos);
}
