// reportls/report/rules.h — the domain knowledge the parser needs, loaded from report-rules.json.
//
// Web-page chrome, metadata keys, title and signature shapes are data, not C++ literals: every
// analyzer ships a copy of report-rules.json beside its library (CMake: ${REPORTLS_REPORT_RULES})
// and loads it once at create.  A Rules value is immutable after loading and safe to share between
// threads.  The file format is described in analyzers/report/README.md.
#ifndef REPORTLS_REPORT_RULES_H
#define REPORTLS_REPORT_RULES_H

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

class TitlePatterns;  // compiled ICU regexes (rules.cpp)

struct Rules {
  // --- page chrome (LineKind::Debris); only lines of at most debris_max_bytes are tested -----
  uint32_t debris_max_bytes = 400;
  std::vector<std::string> debris_contains;  // line contains X
  std::vector<std::string> debris_prefixes;  // trimmed line starts with X
  std::vector<std::string> debris_equals;    // line equals X once whitespace, filler and 【】[] go
  std::u32string filler;                     // a line of only these and whitespace is chrome (□)
  std::u32string nav_separators;             // `中国政府网 | 重庆市人民政府网`, `首页 > 政务公开`…
  uint32_t nav_max_segment_chars = 20;       // …when every segment is at most this long
  // Metadata keys: `[ 成文日期 ] 2024-02-29`, `发布日期:2021-02-03`.  A line that starts with a key
  // (bracketed or followed by a colon) is chrome, and its key/value pairs become Document::metadata.
  std::vector<std::string> metadata_keys;

  // --- title (LineKind::Title) --------------------------------------------------------------
  uint32_t title_max_chars = 60;      // code points
  uint32_t title_search_lines = 12;   // candidate lines examined before the first heading
  std::shared_ptr<const TitlePatterns> title_patterns;  // null: no title is ever found

  // --- signature (落款, LineKind::Signature) ------------------------------------------------
  uint32_t signature_max_chars = 40;
  uint32_t signature_max_lines = 4;

  // Reads <dir>/report-rules.json.  Throws std::runtime_error("<file>: <reason>") when the file
  // is missing, is not JSON, or a field has the wrong type or an invalid regex.
  static Rules load(const std::string &dir);
  // load(), or the built-in defaults when the file is broken, its error given to warn (a plugin's
  // load warning): for an analyzer that still works without the file (headings need no rules).
  static Rules load_or_defaults(const std::string &dir, const std::function<void(const std::string &)> &warn);
  // Parses rules from JSON text; origin names the source in error messages.
  static Rules parse(std::string_view json, const std::string &origin);

  // The rules' content in a canonical form, set by parse(): two Rules loaded from equal JSON are
  // interchangeable (shared_parse relies on it).  Null for Rules built in code.
  std::shared_ptr<const std::string> canonical;

  // True when a title pattern matches the line and no headline pattern does (`…审议…情况报告` is
  // news about a report, not its title); bounded ICU regex searches, false on timeout.
  bool matches_title(std::string_view line) const;
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_RULES_H
