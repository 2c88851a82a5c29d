#include "lsp/protocol/markup.h"

#include <cctype>

namespace reportls::lsp {

namespace {

// The length of a field or tab stop at s ("$1", "${2:…}" with nested fields), or 0.
size_t field_length(std::string_view s) {
  if (s.size() < 2 || s[0] != '$') return 0;
  if (std::isdigit(static_cast<unsigned char>(s[1]))) {
    size_t n = 1;
    while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
    return n;
  }
  if (s[1] != '{') return 0;
  int depth = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '{') {
      ++depth;
    } else if (s[i] == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return 0;
}

}  // namespace

std::string plain_from_snippet(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '$' || s[i + 1] == '}' || s[i + 1] == '\\')) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    const size_t n = field_length(s.substr(i));
    if (n == 0) {
      out += s[i++];
      continue;
    }
    // ${N:default}: the default, itself a snippet; ${N} and $N: nothing.
    const std::string_view field = s.substr(i, n);
    if (const size_t colon = field.find(':'); field[1] == '{' && colon != std::string_view::npos) {
      bool digits = colon > 2;
      for (size_t k = 2; k < colon; ++k) digits &= std::isdigit(static_cast<unsigned char>(field[k])) != 0;
      if (digits) out += plain_from_snippet(field.substr(colon + 1, field.size() - colon - 2));
      else out += field;
    }
    i += n;
  }
  return out;
}

std::string plain_from_markdown(std::string_view s) {
  std::string out;
  size_t line_start = 0;
  while (line_start <= s.size()) {
    size_t end = s.find('\n', line_start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(line_start, end - line_start);
    if (line == "---" || line == "***") line = {};
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
        out += line[++i];
      } else if (c != '*' && c != '`') {
        out += c;
      }
    }
    if (end == s.size()) break;
    out += '\n';
    line_start = end + 1;
  }
  return out;
}

}  // namespace reportls::lsp
