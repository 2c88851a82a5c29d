// utf8_runs.h — reading UTF-8 that must not be trusted (a document's text, a string written into
// JSON, a part of a Word file): the fast paths over what Chinese text mostly is — runs of ASCII and
// of well-formed three-byte characters — and the validator built on them.  Header-only (the input
// readers' module uses it too); pure; any thread.
#pragma once

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

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

#if defined(__SSE2__)
/// Whether the kChunks × 16 bytes at b are well-formed UTF-8 made only of ASCII and the three-byte
/// characters skip_three_byte_run accepts, but for a character whose lead is in the last two bytes
/// (its continuations lie beyond); leads: where characters start.  With kJsonPlain, also nothing a
/// JSON string escapes (a quote, a backslash, a control byte).
template <bool kJsonPlain, int kChunks>
inline bool well_formed_block(const uint8_t *b, uint64_t &leads) {
  const __m128i high_nibble = _mm_set1_epi8(static_cast<char>(0xF0));
  const __m128i e0 = _mm_set1_epi8(static_cast<char>(0xE0));  // also the high nibble of a three-byte lead
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED));
  const __m128i below_c0 = _mm_set1_epi8(static_cast<char>(0xC0));  // signed: 80-BF are below it
  uint64_t non_ascii = 0, continuation = 0, refused = 0;
  leads = 0;
  for (int k = 0; k < kChunks; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(b + 16 * k));
    const auto bits = [k](__m128i m) { return uint64_t(uint32_t(_mm_movemask_epi8(m))) << (16 * k); };
    non_ascii |= bits(v);
    continuation |= bits(_mm_cmplt_epi8(v, below_c0));
    leads |= bits(_mm_cmpeq_epi8(_mm_and_si128(v, high_nibble), e0));
    refused |= bits(_mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed)));
    if constexpr (kJsonPlain) {
      const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
      refused |= bits(_mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))));
    }
  }
  // Every byte is ASCII, a lead or a continuation, and the continuations are exactly the two bytes
  // after each lead (those of a lead in the last two bytes lie in the next block).
  constexpr uint64_t kBits = kChunks == 4 ? ~uint64_t{0} : (uint64_t{1} << (16 * kChunks)) - 1;
  return refused == 0 && (non_ascii & ~(continuation | leads)) == 0 &&
         continuation == (((leads << 1) | (leads << 2)) & kBits);
}
#endif

/// Where the blocks starting at s[i] stop being well-formed UTF-8 made only of ASCII and the
/// three-byte characters skip_three_byte_run accepts (i itself when the first is not): 64 bytes at
/// a time, then 16 (the tail of a long text; a short string — a diagnostic's message, a heading).
/// i must be where a character starts; so is the result: a block whose last one or two bytes start
/// a character ends the skip before it.  Reads no byte at or past s[n].  A block holding anything
/// else (a two- or four-byte character, E0, ED, an error) is left to a full decoder; with
/// kJsonPlain, also one holding what a JSON string escapes (a quote, a backslash, a control byte).
template <bool kJsonPlain = false>
inline size_t skip_well_formed_blocks(const uint8_t *s, size_t i, size_t n) {
#if defined(__SSE2__)
  uint64_t leads = 0;
  while (n - i >= 64 && well_formed_block<kJsonPlain, 4>(s + i, leads))
    i += (leads >> 63) ? 63 : (leads >> 62) ? 62 : 64;
  while (n - i >= 16 && well_formed_block<kJsonPlain, 1>(s + i, leads))
    i += (leads >> 15) & 1 ? 15 : (leads >> 14) & 1 ? 14 : 16;
#endif
  return i;
}

/// The length of the longest prefix of `text` that is well-formed UTF-8 (text.size() when all of
/// it is): no overlong form, encoded surrogate, truncated sequence, code point above U+10FFFF,
/// stray continuation or invalid lead byte (ICU's U8_NEXT delimits an ill-formed sequence).
/// Blocks, eight ASCII bytes and three-byte characters at a time; every other sequence by ICU.
inline size_t valid_utf8_prefix(std::string_view text) {
  const auto *s = reinterpret_cast<const uint8_t *>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    i = skip_well_formed_blocks(s, i, n);
    // The block there holds something else: a block's worth a sequence at a time, then blocks again.
    for (const size_t block_end = std::min(n, i + 64); i < block_end;) {
      uint64_t eight = 0;
      while (n - i >= 8 && (std::memcpy(&eight, s + i, 8), (eight & 0x8080808080808080ull) == 0)) i += 8;
      i = skip_three_byte_run(s, i, n);
      if (i >= n) break;
      if (s[i] < 0x80) {
        ++i;
        continue;
      }
      const size_t start = i;
      UChar32 cp;
      U8_NEXT(s, i, n, cp);
      if (cp < 0) return start;
    }
  }
  return n;
}

}  // namespace reportls::lsp
