// reportls/tables/templates.h — the fixed tables a report type must contain, as data: their parts,
// row and column labels, the arithmetic identities that hold between their cells, and the
// sentences of the text that state one of their cells.
//
// A templates file is `tables-*.json` beside the plugin or in a data folder (format in
// analyzers/tables/README.md; the bundled one is tables-info-disclosure.json, the three tables of
// the 政府信息公开工作年度报告).  Immutable after loading, shared between threads.
#ifndef REPORTLS_TABLES_TEMPLATES_H
#define REPORTLS_TABLES_TEMPLATES_H

#include <reportls/report/pattern.h>
#include <reportls/report/year_range.h>

#include <cstdint>
#include <string>
#include <vector>

namespace reportls::tables {

struct Column {
  std::string id;
  std::string label;  // `商业企业`
  std::string group;  // the headings above it, outermost first: `申请人情况/法人或其他组织`
  bool integer = true;  // a count (件); false for an amount (万元)
  // `申请人情况/法人或其他组织/商业企业`: what a converted table's column heading reads.
  std::string path() const { return group.empty() ? label : group + "/" + label; }
};

struct Row {
  std::string id;
  std::string label;        // as the format writes it, ordinal included; "" for a table's one
                            // unlabelled row of numbers (行政复议、行政诉讼)
  std::string short_label;  // for messages: `（二）部分公开`; defaults to label
  int32_t parent = -1;      // index of the group row it belongs to
  bool group = false;       // holds sub-rows; its value is their sum unless it is filled itself
  uint32_t part = 0;        // index into Template::parts
  const std::string &name() const { return short_label.empty() ? label : short_label; }
};

struct Part {
  std::string heading;  // a title row above the part (`第二十条第（一）项`), or ""
  std::string corner;   // the top-left heading cell (`信息内容`), or ""
  std::vector<Column> columns;
  std::vector<uint32_t> rows;  // indices into Template::rows
};

// Σ left = Σ right in every column (per Column: rows are the terms) or in every row (per Row:
// columns are the terms); a break is reported on the cell of `report`, one of the terms.
struct Identity {
  enum class Per : uint8_t { Column, Row } per = Per::Column;
  std::vector<std::string> left, right;  // row ids (per Column) or column ids (per Row)
  std::string report;
  std::string basis;  // why it must hold, for the message
};

struct Template {
  std::string id;
  std::string title;  // `收到和处理政府信息公开申请情况`
  std::string item;   // the profile item whose section holds it ("" : anywhere)
  std::vector<std::string> keywords;  // words a heading row of the table carries (for a table
                                      // with no labelled row)
  std::vector<Part> parts;
  std::vector<Row> rows;  // of every part, in order
  std::vector<Identity> identities;
  // The report years whose format it is (`"years": [2021, null]`: the format of 国办公开办函〔2021〕30号
  // on); a year-bound table is left alone in a report whose year is unknown.
  report::YearRange years;

  int32_t row_index(std::string_view id) const;
  // The column with this id in any part: {part, column}, or {-1, -1}.
  std::pair<int32_t, int32_t> column_index(std::string_view id) const;
};

// A sentence pattern stating the value of one cell: group 1 is the number.
struct ProseFigure {
  report::Pattern pattern;
  std::string table, row, column;  // ids
};

struct Templates {
  std::string profile;  // the report profile they belong to (report::Profile::id)
  report::Bases bases;  // the document that fixes them, by report year, for messages
  std::vector<Template> tables;
  std::vector<ProseFigure> prose;
  const Template *find(std::string_view id) const;
};

// Parses one file; throws std::runtime_error("<origin>: <reason>").  Unknown keys are errors.
Templates parse_templates(std::string_view json, const std::string &origin);

// Every `tables-*.json` of the folders (the bundled file must load: throws); a file of a later
// folder replaces the tables of an earlier file for the same profile with the same id and adds
// the others.  A broken user file is skipped and described in errors.
std::vector<Templates> load_templates(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
                                      std::vector<std::string> &errors);

}  // namespace reportls::tables

#endif  // REPORTLS_TABLES_TEMPLATES_H
