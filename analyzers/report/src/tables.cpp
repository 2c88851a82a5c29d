// Finding the tables of a report (table.h): each line's shape from its content alone, then the
// blocks of lines whose shapes make rows, form by form, each line claimed by at most one table.
#include <reportls/report/document.h>

#include "classify.h"

#include <algorithm>

namespace reportls::report::detail {

namespace {

// Limits that keep a label line a label: longer lines, or lines with sentence marks, are prose.
constexpr uint32_t kLabelMaxChars = 60;   // a row label line (`1.申请人无正当理由逾期不补正、…申请`)
constexpr uint32_t kSpacedLabelMaxChars = 80;  // the label before the numbers of a Spaced row
constexpr uint32_t kHeaderMaxChars = 40;  // a heading line taken above a Spaced or Stacked table
                                          // (no clause mark outside brackets, no digit)
constexpr uint32_t kMaxHeaderLines = 30;  // table 3 of the 政府信息公开 format has ~20 header cells
constexpr uint32_t kMaxLabelRun = 3;      // label lines of one row (三、… / （三）… / 1.…)
constexpr uint32_t kMaxBlankRun = 2;      // blank lines between two rows of one table

bool is_value(std::string_view cell) { return table_number(cell) || is_table_placeholder(cell); }

bool has_pipe(std::string_view s) { return s.find('|') != std::string_view::npos; }

// The cells of a line split at unescaped `|`; a leading and a trailing `|` open and close the
// row rather than separating an empty cell.  An empty cell is the empty span after its `|`.
std::vector<TableCell> pipe_cells(std::string_view text, Span content) {
  const std::string_view s = content.in(text);
  auto unescaped_pipe = [&](size_t i) { return s[i] == '|' && (i == 0 || s[i - 1] != '\\'); };
  std::vector<Span> raw;
  uint32_t start = 0;
  for (uint32_t i = 0; i < s.size(); ++i)
    if (unescaped_pipe(i)) {
      raw.push_back(Span{start, i});
      start = i + 1;
    }
  raw.push_back(Span{start, static_cast<uint32_t>(s.size())});
  size_t first = 0, last = raw.size();
  if (!s.empty() && unescaped_pipe(0)) ++first;
  if (last > first && s.size() > 1 && unescaped_pipe(s.size() - 1)) --last;
  std::vector<TableCell> cells;
  for (size_t r = first; r < last; ++r) {
    const Span at{content.start + raw[r].start, content.start + raw[r].end};
    const Span cell = trim(text, at);
    cells.push_back(TableCell{cell.empty() ? Span{at.start, at.start} : cell});
  }
  return cells;
}

bool is_separator(std::string_view text, Span content) {
  const std::string_view s = content.in(text);
  if (!has_pipe(s)) return false;
  bool dash = false;
  for (const TableCell &c : pipe_cells(text, content)) {
    const std::string_view v = c.span.in(text);
    if (v.empty()) return false;
    size_t a = 0, b = v.size();
    if (v[a] == ':') ++a;
    if (b > a && v[b - 1] == ':') --b;
    if (a >= b) return false;
    for (size_t i = a; i < b; ++i)
      if (v[i] != '-') return false;
    dash = true;
  }
  return dash;
}

// Sentence and clause marks outside brackets: a heading line above a table has none; a label may
// carry ，、 (`（二）部分公开（区分处理的，只计这一情形，不计其他情形）`) but never 。！？.
struct Marks {
  uint32_t chars = 0;
  bool sentence_end = false;    // 。！？!? anywhere
  bool clause_outside = false;  // ，,；;：: outside brackets
  bool digit = false;
};

Marks marks_of(std::string_view s, uint32_t max_chars) {
  Marks m;
  int depth = 0;
  for (uint32_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (++m.chars > max_chars) return m;
    switch (c) {
      case U'。': case U'！': case U'？': case U'!': case U'?': m.sentence_end = true; break;
      case U'（': case U'(': case U'【': case U'[': case U'〔': ++depth; break;
      case U'）': case U')': case U'】': case U']': case U'〕': depth = std::max(0, depth - 1); break;
      case U'，': case U',': case U'；': case U';': case U'：': case U':':
        if (depth == 0) m.clause_outside = true;
        break;
      default:
        if ((c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19)) m.digit = true;
        break;
    }
  }
  return m;
}

bool ends_with_clause_mark(std::string_view s) {
  if (s.empty()) return false;
  uint32_t i = static_cast<uint32_t>(s.size());
  const char32_t c = prev_code_point(s, i);
  return c == U'，' || c == U',' || c == U'：' || c == U':' || c == U'；' || c == U';' || c == U'、';
}

// The value tokens at the end of a line, separated by white space: how many, how many are
// numbers, and where the label before them ends.
struct Tail {
  uint32_t values = 0, numbers = 0, placeholders = 0;
  uint32_t label_end = 0;  // offset in s
};

// A character a number or placeholder cell may hold.
bool in_value(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19) || c == U'.' || c == U'．' || c == U',' ||
         c == U'，' || c == U'-' || c == U'－' || c == U'−' || c == U'+' || c == U'—' || c == U'–' || c == U'/' ||
         c == U'／';
}

Tail value_tail(std::string_view s) {
  Tail t;
  uint32_t end = static_cast<uint32_t>(s.size());
  t.label_end = end;
  while (end > 0) {
    // The token before end, read back only as far as it can still be a value: prose lines end in
    // text, and are not walked through.
    uint32_t start = end;
    bool value_chars = true;
    while (start > 0) {
      uint32_t p = start;
      const char32_t c = prev_code_point(s, p);
      if (is_space(c)) break;
      if (!in_value(c)) {
        value_chars = false;
        break;
      }
      start = p;
    }
    if (!value_chars) break;
    const std::string_view token = s.substr(start, end - start);
    if (table_number(token)) ++t.numbers;
    else if (is_table_placeholder(token)) ++t.placeholders;
    else break;
    ++t.values;
    t.label_end = start;
    // Skip the white space before the token.
    end = start;
    while (end > 0) {
      uint32_t p = end;
      if (!is_space(prev_code_point(s, p))) break;
      end = p;
    }
    if (end == start && start > 0) break;  // no white space: the token was glued to the label
  }
  while (t.label_end > 0) {
    uint32_t p = t.label_end;
    if (!is_space(prev_code_point(s, p))) break;
    t.label_end = p;
  }
  return t;
}

// Cells separated by tabs (runs of tabs and the spaces around them).
std::vector<TableCell> tab_cells(std::string_view text, Span content) {
  std::vector<TableCell> cells;
  const std::string_view s = content.in(text);
  uint32_t start = 0;
  for (uint32_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '\t') continue;
    const Span cell = trim(text, Span{content.start + start, content.start + i});
    if (!cell.empty()) cells.push_back(TableCell{cell});
    start = i + 1;
  }
  return cells;
}

}  // namespace

