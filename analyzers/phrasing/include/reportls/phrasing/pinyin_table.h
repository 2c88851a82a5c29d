// reportls/phrasing/pinyin_table.h — pinyin keys computed in advance, looked up by phrase text.
//
// The build runs tools/make_pinyin_table.cpp over the bundled phrase files and ships the result
// beside the plugin as kPinyinTableFile, so loading the plugin does not build ICU's transliterator:
//   {"format":"reportls-pinyin","version":1,"icu":"72.1",
//    "keys":{"习近平法治思想":"xi jin ping fa zhi si xiang", …}}
// "icu" is the ICU version that computed the keys; a table from another version is refused, since
// its keys could differ from the ones ICU computes here.
#ifndef REPORTLS_PHRASING_PINYIN_TABLE_H
#define REPORTLS_PHRASING_PINYIN_TABLE_H

#include <reportls/phrasing/pinyin_key.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace reportls::phrasing {

inline constexpr std::string_view kPinyinTableFile = "bundled.pinyin.json";

class PinyinTable {
 public:
  // The key of text, or nullptr when the table does not hold it.
  const PinyinKey *find(std::string_view text) const;
  void insert(std::string text, PinyinKey key);
  size_t size() const { return keys_.size(); }

  // The file content, stamped with the ICU version this process runs.
  std::string to_json() const;

  // nullopt when content is not such a table, comes from another ICU version or holds a key that
  // is not canonical spaced syllables ([a-z0-9]+ separated by single spaces): all or nothing.
  static std::optional<PinyinTable> parse(std::string_view content);
  // parse of the file at path; nullopt too when it is missing or unreadable.
  static std::optional<PinyinTable> read(const std::string &path);

 private:
  std::map<std::string, PinyinKey, std::less<>> keys_;
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_PINYIN_TABLE_H
