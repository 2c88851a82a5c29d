#include <reportls/report/document.h>
#include <reportls/report/sentences.h>

#include "classify.h"

#include <algorithm>
#include <limits>

namespace reportls::report {

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  // Sized once (a lone \r ends a line too, but is rare): grown by doubling, a text of many short
  // lines held up to three times its records at the last growth.
  lines.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t start = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c != '\n' && c != '\r') continue;
    lines.push_back(Line{Span{start, i}, trim(text, Span{start, i}), LineKind::Body});
    if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < n) lines.push_back(Line{Span{start, n}, trim(text, Span{start, n}), LineKind::Body});
  return lines;
}

uint32_t Document::line_of(uint32_t offset) const {
  if (lines.empty()) return 0;
  auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                             [](uint32_t o, const Line &l) { return o < l.span.start; });
  return it == lines.begin() ? 0 : static_cast<uint32_t>(it - lines.begin() - 1);
}

std::optional<std::string_view> Document::meta(std::string_view key) const {
  for (const MetaField &m : metadata)
    if (m.key == key) return str(m.value);
  return std::nullopt;
}

std::vector<uint32_t> opening_lines(const Document &doc) {
  std::vector<uint32_t> out;
  const uint32_t end = doc.headings.empty() ? static_cast<uint32_t>(doc.lines.size()) : doc.headings.front().line;
  for (uint32_t i = 0; i < end; ++i)
    if (doc.lines[i].kind == LineKind::Body) out.push_back(i);
  if (out.empty())
    for (uint32_t i = end; i < doc.lines.size(); ++i)
      if (doc.lines[i].kind == LineKind::Body) {
        out.push_back(i);
        break;
      }
  return out;
}