LineShape shape_of(std::string_view text, Span content) {
  LineShape out;
  const std::string_view s = content.in(text);
  if (s.empty()) return out;
  if (has_pipe(s)) {
    if (is_separator(text, content)) out.shape = Shape::Separator;
    else if (s.front() == '|' || s.back() == '|') out.shape = Shape::Pipe;
    return out;
  }
  if (s.find('\t') != std::string_view::npos) {
    const std::vector<TableCell> cells = tab_cells(text, content);
    uint32_t values = 0;
    bool number = false;
    while (values < cells.size() && is_value(cells[cells.size() - 1 - values].span.in(text))) {
      number = number || table_number(cells[cells.size() - 1 - values].span.in(text)).has_value();
      ++values;
    }
    if (cells.size() >= 2 && values >= 1 && number) {
      out.shape = Shape::Spaced;
      out.values = values;
      out.tabs = true;
      out.labelled = values < cells.size();
      return out;
    }
  }
  const Tail tail = value_tail(s);
  if (tail.values >= 1 && tail.label_end == 0) {
    if (tail.values == 1) {
      out.shape = Shape::Value;
    } else if (tail.placeholders == 0) {
      out.shape = Shape::Spaced;
      out.values = tail.values;
    }
    return out;
  }
  if (tail.values >= 2 && tail.numbers >= 1) {
    const std::string_view label = s.substr(0, tail.label_end);
    const Marks m = marks_of(label, kSpacedLabelMaxChars);
    if (m.chars <= kSpacedLabelMaxChars && !m.sentence_end && !ends_with_clause_mark(label)) {
      out.shape = Shape::Spaced;
      out.values = tail.values;
      out.labelled = true;
      return out;
    }
  }
  if (s.size() > kLabelMaxChars * 4) return out;
  const Marks m = marks_of(s, kLabelMaxChars);
  if (m.chars <= kLabelMaxChars && !m.sentence_end) {
    out.shape = Shape::Label;
    // A heading cell names a column; digits mark a page's running head (`Page 9 - 2020年报`), a
    // date or a title above the table instead.
    out.header = m.chars <= kHeaderMaxChars && !m.clause_outside && !m.digit;
  }
  return out;
}

