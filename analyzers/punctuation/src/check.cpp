#include "rules.h"

#include <reportls/report/diagnostic.h>

#include <algorithm>
#include <iterator>

namespace reportls::punctuation {
namespace {

constexpr std::string_view kSpaceRule = "punctuation.space";

using report::Span;

Span relative(Span s, uint32_t to) { return {s.start - to, s.end - to}; }

LineFindings find_in_line(std::string_view line, Span content, const Tables &t, const Marks &marks) {
  LineFindings found;
  find_width(line, marks, found);
  find_unpaired(line, content, t, marks, found);
  // Searched as a text of its own: look-arounds stop at the paragraph, as the memo key requires.
  const std::string_view paragraph = content.in(line);
  report::find_pattern_hits(paragraph, {0, static_cast<uint32_t>(paragraph.size())}, t.patterns, std::nullopt,
                            [&](report::PatternHit &&h) {
                              found.patterns.push_back(
                                  report::placed(report::to_diagnostic(std::move(h), "punctuation"), content.start));
                            });
  return found;
}

}  // namespace

std::shared_ptr<LineMemo> make_line_memo() { return std::make_shared<LineMemo>(); }

uint64_t lines_checked(const Tables &tables) { return tables.memo->checked; }

void forget(const Tables &tables, std::string_view document) { tables.memo->lines.forget(document); }

void CodePoints::insert(char32_t c) {
  if (c >= bits_.size()) bits_.resize(c + 1);
  bits_[c] = true;
  std::string utf8;
  report::append_utf8(utf8, c);
  leads_[static_cast<unsigned char>(utf8[0])] = true;
}

Marks::Marks(const Tables &t) {
  for (const auto &[c, fw] : t.fullwidth) {
    ascii.insert(c);
    uint32_t j = 0;
    const char32_t f = report::next_code_point(fw, j);
    fullwidth.insert(f);
    width.insert(c);
    width.insert(f);
  }
  for (const PairFamily &f : t.pairs) {
    for (const char32_t c : f.open) paired.insert(c);
    for (const char32_t c : f.close) paired.insert(c);
  }
}

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      const std::function<bool()> &cancelled, std::string_view document,
                                      bool defer_fix_edits) {
  const Marks marks(t);
  report::LineCache<LineFindings>::Pass memo(t.memo->lines, document);
  const std::vector<Span> orphans = orphan_ordinals(doc);
  std::vector<uint32_t> ascii_marks;
  uint32_t fullwidth_marks = 0;
  std::vector<plugin::Diagnostic> unpaired, patterns;
  for (uint32_t i = 0; i < doc.lines.size(); ++i) {
    const report::Line &line = doc.lines[i];
    // Chrome and front matter (publish-info lines, 文号, the issuer) are not the author's prose.
    if (line.kind == report::LineKind::Debris || line.kind == report::LineKind::Blank ||
        line.kind == report::LineKind::Front)
      continue;
    if (cancelled()) return {};
    const std::string_view text = doc.str(line.span);
    const Span content = relative(line.content, line.span.start);
    // The content's bounds follow from the line's bytes; keying on them too keeps the memo right
    // however the parser trims.
    const uint64_t salt = uint64_t{content.start} << 32 | content.end;
    const LineFindings &found = memo.get(doc, i, salt, [&] {
      ++t.memo->checked;
      return find_in_line(text, content, t, marks);
    });
    const uint32_t by = line.span.start;
    for (const uint32_t m : found.ascii_marks) ascii_marks.push_back(m + by);
    fullwidth_marks += found.fullwidth_marks;
    // A table's marks count for the document's width, but its cells are no sentences: spaces and
    // bars separate them, and a label's brackets pair across cells.
    if (line.kind == report::LineKind::Table) continue;
    for (const Unpaired &u : found.unpaired) {
      const uint32_t at = u.diagnostic.start + by;
      if (!u.stray_closer || std::none_of(orphans.begin(), orphans.end(), [&](Span o) { return o.contains(at); }))
        unpaired.push_back(report::placed(u.diagnostic, by));
    }
    // A title is typeset, not written: spaces there set the issuing body, the year and the
    // document's name apart (`陵川县教育局 2025年法治政府建设年度报告`).
    const bool title = line.kind == report::LineKind::Title;
    for (const plugin::Diagnostic &d : found.patterns)
      if (!title || d.code != kSpaceRule) patterns.push_back(report::placed(d, by));
  }
  memo.finish();
  std::vector<plugin::Diagnostic> out;
  std::vector<Span> quiet = orphans;  // no mark of these gets a diagnostic of its own
  for (const report::Table &table : doc.tables) quiet.push_back(table.span);
  report_width(doc, t, ascii_marks, fullwidth_marks, quiet, defer_fix_edits, out);
  for (std::vector<plugin::Diagnostic> *family : {&unpaired, &patterns})
    std::move(family->begin(), family->end(), std::back_inserter(out));
  std::stable_sort(out.begin(), out.end(), [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) {
    return a.start < b.start;
  });
  return out;
}

}  // namespace reportls::punctuation
