// reportls/phrasing/pinyin.h — pinyin keys of phrases, for matching what the user types in Latin.
//
//   Romanizer r(table);                  // cheap: ICU is not touched yet
//   PinyinKey k = r.key("习近平法治思想");  // {"xijinpingfazhisixiang", "xjpfzsx", {0,2,5,…}}
//
// A text the table holds takes its key from there.  Otherwise only runs of CJK ideographs are
// transliterated (ICU Han-Latin, tones stripped, lower case); ASCII letters and digits are kept as
// they are (lower case); everything else — punctuation, ××, quotes — is skipped, so `××县` gives
// "xian".  The ICU transliterator costs tens of milliseconds to build, so it is built by the first
// key() that needs it, not before.
#ifndef REPORTLS_PHRASING_PINYIN_H
#define REPORTLS_PHRASING_PINYIN_H

#include <reportls/phrasing/pinyin_key.h>
#include <reportls/phrasing/pinyin_table.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace reportls::phrasing {

class Romanizer {
 public:
  // known: keys computed in advance (the bundled phrases'); empty: every key comes from ICU.
  explicit Romanizer(PinyinTable known = {});
  ~Romanizer();
  Romanizer(const Romanizer &) = delete;
  Romanizer &operator=(const Romanizer &) = delete;

  // Thread-safe (ICU transliterators are not: calls are serialised), but slow compared with
  // matching: call it once per phrase, never per keystroke.  Throws std::runtime_error when ICU
  // lacks the Han-Latin transform.
  PinyinKey key(std::string_view utf8) const;

  // Whether a key() has built the ICU transliterator.
  bool transliterator_built() const;

 private:
  // A run of CJK ideographs in ASCII ("xi jin ping").
  std::string transliterate(std::string_view run) const;

  PinyinTable known_;
  mutable std::unique_ptr<icu::Transliterator> han_;  // guarded by mutex_
  mutable std::mutex mutex_;
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_PINYIN_H
