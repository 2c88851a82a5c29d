// memory.h — keeps what the processes hold resident tied to what they hold live.  glibc's malloc
// keeps freed memory for reuse: per thread arenas, holes between live blocks, a heap top it
// trims only past a threshold.  Over a day of keystrokes (each a new snapshot, a new result)
// that reuse is imperfect and resident memory creeps up although the live heap does not.
//
//   limit_arenas()        once at start-up, before any thread: one arena per process (the
//                         server's and the analysis process's threads mostly hand work along;
//                         they do not allocate side by side).
//   release_free_memory() when a process has finished a piece of work and nothing waits: free
//                         pages go back to the system (malloc_trim).  Costs about as much as
//                         walking the free lists: call it when idle, not per allocation.
#pragma once

namespace reportls::lsp {

void limit_arenas();
void release_free_memory();

}  // namespace reportls::lsp
