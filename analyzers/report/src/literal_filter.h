// literal_filter.h — which of many patterns can match a text, found in one pass over the text for
// the literals they require (required_literal.h), instead of one search of the text per pattern.
//
// The answer is the one memmem gives pattern by pattern: a pattern is a candidate unless the text
// contains none of its literals, compared as bytes at every byte offset.  Internal to the report
// library (pattern_rules.cpp).  Immutable after construction; any thread.
#ifndef REPORTLS_REPORT_LITERAL_FILTER_H
#define REPORTLS_REPORT_LITERAL_FILTER_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

class LiteralFilter {
 public:
  // any_of[i]: the literals one of which every match of pattern i contains; empty: none known
  // (the pattern is always a candidate).
  explicit LiteralFilter(const std::vector<std::vector<std::string>> &any_of);

  // candidates[i]: pattern i may match text (false only when text lacks all of its literals).
  std::vector<bool> candidates(std::string_view text) const;

 private:
  // A literal of kKeyBytes or more is looked up by its first kKeyBytes bytes, hashed to a slot; a
  // slot lists the literals whose key lands there (compactly: a table of where each slot starts in
  // one array of literal ids), and most characters of a text find an empty slot.  The few shorter
  // literals (a space, a two-digit year prefix) are searched for one by one.
  static constexpr size_t kKeyBytes = 2;
  static constexpr size_t kSlotBits = 12;
  static size_t slot(const char *key);

  std::vector<std::string> literals_;
  std::vector<std::vector<uint32_t>> of_pattern_;  // ids in literals_; empty: always a candidate
  std::vector<uint32_t> short_;                    // ids of the literals shorter than kKeyBytes
  std::vector<uint32_t> slot_start_;  // one offset into slot_literals_ per slot, and the end
  std::vector<uint32_t> slot_literals_;
  bool starts_in_character_ = false;  // some literal starts with a UTF-8 continuation byte
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_LITERAL_FILTER_H
