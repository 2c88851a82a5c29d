// fuzz_util.h — helpers shared by the fuzz targets (tests/fuzz/targets/*_fuzz.cpp).
//
// Every target defines LLVMFuzzerTestOneInput and is built twice: with clang and libFuzzer
// (REPORTLS_FUZZ=ON, tests/fuzz/run.sh) and with any compiler against replay_main.cpp, which feeds
// it the files of tests/fuzz/seeds/ and tests/fuzz/regressions/ (ctest fuzz_replay_<target>).
// A broken invariant aborts with a message, which both drivers report as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

namespace reportls::fuzz {

// Reads structured values from the fuzz input; past the end every read gives 0 / "".
class ByteReader {
 public:
  ByteReader(const uint8_t *data, size_t size) : p_(data), n_(size) {}
  bool empty() const { return i_ >= n_; }
  size_t remaining() const { return i_ < n_ ? n_ - i_ : 0; }
  uint8_t u8() { return i_ < n_ ? p_[i_++] : 0; }
  uint16_t u16() { return static_cast<uint16_t>(u8() | (u8() << 8)); }
  // A small number, mostly below 16 and sometimes large: positions that hit lines and past them.
  uint32_t small() {
    uint8_t b = u8();
    if (b < 0xF0) return b % 24;
    if (b < 0xFC) return u16();
    return 0xFFFFFFFFu - (b & 3);
  }
  std::string_view bytes(size_t len) {
    len = len < remaining() ? len : remaining();
    std::string_view s(reinterpret_cast<const char *>(p_ + i_), len);
    i_ += len;
    return s;
  }
  std::string_view rest() { return bytes(remaining()); }

 private:
  const uint8_t *p_;
  size_t n_;
  size_t i_ = 0;
};

// Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF),
// written independently of the code under test.
inline bool valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

// True when offset is a code point boundary of valid UTF-8 text s (0 and s.size() included).
inline bool is_boundary(std::string_view s, size_t offset) {
  if (offset == 0 || offset == s.size()) return true;
  if (offset > s.size()) return false;
  return (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

}  // namespace reportls::fuzz
