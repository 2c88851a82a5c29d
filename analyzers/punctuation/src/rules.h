// Internal: the rule families of the punctuation analyzer.  Each reads one line as a text of its
// own, so what it finds (offsets relative to the line's start) depends on the line's bytes alone
// and check() memoises it per line text; the decisions that need the whole document are taken
// over all lines' findings.
#ifndef REPORTLS_PUNCTUATION_RULES_H
#define REPORTLS_PUNCTUATION_RULES_H

#include <reportls/punctuation/punctuation.h>
#include <reportls/report/line_cache.h>

#include <array>
#include <atomic>

namespace reportls::punctuation {

// A set of code points asked about for nearly every character of a report: one bit test.  Its
// members' first UTF-8 bytes let a scan step over the characters no member starts like (most of
// a Chinese text: ideographs lead with E4–E9) without decoding them.
class CodePoints {
 public:
  void insert(char32_t c);
  bool contains(char32_t c) const { return c < bits_.size() && bits_[c]; }
  bool may_start(unsigned char byte) const { return leads_[byte]; }

 private:
  std::vector<bool> bits_;
  std::array<bool, 256> leads_{};
};

// Calls f(at, end, c) for each character c of s[from, to) that is in set, left to right (at, end:
// its bytes).  Only characters that start like a member are decoded; every other byte is stepped
// over alone.  An ASCII byte or a lead byte is never inside another character, so these are the
// characters a decoding of every character finds (an ill-formed byte being U+FFFD, no member).
template <class F>
void for_each_in(std::string_view s, uint32_t from, uint32_t to, const CodePoints &set, F &&f) {
  for (uint32_t i = from; i < to;) {
    if (!set.may_start(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    const uint32_t at = i;
    const char32_t c = report::next_code_point(s, i);
    if (set.contains(c)) f(at, i, c);
  }
}

// The code points the families look for, gathered from the tables once per check().
struct Marks {
  explicit Marks(const Tables &t);
  CodePoints ascii;      // the keys of Tables::fullwidth
  CodePoints fullwidth;  // their full-width forms
  CodePoints paired;     // every opener and closer of Tables::pairs
  CodePoints width;      // ascii and fullwidth together: what find_width looks at
};

// An unbalanced-mark diagnostic.  A closer with no opener before it is excused when it is an
// orphan heading's ordinal (the numbering analyzer reports those), which only the document knows.
struct Unpaired {
  plugin::Diagnostic diagnostic;
  bool stray_closer = false;
};

struct LineFindings {
  std::vector<uint32_t> ascii_marks;         // width: ASCII marks to convert, one byte each
  uint32_t fullwidth_marks = 0;              // width: full-width forms of the table's marks
  std::vector<Unpaired> unpaired;            // pairs, over the line's content
  std::vector<plugin::Diagnostic> patterns;  // pattern rules, over the line's content
  bool empty() const { return ascii_marks.empty() && fullwidth_marks == 0 && unpaired.empty() && patterns.empty(); }
};

struct LineMemo {
  report::LineCache<LineFindings> lines;
  std::atomic<uint64_t> checked{0};  // lines read rather than recalled
};

// width: the line's ASCII marks in Chinese text and its count of full-width marks.
void find_width(std::string_view line, const Marks &marks, LineFindings &out);
// width, over the document: one normalized-document diagnostic, or one halfwidth per mark
// (ascii_marks: every line's, as document offsets) outside the quiet spans (orphan ordinals,
// tables); with defer_fix_edits the document-level fix has its title only (check()).
void report_width(const report::Document &doc, const Tables &t, const std::vector<uint32_t> &ascii_marks,
                  uint32_t fullwidth_marks, const std::vector<report::Span> &quiet, bool defer_fix_edits,
                  std::vector<plugin::Diagnostic> &out);
// unbalanced: the paired marks of line[content] (a paragraph) that do not pair.
void find_unpaired(std::string_view line, report::Span content, const Tables &t, const Marks &marks,
                   LineFindings &out);
// The ordinals of Orphan headings (`)依法决策…`): the numbering analyzer reports those marks.
std::vector<report::Span> orphan_ordinals(const report::Document &doc);

}  // namespace reportls::punctuation

#endif  // REPORTLS_PUNCTUATION_RULES_H
