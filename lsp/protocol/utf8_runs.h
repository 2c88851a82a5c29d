// utf8_runs.h — the fast path of code that reads UTF-8 it must not trust (a document's text, a
// string written into JSON): a run of well-formed three-byte characters, which is what Chinese
// text mostly is.  Header-only; pure; any thread.
#pragma once

#include <cstddef>
#include <cstdint>

namespace reportls::lsp {

/// Where the run of three-byte characters starting at s[i] ends (i itself when none starts
/// there): each a lead E1-EC or EE-EF and two continuation bytes.  E0 and ED, which may start an
/// overlong form or a surrogate, are left to a full decoder.  n is the length of s.
inline size_t skip_three_byte_run(const uint8_t *s, size_t i, size_t n) {
  while (n - i >= 3 && (s[i] & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
         (s[i] & 0x0F) != 0 && (s[i] & 0x0F) != 0x0D)
    i += 3;
  return i;
}

}  // namespace reportls::lsp
