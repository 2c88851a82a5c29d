#include <reportls/phrasing/pinyin.h>
#include <reportls/report/text.h>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <stdexcept>

namespace reportls::phrasing {

namespace report = reportls::report;

Romanizer::Romanizer() {
  UErrorCode status = U_ZERO_ERROR;
  han_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD,
                                                 status));
  if (U_FAILURE(status) || !han_)
    throw std::runtime_error(std::string("ICU Han-Latin transliterator: ") + u_errorName(status));
}

Romanizer::~Romanizer() = default;

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Appends the [a-z0-9]+ tokens of ascii as syllables.
void add_tokens(const std::string &ascii, PinyinKey &key) {
  size_t i = 0;
  while (i < ascii.size()) {
    if (!is_ascii_alnum(ascii[i])) {
      ++i;
      continue;
    }
    key.syllable_starts.push_back(static_cast<uint32_t>(key.full.size()));
    const size_t start = key.full.size();
    while (i < ascii.size() && is_ascii_alnum(ascii[i]))
      key.full += static_cast<char>(std::tolower(static_cast<unsigned char>(ascii[i++])));
    // A number is typed whole (12345热线 → 12345rx); a word by its first letter.
    const bool number = key.full[start] >= '0' && key.full[start] <= '9';
    key.initials += number ? key.full.substr(start) : key.full.substr(start, 1);
  }
}

}  // namespace

PinyinKey Romanizer::key(std::string_view utf8) const {
  PinyinKey key;
  uint32_t i = 0;
  while (i < utf8.size()) {
    uint32_t start = i;
    char32_t c = report::next_code_point(utf8, i);
    if (c < 0x80) {
      while (i < utf8.size() && is_ascii_alnum(utf8[i])) ++i;
      add_tokens(std::string(utf8.substr(start, i - start)), key);
      continue;
    }
    if (!report::is_cjk_ideograph(c)) continue;
    uint32_t end = i;
    while (end < utf8.size()) {
      uint32_t next = end;
      if (!report::is_cjk_ideograph(report::next_code_point(utf8, next))) break;
      end = next;
    }
    i = end;
    icu::UnicodeString run = icu::UnicodeString::fromUTF8(utf8.substr(start, end - start));
    {
      std::lock_guard lock(mutex_);
      han_->transliterate(run);
    }
    std::string ascii;
    run.toUTF8String(ascii);
    add_tokens(ascii, key);
  }
  return key;
}

}  // namespace reportls::phrasing
