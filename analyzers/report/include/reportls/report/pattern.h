// reportls/report/pattern.h — ICU regexes over UTF-8 text, reporting byte spans.
//
// Analyzers keep their patterns in JSON data files (possibly user-written); a Pattern is compiled
// once at load and searched with a time limit, so a hostile pattern cannot stall an analysis.
// A Pattern is immutable and may be searched from several threads at once.
#ifndef REPORTLS_REPORT_PATTERN_H
#define REPORTLS_REPORT_PATTERN_H

#include <reportls/report/text.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

struct PatternMatch {
  Span span;                    // the whole match, in bytes of the searched text
  std::vector<Span> groups;     // groups[0] = span, then every capture group (empty if unset)
};

// A stretch of UTF-8 text converted once to the UTF-16 ICU searches, with the map back to byte
// offsets; search it with any number of patterns.  It is converted by the first search that needs
// it (a pattern whose required text — e.g. 截止 in 截止(?:到)?目前 — is not in the stretch does
// not), so one PatternText is searched by one thread at a time.
class PatternText {
 public:
  PatternText(std::string_view text, Span within);
  ~PatternText();

  struct Data;  // opaque

 private:
  friend class Pattern;
  std::unique_ptr<Data> data_;
};

class PatternRules;

// What every line holding a match contains: one text of each list (empty: nothing known).
using RequiredTexts = std::vector<std::vector<std::string>>;

class Pattern {
 public:
  static constexpr int kTimeLimitMs = 50;  // a search's default time limit

  // Compiles an ICU regex (literal = true: the text matched as is).  Throws
  // std::runtime_error("invalid regex \"…\" (<ICU error>)") when it does not compile.
  Pattern(const std::string &source, bool literal = false);

  // Calls f for every non-overlapping match inside text[within], left to right, until f returns
  // false.  Stops silently when the time limit (per call, milliseconds) is exceeded.
  void search(std::string_view text, Span within,
              const std::function<bool(const PatternMatch &)> &f, int time_limit_ms = kTimeLimitMs) const;
  // The same over a text prepared once for several patterns.
  void search(const PatternText &text, const std::function<bool(const PatternMatch &)> &f,
              int time_limit_ms = kTimeLimitMs) const;

  // Expands `$0`…`$9` in replacement with the groups of m (other text is copied; `\$` is `$`).
  static std::string expand(std::string_view text, const PatternMatch &m,
                            std::string_view replacement);

  const std::string &source() const { return source_; }
  // The texts every text holding a match contains (read from the regex; required_literal.h), with
  // which search() skips a text that lacks all of one list.  Read again at each call.
  RequiredTexts required() const;

 private:
  // PatternRules finds which texts hold the required texts itself, for all its rules at once;
  // prefilter = false skips that check here (the other prefilters still apply).
  friend class PatternRules;
  void search(const PatternText &text, const std::function<bool(const PatternMatch &)> &f, int time_limit_ms,
              bool prefilter) const;

  struct Compiled;
  std::string source_;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_PATTERN_H
