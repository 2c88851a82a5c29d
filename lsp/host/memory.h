// memory.h — keeps what the processes hold resident tied to what they hold live.  glibc's malloc
// keeps freed memory for reuse: per thread arenas, holes between live blocks, a heap top it
// trims only past a threshold.  Over a day of keystrokes (each a new snapshot, a new result)
// that reuse is imperfect and resident memory creeps up although the live heap does not.
//
//   configure_malloc()    once at start-up, before any thread: one arena per process (the
//                         server's and the analysis process's threads mostly hand work along;
//                         they do not allocate side by side), and blocks up to kHeapBlocksUpTo
//                         from the heap, whose top is kept until release_free_memory(): glibc
//                         would otherwise mmap a large block (a document's text, its line index, a
//                         result's arrays) each time it outgrows the largest one freed so far, and
//                         trim the heap at every large free, so that the next keystroke's
//                         snapshot faults its pages in anew (the first keystrokes in a 1 MB report:
//                         300–500 page faults each in the analysis process, 256 in the server
//                         whenever the text grew; about 12 µs a fault on the virtual machine
//                         measured).  A threshold the user set in GLIBC_TUNABLES is kept.
//   release_free_memory() when a process has finished a piece of work and nothing waits: free
//                         pages go back to the system (malloc_trim).  Costs about as much as
//                         walking the free lists: call it when idle, not per allocation.  The pages
//                         it returns fault in again at the next piece of work: an analysis process
//                         waits until it has been idle for kReleaseWhenIdleFor (a pause in the
//                         typing), or until a request comes for another document.
//   analysis_environment() the environment an analysis process is started with: this process's,
//                         with glibc's per-thread caches of freed blocks (tcache) limited to blocks
//                         of up to 64 bytes (GLIBC_TUNABLES glibc.malloc.tcache_max, read by glibc
//                         only when a program starts).  A block one thread allocated and another
//                         freed stays in the freeing thread's cache, which malloc_trim cannot empty,
//                         and pins its page: over a day of editing about 0.6 MB in the two
//                         processes; the small blocks, where the cache saves the most time, keep it
//                         (no measurable CPU cost).  With huge_pages (the command line's
//                         processes) also glibc.malloc.hugetlb=1: malloc asks the kernel for
//                         transparent huge pages for its heap and large blocks, and
//                         glibc.malloc.top_pad=32 MiB: the heap grows in steps that hold whole
//                         huge pages.  Such a process
//                         reads megabytes once and exits, and every fresh 4 KiB page it touches
//                         costs a page fault (about 12 µs each on a virtual machine measured;
//                         checking an 8 MB file touched 20,000); a huge page is one fault per
//                         2 MiB.  The editor's long-lived processes keep small pages: their
//                         resident memory is what counts there.  A tunable the user set is kept.
//                         Built before fork: the child may only exec.
//   huge_room(bytes)      the command line's own large buffers (a file read whole, a text it keeps):
//                         an empty string with room for `bytes`, whose memory is asked for in huge
//                         pages (madvise, 2 MiB-aligned part only) before anything touches it, for
//                         the reason above.  The command line's process itself cannot have the
//                         tunable: glibc reads it only when a program starts.
//   restart_with_huge_pages() so the command line, about to read and keep megabytes, gets the
//                         tunable after all: replaces this process with itself (the program
//                         /proc/self/exe links to, the same arguments) and those two tunables
//                         added to GLIBC_TUNABLES
//                         (checking 100 reports of 80 KB: page faults 7,500 → about 1,900, wall
//                         time −19 %; the exec costs about 2 ms, so small runs do not).  Returns when
//                         GLIBC_TUNABLES already names the tunable (the restarted process, or the
//                         user's choice) or when the exec fails: the run then goes on as it is.
//                         Main thread, before any other thread starts or anything is written.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace reportls::lsp {

constexpr std::chrono::milliseconds kReleaseWhenIdleFor{500};
constexpr size_t kHeapBlocksUpTo = size_t{32} << 20;  // glibc's own ceiling for its mmap threshold

void configure_malloc();
void release_free_memory();
std::vector<std::string> analysis_environment(bool huge_pages);
std::string huge_room(size_t bytes);
void restart_with_huge_pages();

}  // namespace reportls::lsp
