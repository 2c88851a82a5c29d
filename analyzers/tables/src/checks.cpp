#include <reportls/report/diagnostic.h>
#include <reportls/tables/tables.h>

#include "identities.h"

#include <algorithm>
#include <cmath>

namespace reportls::tables {

namespace {

using report::Document;
using report::make_diagnostic;
using report::Span;

std::string line_of(const Document &doc, uint32_t offset) {
  return "第" + std::to_string(doc.line_of(offset) + 1) + "行";
}

std::string with_basis(const std::string &where, const std::string &basis) {
  if (where.empty()) return basis.empty() ? "" : "（" + basis + "）";
  return "（" + where + (basis.empty() ? "" : "；" + basis) + "）";
}

void sums(const Document &doc, const Filled &f, std::vector<plugin::Diagnostic> &out) {
  for (const detail::Evaluated &e : detail::evaluate(doc, f)) {
    if (e.holds()) continue;
    out.push_back(make_diagnostic(e.cell, REPORTLS_SEVERITY_ERROR, "tables.sum",
                                  e.target + "应为 " + e.arithmetic() + "，表中为 " + std::to_string(e.actual) +
                                      with_basis(e.where, e.identity->basis)));
  }
}

void numbers(const Document &doc, const Filled &f, std::vector<plugin::Diagnostic> &out) {
  const Template &tpl = *f.tpl;
  for (size_t r = 0; r < tpl.rows.size(); ++r) {
    if (!f.rows[r]) continue;
    const Part &part = tpl.parts[tpl.rows[r].part];
    for (uint32_t c = 0; c < part.columns.size(); ++c) {
      const report::TableCell *cell = f.cell(doc, static_cast<uint32_t>(r), c);
      if (!cell) continue;
      const std::string text(cell->span.in(doc.text));
      if (text.empty()) continue;  // not filled in yet
      const std::string where = tpl.rows[r].label.empty()
                                    ? "“" + detail::column_name(part, c) + "”列"
                                    : "“" + tpl.rows[r].name() + "”行“" + detail::column_name(part, c) + "”列";
      const auto v = report::table_number(text);
      if (!v && report::is_table_placeholder(text)) {
        out.push_back(make_diagnostic(cell->span, REPORTLS_SEVERITY_INFO, "tables.number",
                                      "“" + text + "”不是数字：国家格式的表格每格填写数字，没有的填“0”（" + where + "）"));
      } else if (!v) {
        out.push_back(make_diagnostic(cell->span, REPORTLS_SEVERITY_WARNING, "tables.number",
                                      "数字格中应只填写阿拉伯数字，这里是“" + text + "”（" + where + "）"));
      } else if (part.columns[c].integer && std::floor(*v) != *v) {
        out.push_back(make_diagnostic(cell->span, REPORTLS_SEVERITY_WARNING, "tables.number",
                                      "件数应为整数，这里是“" + text + "”（" + where + "）"));
      } else if (part.columns[c].integer && *v < 0) {
        out.push_back(make_diagnostic(cell->span, REPORTLS_SEVERITY_WARNING, "tables.number",
                                      "件数不能为负数，这里是“" + text + "”（" + where + "）"));
      }
    }
  }
}

bool row_has_value(const Document &doc, const Filled &f, size_t row) {
  if (!f.rows[row]) return false;
  const FoundRow &found = *f.rows[row];
  const report::TableRow &tr = doc.tables[found.table].rows[found.row];
  return std::any_of(found.cells.begin(), found.cells.end(), [&](int32_t c) {
    return c >= 0 && report::table_number(tr.cells[static_cast<size_t>(c)].span.in(doc.text)).has_value();
  });
}

bool has_found_descendant(const Filled &f, size_t row) {
  const Template &tpl = *f.tpl;
  for (size_t r = 0; r < tpl.rows.size(); ++r)
    for (int32_t p = tpl.rows[r].parent; p >= 0; p = tpl.rows[static_cast<size_t>(p)].parent)
      if (static_cast<size_t>(p) == row && f.rows[r]) return true;
  return false;
}

Span row_anchor(const Document &doc, const FoundRow &found) {
  const report::TableRow &row = doc.tables[found.table].rows[found.row];
  return row.cells.empty() ? doc.lines[row.line].content : row.cells.front().span;
}

void template_shape(const Document &doc, const Templates &set, std::optional<uint32_t> year, const Filled &f,
                    std::vector<plugin::Diagnostic> &out) {
  const Template &tpl = *f.tpl;
  const std::string &basis = set.bases.for_year(year);
  const std::string format = basis.empty() ? "国家格式" : "国家格式（" + basis + "）";
  const size_t found = static_cast<size_t>(std::count_if(f.rows.begin(), f.rows.end(), [](const auto &r) { return r.has_value(); }));
  // Missing rows, only in a table read whole: nothing cut off by the end of the text, no row under
  // a name the template does not know (it may be the "missing" one), most rows there.
  if (!f.cut && f.unknown.empty() && found * 2 >= tpl.rows.size()) {
    for (size_t r = 0; r < tpl.rows.size(); ++r) {
      const Row &row = tpl.rows[r];
      if (f.rows[r] || row.label.empty()) continue;
      if (row.group && has_found_descendant(f, r)) continue;  // its label shares a line with a sub-row
      if (row.parent >= 0 && row_has_value(doc, f, static_cast<size_t>(row.parent))) continue;  // filled as a whole
      const Part &part = tpl.parts[row.part];
      // The found row of the same part that follows it (else precedes it) marks the place.
      const FoundRow *anchor = nullptr;
      for (size_t k = 0; k < part.rows.size() && !anchor; ++k)
        if (part.rows[k] > r && f.rows[part.rows[k]]) anchor = &*f.rows[part.rows[k]];
      for (size_t k = part.rows.size(); k-- > 0 && !anchor;)
        if (part.rows[k] < r && f.rows[part.rows[k]]) anchor = &*f.rows[part.rows[k]];
      if (!anchor) continue;  // the whole part is absent: not a row missing from a table
      out.push_back(make_diagnostic(row_anchor(doc, *anchor), REPORTLS_SEVERITY_WARNING, "tables.template",
                                    "《" + tpl.title + "》缺少“" + row.label + "”一行：" + format + "规定了这一行"));
    }
  }
  for (const auto &[t, r] : f.unknown) {
    const report::Table &table = doc.tables[t];
    if (table.form != report::TableForm::Markdown) continue;  // flattened labels may be cut or merged
    const report::TableRow &row = table.rows[r];
    const Span at = row.labels > 0 ? row.cells[row.labels - 1].span : doc.lines[row.line].content;
    out.push_back(make_diagnostic(at, REPORTLS_SEVERITY_WARNING, "tables.template",
                                  "“" + std::string(at.in(doc.text)) + "”不是《" + tpl.title + "》的行：" + format +
                                      "没有这一行"));
  }
  for (const ColumnIssue &issue : f.columns) {
    const report::Table &table = doc.tables[issue.table];
    const Part &part = tpl.parts[issue.part];
    if (issue.missing) {
      const report::TableRow &header = table.rows[table.header_rows - 1];
      out.push_back(make_diagnostic(doc.lines[header.line].content, REPORTLS_SEVERITY_WARNING, "tables.template",
                                    "《" + tpl.title + "》缺少“" + part.columns[static_cast<size_t>(issue.column)].path() +
                                        "”一列：" + format + "规定了这一列"));
      continue;
    }
    // The heading cell of the extra column: the lowest heading row that writes one.
    Span at = doc.lines[table.rows[0].line].content;
    for (uint32_t h = table.header_rows; h-- > 0;) {
      const auto &cells = table.rows[h].cells;
      if (static_cast<size_t>(issue.cell) < cells.size() && !cells[static_cast<size_t>(issue.cell)].span.empty()) {
        at = cells[static_cast<size_t>(issue.cell)].span;
        break;
      }
    }
    out.push_back(make_diagnostic(at, REPORTLS_SEVERITY_WARNING, "tables.template",
                                  "“" + std::string(at.in(doc.text)) + "”不是《" + tpl.title + "》的列：" + format +
                                      "没有这一列"));
  }
}

uint32_t last_nonblank_line(const Document &doc) {
  for (uint32_t i = static_cast<uint32_t>(doc.lines.size()); i-- > 0;)
    if (doc.lines[i].kind != report::LineKind::Blank) return i;
  return 0;
}

void missing_tables(const Document &doc, const Templates &set, const report::Profile *profile,
                    std::optional<uint32_t> year, const std::vector<Filled> &filled, Findings &out) {
  const auto sections = item_sections(doc, profile);
  const uint32_t last = last_nonblank_line(doc);
  const std::string &basis = set.bases.for_year(year);
  for (const Template &tpl : set.tables) {
    if (tpl.item.empty() || !tpl.years.contains(year) ||
        std::any_of(filled.begin(), filled.end(), [&](const Filled &f) { return f.tpl == &tpl; }))
      continue;
    auto it = std::find_if(sections.begin(), sections.end(), [&](const auto &s) { return s.first == tpl.item; });
    if (it == sections.end() || it->second < 0) continue;
    const report::Section &sec = doc.sections[static_cast<size_t>(it->second)];
    // The end of the text may cut the section short, or the author is still typing it.
    if (sec.last_line >= last) continue;
    if (std::any_of(doc.tables.begin(), doc.tables.end(), [&](const report::Table &t) {
          return t.first_line >= sec.first_line && t.first_line <= sec.last_line;
        }))
      continue;
    const report::Heading &h = doc.headings[sec.heading];
    const Span heading{h.ordinal.span.start, h.title.end};
    const uint32_t at = doc.lines[sec.last_line].content.end;
    plugin::Fix insert{"插入空白的《" + tpl.title + "》表格", {{at, at, "\n\n" + markdown_skeleton(tpl) + "\n"}}, false};
    // Nothing under the heading but the next part: the table is an image the text lost, or it is
    // still to be written — the edit is offered, nothing is said.
    if (sec.last_line == sec.first_line && !h.run_in) {
      out.actions.push_back(Action{heading, std::move(insert)});
      continue;
    }
    plugin::Diagnostic d = make_diagnostic(heading, REPORTLS_SEVERITY_INFO, "tables.missing",
                                           "本部分应有《" + tpl.title + "》表格" +
                                               (basis.empty() ? "" : "（" + basis + "）") +
                                               "，文中没有找到；表格为图片时可忽略");
    d.fixes.push_back(std::move(insert));
    out.diagnostics.push_back(std::move(d));
  }
}

void prose(const Document &doc, const Templates &set, const std::vector<Filled> &filled,
           std::vector<plugin::Diagnostic> &out) {
  for (const ProseFigure &p : set.prose) {
    const auto f = std::find_if(filled.begin(), filled.end(), [&](const Filled &x) { return x.tpl->id == p.table; });
    if (f == filled.end()) continue;
    const Template &tpl = *f->tpl;
    const auto row = static_cast<uint32_t>(tpl.row_index(p.row));
    const auto [part, column] = tpl.column_index(p.column);
    if (static_cast<int32_t>(tpl.rows[row].part) != part) continue;
    const report::TableCell *cell = f->cell(doc, row, static_cast<uint32_t>(column));
    if (!cell) continue;
    const auto value = report::table_number(cell->span.in(doc.text));
    if (!value) continue;
    const std::string stated_cell = std::string(cell->span.in(doc.text));
    for (const report::Line &line : doc.lines) {
      if (!report::is_prose(line.kind)) continue;
      p.pattern.search(doc.text, line.content, [&](const report::PatternMatch &m) {
        if (m.groups.size() < 2 || m.groups[1].empty()) return true;
        const auto stated = report::table_number(m.groups[1].in(doc.text));
        if (stated && *stated != *value)
          out.push_back(make_diagnostic(
              m.span, REPORTLS_SEVERITY_WARNING, "tables.prose",
              "正文写“" + std::string(m.span.in(doc.text)) + "”，而《" + tpl.title + "》中“" + tpl.rows[row].name() +
                  "”行“" + detail::column_name(tpl.parts[static_cast<size_t>(part)], static_cast<size_t>(column)) +
                  "”列为 " + stated_cell + "（" + line_of(doc, cell->span.start) + "），两者应一致"));
        return true;
      });
    }
  }
}

}  // namespace

Findings check(const Document &doc, const Templates &templates, const report::Profile *profile,
               std::optional<uint32_t> year) {
  Findings out;
  const std::vector<Filled> filled = match(doc, templates, profile, year);
  for (const Filled &f : filled) {
    sums(doc, f, out.diagnostics);
    numbers(doc, f, out.diagnostics);
    template_shape(doc, templates, year, f, out.diagnostics);
  }
  missing_tables(doc, templates, profile, year, filled, out);
  prose(doc, templates, filled, out.diagnostics);
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
  return out;
}

std::vector<Hover> hover_at(const Document &doc, const Templates &templates, const report::Profile *profile,
                            std::optional<uint32_t> year, uint32_t offset) {
  std::vector<Hover> out;
  for (const Filled &f : match(doc, templates, profile, year))
    for (const detail::Evaluated &e : detail::evaluate(doc, f)) {
      if (!(e.cell.contains(offset) || (offset == e.cell.end && !e.cell.empty()))) continue;
      std::string md = "**" + e.target + "**" + (e.where.empty() ? "" : "（" + e.where + "）") + "\n\n" +
                       e.arithmetic() +
                       (e.holds() ? "，与表中一致" : "，表中为 " + std::to_string(e.actual) + "，不符");
      if (!e.identity->basis.empty()) md += "\n\n" + e.identity->basis;
      out.push_back(Hover{e.cell, std::move(md)});
    }
  return out;
}

}  // namespace reportls::tables
