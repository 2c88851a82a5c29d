#include "lsp/tool/charsets.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

namespace reportls::lsp {
namespace {

struct ConverterDeleter {
  void operator()(UConverter *c) const { ucnv_close(c); }
};

}  // namespace

std::optional<std::string> convert_strictly(std::string_view bytes, const char *charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterDeleter> from(ucnv_open(charset, &status));
  std::unique_ptr<UConverter, ConverterDeleter> to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // No charset here takes more than twice its bytes in UTF-8 (a 2-byte GB18030 or UTF-16 unit
  // becomes at most 3 bytes), so one call converts everything.
  std::string out(bytes.size() * 2 + 4, '\0');
  std::vector<UChar> pivot(1024);
  UChar *pivot_source = pivot.data(), *pivot_target = pivot.data();
  char *target = out.data();
  const char *source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), true, true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

std::vector<std::pair<std::string, int32_t>> detect(std::string_view bytes) {
  std::vector<std::pair<std::string, int32_t>> out;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return out;
  ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t count = 0;
  const UCharsetMatch **matches = ucsdet_detectAll(detector, &count, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const char *name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_SUCCESS(status) && name) out.emplace_back(name, confidence);
  }
  ucsdet_close(detector);
  return out;
}

}  // namespace reportls::lsp
