// charsets.h — ICU's converters and charset detector, as encoding.h uses them.  Part of the
// readers module (readers.h): encoding.cpp reaches them through reader_module(), and only for
// bytes that are no valid UTF-8, so reading UTF-8 maps no ICU.  Pure functions, any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportls::lsp {

// bytes in `charset` to UTF-8, refusing any byte sequence the charset does not define.
std::optional<std::string> convert_strictly(std::string_view bytes, const char *charset);

// The charsets ICU's detector names for these bytes, most confident first, with confidence.
std::vector<std::pair<std::string, int32_t>> detect(std::string_view bytes);

}  // namespace reportls::lsp