namespace {

// ---------------------------------------------------------------------------------------------

struct Finder {
  Document &doc;
  std::vector<LineShape> shapes;
  std::vector<bool> claimed;

  std::vector<uint8_t> level;  // the heading level of each line, 0 for none

  explicit Finder(Document &d)
      : doc(d), shapes(d.lines.size()), claimed(d.lines.size(), false), level(d.lines.size(), 0) {
    // Page chrome takes no part in a table, but for rows of `|` cells: the chrome rules read a
    // row of short `|`-separated cells as navigation (`首页 | 政务公开`), which a table row is too.
    // A metadata line (`[ 索引号 ] | … |`) stays chrome.
    std::vector<bool> metadata(d.lines.size(), false);
    for (const MetaField &m : doc.metadata) metadata[m.line] = true;
    for (uint32_t i = 0; i < doc.lines.size(); ++i) {
      const LineKind k = doc.lines[i].kind;
      if (k == LineKind::Body || k == LineKind::Heading) {
        shapes[i] = doc.shapes[i];
      } else if (k == LineKind::Debris && !metadata[i]) {
        const LineShape &sh = doc.shapes[i];
        if (sh.shape == Shape::Pipe || sh.shape == Shape::Separator) shapes[i] = sh;
      }
    }
    for (const Heading &h : doc.headings) level[h.line] = static_cast<uint8_t>(h.level);
  }

  // Whether label line l may stand above the label `below` in one row: a heading line only above
  // a label numbered one level deeper or more (`三、本年度办理结果` above `（一）予以公开`), never
  // above an unnumbered label or another section's first row.
  bool may_head(uint32_t l, Span below) const {
    if (level[l] == 0) return true;
    if (below.empty()) return false;
    const auto h = parse_heading(doc.text, below);
    return h && h->ordinal.style != OrdinalStyle::Markdown && h->level > level[l];
  }
  // The label lines of run (in order) that may label a row above the label `below`, kept from the
  // end: at most kMaxLabelRun, each fit to stand above the next (may_head).
  std::vector<uint32_t> row_labels(const std::vector<uint32_t> &run, Span below) const {
    std::vector<uint32_t> kept;
    for (size_t i = run.size(); i-- > 0 && kept.size() < kMaxLabelRun;) {
      if (!may_head(run[i], below)) break;
      kept.insert(kept.begin(), run[i]);
      below = doc.lines[run[i]].content;
    }
    return kept;
  }

  // A line that may be a row of `|` cells.
  bool pipe_candidate(uint32_t i) const {
    return !claimed[i] && (shapes[i].shape == Shape::Pipe || doc.lines[i].kind == LineKind::Body ||
                           doc.lines[i].kind == LineKind::Heading);
  }
  Shape shape(uint32_t i) const { return claimed[i] ? Shape::None : shapes[i].shape; }
  bool blank(uint32_t i) const { return doc.lines[i].kind == LineKind::Blank; }
  std::string_view str(uint32_t i) const { return doc.str(doc.lines[i].content); }

  // The next line after i that is not blank, within kMaxBlankRun blank lines; lines.size() if none.
  uint32_t next(uint32_t i) const {
    uint32_t blanks = 0;
    for (uint32_t j = i + 1; j < doc.lines.size(); ++j) {
      if (!blank(j)) return j;
      if (++blanks > kMaxBlankRun) break;
    }
    return static_cast<uint32_t>(doc.lines.size());
  }
  // The previous line before i that is not blank, likewise; UINT32_MAX if none.
  uint32_t previous(uint32_t i) const {
    uint32_t blanks = 0;
    for (uint32_t j = i; j-- > 0;) {
      if (!blank(j)) return j;
      if (++blanks > kMaxBlankRun) break;
    }
    return UINT32_MAX;
  }

