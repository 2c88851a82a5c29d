#include "literal_filter.h"

#include <reportls/report/text.h>

#include <algorithm>
#include <cstring>
#include <map>

namespace reportls::report {

namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

size_t LiteralFilter::slot(const char *key) {
  uint32_t k = 0;
  std::memcpy(&k, key, kKeyBytes);
  return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> (64 - kSlotBits));
}

LiteralFilter::LiteralFilter(const std::vector<std::vector<std::string>> &any_of) {
  std::map<std::string, uint32_t> ids;
  for (const std::vector<std::string> &literals : any_of) {
    std::vector<uint32_t> mine;
    // An empty literal is in every text: such a pattern is always a candidate.
    if (std::none_of(literals.begin(), literals.end(), [](const std::string &l) { return l.empty(); }))
      for (const std::string &l : literals) {
        auto [it, added] = ids.try_emplace(l, static_cast<uint32_t>(literals_.size()));
        if (added) literals_.push_back(l);
        mine.push_back(it->second);
      }
    of_pattern_.push_back(std::move(mine));
  }
  std::vector<std::vector<uint32_t>> slots(size_t{1} << kSlotBits);
  for (uint32_t id = 0; id < literals_.size(); ++id) {
    const std::string &l = literals_[id];
    if (l.size() < kKeyBytes) {
      short_.push_back(id);
      continue;
    }
    slots[slot(l.data())].push_back(id);
    starts_in_character_ |= is_continuation(static_cast<unsigned char>(l[0]));
  }
  for (const std::vector<uint32_t> &ids : slots) {
    slot_start_.push_back(static_cast<uint32_t>(slot_literals_.size()));
    slot_literals_.insert(slot_literals_.end(), ids.begin(), ids.end());
  }
  slot_start_.push_back(static_cast<uint32_t>(slot_literals_.size()));
}

std::vector<bool> LiteralFilter::candidates(std::string_view text) const {
  std::vector<bool> found(literals_.size());
  for (uint32_t id : short_) found[id] = find_text(text, literals_[id]) != std::string_view::npos;
  for (size_t i = 0; i + kKeyBytes <= text.size(); ++i) {
    // A literal that starts with a character's first byte cannot start inside another character.
    if (!starts_in_character_ && is_continuation(static_cast<unsigned char>(text[i]))) continue;
    const size_t at = slot(text.data() + i);
    for (uint32_t n = slot_start_[at]; n < slot_start_[at + 1]; ++n) {
      const uint32_t id = slot_literals_[n];
      if (!found[id] && text.substr(i).starts_with(literals_[id])) found[id] = true;
    }
  }
  std::vector<bool> out(of_pattern_.size());
  for (size_t p = 0; p < of_pattern_.size(); ++p)
    out[p] = of_pattern_[p].empty() ||
             std::any_of(of_pattern_[p].begin(), of_pattern_[p].end(), [&](uint32_t id) { return found[id]; });
  return out;
}

}  // namespace reportls::report
