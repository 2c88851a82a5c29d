// Cell values and the headings that address the cells of a table (table.h).
#include <reportls/report/document.h>
#include <reportls/report/heading.h>

#include <algorithm>

namespace reportls::report {

namespace {

int digit_of(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

std::vector<std::string_view> components(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '/') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// One heading component: half-width forms, no ordinal, no spaces or quotes, no note in brackets
// at the end (`部分公开（区分处理的，…）`, `本年收费金额（单位：万元）`).
std::string normalize_component(std::string_view s) {
  std::string half;
  for (uint32_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c == 0x3000) c = U' ';
    append_utf8(half, c);
  }
  Span body{0, static_cast<uint32_t>(half.size())};
  body = trim(half, body);
  if (auto h = parse_heading(half, body); h && h->ordinal.style != OrdinalStyle::Markdown) body = h->text;
  std::u32string kept;
  const std::string_view b = body.in(half);
  for (uint32_t i = 0; i < b.size();) {
    const char32_t c = next_code_point(b, i);
    if (is_space(c) || c == U'“' || c == U'”' || c == U'‘' || c == U'’' || c == U'"' || c == U'\'') continue;
    kept += c;
  }
  if (!kept.empty() && kept.back() == U')') {
    int depth = 0;
    for (size_t i = kept.size(); i-- > 0;) {
      if (kept[i] == U')') ++depth;
      else if (kept[i] == U'(' && --depth == 0) {
        if (i > 0) kept.resize(i);
        break;
      }
    }
  }
  std::string out;
  for (char32_t c : kept) append_utf8(out, c);
  return out;
}

std::string join(const std::vector<std::string> &parts) {
  std::string out;
  const std::string *last = nullptr;
  for (const std::string &p : parts) {
    if (p.empty() || (last && *last == p)) continue;
    if (!out.empty()) out += '/';
    out += p;
    last = &p;
  }
  return out;
}

bool has_number(const Document &doc, const TableRow &r) {
  return std::any_of(r.cells.begin(), r.cells.end(),
                     [&](const TableCell &c) { return table_number(c.span.in(doc.text)).has_value(); });
}

// The level of a label's ordinal (一、 1, （一） 2, 1. 3, （1） 4); 9 for an unnumbered label.
int label_level(const Document &doc, Span label) {
  const auto h = parse_heading(doc.text, label);
  return h && h->ordinal.style != OrdinalStyle::Markdown && h->ordinal.style != OrdinalStyle::Orphan ? h->level : 9;
}

std::vector<std::string> run_headings(const Document &doc, const Table &t, const std::vector<uint32_t> &run) {
  size_t width = 0;
  for (uint32_t r : run) width = std::max(width, t.rows[r].cells.size());
  std::vector<std::vector<std::string>> parts(width);
  for (size_t k = 0; k < run.size(); ++k) {
    const TableRow &row = t.rows[run[k]];
    const bool last = k + 1 == run.size();
    std::string left;
    for (size_t c = 0; c < width; ++c) {
      const std::string_view v = c < row.cells.size() ? row.cells[c].span.in(doc.text) : std::string_view{};
      if (!v.empty()) left = std::string(v);
      else if (last) continue;
      parts[c].push_back(v.empty() ? left : std::string(v));
    }
  }
  std::vector<std::string> out;
  for (const auto &p : parts) out.push_back(join(p));
  return out;
}

}  // namespace

std::optional<double> table_number(std::string_view s) {
  uint32_t i = 0;
  const Span t = trim(s, Span{0, static_cast<uint32_t>(s.size())});
  s = t.in(s);
  if (s.empty()) return std::nullopt;
  double sign = 1;
  {
    uint32_t j = 0;
    const char32_t c = next_code_point(s, j);
    if (c == U'-' || c == U'－' || c == U'−' || c == U'+') {
      sign = c == U'+' ? 1 : -1;
      i = j;
    }
  }
  double value = 0;
  uint32_t digits = 0, group = 0;
  bool grouped = false;
  for (;;) {
    if (i >= s.size()) break;
    uint32_t j = i;
    const char32_t c = next_code_point(s, j);
    if (const int d = digit_of(c); d >= 0) {
      value = value * 10 + d;
      ++digits;
      ++group;
      i = j;
      continue;
    }
    if (c == U',' || c == U'，') {  // thousands: 1,234
      if (digits == 0 || (grouped ? group != 3 : group > 3)) return std::nullopt;
      grouped = true;
      group = 0;
      i = j;
      continue;
    }
    break;
  }
  if (digits == 0 || (grouped && group != 3)) return std::nullopt;
  if (i < s.size()) {
    uint32_t j = i;
    const char32_t c = next_code_point(s, j);
    if (c != U'.' && c != U'．') return std::nullopt;
    double scale = 0.1;
    uint32_t decimals = 0;
    for (i = j; i < s.size();) {
      uint32_t k = i;
      const int d = digit_of(next_code_point(s, k));
      if (d < 0) return std::nullopt;
      value += d * scale;
      scale /= 10;
      ++decimals;
      i = k;
    }
    if (decimals == 0) return std::nullopt;
  }
  return sign * value;
}

bool is_table_placeholder(std::string_view cell) {
  const Span t = trim(cell, Span{0, static_cast<uint32_t>(cell.size())});
  const std::string_view s = t.in(cell);
  for (std::string_view p : {"-", "--", "－", "−", "—", "——", "–", "/", "／"})
    if (s == p) return true;
  return false;
}

std::string normalize_heading(std::string_view heading) {
  std::vector<std::string> parts;
  for (std::string_view c : components(heading)) parts.push_back(normalize_component(c));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  return out;
}

std::string_view TableHeadings::column(uint32_t row, uint32_t column) const {
  if (row >= run_of_row.size() || run_of_row[row] < 0) return {};
  const auto &run = runs[static_cast<size_t>(run_of_row[row])];
  return column < run.size() ? std::string_view(run[column]) : std::string_view{};
}

TableHeadings table_headings(const Document &doc, const Table &t, int32_t label_columns) {
  TableHeadings out;
  const auto n = static_cast<uint32_t>(t.rows.size());
  out.rows.assign(n, "");
  out.run_of_row.assign(n, -1);

  // Column headings.
  if (t.form == TableForm::Markdown) {
    std::vector<uint32_t> header;
    for (uint32_t r = 0; r < t.header_rows && r < n; ++r) header.push_back(r);
    if (!header.empty()) {
      out.runs.push_back(run_headings(doc, t, header));
      for (uint32_t r = t.header_rows; r < n; ++r) out.run_of_row[r] = 0;
    }
  } else {
    std::vector<int32_t> run_of_width;  // the last run of heading rows of each width
    std::vector<uint32_t> current;      // the run being read
    auto close = [&] {
      if (current.empty()) return;
      const size_t width = t.rows[current.front()].cells.size();
      if (run_of_width.size() <= width) run_of_width.resize(width + 1, -1);
      run_of_width[width] = static_cast<int32_t>(out.runs.size());
      out.runs.push_back(run_headings(doc, t, current));
      current.clear();
    };
    for (uint32_t r = 0; r < n; ++r) {
      const TableRow &row = t.rows[r];
      if (!has_number(doc, row) && row.cells.size() >= 2) {
        if (!current.empty() && t.rows[current.back()].cells.size() != row.cells.size()) close();
        current.push_back(r);
        continue;
      }
      close();
      if (row.cells.size() < run_of_width.size()) out.run_of_row[r] = run_of_width[row.cells.size()];
    }
  }

  // Row headings.
  if (t.form == TableForm::Markdown) {
    std::vector<std::string> above;  // the label path of the row above, by column
    for (uint32_t r = t.header_rows; r < n; ++r) {
      const TableRow &row = t.rows[r];
      const auto labels = static_cast<uint32_t>(
          std::min<size_t>(label_columns >= 0 ? static_cast<size_t>(label_columns) : row.labels, row.cells.size()));
      std::vector<std::string> path(labels);
      bool written = false;
      for (uint32_t c = 0; c < labels; ++c) {
        const std::string_view v = row.cells[c].span.in(doc.text);
        if (!v.empty()) {
          path[c] = std::string(v);
          written = true;
        } else if (!written && c < above.size()) {
          path[c] = above[c];
        }
      }
      out.rows[r] = join(path);
      if (labels > 0) above = std::move(path);
    }
  } else {
    std::vector<std::pair<int, std::string>> stack;
    for (uint32_t r = t.header_rows; r < n; ++r) {
      const TableRow &row = t.rows[r];
      bool any = false;
      for (uint32_t c = 0; c < row.labels && c < row.cells.size(); ++c) {
        const Span cell = row.cells[c].span;
        if (cell.empty()) continue;
        const int level = label_level(doc, cell);
        while (!stack.empty() && stack.back().first >= level) stack.pop_back();
        stack.emplace_back(level, std::string(cell.in(doc.text)));
        any = true;
      }
      if (!any) continue;
      std::vector<std::string> path;
      for (const auto &p : stack) path.push_back(p.second);
      out.rows[r] = join(path);
    }
  }
  return out;
}

namespace {
// Whether the normalized components of `full` end with those of `tail`.
bool ends_with(const std::string &full, const std::string &tail) {
  const auto f = components(full), t = components(tail);
  if (t.size() > f.size()) return false;
  return std::equal(t.begin(), t.end(), f.end() - static_cast<ptrdiff_t>(t.size()));
}
}  // namespace

const TableCell *find_cell(const Document &doc, const Table &table, std::string_view row,
                           std::string_view column) {
  const TableHeadings h = table_headings(doc, table);
  const std::string want_row = normalize_heading(row), want_column = normalize_heading(column);
  const TableCell *found = nullptr;
  for (uint32_t r = 0; r < table.rows.size(); ++r) {
    if (h.rows[r].empty() || !ends_with(normalize_heading(h.rows[r]), want_row)) continue;
    for (uint32_t c = 0; c < table.rows[r].cells.size(); ++c) {
      const std::string_view heading = h.column(r, c);
      if (heading.empty() || !ends_with(normalize_heading(heading), want_column)) continue;
      if (found) return nullptr;
      found = &table.rows[r].cells[c];
    }
  }
  return found;
}

}  // namespace reportls::report
