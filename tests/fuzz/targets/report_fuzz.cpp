// report_fuzz: report::parse and shared_parse (and parse_heading, split_sentences) on any bytes.
//
// Invariants checked: every span lies within the text and is well ordered; lines are in order and
// do not overlap; a line's content lies within it; headings sit on Heading lines, levels 1…6, and
// their ordinal/text/title spans lie within the line; sections[i] belongs to headings[i] and its
// parent is an earlier section of a lower level that encloses it; enumerations and metadata point
// at existing lines and sections; line_of agrees with the lines; tables are in order, own their
// Table lines and hold their cells in order; shared_parse() of an edited
// version (derived from the parse of the first) equals parse() of it, and so for the Markdown prose
// view (markdown.h), which keeps the text's length.
#include "fuzz_util.h"

#include <reportls/report/document.h>
#include <reportls/report/heading.h>
#include <reportls/report/rules.h>
#include <reportls/report/sentences.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace reportls::report;

namespace {

const Rules &rules() {
  static const Rules r = Rules::load(REPORTLS_FUZZ_REPORT_RULES_DIR);
  return r;
}

void check_span(Span s, std::string_view text) {
  FUZZ_CHECK(s.start <= s.end);
  FUZZ_CHECK(s.end <= text.size());
}

void check_within(Span inner, Span outer) {
  if (inner.empty() && inner.start == inner.end && inner.start == 0) return;  // "absent"
  FUZZ_CHECK(inner.start >= outer.start && inner.end <= outer.end);
}

void check_heading(const Heading &h, std::string_view text, Span content) {
  FUZZ_CHECK(h.level >= 1 && h.level <= 6);
  const Ordinal &o = h.ordinal;
  for (Span s : {o.span, o.number, o.open, o.close, o.trailing, h.text, h.title}) {
    check_span(s, text);
    check_within(s, content);
  }
  check_within(o.number, o.span);
  check_within(o.open, o.span);
  check_within(o.close, o.span);
  check_within(o.trailing, o.span);
  check_within(h.title, h.text);
  (void)o.punctuation(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  Document doc = parse(text, rules());
  FUZZ_CHECK(doc.text.data() == text.data() && doc.text.size() == text.size());

  // Lines.
  uint32_t prev_end = 0;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line &l = doc.lines[i];
    check_span(l.span, text);
    check_span(l.content, text);
    check_within(l.content, l.span);
    FUZZ_CHECK(i == 0 ? l.span.start == 0 : l.span.start > prev_end);
    prev_end = l.span.end;
    FUZZ_CHECK(doc.line_of(l.span.start) == i);
    FUZZ_CHECK(doc.line_of(l.span.end) == i);  // its terminator belongs to it
  }
  if (doc.lines.empty()) FUZZ_CHECK(text.empty() || doc.line_of(0) == 0);
  else FUZZ_CHECK(doc.line_of(0xFFFFFFFFu) == doc.lines.size() - 1);

  // Title.
  if (doc.title) {
    const Title &t = *doc.title;
    FUZZ_CHECK(t.first_line <= t.last_line && t.last_line < doc.lines.size());
    check_span(t.span, text);
    check_span(t.text, text);
    check_within(t.text, t.span);
    FUZZ_CHECK(doc.lines[t.first_line].kind == LineKind::Title);
  }

  // Headings and sections.
  FUZZ_CHECK(doc.sections.size() == doc.headings.size());
  for (size_t i = 0; i < doc.headings.size(); ++i) {
    const Heading &h = doc.headings[i];
    FUZZ_CHECK(h.line < doc.lines.size());
    FUZZ_CHECK(doc.lines[h.line].kind == LineKind::Heading);
    if (i > 0) FUZZ_CHECK(doc.headings[i - 1].line < h.line);
    check_heading(h, text, doc.lines[h.line].content);

    const Section &s = doc.sections[i];
    FUZZ_CHECK(s.heading == i);
    FUZZ_CHECK(s.first_line == h.line);
    FUZZ_CHECK(s.first_line <= s.last_line && s.last_line < doc.lines.size());
    check_span(s.span, text);
    FUZZ_CHECK(s.span.start == doc.lines[s.first_line].span.start);
    FUZZ_CHECK(s.parent >= -1 && s.parent < static_cast<int32_t>(i));
    if (s.parent >= 0) {
      const Section &p = doc.sections[s.parent];
      FUZZ_CHECK(doc.headings[s.parent].level < h.level);
      FUZZ_CHECK(p.first_line < s.first_line && s.last_line <= p.last_line);
      check_within(s.span, p.span);
    }
  }
  for (const Enumeration &e : doc.enumerations) {
    check_span(e.marker, text);
    FUZZ_CHECK(!e.marker.empty());
    FUZZ_CHECK(e.line < doc.lines.size());
    check_within(e.marker, doc.lines[e.line].span);
    FUZZ_CHECK(e.section >= -1 && e.section < static_cast<int32_t>(doc.sections.size()));
  }
  for (const MetaField &m : doc.metadata) {
    check_span(m.value, text);
    FUZZ_CHECK(m.line < doc.lines.size());
    FUZZ_CHECK(doc.meta(m.key).has_value());
  }

  // Tables: in order, each line of one at most; their lines are Table (or blank) lines and every
  // Table line is in a table; cells lie within the table and in order; headings have a value per row.
  std::vector<bool> in_table(doc.lines.size(), false);
  uint32_t next_free = 0;
  for (const Table &t : doc.tables) {
    FUZZ_CHECK(t.first_line >= next_free && t.first_line <= t.last_line && t.last_line < doc.lines.size());
    next_free = t.last_line + 1;
    check_span(t.span, text);
    FUZZ_CHECK(t.header_rows <= t.rows.size());
    for (uint32_t i = t.first_line; i <= t.last_line; ++i) {
      in_table[i] = true;
      FUZZ_CHECK(doc.lines[i].kind == LineKind::Table || doc.lines[i].kind == LineKind::Blank);
    }
    uint32_t prev_cell = t.span.start;
    for (const TableRow &r : t.rows) {
      FUZZ_CHECK(r.line >= t.first_line && r.line <= t.last_line);
      FUZZ_CHECK(r.labels <= r.cells.size());
      for (const TableCell &c : r.cells) {
        check_span(c.span, text);
        check_within(c.span, t.span);
        FUZZ_CHECK(c.span.start >= prev_cell);
        prev_cell = c.span.end;
      }
    }
    const TableHeadings h = table_headings(doc, t);
    FUZZ_CHECK(h.rows.size() == t.rows.size() && h.run_of_row.size() == t.rows.size());
    for (uint32_t r = 0; r < t.rows.size(); ++r)
      for (uint32_t c = 0; c <= t.rows[r].cells.size(); ++c) (void)h.column(r, c);
  }
  for (size_t i = 0; i < doc.lines.size(); ++i)
    if (doc.lines[i].kind == LineKind::Table) FUZZ_CHECK(in_table[i]);

  // parse_heading on the whole input as one line, and sentences of the whole text.
  Span all = trim(text, Span{0, static_cast<uint32_t>(text.size())});
  check_span(all, text);
  if (auto h = parse_heading(text, all)) check_heading(*h, text, all);
  for (bool semicolons : {false, true}) {
    uint32_t prev = 0;
    for (Span s : split_sentences(text, Span{0, static_cast<uint32_t>(text.size())}, semicolons)) {
      check_span(s, text);
      FUZZ_CHECK(!s.empty() && s.start >= prev);
      prev = s.end;
    }
  }

  // The incremental parse: a second version of the text (a cut and an insertion placed by the
  // input's first bytes, the inserted bytes taken from the input too), parsed through the cache
  // right after the first, is exactly what a parse from scratch gives.
  if (size >= 4) {
    const size_t at = (data[0] | static_cast<size_t>(data[1]) << 8) % (size + 1);
    std::string edited(text);
    edited.erase(at, std::min<size_t>(data[2] % 32, size - at));
    edited.insert(std::min(at, edited.size()), text.substr(4, data[3] % 16));
    const auto before = shared_parse(text, rules());
    const auto after = shared_parse(edited, rules());
    FUZZ_CHECK(*before == doc);
    FUZZ_CHECK(*after == parse(edited, rules()));
    // The same edit once more, told by the host which text it was made from and how (ABI 1.6):
    // derived around the change without comparing.
    static uint64_t names = 0;
    const uint64_t name = names += 2;
    shared_parse(edited, rules(), Format::Text, name);
    const size_t again = std::min(at, edited.size()), cut = std::min<size_t>(data[2] % 32, edited.size() - again);
    const std::string_view inserted = text.substr(4, data[3] % 16);
    std::string twice(edited);
    twice.replace(again, cut, inserted);
    const TextOrigin origin{name, static_cast<uint32_t>(again), static_cast<uint32_t>(again + cut),
                            static_cast<uint32_t>(again + inserted.size())};
    FUZZ_CHECK(*shared_parse(twice, rules(), Format::Text, name + 1, origin) == parse(twice, rules()));
    // The same as Markdown: the prose view keeps every offset, and its incremental parse is the
    // view's parse.
    const std::string prose = markdown_prose(text), edited_prose = markdown_prose(edited);
    FUZZ_CHECK(prose.size() == text.size() && edited_prose.size() == edited.size());
    const auto md_before = shared_parse(text, rules(), Format::Markdown);
    const auto md_after = shared_parse(edited, rules(), Format::Markdown);
    FUZZ_CHECK(*md_before == parse(prose, rules()));
    FUZZ_CHECK(*md_after == parse(edited_prose, rules()));
  }
  return 0;
}