namespace {

// `# 某县2023年度法治政府建设情况报告`: a Markdown report's first heading is its title when it reads
// as one.  It then leaves the headings.
bool take_markdown_title(Document &doc, const Rules &rules) {
  if (doc.headings.empty()) return false;
  const Heading &h = doc.headings.front();
  if (h.ordinal.style != OrdinalStyle::Markdown || h.level > 2) return false;
  const std::string_view s = doc.str(h.text);
  if (!detail::is_title_like(s, rules.title_max_chars) || !rules.matches_title(s)) return false;
  Line &l = doc.lines[h.line];
  l.kind = LineKind::Title;
  doc.title = Title{h.line, h.line, l.content, h.text};
  doc.headings.erase(doc.headings.begin());
  return true;
}

// A page that shows its title only in its metadata table (`- 标题: …2024年度法治政府建设报告`): the
// value is the title; its line stays chrome.
void title_from_metadata(Document &doc, const Rules &rules) {
  for (const MetaField &f : doc.metadata) {
    if (f.key != "标题") continue;
    const std::string_view s = doc.str(f.value);
    if (detail::is_title_like(s, rules.title_max_chars) && rules.matches_title(s))
      doc.title = Title{f.line, f.line, f.value, f.value};
    return;
  }
}

// Marks the title block among the first candidate lines before the first heading.
void find_title(Document &doc, const Rules &rules, uint32_t first_heading_line) {
  std::optional<uint32_t> first, last;
  uint32_t candidates = 0;
  for (uint32_t i = 0; i < first_heading_line && candidates < rules.title_search_lines; ++i) {
    Line &l = doc.lines[i];
    if (l.kind != LineKind::Body) continue;
    ++candidates;
    const std::string_view s = doc.str(l.content);
    const bool title_like = detail::is_title_like(s, rules.title_max_chars);
    if (!first) {
      if (title_like && rules.matches_title(s)) first = last = i;
      continue;
    }
    if (!title_like) break;  // the preface
    if (rules.matches_title(s)) last = i;
  }
  if (!first) return;
  // The line right above (no blank line between) belongs to the title when it could: the issuing
  // body on its own line, or the first half of a title the page split.
  uint32_t top = *first;
  if (top > 0) {
    const Line &above = doc.lines[top - 1];
    const std::string_view s = doc.str(above.content);
    uint32_t end = static_cast<uint32_t>(s.size());
    if (above.kind == LineKind::Body && detail::is_title_like(s, rules.title_max_chars) &&
        !detail::is_date_line(s) && is_cjk_ideograph(prev_code_point(s, end)))
      --top;
  }
  for (uint32_t i = top; i <= *last; ++i)
    if (doc.lines[i].kind == LineKind::Body) doc.lines[i].kind = LineKind::Title;
  doc.title = Title{top, *last, Span{doc.lines[top].content.start, doc.lines[*last].content.end},
                    doc.lines[*first].content};
}

// The 落款 at the end: a few short unpunctuated lines after the last heading, one of them a date.
void find_signature(Document &doc, const Rules &rules, uint32_t after_line) {
  std::vector<uint32_t> run;
  bool dated = false;
  for (uint32_t i = static_cast<uint32_t>(doc.lines.size()); i-- > after_line;) {
    const Line &l = doc.lines[i];
    if (l.kind == LineKind::Blank || l.kind == LineKind::Debris) continue;
    const std::string_view s = doc.str(l.content);
    if (l.kind != LineKind::Body || run.size() >= rules.signature_max_lines ||
        !detail::is_title_like(s, rules.signature_max_chars))
      break;
    run.push_back(i);
    dated = dated || detail::is_date_line(s);
  }
  if (!dated) return;
  for (uint32_t i : run) doc.lines[i].kind = LineKind::Signature;
}

// Before the first heading, prose is the preface (导语) or a covering letter, written in
// sentences; a line there without a clause mark is front matter.
void mark_front_matter(Document &doc, uint32_t first_heading_line) {
  for (uint32_t i = 0; i < first_heading_line; ++i) {
    Line &l = doc.lines[i];
    if (l.kind == LineKind::Body && detail::has_no_clause_marks(doc.str(l.content))) l.kind = LineKind::Front;
  }
}

void build_sections(Document &doc) {
  // last_content[k]: the last Body/Heading line before line k (-1: none).
  std::vector<int64_t> last_content(doc.lines.size() + 1, -1);
  for (size_t k = 0; k < doc.lines.size(); ++k)
    last_content[k + 1] = is_prose(doc.lines[k].kind) || doc.lines[k].kind == LineKind::Table
                              ? static_cast<int64_t>(k)
                              : last_content[k];

  doc.sections.resize(doc.headings.size());
  std::vector<uint32_t> stack;
  auto close = [&](uint32_t s, int64_t last) {
    Section &sec = doc.sections[s];
    sec.last_line = static_cast<uint32_t>(std::max<int64_t>(last, sec.first_line));
    sec.span = Span{doc.lines[sec.first_line].span.start, doc.lines[sec.last_line].content.end};
  };
  for (uint32_t h = 0; h < doc.headings.size(); ++h) {
    const Heading &hd = doc.headings[h];
    while (!stack.empty() && doc.headings[stack.back()].level >= hd.level) {
      close(stack.back(), last_content[hd.line]);
      stack.pop_back();
    }
    Section &sec = doc.sections[h];
    sec.heading = h;
    sec.parent = stack.empty() ? -1 : static_cast<int32_t>(stack.back());
    sec.first_line = hd.line;
    stack.push_back(h);
  }
  for (uint32_t s : stack) close(s, last_content[doc.lines.size()]);
}

bool opens_enumeration(char32_t c) {
  switch (c) {
    case U'。': case U'；': case U';': case U':': case U'：': case U',': case U'，':
      return true;
    default:
      return false;
  }
}

// False when no 是 in the text follows a Chinese numeral character: the text then holds no
// 一是 marker, and the character-by-character scan below (most of parse()'s time on long
// paragraphs) can be skipped.
bool may_enumerate(std::string_view s) {
  static constexpr std::string_view kShi = "是";
  static constexpr std::u32string_view kNumeralChars = U"零〇一二三四五六七八九两十百";
  for (size_t at = s.find(kShi); at != s.npos; at = s.find(kShi, at + kShi.size())) {
    if (at == 0) continue;
    uint32_t before = static_cast<uint32_t>(at);
    if (kNumeralChars.find(prev_code_point(s, before)) != kNumeralChars.npos) return true;
  }
  return false;
}

// The 一是 markers of line li (a Heading or Body line), appended to out.
void scan_enumerations(const Document &doc, uint32_t li, int32_t section, std::vector<Enumeration> &out) {
  const Line &line = doc.lines[li];
  Span scan = line.content;
  bool boundary = true;  // paragraph start
  if (line.kind == LineKind::Heading) {
    scan.start = doc.headings[static_cast<uint32_t>(section)].text.start;
    boundary = false;
  }
  if (!may_enumerate(scan.in(doc.text))) return;
  for (uint32_t i = scan.start; i < scan.end;) {
    const uint32_t at = i;
    const char32_t c = next_code_point(doc.text, i);
    if (boundary && c != U'两' && c != U'零' && c != U'〇') {
      if (auto n = chinese_numeral_prefix(Span{at, scan.end}.in(doc.text)); n && n->value > 0) {
        uint32_t j = at + n->length;
        if (j < scan.end && next_code_point(doc.text, j) == U'是') {
          out.push_back(Enumeration{n->value, Span{at, j}, li, section});
          i = j;
          boundary = false;
          continue;
        }
      }
    }
    if (opens_enumeration(c)) boundary = true;
    else if (!is_space(c)) boundary = false;
  }
}

// How the lines of a re-parsed document relate to those of the Document it was derived from
// (reparse() below): lines before `first` and from `last` on are the old lines, unchanged but for
// an offset of `bytes` (and an index offset) after the change.
struct Reused {
  const Document *old = nullptr;
  uint32_t first = 0, last = 0;  // new line indexes: [first, last) were parsed afresh
  int64_t lines = 0;             // old line index = new index - lines, for new lines >= last
  int64_t bytes = 0;             // offsets of those lines moved by this much
};

void find_enumerations(Document &doc, const Reused *reused) {
  int32_t section = -1;
  uint32_t next_heading = 0;
  size_t old_at = 0;  // cursor into reused->old->enumerations
  for (uint32_t li = 0; li < doc.lines.size(); ++li) {
    const Line &line = doc.lines[li];
    if (line.kind == LineKind::Heading) {
      while (next_heading < doc.headings.size() && doc.headings[next_heading].line < li) ++next_heading;
      if (next_heading < doc.headings.size() && doc.headings[next_heading].line == li)
        section = static_cast<int32_t>(next_heading);
    } else if (line.kind != LineKind::Body) {
      continue;
    }
    // A line that is unchanged and of the same kind as before has the same markers.
    if (reused && (li < reused->first || li >= reused->last)) {
      const bool after = li >= reused->last;
      const uint32_t old_li = after ? static_cast<uint32_t>(li - reused->lines) : li;
      const auto &old = reused->old->enumerations;
      if (reused->old->lines[old_li].kind == line.kind) {
        while (old_at < old.size() && old[old_at].line < old_li) ++old_at;
        for (; old_at < old.size() && old[old_at].line == old_li; ++old_at) {
          Enumeration e = old[old_at];
          const int64_t by = after ? reused->bytes : 0;
          e.marker = Span{static_cast<uint32_t>(e.marker.start + by), static_cast<uint32_t>(e.marker.end + by)};
          e.line = li;
          e.section = section;
          doc.enumerations.push_back(e);
        }
        continue;
      }
    }
    scan_enumerations(doc, li, section, doc.enumerations);
  }
}

// Sets the kind of line i from its content alone — Blank, Heading, Debris or Body — and appends
// its heading or metadata.  `known`: the kind the same content had before (a re-parse), so only
// the parts are read again.
void classify_line(Document &doc, uint32_t i, const Rules &rules, std::optional<LineKind> known = {}) {
  Line &l = doc.lines[i];
  l.kind = LineKind::Body;
  if (known ? *known == LineKind::Blank : l.content.empty()) {
    l.kind = LineKind::Blank;
    return;
  }
  if (!known || *known == LineKind::Heading) {
    if (auto h = parse_heading(doc.text, l.content)) {
      h->line = i;
      l.kind = LineKind::Heading;
      doc.headings.push_back(*h);
      return;
    }
  }
  if (known ? *known == LineKind::Debris : detail::is_debris(doc.text, l.content, rules)) {
    l.kind = LineKind::Debris;
    detail::read_metadata(doc.text, l.content, i, rules, doc.metadata);
  }
}

// h, found on a line that is now line `line` and `by` bytes further on.  A span parse_heading
// left unset stays {0, 0}: no span it sets is, on a line after the change (offset > 0).
Heading moved(Heading h, uint32_t line, int64_t by) {
  h.line = line;
  if (by == 0) return h;
  for (Span *s : {&h.ordinal.span, &h.ordinal.number, &h.ordinal.open, &h.ordinal.close, &h.ordinal.trailing,
                  &h.text, &h.title})
    if (*s != Span{}) *s = Span{static_cast<uint32_t>(s->start + by), static_cast<uint32_t>(s->end + by)};
  return h;
}

// Everything after the line kinds of single lines: tables, title, signature, sections,
// enumerations.
void finish(Document &doc, const Rules &rules, const Reused *reused) {
  detail::find_tables(doc);
  const bool markdown_title = take_markdown_title(doc, rules);
  const uint32_t first_heading_line =
      doc.headings.empty() ? static_cast<uint32_t>(doc.lines.size()) : doc.headings.front().line;
  if (!markdown_title) find_title(doc, rules, first_heading_line);
  if (!doc.title) title_from_metadata(doc, rules);
  const uint32_t after = doc.headings.empty()
                             ? (doc.title ? doc.title->last_line + 1 : 0)
                             : doc.headings.back().line + 1;
  find_signature(doc, rules, after);
  mark_front_matter(doc, first_heading_line);
  build_sections(doc);
  find_enumerations(doc, reused);
}

std::string_view parsed_part(std::string_view text) {
  return text.substr(0, std::min<size_t>(text.size(), std::numeric_limits<uint32_t>::max() - 1));
}

}  // namespace

