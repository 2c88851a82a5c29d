#include "lsp/protocol/json_text.h"

#include "lsp/protocol/utf8_runs.h"

#include <unicode/utf8.h>

#include <cstring>

namespace reportls::lsp {

void append_json_string(std::string &out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  out += '"';
  int32_t run = 0;  // start of the bytes copied as they are
  int32_t i = 0;
  while (i < n) {
    // Runs that stay as they are, in bulk: 64-byte blocks of them, eight ASCII bytes with no quote,
    // backslash or control character, then three-byte characters (Chinese text, full-width marks).
    // A diagnostics publish is mostly such runs.
    i = static_cast<int32_t>(skip_well_formed_blocks<true>(p, static_cast<size_t>(i), static_cast<size_t>(n)));
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const auto any_zero = [](uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
    for (uint64_t x; n - i >= 8; i += 8) {
      std::memcpy(&x, p + i, 8);
      if ((x & kHigh) || ((x - 0x20 * kOnes) & ~x & kHigh) || any_zero(x ^ ('"' * kOnes)) || any_zero(x ^ ('\\' * kOnes)))
        break;
    }
    i = static_cast<int32_t>(skip_three_byte_run(p, static_cast<size_t>(i), static_cast<size_t>(n)));
    if (i >= n) break;
    const uint8_t c = p[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const int32_t start = i;
      UChar32 cp;
      U8_NEXT(p, i, n, cp);
      if (cp >= 0) continue;  // a well-formed character stays in the run
      out.append(s.data() + run, start - run);
      out += "\xEF\xBF\xBD";
      run = i;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    run = ++i;
  }
  out.append(s.data() + run, n - run);
  out += '"';
}

}  // namespace reportls::lsp
