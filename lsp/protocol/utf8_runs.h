// utf8_runs.h — the fast path of code that reads UTF-8 it must not trust (a document's text, a
// string written into JSON): a run of well-formed three-byte characters, which is what Chinese
// text mostly is.  Header-only; pure; any thread.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/// Where the 64-byte blocks starting at s[i] stop being well-formed UTF-8 made only of ASCII and
/// the three-byte characters skip_three_byte_run accepts (i itself when the first is not).  i must
/// be where a character starts; so is the result: a block whose last one or two bytes start a
/// character ends the skip before it.  Reads no byte at or past s[n].  A block holding anything
/// else (a two- or four-byte character, E0, ED, an error) is left to a full decoder; with
/// kJsonPlain, also one holding what a JSON string escapes (a quote, a backslash, a control byte).
template <bool kJsonPlain = false>
inline size_t skip_well_formed_blocks(const uint8_t *s, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i high_nibble = _mm_set1_epi8(static_cast<char>(0xF0));
  const __m128i lead3 = _mm_set1_epi8(static_cast<char>(0xE0));
  const __m128i e0 = _mm_set1_epi8(static_cast<char>(0xE0));
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED));
  const __m128i below_c0 = _mm_set1_epi8(static_cast<char>(0xC0));  // signed: 80-BF are below it
  while (n - i >= 64) {
    uint64_t non_ascii = 0, continuation = 0, leads = 0, refused = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i + 16 * k));
      const auto bits = [k](__m128i m) { return uint64_t(uint32_t(_mm_movemask_epi8(m))) << (16 * k); };
      non_ascii |= bits(v);
      continuation |= bits(_mm_cmplt_epi8(v, below_c0));
      leads |= bits(_mm_cmpeq_epi8(_mm_and_si128(v, high_nibble), lead3));
      refused |= bits(_mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed)));
      if constexpr (kJsonPlain) {
        const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
        refused |= bits(_mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                            _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))));
      }
    }
    // Every byte is ASCII, a lead or a continuation, and the continuations are exactly the two
    // bytes after each lead (those of a lead in the last two bytes lie in the next block).
    if (refused != 0 || (non_ascii & ~(continuation | leads)) != 0 || continuation != ((leads << 1) | (leads << 2)))
      break;
    i += (leads >> 63) ? 63 : (leads >> 62) ? 62 : 64;
  }
#endif
  return i;
}

}  // namespace reportls::lsp