  TableRow row_of_cells(uint32_t line, std::vector<TableCell> cells) const {
    TableRow r{line, std::move(cells), 0};
    for (uint32_t c = 0; c < r.cells.size(); ++c) {
      const std::string_view v = r.cells[c].span.in(doc.text);
      if (!v.empty() && !is_value(v)) r.labels = c + 1;
    }
    return r;
  }
  // A label or heading line as a row: one cell, or its tab-separated cells.
  TableRow label_row(uint32_t line) const {
    const Span content = doc.lines[line].content;
    if (str(line).find('\t') != std::string_view::npos) return row_of_cells(line, tab_cells(doc.text, content));
    return TableRow{line, {TableCell{content}}, 1};
  }
  TableRow spaced_row(uint32_t line) const {
    const Span content = doc.lines[line].content;
    if (shapes[line].tabs) return row_of_cells(line, tab_cells(doc.text, content));
    const std::string_view s = str(line);
    TableRow r{line, {}, 0};
    const Tail tail = value_tail(s);
    if (tail.label_end > 0) {
      r.cells.push_back(TableCell{Span{content.start, content.start + tail.label_end}});
      r.labels = 1;
    }
    uint32_t i = tail.label_end;
    while (i < s.size()) {
      uint32_t j = i;
      if (is_space(next_code_point(s, j))) {
        i = j;
        continue;
      }
      uint32_t end = i;
      while (end < s.size()) {
        uint32_t k = end;
        if (is_space(next_code_point(s, k))) break;
        end = k;
      }
      r.cells.push_back(TableCell{Span{content.start + i, content.start + end}});
      i = end;
    }
    return r;
  }

  void add(Table t) {
    for (uint32_t i = t.first_line; i <= t.last_line; ++i) claimed[i] = true;
    const Line &first = doc.lines[t.first_line], &last = doc.lines[t.last_line];
    t.span = Span{first.content.start, last.content.end};
    doc.tables.push_back(std::move(t));
  }

  static bool has_number(const Document &doc, const TableRow &r) {
    return std::any_of(r.cells.begin(), r.cells.end(),
                       [&](const TableCell &c) { return table_number(c.span.in(doc.text)).has_value(); });
  }

  // Heading lines directly above a Spaced or Stacked table, prepended as header rows.
  void take_headers(Table &t) {
    std::vector<TableRow> headers;
    uint32_t at = t.first_line;
    while (headers.size() < kMaxHeaderLines) {
      const uint32_t p = previous(at);
      if (p == UINT32_MAX || claimed[p] || doc.lines[p].kind != LineKind::Body || shape(p) != Shape::Label ||
          !shapes[p].header)
        break;
      headers.push_back(label_row(p));
      at = p;
    }
    if (headers.empty()) return;
    std::reverse(headers.begin(), headers.end());
    t.first_line = at;
    t.header_rows += static_cast<uint32_t>(headers.size());
    t.rows.insert(t.rows.begin(), std::make_move_iterator(headers.begin()), std::make_move_iterator(headers.end()));
  }

  void count_leading_header_rows(Table &t) const {
    while (t.header_rows < t.rows.size() && !has_number(doc, t.rows[t.header_rows])) ++t.header_rows;
    if (t.header_rows == t.rows.size()) t.header_rows = 0;  // no number at all: no heading either
  }

