#include <reportls/phrasing/pinyin.h>
#include <reportls/report/text.h>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace reportls::phrasing {

namespace report = reportls::report;

Romanizer::Romanizer(PinyinTable known) : known_(std::move(known)) {}

Romanizer::~Romanizer() = default;

bool Romanizer::transliterator_built() const {
  std::lock_guard lock(mutex_);
  return han_ != nullptr;
}

std::string Romanizer::transliterate(std::string_view run) const {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(run);
  std::unique_lock lock(mutex_);
  if (!han_) {
    UErrorCode status = U_ZERO_ERROR;
    han_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD,
                                                   status));
    if (U_FAILURE(status) || !han_) {
      han_.reset();
      throw std::runtime_error(std::string("ICU Han-Latin transliterator: ") + u_errorName(status));
    }
  }
  han_->transliterate(text);
  lock.unlock();
  std::string ascii;
  text.toUTF8String(ascii);
  return ascii;
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The text offset each syllable spells: one syllable per CJK ideograph and per ASCII letter-or-digit
// run, nothing for anything else — the way key() builds them.  Left empty when the count differs
// (ICU spelt a character as two syllables, or none).
void align_sources(std::string_view utf8, PinyinKey &key) {
  std::vector<uint32_t> sources;
  uint32_t i = 0;
  while (i < utf8.size()) {
    const uint32_t start = i;
    const char32_t c = report::next_code_point(utf8, i);
    if (c < 0x80 && is_ascii_alnum(static_cast<char>(c))) {
      while (i < utf8.size() && is_ascii_alnum(utf8[i])) ++i;
      sources.push_back(start);
    } else if (report::is_cjk_ideograph(c)) {
      sources.push_back(start);
    }
  }
  if (sources.size() == key.syllable_starts.size()) key.sources = std::move(sources);
}

}  // namespace

PinyinKey Romanizer::key(std::string_view utf8) const {
  if (const PinyinKey *known = known_.find(utf8)) {
    PinyinKey key = *known;
    align_sources(utf8, key);
    return key;
  }
  PinyinKey key;
  uint32_t i = 0;
  while (i < utf8.size()) {
    uint32_t start = i;
    char32_t c = report::next_code_point(utf8, i);
    if (c < 0x80) {
      while (i < utf8.size() && is_ascii_alnum(utf8[i])) ++i;
      add_syllables(utf8.substr(start, i - start), key);
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
    add_syllables(transliterate(utf8.substr(start, end - start)), key);
  }
  align_sources(utf8, key);
  return key;
}

}  // namespace reportls::phrasing
