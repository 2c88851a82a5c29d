#include <reportls/tables/match.h>

#include <algorithm>

namespace reportls::tables {

using report::Document;
using report::Table;
using report::TableHeadings;

namespace {

using Components = std::vector<std::string>;

Components components(const std::string &normalized) {
  Components out;
  size_t start = 0;
  for (size_t i = 0; i <= normalized.size(); ++i)
    if (i == normalized.size() || normalized[i] == '/') {
      out.push_back(normalized.substr(start, i - start));
      start = i + 1;
    }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// The template in the form the matching compares: normalized labels and column paths.
struct Prepared {
  const Template *tpl;
  std::vector<std::string> labels;          // per row; "" for an unlabelled row
  std::vector<std::vector<Components>> columns;  // per part, per column

  explicit Prepared(const Template &t) : tpl(&t) {
    for (const Row &r : t.rows) labels.push_back(report::normalize_heading(r.label));
    for (const Part &p : t.parts) {
      columns.emplace_back();
      for (const Column &c : p.columns) columns.back().push_back(components(report::normalize_heading(c.path())));
    }
  }

  bool in_parents(int32_t row, const Components &path) const {
    const int32_t parent = tpl->rows[static_cast<size_t>(row)].parent;
    if (parent < 0) return false;
    const std::string &want = labels[static_cast<size_t>(parent)];
    return std::find(path.begin(), path.end() - 1, want) != path.end() - 1;
  }

  // The template row a row heading names, or -1 (none, or more than one).
  int32_t row_of(const Components &path) const {
    if (path.empty() || path.back().empty()) return -1;
    const std::string &last = path.back();
    std::vector<int32_t> found;
    auto collect = [&](auto &&same) {
      for (size_t r = 0; r < labels.size(); ++r)
        if (!labels[r].empty() && same(labels[r])) found.push_back(static_cast<int32_t>(r));
    };
    // Exactly; else the label ends with the template's (`三、本年度办理结果 （一）予以公开` flattened
    // into one cell); else one begins the other (`本年新收`).
    constexpr uint32_t kMinAffix = 4;  // characters: 予以公开, 属于国家秘密
    auto long_enough = [](const std::string &s) { return report::code_point_count(s) >= kMinAffix; };
    collect([&](const std::string &l) { return l == last; });
    if (found.empty())
      collect([&](const std::string &l) { return long_enough(l) && ends_with(last, l); });
    if (found.empty())
      collect([&](const std::string &l) {
        const std::string &shorter = l.size() < last.size() ? l : last;
        return long_enough(shorter) && (starts_with(l, last) || starts_with(last, l));
      });
    if (found.size() > 1) {
      std::vector<int32_t> placed;
      for (int32_t r : found)
        if (in_parents(r, path)) placed.push_back(r);
      found = placed;
    }
    return found.size() == 1 ? found.front() : -1;
  }

  int32_t unlabelled_row() const {
    for (size_t r = 0; r < labels.size(); ++r)
      if (labels[r].empty()) return static_cast<int32_t>(r);
    return -1;
  }
};

// A column heading (normalized components) names a template column when their last components
// are equal and every other component of the heading is one of the column's groups.
bool names_column(const Components &heading, const Components &column) {
  if (heading.empty() || column.empty() || heading.back() != column.back()) return false;
  for (size_t i = 0; i + 1 < heading.size(); ++i)
    if (std::find(column.begin(), column.end() - 1, heading[i]) == column.end() - 1) return false;
  return true;
}

// Template columns (of one part) to cells of a row by the row's column headings: a column takes
// the one cell whose heading names it and no other column.  Counts the columns it placed.
std::vector<int32_t> columns_by_heading(const TableHeadings &h, uint32_t row, size_t cells,
                                        const std::vector<Components> &columns, size_t &placed) {
  std::vector<std::vector<size_t>> names(cells);  // per cell: the columns its heading names
  for (size_t c = 0; c < cells; ++c) {
    const std::string_view heading = h.column(row, static_cast<uint32_t>(c));
    if (heading.empty()) continue;
    const Components hc = components(report::normalize_heading(heading));
    for (size_t j = 0; j < columns.size(); ++j)
      if (names_column(hc, columns[j])) names[c].push_back(j);
  }
  std::vector<int32_t> out(columns.size(), -1);
  placed = 0;
  for (size_t j = 0; j < columns.size(); ++j) {
    int32_t only = -1;
    uint32_t count = 0;
    for (size_t c = 0; c < cells; ++c)
      if (std::find(names[c].begin(), names[c].end(), j) != names[c].end()) {
        only = static_cast<int32_t>(c);
        ++count;
      }
    if (count == 1 && names[static_cast<size_t>(only)].size() == 1) {
      out[j] = only;
      ++placed;
    }
  }
  return out;
}

std::vector<int32_t> map_columns(const Table &t, const TableHeadings &h, uint32_t r,
                                 const std::vector<Components> &columns) {
  const report::TableRow &row = t.rows[r];
  const size_t n = columns.size();
  size_t placed = 0;
  std::vector<int32_t> out = columns_by_heading(h, r, row.cells.size(), columns, placed);
  if (placed >= 1 && placed * 2 >= n) return out;
  std::fill(out.begin(), out.end(), -1);
  // By position: the row's cells after its labels, when exactly n of them carry the values (extra
  // empty cells in front are a merged label written as empty cells).
  const size_t values = row.cells.size() - row.labels;
  if (values < n) return out;
  const size_t first = row.cells.size() - n;
  for (size_t c = row.labels; c < first; ++c)
    if (!row.cells[c].span.empty()) return out;
  for (size_t j = 0; j < n; ++j) out[j] = static_cast<int32_t>(first + j);
  return out;
}

bool has_number(const Document &doc, const report::TableRow &r) {
  return std::any_of(r.cells.begin(), r.cells.end(),
                     [&](const report::TableCell &c) { return report::table_number(c.span.in(doc.text)).has_value(); });
}

uint32_t last_nonblank_line(const Document &doc) {
  for (uint32_t i = static_cast<uint32_t>(doc.lines.size()); i-- > 0;)
    if (doc.lines[i].kind != report::LineKind::Blank) return i;
  return 0;
}

}  // namespace

const report::TableCell *Filled::cell(const Document &doc, uint32_t row, uint32_t column) const {
  if (row >= rows.size() || !rows[row]) return nullptr;
  const FoundRow &f = *rows[row];
  if (column >= f.cells.size() || f.cells[column] < 0) return nullptr;
  return &doc.tables[f.table].rows[f.row].cells[static_cast<size_t>(f.cells[column])];
}

std::vector<std::pair<std::string, int32_t>> item_sections(const Document &doc, const report::Profile *profile) {
  std::vector<std::pair<std::string, int32_t>> out;
  if (!profile) return out;
  for (const report::ItemMatch &m : report::match_items(*profile, doc))
    out.emplace_back(profile->items[m.item].id,
                     m.status == report::ItemStatus::Heading && m.heading >= 0 ? m.heading : -1);
  return out;
}

std::vector<Filled> match(const Document &doc, const Templates &templates, const report::Profile *profile,
                          std::optional<uint32_t> year) {
  std::vector<Prepared> prepared;
  for (const Template &t : templates.tables)
    if (t.years.contains(year)) prepared.emplace_back(t);
  const auto sections = item_sections(doc, profile);
  auto in_section = [&](const Template &tpl, const Table &table) {
    for (const auto &[item, s] : sections)
      if (item == tpl.item && s >= 0) {
        const report::Section &sec = doc.sections[static_cast<size_t>(s)];
        return table.first_line >= sec.first_line && table.first_line <= sec.last_line;
      }
    return false;
  };

  std::vector<Filled> filled(prepared.size());
  for (size_t k = 0; k < prepared.size(); ++k) {
    filled[k].tpl = prepared[k].tpl;
    filled[k].rows.resize(prepared[k].tpl->rows.size());
  }
  const uint32_t last_line = last_nonblank_line(doc);

  for (uint32_t ti = 0; ti < doc.tables.size(); ++ti) {
    const Table &table = doc.tables[ti];
    TableHeadings h = report::table_headings(doc, table);
    std::vector<Components> paths(table.rows.size());
    auto read_paths = [&] {
      for (uint32_t r = table.header_rows; r < table.rows.size(); ++r)
        paths[r] = h.rows[r].empty() ? Components{} : components(report::normalize_heading(h.rows[r]));
    };
    read_paths();
    // A Markdown table's columns left of the first column a template's heading names hold the row
    // labels (so a text in a number cell, `| 行政许可 | 120件 |`, is no label).
    const bool markdown = table.form == report::TableForm::Markdown && table.header_rows > 0 &&
                          table.rows.size() > table.header_rows;
    int32_t label_columns = -1;
    if (markdown) {
      const uint32_t body = table.header_rows;
      const size_t width = table.rows[body - 1].cells.size();
      for (const Prepared &p : prepared)
        for (const auto &columns : p.columns) {
          size_t placed = 0;
          const std::vector<int32_t> at = columns_by_heading(h, body, width, columns, placed);
          if (placed == 0 || placed * 2 < columns.size()) continue;
          const int32_t first = *std::min_element(at.begin(), at.end(), [](int32_t a, int32_t b) {
            return (a < 0 ? INT32_MAX : a) < (b < 0 ? INT32_MAX : b);
          });
          if (label_columns < 0 || first < label_columns) label_columns = first;
        }
      if (label_columns >= 0) {
        h = report::table_headings(doc, table, label_columns);
        read_paths();
      }
    }
    // The text of its heading rows, where a table of unlabelled numbers shows what it counts.
    const std::string heading_text(
        report::Span{table.span.start, table.header_rows < table.rows.size()
                                           ? doc.lines[table.rows[table.header_rows].line].span.start
                                           : table.span.start}
            .in(doc.text));

    // The best template for this table.
    int32_t best = -1;
    uint32_t best_score = 0;
    for (size_t k = 0; k < prepared.size(); ++k) {
      const Prepared &p = prepared[k];
      uint32_t score = 0;
      for (uint32_t r = table.header_rows; r < table.rows.size(); ++r)
        if (p.row_of(paths[r]) >= 0) ++score;
      const bool placed = in_section(*p.tpl, table);
      if (const int32_t u = p.unlabelled_row(); u >= 0) {
        const size_t n = p.tpl->parts[p.tpl->rows[static_cast<size_t>(u)].part].columns.size();
        const bool keywords = !p.tpl->keywords.empty() &&
                              std::all_of(p.tpl->keywords.begin(), p.tpl->keywords.end(), [&](const std::string &w) {
                                return heading_text.find(w) != std::string::npos;
                              });
        for (uint32_t r = table.header_rows; r < table.rows.size(); ++r)
          if (p.row_of(paths[r]) < 0 && table.rows[r].cells.size() - table.rows[r].labels == n &&
              has_number(doc, table.rows[r]) && (keywords || placed))
            score = std::max<uint32_t>(score, 2);
      }
      if (score >= 2 || (score >= 1 && placed))
        if (score > best_score) {
          best_score = score;
          best = static_cast<int32_t>(k);
        }
    }
    if (best < 0) continue;

    const Prepared &p = prepared[static_cast<size_t>(best)];
    Filled &f = filled[static_cast<size_t>(best)];
    f.tables.push_back(ti);
    f.cut = f.cut || table.last_line >= last_line;

    // A Markdown table's header against the columns of the part whose headings it carries best:
    // columns missing or extra.
    if (markdown) {
      const uint32_t body = table.header_rows;
      const size_t width = table.rows[body - 1].cells.size();
      uint32_t part = 0;
      size_t placed = 0;
      std::vector<int32_t> at;
      for (uint32_t k = 0; k < p.columns.size(); ++k) {
        size_t n = 0;
        std::vector<int32_t> a = columns_by_heading(h, body, width, p.columns[k], n);
        if (n > placed) {
          placed = n;
          part = k;
          at = std::move(a);
        }
      }
      if (placed > 0 && placed * 2 >= p.columns[part].size()) {
        int32_t first = static_cast<int32_t>(width);
        for (int32_t c : at)
          if (c >= 0) first = std::min(first, c);
        for (size_t j = 0; j < at.size(); ++j)
          if (at[j] < 0) f.columns.push_back(ColumnIssue{ti, -1, static_cast<int32_t>(j), part, true});
        for (size_t c = static_cast<size_t>(first); c < width; ++c)
          if (std::find(at.begin(), at.end(), static_cast<int32_t>(c)) == at.end() &&
              !h.column(body, static_cast<uint32_t>(c)).empty())
            f.columns.push_back(ColumnIssue{ti, static_cast<int32_t>(c), -1, part, false});
      }
    }

    const int32_t unlabelled = p.unlabelled_row();
    for (uint32_t r = table.header_rows; r < table.rows.size(); ++r) {
      int32_t j = p.row_of(paths[r]);
      // The unlabelled row: exactly as many values as its columns, under no label of another row
      // (a table flattened one cell per line leaves its last heading cell as the row's label).
      if (j < 0 && unlabelled >= 0) {
        const size_t n = p.tpl->parts[p.tpl->rows[static_cast<size_t>(unlabelled)].part].columns.size();
        const size_t labels = label_columns >= 0 ? static_cast<size_t>(label_columns) : table.rows[r].labels;
        if (table.rows[r].cells.size() == labels + n) j = unlabelled;
      }
      if (j < 0) {
        if (!paths[r].empty() && has_number(doc, table.rows[r])) f.unknown.emplace_back(ti, r);
        continue;
      }
      const Row &row = p.tpl->rows[static_cast<size_t>(j)];
      if (f.rows[static_cast<size_t>(j)]) continue;  // a repeated row: the first one counts
      f.rows[static_cast<size_t>(j)] = FoundRow{ti, r, map_columns(table, h, r, p.columns[row.part])};
    }
  }

  std::vector<Filled> out;
  for (Filled &f : filled)
    if (!f.tables.empty()) out.push_back(std::move(f));
  return out;
}

}  // namespace reportls::tables
