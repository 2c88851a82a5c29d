#include "lsp/host/memory.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

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

void exec_with_malloc_tunables(char **argv) {
#ifdef __GLIBC__
  const char *current = std::getenv("GLIBC_TUNABLES");
  std::string tunables = current ? current : "";
  if (tunables.find("glibc.malloc.tcache_max") != std::string::npos) return;
  tunables += tunables.empty() ? "" : ":";
  tunables += "glibc.malloc.tcache_max=64";
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // No /proc: this process runs with glibc's defaults; its children still inherit the setting.
#else
  (void)argv;
#endif
}

}  // namespace reportls::lsp
