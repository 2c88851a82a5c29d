#include "lsp/engine/json_location.h"

#include <nlohmann/json.hpp>

namespace reportls::lsp {

std::string to_string(const JsonPath &path) {
  std::string out;
  for (const JsonStep &step : path) {
    if (const size_t *index = std::get_if<size_t>(&step)) {
      out += "[" + std::to_string(*index) + "]";
      continue;
    }
    const std::string &key = std::get<std::string>(step);
    const bool plain = !key.empty() && key.find_first_of(".[]\" ") == std::string::npos;
    if (plain) out += (out.empty() ? "" : ".") + key;
    else out += "[" + nlohmann::json(key).dump() + "]";
  }
  return out;
}

namespace {

// A scanner over text that is valid JSON (checked before): it skips values and reads keys.
struct Scanner {
  std::string_view text;
  size_t i = 0;

  void space() {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  }
  // At a '"': the decoded string, i after its closing quote.
  std::string string() {
    const size_t start = i;
    for (++i; i < text.size() && text[i] != '"'; ++i)
      if (text[i] == '\\') ++i;
    ++i;
    return nlohmann::json::parse(text.substr(start, i - start)).get<std::string>();
  }
  void skip_value() {
    space();
    if (i >= text.size()) return;
    if (text[i] == '"') {
      string();
      return;
    }
    if (text[i] == '{' || text[i] == '[') {
      int depth = 0;
      for (; i < text.size(); ++i) {
        if (text[i] == '"') {
          string();
          --i;
        } else if (text[i] == '{' || text[i] == '[') {
          ++depth;
        } else if ((text[i] == '}' || text[i] == ']') && --depth == 0) {
          ++i;
          return;
        }
      }
      return;
    }
    while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
           text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
      ++i;
  }
  // Inside the container at i (its opening bracket), moves to the member `step` (its key, or the
  // element itself); false when there is none.
  bool enter(const JsonStep &step, size_t &found) {
    space();
    if (i >= text.size()) return false;
    const bool object = text[i] == '{';
    if (!object && text[i] != '[') return false;
    ++i;
    for (size_t index = 0;; ++index) {
      space();
      if (i >= text.size() || text[i] == '}' || text[i] == ']') return false;
      if (object) {
        found = i;
        const std::string key = string();
        space();
        ++i;  // ':'
        space();
        if (const std::string *wanted = std::get_if<std::string>(&step); wanted && *wanted == key) return true;
      } else {
        space();
        found = i;
        if (const size_t *wanted = std::get_if<size_t>(&step); wanted && *wanted == index) return true;
      }
      skip_value();
      space();
      if (i < text.size() && text[i] == ',') ++i;
    }
  }
};

}  // namespace

std::optional<TextLocation> locate(std::string_view text, const JsonPath &path) {
  if (nlohmann::json::parse(text, nullptr, false).is_discarded()) return std::nullopt;
  Scanner s{text};
  s.space();
  size_t found = s.i;
  for (const JsonStep &step : path)
    if (!s.enter(step, found)) return std::nullopt;
  TextLocation at;
  for (size_t k = 0; k < found; ++k) {
    if (text[k] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

}  // namespace reportls::lsp
