// reportls/numbering/paragraph.h — paragraph hygiene, from paragraph.json:
//   paragraph.no-final-punctuation  a body paragraph written in sentences (it has a clause mark)
//                                   not ending in a final mark (。！？…), an open ending (：；) or
//                                   a bracketed afterword after a final mark (`。（记者 张三）`);
//                                   headings, title, front matter, debris, 落款 are skipped;
//   paragraph.prompt-colon          `报告如下。` → `报告如下：` (quick fix);
// and one code action deleting every page-debris line.
#ifndef REPORTLS_NUMBERING_PARAGRAPH_H
#define REPORTLS_NUMBERING_PARAGRAPH_H

#include <reportls/plugin.hpp>
#include <reportls/report/diagnostic.h>
#include <reportls/report/document.h>
#include <reportls/report/line_cache.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::numbering {

struct ParagraphRules {
  std::u32string final_marks;   // a paragraph ending in one of these is complete
  std::u32string open_endings;  // …or in one of these (an introduction or a list item)
  std::u32string clause_marks;  // a paragraph without any of these is a label, not prose
  std::vector<std::string> prompt_endings;  // 如下: a paragraph ending `如下。` introduces a list
  std::string prompt_colon = "：";

  // Reads <dir>/paragraph.json; throws std::runtime_error("<file>: <reason>").
  static ParagraphRules load(const std::string &dir);
  static ParagraphRules parse(std::string_view json, const std::string &origin);
};

struct Action {
  uint32_t start = 0, end = 0;
  plugin::Fix fix;
};

// What check_paragraphs found in each paragraph's text, offsets from the line's start: kept across
// analyses, so that after a keystroke only the changed paragraphs are read again (a long report's
// thousands of line ends were otherwise read at every keystroke).  Owned by the plugin instance;
// thread-safe (line_cache.h).
using ParagraphCache = report::LineCache<std::vector<plugin::Diagnostic>>;

// The paragraph findings of doc (body lines and run-in headings), handed to `emit` in text order,
// each with its line's start as the shift.  `document` names the document (its uri) for `cache`.
void check_paragraphs(const report::Document &doc, const ParagraphRules &rules, ParagraphCache &cache,
                      std::string_view document, const report::Emit &emit);
// One action spanning all debris lines that deletes them, or nullopt when there are none.
std::optional<Action> remove_debris(const report::Document &doc);

}  // namespace reportls::numbering

#endif  // REPORTLS_NUMBERING_PARAGRAPH_H
