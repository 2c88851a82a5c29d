// reportls/phrasing/pinyin.h — pinyin keys of a phrase, for matching what the user types in Latin.
//
//   Romanizer r;                         // creates the ICU transliterator (tens of ms): once
//   PinyinKey k = r.key("习近平法治思想");  // {"xijinpingfazhisixiang", "xjpfzsx", {0,2,5,…}}
//
// Only runs of CJK ideographs are transliterated (ICU Han-Latin, tones stripped, lower case);
// ASCII letters and digits are kept as they are (lower case); everything else — punctuation, ××,
// quotes — is skipped, so `××县` gives "xian".
#ifndef REPORTLS_PHRASING_PINYIN_H
#define REPORTLS_PHRASING_PINYIN_H

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace reportls::phrasing {

struct PinyinKey {
  std::string full;       // syllables concatenated: "xijinping"
  std::string initials;   // first letter of each syllable: "xjp"
  std::vector<uint32_t> syllable_starts;  // byte offsets of the syllables in full
};

class Romanizer {
 public:
  // Throws std::runtime_error when ICU lacks the Han-Latin transform.
  Romanizer();
  ~Romanizer();
  Romanizer(const Romanizer &) = delete;
  Romanizer &operator=(const Romanizer &) = delete;

  // Thread-safe (ICU transliterators are not: calls are serialised), but slow compared with
  // matching: call it when data loads, never per keystroke.
  PinyinKey key(std::string_view utf8) const;

 private:
  std::unique_ptr<icu::Transliterator> han_;
  mutable std::mutex mutex_;
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_PINYIN_H
