// reportls/tables/match.h — which tables of a report are which template, and which of their cells
// is which cell of the template.
//
// A table is an instance of the template most of whose row labels it carries (two or more, or one
// inside the section of the template's profile item); a template whose row is unlabelled (行政复议、
// 行政诉讼: one row of 15 numbers) takes a table with a row of exactly that many numbers when the
// table's heading rows carry the template's keywords or the table lies in the template's section.
// One template may be filled from several tables (a table split by a page break).  Row labels match
// through report::normalize_heading (width, spaces, ordinals, notes in brackets ignored), exactly,
// else as a prefix or suffix of four characters or more; a label several template rows share is
// told apart by its parent (`3.其他` under `（六）其他处理`).  Columns match by their headings when the
// table has them, else by position when a row has exactly as many numbers as the template.
#ifndef REPORTLS_TABLES_MATCH_H
#define REPORTLS_TABLES_MATCH_H

#include <reportls/report/document.h>
#include <reportls/report/profile.h>
#include <reportls/tables/templates.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace reportls::tables {

struct FoundRow {
  uint32_t table = 0, row = 0;  // doc.tables[table].rows[row]
  std::vector<int32_t> cells;   // per column of its part: index into the row's cells, -1 unmapped
};

// A heading-mapped table's column that the template lacks, or a template column it lacks.
struct ColumnIssue {
  uint32_t table = 0;
  int32_t cell = -1;       // Extra: the cell of the heading row; Missing: -1
  int32_t column = -1;     // Missing: index into the part's columns
  uint32_t part = 0;
  bool missing = false;
};

struct Filled {
  const Template *tpl = nullptr;
  std::vector<uint32_t> tables;                // indices into doc.tables, in document order
  std::vector<std::optional<FoundRow>> rows;   // per template row
  std::vector<std::pair<uint32_t, uint32_t>> unknown;  // (table, row): a row with a number whose
                                                       // label names no template row
  std::vector<ColumnIssue> columns;            // Markdown tables whose headings were matched
  bool cut = false;  // a table of it ends the text: rows after it may be lost, not missing

  // The cell of template row `row` in column `column` of its part, or nullptr.
  const report::TableCell *cell(const report::Document &doc, uint32_t row, uint32_t column) const;
};

// One Filled per template that some table of doc is an instance of, in template order, among the
// templates whose years hold the report's year (report::report_year).  profile (may be nullptr)
// places the templates' sections.
std::vector<Filled> match(const report::Document &doc, const Templates &templates, const report::Profile *profile,
                          std::optional<uint32_t> year);

// The top-level section holding each profile item (index into doc.sections), -1 when it has no
// heading; by item id.
std::vector<std::pair<std::string, int32_t>> item_sections(const report::Document &doc, const report::Profile *profile);

}  // namespace reportls::tables

#endif  // REPORTLS_TABLES_MATCH_H