  // --- Markdown ---------------------------------------------------------------------------
  void markdown() {
    for (uint32_t s = 1; s < doc.lines.size(); ++s) {
      if (shape(s) != Shape::Separator) continue;
      const uint32_t h = s - 1;
      if (!pipe_candidate(h) || !has_pipe(str(h))) continue;
      std::vector<TableCell> head = pipe_cells(doc.text, doc.lines[h].content);
      if (head.size() != pipe_cells(doc.text, doc.lines[s].content).size()) continue;
      Table t;
      t.form = TableForm::Markdown;
      t.first_line = h;
      t.rows.push_back(row_of_cells(h, std::move(head)));
      uint32_t last = s;
      for (uint32_t j = s + 1; j < doc.lines.size(); ++j) {
        if (!pipe_candidate(j) || !has_pipe(str(j))) break;
        t.rows.push_back(row_of_cells(j, pipe_cells(doc.text, doc.lines[j].content)));
        last = j;
      }
      t.last_line = last;
      // Rows right below the separator that start with an empty cell (under a merged corner) and
      // carry no number: further header rows (`| | | 商业企业 | 科研机构 |…`).
      t.header_rows = 1;
      while (t.header_rows < t.rows.size() && !t.rows[t.header_rows].cells.empty() &&
             t.rows[t.header_rows].cells.front().span.empty() && !has_number(doc, t.rows[t.header_rows]))
        ++t.header_rows;
      add(std::move(t));
      s = last;
    }
  }

  // --- Delimited --------------------------------------------------------------------------
  void delimited() {
    for (uint32_t i = 0; i < doc.lines.size(); ++i) {
      if (shape(i) != Shape::Pipe) continue;
      Table t;
      t.form = TableForm::Delimited;
      t.first_line = t.last_line = i;
      for (uint32_t j = i; j < doc.lines.size() && shape(j) == Shape::Pipe; j = next(j)) {
        t.rows.push_back(row_of_cells(j, pipe_cells(doc.text, doc.lines[j].content)));
        t.last_line = j;
      }
      // Rows of text alone are more often page chrome than a table (`首页 | 政务公开 |`).
      if (t.rows.size() >= 2 &&
          std::any_of(t.rows.begin(), t.rows.end(), [&](const TableRow &r) { return has_number(doc, r); })) {
        count_leading_header_rows(t);
        const uint32_t last = t.last_line;
        add(std::move(t));
        i = last;
      } else {
        i = t.last_line;
      }
    }
  }

  // --- Spaced -----------------------------------------------------------------------------
  bool lone_row_is_table(uint32_t i) const {
    const LineShape &sh = shapes[i];
    return sh.labelled ? sh.values >= 3 : sh.values >= 4;
  }

  void spaced() {
    for (uint32_t i = 0; i < doc.lines.size(); ++i) {
      if (shape(i) != Shape::Spaced) continue;
      const uint32_t k = shapes[i].values;
      const bool tabs = shapes[i].tabs;
      Table t;
      t.form = TableForm::Spaced;
      t.first_line = t.last_line = i;
      t.rows.push_back(spaced_row(i));
      uint32_t rows = 1;
      for (uint32_t j = next(i); j < doc.lines.size();) {
        // Up to kMaxLabelRun label lines (a merged row label), then a row with as many values.
        std::vector<uint32_t> labels;
        uint32_t r = j;
        while (r < doc.lines.size() && shape(r) == Shape::Label && labels.size() < kMaxLabelRun) {
          labels.push_back(r);
          r = next(r);
        }
        if (r >= doc.lines.size() || shape(r) != Shape::Spaced || shapes[r].values != k || shapes[r].tabs != tabs)
          break;
        TableRow row = spaced_row(r);
        const Span below = row.labels > 0 ? row.cells.front().span : Span{};
        if (row_labels(labels, below).size() != labels.size()) break;
        for (uint32_t l : labels) t.rows.push_back(label_row(l));
        t.rows.push_back(std::move(row));
        t.last_line = r;
        ++rows;
        j = next(r);
      }
      const bool table = rows >= 2 ? (k >= 2 || tabs) : lone_row_is_table(i);
      const uint32_t last = t.last_line;
      if (table) {
        take_headers(t);
        count_leading_header_rows(t);
        add(std::move(t));
      }
      i = last;
    }
  }

  // --- Stacked ----------------------------------------------------------------------------
  struct Group {
    std::vector<uint32_t> labels;  // label lines, in order
    std::vector<uint32_t> values;  // value lines
  };

