// literal_filter.h — which of many patterns can match a text, found in one pass over the text for
// the texts they require (RequiredTexts, required_literal.h), instead of one search of the text
// per pattern and text; up to kSearchedEach texts (one pattern's, mostly) are each searched for.
//
// The answer is the one memmem gives pattern by pattern: a pattern is a candidate unless, for one
// of its lists, the text contains none of the list's texts, compared as bytes at every byte
// offset.  Internal to the report library (pattern.cpp, pattern_rules.cpp).  Immutable after
// construction; any thread.
#ifndef REPORTLS_REPORT_LITERAL_FILTER_H
#define REPORTLS_REPORT_LITERAL_FILTER_H

#include <reportls/report/pattern.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportls::report {

class LiteralFilter {
 public:
  // required[i]: what a text holding a match of pattern i contains; no lists: nothing known (the
  // pattern is always a candidate).
  explicit LiteralFilter(const std::vector<RequiredTexts> &required);

  // candidates[i]: pattern i may match text (false only when text lacks every text of one of
  // its lists).
  std::vector<bool> candidates(std::string_view text) const;

 private:
  // The literals form a byte trie; from each character of the text the trie is walked as far as
  // the text follows it, marking the literals that end on the way: one walk per character however
  // many literals start alike (products such as 法治政府建设实施纲要（2010 … （2020 share most of
  // their bytes).  A node's children are a run of edges sorted by byte.  The node under a
  // character's first kKeyBytes bytes (one CJK character) is found in a hash table, one probe
  // instead of a search per byte, and the root's children in a table by byte.
  // A filter of a few literals (one pattern's) searches for each instead: memmem skips through a
  // text several bytes at a time where the walk visits every character.
  static constexpr size_t kKeyBytes = 3;
  static constexpr size_t kSearchedEach = 16;
  void walk(uint32_t node, std::string_view text, size_t next, std::vector<char> &found) const;
  uint32_t child(uint32_t node, unsigned char byte) const;  // 0: none (the root is no child)
  // The node the text at `at` leads to (0: none) and where the walk goes on from it.
  std::pair<uint32_t, size_t> start(std::string_view text, size_t at) const;
  static uint32_t key(const char *bytes);  // kKeyBytes bytes
  size_t slot(uint32_t key) const;         // its first place in keys_

  struct Node {
    uint32_t edges_begin = 0, edges_end = 0;  // its children, in edge_byte_/edge_node_, by byte
    int32_t literal = -1;                     // the literal that ends here, if any
  };

  size_t literal_count_ = 0;
  bool searched_each_ = false;     // at most kSearchedEach literals: no trie, few_ searched for
  std::vector<std::string> few_;  // then the literals, by id
  std::vector<std::vector<std::vector<uint32_t>>> of_pattern_;  // per pattern, its lists of literal ids
  std::vector<Node> nodes_;                  // nodes_[0] is the root
  std::vector<uint32_t> root_;               // 256 entries, the root's child by byte (0: none)
  std::vector<unsigned char> edge_byte_;
  std::vector<uint32_t> edge_node_;
  struct Key {
    uint32_t bytes = kNoKey;  // a literal's first kKeyBytes bytes
    uint32_t node = 0;        // the node they lead to
  };
  static constexpr uint32_t kNoKey = ~uint32_t{0};
  std::vector<Key> keys_;               // open addressing, 2^key_bits_ long
  // Most characters of a text start no literal: two bitmaps of hashes (4 KiB each, which stay in
  // the nearest cache) answer them without a probe of keys_, whose table is tens of KiB and cold in
  // a process that has just loaded its rules.  A character that starts a literal's first character
  // mostly does not go on as it does (法 starts many literals, 法治 fewer), so a literal of
  // kPairBytes or more (two CJK characters) is seen by its first kPairBytes bytes, and only a
  // shorter one by its key: of the corpus reports' characters 37–40 % start a key of the terms'
  // rules, 16–18 % pass the two bitmaps (mostly punctuation some rule requires on its own).
  static constexpr unsigned kSeenBits = 15;
  static constexpr size_t kPairBytes = 2 * kKeyBytes;
  static size_t seen_bit(uint64_t bytes);
  static bool seen(const std::vector<uint64_t> &bitmap, uint64_t bytes);
  static void mark(std::vector<uint64_t> &bitmap, uint64_t bytes);
  static uint64_t pair(const char *bytes);  // kPairBytes bytes
  std::vector<uint64_t> short_seen_;  // the keys of the literals shorter than kPairBytes; only with the trie
  std::vector<uint64_t> pair_seen_;   // the first kPairBytes bytes of the others
  unsigned key_bits_ = 0;
  std::vector<unsigned char> lead_of_short_;  // by byte: some literal shorter than kKeyBytes starts with it
  bool starts_in_character_ = false;  // some literal starts with a UTF-8 continuation byte
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_LITERAL_FILTER_H
