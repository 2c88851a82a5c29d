#include "lsp/host/memory.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string_view>

namespace reportls::lsp {

void limit_arenas() {
#ifdef M_ARENA_MAX
  mallopt(M_ARENA_MAX, 1);
#endif
}

void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

std::string huge_room(size_t bytes) {
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  std::string room;
  room.reserve(bytes);
  const auto start = reinterpret_cast<uintptr_t>(room.data());
  const uintptr_t first = (start + kHugePage - 1) & ~(kHugePage - 1), end = (start + bytes) & ~(kHugePage - 1);
  if (first < end) madvise(reinterpret_cast<void *>(first), end - first, MADV_HUGEPAGE);
  return room;
}

std::vector<std::string> analysis_environment(bool huge_pages) {
  constexpr std::string_view kName = "GLIBC_TUNABLES=";
  std::vector<std::string_view> wanted = {"glibc.malloc.tcache_max=64"};
  if (huge_pages) wanted.push_back("glibc.malloc.hugetlb=1");
  std::vector<std::string> env;
  std::string tunables;
  for (char **e = environ; e && *e; ++e) {
    const std::string_view entry = *e;
    if (entry.starts_with(kName)) tunables = entry.substr(kName.size());
    else env.emplace_back(entry);
  }
  for (std::string_view tunable : wanted)
    if (tunables.find(tunable.substr(0, tunable.find('=') + 1)) == std::string::npos)
      tunables += (tunables.empty() ? "" : ":") + std::string(tunable);
  env.push_back(std::string(kName) + tunables);
  return env;
}

}  // namespace reportls::lsp
