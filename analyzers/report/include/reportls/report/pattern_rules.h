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

#include <reportls/report/line_cache.h>
#include <reportls/report/pattern.h>

#include <cstdint>
#include <functional>
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
  uint32_t from_year = 0, to_year = 0;  // 0: unbounded

  // Whether the rule applies to a report of year (unknown year: only to unbounded rules).
  bool applies_to(std::optional<uint32_t> year) const;
};

// Parses one rules file; throws std::runtime_error("<origin>: <reason>").
std::vector<PatternRule> parse_pattern_rules(std::string_view json, const std::string &origin);

struct PatternHit {
  const PatternRule *rule = nullptr;
  Span range;               // the whole match
  Span edit;                // the bytes the fix replaces (the rule's group)
  std::string replacement;  // meaningful when rule->replace is set
  std::string message;      // {text} and {fixed} filled in
};

// Hits of one line, with spans relative to the line's start (see line_cache.h).
using PatternHitCache = LineCache<std::vector<PatternHit>>;

// Runs every rule applicable to year over text[within]; calls f for each hit.  With a cache pass,
// a `within` whose text was searched before (for the same year) is not searched again; the cache
// must only ever be used with the same rules.
void find_pattern_hits(std::string_view text, Span within, const std::vector<PatternRule> &rules,
                       std::optional<uint32_t> year, const std::function<void(PatternHit &&)> &f,
                       PatternHitCache::Pass *cache = nullptr);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_PATTERN_RULES_H
