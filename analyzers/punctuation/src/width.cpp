// normalized-document and halfwidth: ASCII , ( ) : ; ? ! used in Chinese text.
#include "rules.h"

#include <algorithm>
#include <unordered_set>

namespace reportls::punctuation {
namespace {

using report::Span;

// Characters that make the text around a mark Chinese: ideographs and full-width punctuation.
bool chinese(char32_t c) {
  return report::is_cjk_ideograph(c) || (c >= 0x2010 && c <= 0x2027) || (c > 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFFEF);
}

struct Mark {
  Span span;
  const std::string *fullwidth;
};

// The ASCII marks to convert: a maximal run of table marks converts as a whole when the character
// just before or just after the run is Chinese.  Deciding per run (not per mark) makes the bulk fix
// a fixpoint: after it, no remaining ASCII mark has a Chinese neighbour.  `1,000` and URLs keep
// theirs because their neighbours are ASCII.
std::vector<Mark> convertible(const report::Document &doc, const Tables &t, uint32_t &fullwidth_count) {
  std::vector<Mark> out;
  fullwidth_count = 0;
  std::unordered_set<char32_t> fullwidth_forms;  // the full-width marks, as code points
  for (const auto &[c, fw] : t.fullwidth) {
    uint32_t j = 0;
    fullwidth_forms.insert(report::next_code_point(fw, j));
  }
  for (const report::Line &line : doc.lines) {
    if (line.kind == report::LineKind::Debris || line.kind == report::LineKind::Blank) continue;
    const std::string_view s = doc.text;
    char32_t before = 0;
    std::vector<Mark> run;
    for (uint32_t i = line.span.start; i < line.span.end;) {
      const uint32_t at = i;
      const char32_t c = report::next_code_point(s, i);
      if (c < 0x80) {
        if (auto it = t.fullwidth.find(c); it != t.fullwidth.end()) {
          run.push_back({{at, i}, &it->second});
          continue;
        }
      } else if (fullwidth_forms.count(c)) {
        ++fullwidth_count;
      }
      if (!run.empty() && (chinese(before) || chinese(c))) out.insert(out.end(), run.begin(), run.end());
      run.clear();
      before = c;
    }
    if (!run.empty() && chinese(before)) out.insert(out.end(), run.begin(), run.end());
  }
  return out;
}

}  // namespace

void check_width(const report::Document &doc, const Tables &t, std::vector<plugin::Diagnostic> &out) {
  uint32_t fullwidth_count = 0;
  const std::vector<Mark> marks = convertible(doc, t, fullwidth_count);
  if (marks.empty()) return;
  const auto ascii = static_cast<uint32_t>(marks.size());
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
    for (const Mark &m : marks) fix.edits.push_back({m.span.start, m.span.end, *m.fullwidth});
    d.fixes.push_back(std::move(fix));
    out.push_back(std::move(d));
    return;
  }
  const std::vector<Span> orphans = orphan_ordinals(doc);
  for (const Mark &m : marks) {
    if (std::any_of(orphans.begin(), orphans.end(), [&](Span o) { return o.contains(m.span.start); }))
      continue;
    const std::string ascii_mark(doc.str(m.span));
    plugin::Diagnostic d;
    d.start = m.span.start;
    d.end = m.span.end;
    d.code = "punctuation.halfwidth";
    d.severity = REPORTLS_SEVERITY_WARNING;
    d.message = "中文语境中用了半角“" + ascii_mark + "”，应为全角“" + *m.fullwidth + "”（GB/T 15834-2011）";
    d.fixes.push_back({"改为全角“" + *m.fullwidth + "”", {{m.span.start, m.span.end, *m.fullwidth}}, true});
    out.push_back(std::move(d));
  }
}

}  // namespace reportls::punctuation
