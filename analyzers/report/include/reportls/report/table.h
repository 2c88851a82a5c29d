// reportls/report/table.h — tables in a report, as data: rows of cells with a byte span for every
// cell, row and column headings to address them by.
//
// parse() (document.h) finds the tables and gives their lines LineKind::Table, so no analyzer
// reads a table row as prose (and `一、本年新收…申请数量 | 5 | …` is no heading).  Four forms are
// read — only where the rows are certain:
//
//   Markdown   a GFM pipe table: header row, separator row (`|---|:--:|`), body rows up to a blank
//              line or a line without `|`.  How a report is drafted, and the form a .docx or .html
//              table is converted to: merged cells are written as empty cells, a multi-row header
//              as one row of `列一/子列` headings (or as several header rows, see TableHeadings).
//   Delimited  a web page's table flattened to text as rows of `|` cells, without a separator
//              (`规章 | 0 | 0 | 0 |`): two or more consecutive lines that start or end with `|`,
//              one of them with a number cell (rows of text alone are more often navigation).
//   Spaced     a row label followed by numbers separated by spaces or tabs, as PDF and Word text
//              leave it (`四、结转下年度继续办理 0 0 0 0 0 0 0`; `0 0 0 … 0` without a label): rows
//              with the same count of numbers (two or more; one when tabs separate the cells),
//              with at most three label-only lines between two rows (a merged row label).  A lone
//              row needs three numbers after a label, or four without one.
//   Stacked    one cell per line: one to three label lines, then the same count (two or more) of
//              number lines, repeated at least twice; or once, with five numbers or more.
// Spaced and Stacked tables take the short label lines directly above them (no clause marks
// outside brackets, no digit, no heading) as header rows.  A heading line is a row label only
// above a deeper-numbered label (`三、本年度办理结果` above `（一）予以公开`), so a section heading
// between two tables stays a heading.  Blank lines may separate the rows of every form but
// Markdown.  Page chrome (Debris) is never a table row, but for `|` rows the chrome rules took
// for navigation; metadata lines stay chrome.  A number cell holds digits (ASCII or
// full-width) with an optional sign, thousands separators and decimals; `-` `—` `/` stand for an
// empty number cell in the flattened forms.
#ifndef REPORTLS_REPORT_TABLE_H
#define REPORTLS_REPORT_TABLE_H

#include <reportls/report/text.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

struct Document;

enum class TableForm : uint8_t { Markdown, Delimited, Spaced, Stacked };

struct TableCell {
  Span span;  // trimmed content; an empty cell is the empty span where its content would be
  friend bool operator==(const TableCell &, const TableCell &) = default;
};

struct TableRow {
  uint32_t line = 0;             // the line of its first cell
  std::vector<TableCell> cells;  // in order; Spaced and Stacked rows: labels first, then values
  uint32_t labels = 0;           // leading cells that are labels: up to the last cell that is
                                 // neither a number, a placeholder (- — /) nor empty
  friend bool operator==(const TableRow &, const TableRow &) = default;
};

struct Table {
  TableForm form = TableForm::Markdown;
  uint32_t first_line = 0;  // every line from first_line to last_line is LineKind::Table or Blank
  uint32_t last_line = 0;
  Span span;                // first row's content start to the last row's content end
  std::vector<TableRow> rows;  // the Markdown separator row left out
  uint32_t header_rows = 0;    // rows[0, header_rows) are headings (Markdown: the row above the
                               // separator, and the rows right below it that start with an empty
                               // cell and have no number; other forms: the rows before the first
                               // row with a number, none when no row has one)
  friend bool operator==(const Table &, const Table &) = default;
};

// The value of a number cell: `12`, `１２`, `1,234`, `-8`, `3.5`; nullopt for anything else
// (`12件`, `无`, empty).
std::optional<double> table_number(std::string_view cell);
// `-` `－` `—` `——` `/` `／`: a cell a flattened table shows for "none".
bool is_table_placeholder(std::string_view cell);

// The headings that address a table's cells, computed for the whole table at once (linear).
//
// Row heading: the row's label cells joined with `/`, continued from the rows above —
// `三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开`.  Markdown: an empty label cell before the
// first written one repeats the label of the row above (a merged cell).  Other forms, whose merged
// cells leave nothing behind: a label with a lower-level ordinal than the labels before it (（一）
// below 一、, 1. below （三）) continues them.  "" for header rows and rows without a label.
//
// Column heading: the cells of the row's heading rows in that column joined with `/`
// (`法人或其他组织/商业企业`).  Heading rows: Markdown, the table's header rows; other forms, the last
// run of consecutive rows above that have no number and as many cells as the row (a sub-table's
// `信息内容 | 本年处理决定数量 |`).  In every heading row but the last, an empty cell continues the cell
// on its left (a merged cell); in the last, it adds nothing.
struct TableHeadings {
  std::vector<std::string> rows;               // per row
  std::vector<std::vector<std::string>> runs;  // the column headings of each run of heading rows
  std::vector<int32_t> run_of_row;             // per row: its run in runs, -1 for none
  // The heading of the cell at (row, column); "" when no heading row lines up with it.
  std::string_view column(uint32_t row, uint32_t column) const;
};
// label_columns: how many leading columns of a Markdown table hold row labels, when the caller
// knows it from its columns' headings (a text in a number cell, `| 2.重复申请 | 无 | 0 |`, then
// stays out of the row heading); -1: each row's own labels.
TableHeadings table_headings(const Document &doc, const Table &table, int32_t label_columns = -1);

// Headings compared as people write them: full and half width, spaces, and the numbering variants
// of a label (`（一）`, `(一)`, `一、`, `1.`, `1、`) all ignored.
std::string normalize_heading(std::string_view heading);

// The cell of `table` whose row and column headings end with row and column (compared through
// normalize_heading, component by component: `不予公开/属于国家秘密` finds
// `三、本年度办理结果/（三）不予公开/1.属于国家秘密`).  nullptr when none, or more than one, does.
const TableCell *find_cell(const Document &doc, const Table &table, std::string_view row,
                           std::string_view column);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_TABLE_H
