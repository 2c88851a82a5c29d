// reportls/phrasing/pinyin_key.h — the pinyin key of a phrase, and how it is built from syllables.
#ifndef REPORTLS_PHRASING_PINYIN_KEY_H
#define REPORTLS_PHRASING_PINYIN_KEY_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::phrasing {

struct PinyinKey {
  std::string full;       // syllables concatenated: "xijinping"
  std::string initials;   // first letter of each syllable, a number whole: "xjp", "12345rx"
  std::vector<uint32_t> syllable_starts;  // byte offsets of the syllables in full

  bool operator==(const PinyinKey &) const = default;
};

// Appends the [A-Za-z0-9]+ runs of text to key as syllables (lower case); any other byte
// separates them.  "xi jin ping" appended to an empty key gives the key of 习近平.
void add_syllables(std::string_view text, PinyinKey &key);

// The syllables of key separated by single spaces: "xi jin ping".  add_syllables rebuilds key.
std::string spaced_syllables(const PinyinKey &key);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_PINYIN_KEY_H