Document parse(std::string_view text, const Rules &rules) {
  Document doc;
  doc.text = parsed_part(text);
  doc.lines = split_lines(doc.text);
  doc.digests.reserve(doc.lines.size());
  doc.shapes.reserve(doc.lines.size());
  for (const Line &l : doc.lines) {
    doc.digests.push_back(line_digest(doc.str(l.span), 0));
    doc.shapes.push_back(detail::shape_of(doc.text, l.content));
  }
  for (uint32_t i = 0; i < doc.lines.size(); ++i) classify_line(doc, i, rules);
  finish(doc, rules, nullptr);
  return doc;
}

namespace detail {

Document reparse(const Document &old, std::string_view text, const Rules &rules, size_t prefix,
                 size_t suffix) {
  Document doc;
  doc.text = parsed_part(text);
  if (old.lines.empty() || doc.text.size() != text.size() || prefix + suffix > old.text.size() ||
      prefix + suffix > doc.text.size())
    return parse(text, rules);
  const int64_t bytes = static_cast<int64_t>(doc.text.size()) - static_cast<int64_t>(old.text.size());
  const auto changed_end = static_cast<uint32_t>(old.text.size() - suffix);  // in old
  // One line more on either side than the change touches, so that the lines kept end and start
  // at terminators that lie outside the change (a \r\n pair included).
  const uint32_t a = old.line_of(static_cast<uint32_t>(prefix));
  const uint32_t first = a > 0 ? a - 1 : 0;
  const uint32_t last_old = std::min<uint32_t>(old.line_of(changed_end) + 2, static_cast<uint32_t>(old.lines.size()));
  const uint32_t from = old.lines[first].span.start;
  const uint32_t to = last_old < old.lines.size()
                          ? static_cast<uint32_t>(old.lines[last_old].span.start + bytes)
                          : static_cast<uint32_t>(doc.text.size());

  std::vector<Line> middle = split_lines(doc.text.substr(from, to - from));
  const size_t count = first + middle.size() + (old.lines.size() - last_old);
  doc.lines.reserve(count);
  doc.digests.reserve(count);
  doc.shapes.reserve(count);
  doc.lines.assign(old.lines.begin(), old.lines.begin() + first);
  doc.digests.assign(old.digests.begin(), old.digests.begin() + first);
  doc.shapes.assign(old.shapes.begin(), old.shapes.begin() + first);
  for (Line l : middle) {
    l.span = Span{l.span.start + from, l.span.end + from};
    l.content = Span{l.content.start + from, l.content.end + from};
    doc.lines.push_back(l);
    doc.digests.push_back(line_digest(doc.str(l.span), 0));
    doc.shapes.push_back(detail::shape_of(doc.text, l.content));
  }
  const auto last = static_cast<uint32_t>(doc.lines.size());
  for (uint32_t i = last_old; i < old.lines.size(); ++i) {
    Line l = old.lines[i];
    l.span = Span{static_cast<uint32_t>(l.span.start + bytes), static_cast<uint32_t>(l.span.end + bytes)};
    l.content = Span{static_cast<uint32_t>(l.content.start + bytes), static_cast<uint32_t>(l.content.end + bytes)};
    doc.lines.push_back(l);
  }
  doc.digests.insert(doc.digests.end(), old.digests.begin() + last_old, old.digests.end());
  doc.shapes.insert(doc.shapes.end(), old.shapes.begin() + last_old, old.shapes.end());
  const Reused reused{&old, first, last, static_cast<int64_t>(last) - last_old, bytes};
  size_t old_heading = 0;  // cursor into old.headings
  for (uint32_t i = 0; i < doc.lines.size(); ++i) {
    std::optional<LineKind> known;
    if (i < first || i >= last) {
      // Title, signature, front matter and tables are decided again (from the content, then by
      // finish): the content alone made them Body, or a heading (`# 标题`, `一、…申请数量 5 0 …`).
      const LineKind k = doc.lines[i].kind;
      if (k != LineKind::Title && k != LineKind::Signature && k != LineKind::Front && k != LineKind::Table)
        known = k;
    }
    // An unchanged heading line's heading is the old one, moved with the line (parsing every
    // heading of a long report again would cost each keystroke).
    if (known == LineKind::Heading) {
      const auto old_i = static_cast<uint32_t>(i < first ? i : i - reused.lines);
      while (old_heading < old.headings.size() && old.headings[old_heading].line < old_i) ++old_heading;
      if (old_heading < old.headings.size() && old.headings[old_heading].line == old_i) {
        doc.headings.push_back(moved(old.headings[old_heading], i, i < first ? 0 : bytes));
        continue;
      }
    }
    classify_line(doc, i, rules, known);
  }
  finish(doc, rules, &reused);
  return doc;
}

}  // namespace detail

}  // namespace reportls::report
