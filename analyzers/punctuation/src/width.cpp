// normalized-document and halfwidth: ASCII , ( ) : ; ? ! used in Chinese text.
#include "rules.h"

#include <algorithm>

namespace reportls::punctuation {
namespace {

using report::Span;

// Characters that make the text around a mark Chinese: ideographs and full-width punctuation.
bool chinese(char32_t c) {
  return report::is_cjk_ideograph(c) || (c >= 0x2010 && c <= 0x2027) || (c > 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFFEF);
}

// The full-width form of the ASCII mark at offset m.
const std::string &fullwidth_of(const report::Document &doc, const Tables &t, uint32_t m) {
  return t.fullwidth.at(static_cast<unsigned char>(doc.text[m]));
}

}  // namespace

// A maximal run of table marks converts as a whole when the character just before or just after
// the run is Chinese.  Deciding per run (not per mark) makes the bulk fix a fixpoint: after it, no
// remaining ASCII mark has a Chinese neighbour.  `1,000` and URLs keep theirs because their
// neighbours are ASCII.  Only the marks (for_each_in) and the two neighbours of a run are decoded;
// the one before is decoded backwards from the run, an ill-formed byte being U+FFFD either way.
void find_width(std::string_view line, const Marks &marks, LineFindings &out) {
  uint32_t run_start = 0, run_end = 0;  // the current run of ASCII marks: line[run_start, run_end)
  const auto close_run = [&] {
    if (run_start == run_end) return;
    uint32_t before_at = run_start, after_at = run_end;
    const char32_t before = run_start > 0 ? report::prev_code_point(line, before_at) : 0;
    const char32_t after = run_end < line.size() ? report::next_code_point(line, after_at) : 0;
    if (chinese(before) || chinese(after))
      for (uint32_t m = run_start; m < run_end; ++m) out.ascii_marks.push_back(m);
  };
  const auto size = static_cast<uint32_t>(line.size());
  for_each_in(line, 0, size, marks.width, [&](uint32_t at, uint32_t end, char32_t c) {
    if (c >= 0x80) {
      ++out.fullwidth_marks;
    } else if (at == run_end && run_start != run_end) {
      run_end = end;
    } else {
      close_run();
      run_start = at;
      run_end = end;
    }
  });
  close_run();
}

void report_width(const report::Document &doc, const Tables &t, const std::vector<uint32_t> &ascii_marks,
                  uint32_t fullwidth_count, const std::vector<Span> &quiet, bool defer_fix_edits,
                  std::vector<plugin::Diagnostic> &out) {
  if (ascii_marks.empty()) return;
  const auto ascii = static_cast<uint32_t>(ascii_marks.size());
  // Mostly ASCII, or so many ASCII marks that one diagnostic per mark would bury the others:
  // one document-level diagnostic with one bulk fix.
  const bool normalized =
      (ascii >= t.normalized_min_ascii &&
       fullwidth_count <= t.normalized_max_fullwidth_share * (ascii + fullwidth_count)) ||
      ascii >= t.bulk_min_ascii;
  if (normalized) {
    const report::Line *first = nullptr;
    for (const report::Line &line : doc.lines)
      if (line.kind != report::LineKind::Debris && line.kind != report::LineKind::Blank) {
        first = &line;
        break;
      }
    plugin::Diagnostic d;
    d.start = first->content.start;
    d.end = first->content.end;
    d.code = "punctuation.normalized-document";
    d.severity = REPORTLS_SEVERITY_WARNING;
    d.message = "全文中文语境里有 " + std::to_string(ascii) + " 处半角标点（, ( ) : ; ? !），全角标点只有 " +
                std::to_string(fullwidth_count) +
                " 处：文本似经半角化（NFKC）处理。公文中文标点应使用全角形式（GB/T 15834-2011），可一次全部转换";
    plugin::Fix fix{"将中文语境中的 " + std::to_string(ascii) + " 处半角标点全部转为全角", {}, true};
    d.fix_edits_deferred = defer_fix_edits;
    if (!defer_fix_edits)
      for (const uint32_t m : ascii_marks) fix.edits.push_back({m, m + 1, fullwidth_of(doc, t, m)});
    d.fixes.push_back(std::move(fix));
    out.push_back(std::move(d));
    return;
  }
  for (const uint32_t m : ascii_marks) {
    if (std::any_of(quiet.begin(), quiet.end(), [&](Span o) { return o.contains(m); })) continue;
    const std::string ascii_mark(1, doc.text[m]);
    const std::string &fullwidth = fullwidth_of(doc, t, m);
    plugin::Diagnostic d;
    d.start = m;
    d.end = m + 1;
    d.code = "punctuation.halfwidth";
    d.severity = REPORTLS_SEVERITY_WARNING;
    d.message = "中文语境中用了半角“" + ascii_mark + "”，应为全角“" + fullwidth + "”（GB/T 15834-2011）";
    d.fixes.push_back({"改为全角“" + fullwidth + "”", {{m, m + 1, fullwidth}}, true});
    out.push_back(std::move(d));
  }
}

}  // namespace reportls::punctuation
