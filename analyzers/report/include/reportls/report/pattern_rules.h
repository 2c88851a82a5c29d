// reportls/report/pattern_rules.h — data-driven "find this, say that, replace with …" rules.
//
// A rules file (JSON) is {"format": "reportls-pattern-rules", "version": 1, "topic": "…",
// "rules": [entry…]}.  Each entry:
//   "rule":     "outdated"            the code suffix (<analyzer>.<rule>)
//   "severity": "error"|"warning"|"information"|"hint"   (default "warning")
//   "find":     "截止目前"             literal text, or
//   "pattern":  "…"                   an ICU regex (bounded look-behind allowed)
//   "group":    1                     the capture group the fix replaces (default 0: the match)
//   "replace":  "截至目前"             replacement of that group ($0…$9 expand); absent: no fix
//   "certain":  true                  the fix is the preferred one (default true)
//   "message":  "…{text}…{fixed}…"    {text}: the match; {fixed}: the match after the fix
//   "years":    [2021, null]          report years the rule applies to (null: open end)
// Unknown keys are errors.  Rules are immutable after loading and safe to share between threads.
#ifndef REPORTLS_REPORT_PATTERN_RULES_H
#define REPORTLS_REPORT_PATTERN_RULES_H

#include <reportls/report/pattern.h>
#include <reportls/report/year_range.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

struct PatternRule {
  std::string rule;
  std::string severity = "warning";
  Pattern pattern;
  uint32_t group = 0;
  std::optional<std::string> replace;
  bool certain = true;
  std::string message;
  YearRange years;  // the report years it applies to
};

// Parses one rules file; throws std::runtime_error("<origin>: <reason>").
std::vector<PatternRule> parse_pattern_rules(std::string_view json, const std::string &origin);

class LiteralFilter;

struct PatternHit {
  const PatternRule *rule = nullptr;
  Span range;               // the whole match
  Span edit;                // the bytes the fix replaces (the rule's group)
  std::string replacement;  // meaningful when rule->replace is set
  std::string message;      // {text} and {fixed} filled in
};

// The rules of one analyzer, searched together: a text is read once for the literals their
// patterns require (Pattern::required), and only the rules whose literal it holds are searched —
// not one search of the text per rule.  Filled at load, then immutable and shared between threads.
class PatternRules {
 public:
  PatternRules();
  ~PatternRules();
  PatternRules(const PatternRules &) = default;
  PatternRules(PatternRules &&) noexcept = default;
  PatternRules &operator=(const PatternRules &) = default;
  PatternRules &operator=(PatternRules &&) noexcept = default;

  // Appends rules; pointers to the rules held before (PatternHit::rule) become invalid.
  void add(std::vector<PatternRule> rules);

  const std::vector<PatternRule> &all() const { return rules_; }
  bool empty() const { return rules_.empty(); }
  size_t size() const { return rules_.size(); }

  // The hits of every rule applicable to year in text[within].
  std::vector<PatternHit> search(std::string_view text, Span within, std::optional<uint32_t> year) const;

 private:
  std::vector<PatternRule> rules_;
  std::shared_ptr<const LiteralFilter> filter_;
};


// Runs every rule applicable to year over text[within]; calls f for each hit.
void find_pattern_hits(std::string_view text, Span within, const PatternRules &rules,
                       std::optional<uint32_t> year, const std::function<void(PatternHit &&)> &f);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_PATTERN_RULES_H
