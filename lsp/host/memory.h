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
//   exec_with_malloc_tunables(argv)
//                         first thing in main(), before any thread: glibc's per-thread caches of
//                         freed blocks (tcache) are limited to blocks of up to 64 bytes.  A block
//                         another thread allocated stays in the freeing thread's cache, which
//                         malloc_trim cannot empty, and pins its page: in a day of editing that is
//                         ~1 MB over three processes; the small blocks, where the cache saves the
//                         most time, keep it (no measurable CPU cost).  glibc reads GLIBC_TUNABLES
//                         only when a program starts, so this sets it and executes the program
//                         again (same pid, arguments and descriptors); the analysis processes
//                         inherit it.  Returns when the variable already names tcache_max (set by
//                         the first start, or by the user) or the exec failed.
#pragma once

namespace reportls::lsp {

void limit_arenas();
void release_free_memory();
void exec_with_malloc_tunables(char **argv);

}  // namespace reportls::lsp
