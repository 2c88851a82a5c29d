#include "lsp/host/memory.h"

#include <malloc.h>

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

}  // namespace reportls::lsp
