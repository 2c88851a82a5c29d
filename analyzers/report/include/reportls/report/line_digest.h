// reportls/report/line_digest.h — a 128-bit digest (XXH3-128) of a line's bytes and a salt: the key
// by which a LineCache knows a line again without keeping a copy of its text.
//
// Two different (line, salt) pairs share a digest with probability 2^-128; over the million lines
// of a long session that is below 10^-26, far below a memory error's.  Pure; any thread.
#ifndef REPORTLS_REPORT_LINE_DIGEST_H
#define REPORTLS_REPORT_LINE_DIGEST_H

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace reportls::report {

struct LineDigest {
  uint64_t low = 0, high = 0;
  friend bool operator==(const LineDigest &, const LineDigest &) = default;
};

LineDigest line_digest(std::string_view line, uint64_t salt);

// The key of (line, salt) made from the line's digest (Document::digests, computed once per parse):
// the digest itself for salt 0.  Two keys meet only when two lines' digests differ by exactly what
// their salts put in, as unlikely as two digests meeting.
inline LineDigest salted(LineDigest line, uint64_t salt) {
  constexpr uint64_t kOdd = 0x9E3779B97F4A7C15ull;  // spreads the salt's bits over both words
  return {line.low ^ salt * kOdd, line.high ^ ((salt << 31 | salt >> 33) * (kOdd | 2))};
}

// For unordered containers: the digest's bits are already uniformly spread.
struct LineDigestHash {
  size_t operator()(const LineDigest &d) const { return static_cast<size_t>(d.low); }
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_LINE_DIGEST_H
