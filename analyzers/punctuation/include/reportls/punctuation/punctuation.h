// reportls/punctuation/punctuation.h — punctuation width, paired marks, dashes and spacing.
//
// Rules (codes punctuation.<rule>):
//   normalized-document  the whole document writes ASCII , ( ) : ; ? ! in Chinese text: reported
//                        once, with one fix converting every such mark to full width;
//   halfwidth            one ASCII mark in Chinese text of a document otherwise full-width;
//   unbalanced           a paired mark (“” ‘’ （） 《》 …) without its partner in the paragraph, or
//                        double quotes nested in double quotes;
//   range-dash, space, ascii-quote, ascii-angle, ascii-dash, enumeration, …  pattern rules from
//                        punctuation-patterns*.json.
// The tables come from punctuation.json and punctuation-patterns*.json in the plugin folder and
// every data folder.  A Tables value is immutable once checked; check() may run on several threads.
#ifndef REPORTLS_PUNCTUATION_PUNCTUATION_H
#define REPORTLS_PUNCTUATION_PUNCTUATION_H

#include <reportls/plugin.hpp>
#include <reportls/report/document.h>
#include <reportls/report/pattern_rules.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <map>
#include <string>
#include <vector>

namespace reportls::punctuation {

struct PairFamily {
  std::string name;                 // 双引号, 括号 … (for messages)
  std::vector<char32_t> open, close;
  char32_t nested_open = 0, nested_close = 0;  // what the same mark nested inside becomes (‘’)
};

struct LineMemo;  // what check() found in each line text (src/rules.h)
std::shared_ptr<LineMemo> make_line_memo();

struct Tables {
  std::map<char32_t, std::string> fullwidth;  // ASCII mark → full-width form
  uint32_t normalized_min_ascii = 5;  // ASCII marks in Chinese text needed for normalized mode…
  double normalized_max_fullwidth_share = 0.1;  // …while full-width ones are at most this share
  uint32_t bulk_min_ascii = 30;  // …or at least this many ASCII marks, whatever the share
  std::vector<PairFamily> pairs;
  report::PatternRules patterns;
  // What check() found in each line of the open documents, shared by copies of these tables:
  // after an edit only the changed lines are checked again.  It holds for these tables' content
  // only.
  std::shared_ptr<LineMemo> memo = make_line_memo();
};

// Loads the bundled tables and then each data folder's.  A broken bundled file throws
// std::runtime_error; a broken user file is skipped and its "<file>: <reason>" added to errors.
Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors);

// All punctuation diagnostics of doc.  Stops early, returning nothing, when cancelled().
// `document` (the uri) owns the lines it leaves in the tables' memo (line_cache.h).  With
// defer_fix_edits (plugin::Document), normalized-document's fix — one edit per mark of the whole
// text — carries its title only; everything else is the same.
std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &tables,
                                      const std::function<bool()> &cancelled, std::string_view document = {},
                                      bool defer_fix_edits = false);
// The document was closed: the memo drops its lines.
void forget(const Tables &tables, std::string_view document);

// How many lines check() has read with these tables (or their copies) rather than recalled.
uint64_t lines_checked(const Tables &tables);

}  // namespace reportls::punctuation

#endif  // REPORTLS_PUNCTUATION_PUNCTUATION_H
