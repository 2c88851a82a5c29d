#include "lsp/host/memory.h"

#include <malloc.h>
#include <unistd.h>

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

std::vector<std::string> analysis_environment() {
  constexpr std::string_view kName = "GLIBC_TUNABLES=";
  constexpr std::string_view kTcache = "glibc.malloc.tcache_max";
  std::vector<std::string> env;
  bool tunables = false;
  for (char **e = environ; e && *e; ++e) {
    std::string entry = *e;
    if (entry.starts_with(kName)) {
      tunables = true;
      if (entry.find(kTcache) == std::string::npos)
        entry += (entry.size() == kName.size() ? "" : ":") + std::string(kTcache) + "=64";
    }
    env.push_back(std::move(entry));
  }
  if (!tunables) env.push_back(std::string(kName) + std::string(kTcache) + "=64");
  return env;
}

}  // namespace reportls::lsp
