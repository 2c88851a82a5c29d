#include "literal_filter.h"

#include <reportls/report/text.h>

#include <algorithm>
#include <cstring>
#include <map>

namespace reportls::report {

namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

LiteralFilter::LiteralFilter(const std::vector<RequiredTexts> &required) {
  std::map<std::string, uint32_t> ids;
  std::vector<std::string> by_id;  // kept only when few: otherwise the trie of them is
  for (const RequiredTexts &lists : required) {
    std::vector<std::vector<uint32_t>> mine;
    for (const std::vector<std::string> &texts : lists) {
      // An empty list or an empty literal is in every text: such a list requires nothing.
      if (texts.empty() || std::any_of(texts.begin(), texts.end(), [](const std::string &l) { return l.empty(); }))
        continue;
      std::vector<uint32_t> list;
      for (const std::string &l : texts) {
        auto [it, added] = ids.try_emplace(l, static_cast<uint32_t>(by_id.size()));
        if (added) by_id.push_back(l);
        list.push_back(it->second);
      }
      mine.push_back(std::move(list));
    }
    of_pattern_.push_back(std::move(mine));
  }
  if (by_id.size() <= kSearchedEach) {
    literal_count_ = by_id.size();
    few_ = std::move(by_id);
    searched_each_ = true;
    return;
  }
  // The trie, laid out flat from the literals in byte order: the literals under a node are one
  // run of them, and its children (one per next byte) are appended together, so that each node's
  // edges are one run.
  std::vector<uint32_t> order(by_id.size());
  for (uint32_t id = 0; id < order.size(); ++id) {
    order[id] = id;
    starts_in_character_ |= is_continuation(static_cast<unsigned char>(by_id[id][0]));
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return by_id[a] < by_id[b]; });
  struct Pending {
    uint32_t node;
    size_t begin, end, depth;  // its literals: order[begin, end), sharing their first depth bytes
  };
  nodes_.emplace_back();
  std::vector<Pending> pending = {{0, 0, order.size(), 0}};
  while (!pending.empty()) {
    const Pending p = pending.back();
    pending.pop_back();
    size_t i = p.begin;
    if (i < p.end && by_id[order[i]].size() == p.depth) nodes_[p.node].literal = static_cast<int32_t>(order[i++]);
    nodes_[p.node].edges_begin = static_cast<uint32_t>(edge_byte_.size());
    while (i < p.end) {
      const unsigned char byte = static_cast<unsigned char>(by_id[order[i]][p.depth]);
      size_t j = i;
      while (j < p.end && static_cast<unsigned char>(by_id[order[j]][p.depth]) == byte) ++j;
      const auto child = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      edge_byte_.push_back(byte);
      edge_node_.push_back(child);
      pending.push_back({child, i, j, p.depth + 1});
      i = j;
    }
    nodes_[p.node].edges_end = static_cast<uint32_t>(edge_byte_.size());
  }
  literal_count_ = by_id.size();
  nodes_.shrink_to_fit();  // kept for the analysis process's life: no growth slack
  edge_byte_.shrink_to_fit();
  edge_node_.shrink_to_fit();
  // The root's children by byte, and the nodes under the first kKeyBytes bytes of the literals
  // that start with a non-ASCII byte.
  root_.assign(256, 0);
  for (uint32_t e = nodes_[0].edges_begin; e < nodes_[0].edges_end; ++e) root_[edge_byte_[e]] = edge_node_[e];
  lead_of_short_.assign(256, 0);
  std::vector<std::pair<uint32_t, uint32_t>> keyed;  // (bytes, node)
  short_seen_.assign((size_t{1} << kSeenBits) / 64, 0);
  pair_seen_.assign((size_t{1} << kSeenBits) / 64, 0);
  for (const std::string &l : by_id) {
    if (l.size() < kKeyBytes) {
      lead_of_short_[static_cast<unsigned char>(l[0])] = 1;
      continue;
    }
    if (static_cast<unsigned char>(l[0]) < 0x80) continue;
    uint32_t node = 0;
    for (size_t k = 0; k < kKeyBytes; ++k) node = child(node, static_cast<unsigned char>(l[k]));
    keyed.emplace_back(key(l.data()), node);
    if (l.size() < kPairBytes)
      mark(short_seen_, key(l.data()));
    else
      mark(pair_seen_, pair(l.data()));
  }
  std::sort(keyed.begin(), keyed.end());
  keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
  key_bits_ = 4;
  while ((size_t{1} << key_bits_) < 4 * keyed.size()) ++key_bits_;
  const size_t size = size_t{1} << key_bits_;
  keys_.assign(size, Key{});
  for (const auto &[bytes, node] : keyed)
    for (size_t at = slot(bytes); ; at = (at + 1) & (size - 1))
      if (keys_[at].bytes == kNoKey || keys_[at].bytes == bytes) {
        keys_[at] = {bytes, node};
        break;
      }
}

