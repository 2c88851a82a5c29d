#include <reportls/phrasing/word_bounds.h>
#include <reportls/report/text.h>

#include <unicode/utext.h>

namespace reportls::phrasing {

WordBounds::WordBounds() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) words_.reset();
}

size_t WordBounds::end_before(std::string_view run, size_t end) {
  if (!words_ || end >= run.size()) return end;
  UErrorCode status = U_ZERO_ERROR;
  UText *text = utext_openUTF8(nullptr, run.data(), static_cast<int64_t>(run.size()), &status);
  if (U_FAILURE(status)) return end;
  words_->setText(text, status);
  size_t out = end;
  if (U_SUCCESS(status) && !words_->isBoundary(static_cast<int32_t>(end))) {
    const int32_t before = words_->preceding(static_cast<int32_t>(end));
    out = before == icu::BreakIterator::DONE ? 0 : static_cast<size_t>(before);
  }
  utext_close(text);
  return out;
}

std::vector<uint32_t> WordBounds::starts(std::string_view text) {
  std::vector<uint32_t> out;
  UErrorCode status = U_ZERO_ERROR;
  UText *utext = words_ ? utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status)
                        : nullptr;
  if (words_ && U_SUCCESS(status)) words_->setText(utext, status);
  if (words_ && U_SUCCESS(status)) {
    for (int32_t b = words_->first(); b != icu::BreakIterator::DONE; b = words_->next())
      out.push_back(static_cast<uint32_t>(b));
  } else {
    for (uint32_t i = 0; i < text.size(); report::next_code_point(text, i)) out.push_back(i);
  }
  if (utext) utext_close(utext);
  return out;
}

}  // namespace reportls::phrasing