  void stacked() {
    // Runs of Label and Value lines (blank lines between), cut into groups: labels then values.
    for (uint32_t i = 0; i < doc.lines.size(); ++i) {
      if (shape(i) != Shape::Label && shape(i) != Shape::Value) continue;
      // A run with fewer than two values holds no table (take_stacked wants two values in its first
      // group): a report's headings are such runs, thousands of them, passed over without groups.
      uint32_t values = 0, run_end = i;
      for (uint32_t j = i; j < doc.lines.size() && (shape(j) == Shape::Label || shape(j) == Shape::Value); j = next(j)) {
        values += shape(j) == Shape::Value;
        run_end = j;
      }
      if (values < 2) {
        i = run_end;
        continue;
      }
      std::vector<Group> groups;
      uint32_t j = i, end = i;
      while (j < doc.lines.size() && (shape(j) == Shape::Label || shape(j) == Shape::Value)) {
        Group g;
        while (j < doc.lines.size() && shape(j) == Shape::Label) {
          g.labels.push_back(j);
          end = j;
          j = next(j);
        }
        while (j < doc.lines.size() && shape(j) == Shape::Value) {
          g.values.push_back(j);
          end = j;
          j = next(j);
        }
        groups.push_back(std::move(g));
      }
      take_stacked(groups);
      i = end;
    }
  }

  // The labels of a Stacked row whose label lines are run: the last one, right above the numbers
  // (a heading too: `一、本年新收政府信息公开申请数量`), and above it those row_labels() keeps.
  std::vector<uint32_t> group_labels(const std::vector<uint32_t> &run) const {
    if (run.empty()) return {};
    std::vector<uint32_t> kept =
        row_labels(std::vector<uint32_t>(run.begin(), run.end() - 1), doc.lines[run.back()].content);
    kept.push_back(run.back());
    return kept;
  }

  // Tables among consecutive groups: the same count of values (two or more) in every group.  The
  // first group's row labels are its last label line when it has more than kMaxLabelRun (the
  // others may be headers, see take_headers), else those group_labels() keeps; every later group
  // must keep all of its labels.
  void take_stacked(const std::vector<Group> &groups) {
    for (size_t g = 0; g < groups.size();) {
      const size_t k = groups[g].values.size();
      const std::vector<uint32_t> &run = groups[g].labels;
      const std::vector<uint32_t> first =
          run.size() > kMaxLabelRun ? std::vector<uint32_t>{run.back()} : group_labels(run);
      if (k < 2 || first.empty()) {
        ++g;
        continue;
      }
      size_t e = g + 1;
      while (e < groups.size() && groups[e].values.size() == k && !groups[e].labels.empty() &&
             group_labels(groups[e].labels).size() == groups[e].labels.size())
        ++e;
      if (e - g < 2 && k < 5) {
        g = e;
        continue;
      }
      Table t;
      t.form = TableForm::Stacked;
      for (size_t x = g; x < e; ++x) {
        const std::vector<uint32_t> &labels = x == g ? first : groups[x].labels;
        TableRow r{labels.front(), {}, static_cast<uint32_t>(labels.size())};
        for (uint32_t l : labels) r.cells.push_back(TableCell{doc.lines[l].content});
        for (uint32_t v : groups[x].values) r.cells.push_back(TableCell{doc.lines[v].content});
        t.rows.push_back(std::move(r));
      }
      t.first_line = t.rows.front().line;
      t.last_line = groups[e - 1].values.back();
      take_headers(t);
      count_leading_header_rows(t);
      add(std::move(t));
      g = e;
    }
  }
};

}  // namespace

void find_tables(Document &doc) {
  doc.tables.clear();
  Finder f(doc);
  f.markdown();
  f.delimited();
  f.spaced();
  f.stacked();
  if (doc.tables.empty()) return;
  std::sort(doc.tables.begin(), doc.tables.end(),
            [](const Table &a, const Table &b) { return a.first_line < b.first_line; });
  for (const Table &t : doc.tables)
    for (uint32_t i = t.first_line; i <= t.last_line; ++i)
      if (doc.lines[i].kind != LineKind::Blank) doc.lines[i].kind = LineKind::Table;
  doc.headings.erase(std::remove_if(doc.headings.begin(), doc.headings.end(),
                                    [&](const Heading &h) { return doc.lines[h.line].kind == LineKind::Table; }),
                     doc.headings.end());
}

}  // namespace reportls::report::detail