uint32_t LiteralFilter::key(const char *bytes) {
  return static_cast<uint32_t>(static_cast<unsigned char>(bytes[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(bytes[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(bytes[2])) << 16;
}

uint64_t LiteralFilter::pair(const char *bytes) {
  // Two loads, not a copy of six bytes into a word: that one stalls on reading back its stores.
  static_assert(kPairBytes == 6);
  uint32_t low = 0;
  uint16_t high = 0;
  std::memcpy(&low, bytes, 4);
  std::memcpy(&high, bytes + 4, 2);
  return uint64_t{low} | uint64_t{high} << 32;
}

size_t LiteralFilter::seen_bit(uint64_t bytes) {
  return static_cast<size_t>((bytes * 0xC2B2AE3D27D4EB4Full) >> (64 - kSeenBits));
}

bool LiteralFilter::seen(const std::vector<uint64_t> &bitmap, uint64_t bytes) {
  const size_t bit = seen_bit(bytes);
  return bitmap[bit / 64] >> (bit % 64) & 1;
}

void LiteralFilter::mark(std::vector<uint64_t> &bitmap, uint64_t bytes) {
  const size_t bit = seen_bit(bytes);
  bitmap[bit / 64] |= uint64_t{1} << (bit % 64);
}

size_t LiteralFilter::slot(uint32_t bytes) const {
  return static_cast<size_t>((bytes * 0x9E3779B97F4A7C15ull) >> (64 - key_bits_));  // the product's top bits
}

inline std::pair<uint32_t, size_t> LiteralFilter::start(std::string_view text, size_t at) const {
  const auto first = static_cast<unsigned char>(text[at]);
  // Past the key only where no literal ends inside it (none shorter than kKeyBytes starts so).
  if (first < 0x80 || lead_of_short_[first] || text.size() - at < kKeyBytes) return {root_[first], at + 1};
  const uint32_t bytes = key(text.data() + at);
  if (!seen(short_seen_, bytes) && !(text.size() - at >= kPairBytes && seen(pair_seen_, pair(text.data() + at))))
    return {0, at};
  for (size_t s = slot(bytes);; s = (s + 1) & (keys_.size() - 1)) {
    if (keys_[s].bytes == bytes) return {keys_[s].node, at + kKeyBytes};
    if (keys_[s].bytes == kNoKey) return {0, at};
  }
}

inline uint32_t LiteralFilter::child(uint32_t node, unsigned char byte) const {
  // Most nodes have a few children: a scan of their sorted bytes beats a binary search.
  const Node &n = nodes_[node];
  for (uint32_t e = n.edges_begin; e < n.edges_end; ++e)
    if (edge_byte_[e] >= byte) return edge_byte_[e] == byte ? edge_node_[e] : 0;
  return 0;
}

inline void LiteralFilter::walk(uint32_t node, std::string_view text, size_t next, std::vector<char> &found) const {
  for (size_t j = next; node != 0; ++j) {
    if (nodes_[node].literal >= 0) found[static_cast<size_t>(nodes_[node].literal)] = 1;
    if (j >= text.size()) return;
    node = child(node, static_cast<unsigned char>(text[j]));
  }
}

std::vector<bool> LiteralFilter::candidates(std::string_view text) const {
  std::vector<char> found(literal_count_);  // bytes: cheaper to test than bits
  for (size_t id = 0; id < few_.size(); ++id) found[id] = contains_text(text, few_[id]);
  for (size_t i = 0; !searched_each_ && i < text.size(); ++i) {
    // A literal that starts with a character's first byte cannot start inside another character.
    if (!starts_in_character_ && is_continuation(static_cast<unsigned char>(text[i]))) continue;
    const auto [node, next] = start(text, i);
    walk(node, text, next, found);
  }
  std::vector<bool> out(of_pattern_.size());
  for (size_t p = 0; p < of_pattern_.size(); ++p)
    out[p] = std::all_of(of_pattern_[p].begin(), of_pattern_[p].end(), [&](const std::vector<uint32_t> &list) {
      return std::any_of(list.begin(), list.end(), [&](uint32_t id) { return found[id]; });
    });
  return out;
}

}  // namespace reportls::report
