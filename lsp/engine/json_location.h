// json_location.h — where a member or element of a JSON document is in its text, for messages
// that name a line and column of a settings file.  Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace reportls::lsp {

// One step into a JSON value: an object member's key or an array index.
using JsonStep = std::variant<std::string, size_t>;
using JsonPath = std::vector<JsonStep>;

// A path as people read it: rules["figures.sum"], dataDirs[0], debounce.
std::string to_string(const JsonPath &path);

struct TextLocation {
  uint32_t line = 1, column = 1;  // 1-based; the column counts characters
};

// The place of the value `path` leads to in `text` (of a member: its key), or nullopt when text is
// no valid JSON or has no such value.  An empty path is the document's first value.
std::optional<TextLocation> locate(std::string_view text, const JsonPath &path);

}  // namespace reportls::lsp
