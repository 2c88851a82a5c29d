#include <reportls/report/pattern_rules.h>

#include <reportls/report/json_read.h>

#include "literal_filter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace reportls::report {
namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string &origin, const std::string &why) {
  throw std::runtime_error(origin + ": " + why);
}

std::string replace_all(std::string s, std::string_view key, std::string_view value) {
  for (size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
    s.replace(at, key.size(), value);
  return s;
}

PatternRule parse_entry(const json &e, const std::string &origin, size_t index) {
  const std::string where = origin + ": rules[" + std::to_string(index) + "]";
  if (!e.is_object()) fail(where, "not an object");
  static const std::vector<std::string> known = {"rule",  "severity", "find",    "pattern", "group",
                                                 "replace", "certain", "message", "years",   "note"};
  for (const auto &[k, v] : e.items())
    if (std::find(known.begin(), known.end(), k) == known.end()) fail(where, "unknown key \"" + k + "\"");
  auto str = [&](const char *k, bool required) -> std::string {
    if (!e.contains(k)) {
      if (required) fail(where, std::string("missing \"") + k + "\"");
      return {};
    }
    if (!e[k].is_string()) fail(where, std::string("\"") + k + "\" must be a string");
    return e[k].get<std::string>();
  };
  const bool literal = e.contains("find");
  if (literal == e.contains("pattern")) fail(where, "needs exactly one of \"find\" and \"pattern\"");
  PatternRule r{str("rule", true), "warning", [&] {
                  try {
                    return Pattern(str(literal ? "find" : "pattern", true), literal);
                  } catch (const std::exception &x) {
                    fail(where, x.what());
                  }
                }()};
  if (e.contains("severity")) {
    r.severity = str("severity", true);
    if (r.severity != "error" && r.severity != "warning" && r.severity != "information" &&
        r.severity != "hint")
      fail(where, "severity must be error, warning, information or hint");
  }
  if (e.contains("group")) {
    if (!e["group"].is_number_unsigned() || e["group"].get<uint32_t>() > 9)
      fail(where, "\"group\" must be 0…9");
    r.group = e["group"].get<uint32_t>();
  }
  if (e.contains("replace")) r.replace = str("replace", true);
  if (e.contains("certain")) {
    if (!e["certain"].is_boolean()) fail(where, "\"certain\" must be true or false");
    r.certain = e["certain"].get<bool>();
  }
  r.message = str("message", true);
  r.years = json_read::years(e, "years", origin, "rules[" + std::to_string(index) + "]");
  return r;
}

}  // namespace

std::vector<PatternRule> parse_pattern_rules(std::string_view text, const std::string &origin) {
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object()) fail(origin, "not a JSON object");
  if (root.value("format", std::string()) != "reportls-pattern-rules")
    fail(origin, "\"format\" must be \"reportls-pattern-rules\"");
  if (!root.contains("rules") || !root["rules"].is_array()) fail(origin, "\"rules\" must be an array");
  std::vector<PatternRule> out;
  for (size_t i = 0; i < root["rules"].size(); ++i) out.push_back(parse_entry(root["rules"][i], origin, i));
  return out;
}

PatternRules::PatternRules() = default;
PatternRules::~PatternRules() = default;

void PatternRules::add(std::vector<PatternRule> rules) {
  for (PatternRule &r : rules) rules_.push_back(std::move(r));
  std::vector<RequiredTexts> required;
  for (const PatternRule &r : rules_) required.push_back(r.pattern.required());
  filter_ = std::make_shared<const LiteralFilter>(required);
}

std::vector<PatternHit> PatternRules::search(std::string_view text, Span within, std::optional<uint32_t> year) const {
  std::vector<PatternHit> hits;
  const PatternText prepared(text, within);  // converted once for all the rules
  const std::vector<bool> candidates = filter_ ? filter_->candidates(within.in(text)) : std::vector<bool>();
  for (size_t i = 0; i < rules_.size(); ++i) {
    const PatternRule &r = rules_[i];
    if (!candidates[i] || !r.years.contains(year)) continue;
    r.pattern.search(prepared, [&](const PatternMatch &m) {
      if (m.span.empty()) return true;
      PatternHit hit{&r, m.span, r.group < m.groups.size() ? m.groups[r.group] : m.span, {}, {}};
      const std::string matched(m.span.in(text));
      std::string fixed = matched;
      if (r.replace) {
        hit.replacement = Pattern::expand(text, m, *r.replace);
        fixed = std::string(text.substr(m.span.start, hit.edit.start - m.span.start)) +
                hit.replacement + std::string(text.substr(hit.edit.end, m.span.end - hit.edit.end));
      }
      hit.message = replace_all(replace_all(r.message, "{text}", matched), "{fixed}", fixed);
      hits.push_back(std::move(hit));
      return true;
    }, Pattern::kTimeLimitMs, false);
  }
  return hits;
}

void find_pattern_hits(std::string_view text, Span within, const PatternRules &rules,
                       std::optional<uint32_t> year, const std::function<void(PatternHit &&)> &f) {
  if (within.in(text).empty()) return;
  for (PatternHit &h : rules.search(text, within, year)) f(std::move(h));
}

}  // namespace reportls::report
