#include <reportls/report/line_digest.h>

// Inlined from the header only (libxxhash-dev): nothing to link, no library to find at run time.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace reportls::report {

LineDigest line_digest(std::string_view line, uint64_t salt) {
  const XXH128_hash_t h = XXH3_128bits_withSeed(line.data(), line.size(), salt);
  return {h.low64, h.high64};
}

}  // namespace reportls::report
