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
  std::vector<uint32_t> initial_starts;   // byte offsets of the syllables in initials
  // Byte offset in the phrase's text of the character (or ASCII run) each syllable spells, so a
  // key can be matched from the middle of a phrase (`坚持以xjp`).  Empty when the syllables could
  // not be aligned with the text (Romanizer::key fills it).
  std::vector<uint32_t> sources;

  // The same syllables (what is derived from them and the text is not compared).
  bool operator==(const PinyinKey &o) const {
    return full == o.full && initials == o.initials && syllable_starts == o.syllable_starts;
  }
};

// Pinyin letters compare with ü typed as v, as input methods spell it (`lvxing` for 履行, whose
// key says "luxing"), and without case.
char fold_pinyin(char c);
// Whether query (folded) is what key holds at pos.
bool pinyin_at(std::string_view key, size_t pos, std::string_view query);

// Appends the [A-Za-z0-9]+ runs of text to key as syllables (lower case); any other byte
// separates them.  "xi jin ping" appended to an empty key gives the key of 习近平.
void add_syllables(std::string_view text, PinyinKey &key);

// The syllables of key separated by single spaces: "xi jin ping".  add_syllables rebuilds key.
std::string spaced_syllables(const PinyinKey &key);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_PINYIN_KEY_H
