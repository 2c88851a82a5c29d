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
// neighbours are ASCII.
void find_width(std::string_view line, const Marks &marks, LineFindings &out) {
  char32_t before = 0;
  size_t run = out.ascii_marks.size();  // the current run is out.ascii_marks[run…]
  for (uint32_t i = 0; i < line.size();) {
    const uint32_t at = i;
    const char32_t c = report::next_code_point(line, i);
    if (c < 0x80) {
      if (marks.ascii.contains(c)) {
        out.ascii_marks.push_back(at);
        continue;
      }
    } else if (marks.fullwidth.contains(c)) {
      ++out.fullwidth_marks;
    }
    if (out.ascii_marks.size() > run && !chinese(before) && !chinese(c)) out.ascii_marks.resize(run);
    run = out.ascii_marks.size();
    before = c;
  }
  if (out.ascii_marks.size() > run && !chinese(before)) out.ascii_marks.resize(run);
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
