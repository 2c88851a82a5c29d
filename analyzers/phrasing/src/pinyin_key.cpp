#include <reportls/phrasing/pinyin_key.h>

#include <cctype>

namespace reportls::phrasing {

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

void add_syllables(std::string_view text, PinyinKey &key) {
  size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_alnum(text[i])) {
      ++i;
      continue;
    }
    key.syllable_starts.push_back(static_cast<uint32_t>(key.full.size()));
    key.initial_starts.push_back(static_cast<uint32_t>(key.initials.size()));
    const size_t start = key.full.size();
    while (i < text.size() && is_ascii_alnum(text[i]))
      key.full += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
    // A number is typed whole (12345热线 → 12345rx); a word by its first letter.
    const bool number = key.full[start] >= '0' && key.full[start] <= '9';
    key.initials += number ? key.full.substr(start) : key.full.substr(start, 1);
  }
}

char fold_pinyin(char c) {
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c == 'v' ? 'u' : c;  // ICU spells ü as u once the tone marks are gone
}

bool pinyin_at(std::string_view key, size_t pos, std::string_view query) {
  if (pos > key.size() || key.size() - pos < query.size()) return false;
  for (size_t i = 0; i < query.size(); ++i)
    if (fold_pinyin(key[pos + i]) != fold_pinyin(query[i])) return false;
  return true;
}

std::string spaced_syllables(const PinyinKey &key) {
  std::string out;
  for (size_t s = 0; s < key.syllable_starts.size(); ++s) {
    const size_t end =
        s + 1 < key.syllable_starts.size() ? key.syllable_starts[s + 1] : key.full.size();
    if (s > 0) out += ' ';
    out.append(key.full, key.syllable_starts[s], end - key.syllable_starts[s]);
  }
  return out;
}

}  // namespace reportls::phrasing
