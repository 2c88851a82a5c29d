#include "lsp/host/memory.h"
#include "lsp/host/own_executable.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string_view>

namespace reportls::lsp {

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

namespace {

constexpr std::string_view kTunables = "GLIBC_TUNABLES=";
constexpr std::string_view kHugePages = "glibc.malloc.hugetlb=1";
// The heap grown 32 MiB at a time: a huge page needs its whole 2 MiB inside the heap, which
// malloc's default 128 KiB steps seldom give (the 100 batch files: 3,700 → 1,600 page faults).
constexpr std::string_view kLargeSteps = "glibc.malloc.top_pad=33554432";

// Whether a GLIBC_TUNABLES value sets the tunable of `tunable` ("name=value"), to whatever value.
bool sets(std::string_view tunables, std::string_view tunable) {
  return tunables.find(tunable.substr(0, tunable.find('=') + 1)) != std::string_view::npos;
}

// This process's environment with `wanted` added to GLIBC_TUNABLES, a tunable the user set kept.
std::vector<std::string> environment_with(const std::vector<std::string_view> &wanted) {
  std::vector<std::string> env;
  std::string tunables;
  for (char **e = environ; e && *e; ++e) {
    const std::string_view entry = *e;
    if (entry.starts_with(kTunables)) tunables = entry.substr(kTunables.size());
    else env.emplace_back(entry);
  }
  for (std::string_view tunable : wanted) {
    if (sets(tunables, tunable)) continue;
    if (!tunables.empty()) tunables += ':';
    tunables += tunable;
  }
  env.push_back(std::string(kTunables) + tunables);
  return env;
}

std::vector<char *> pointers_to(std::vector<std::string> &strings) {
  std::vector<char *> out;
  for (std::string &s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

void configure_malloc() {
#ifdef __GLIBC__
  mallopt(M_ARENA_MAX, 1);
  // Fixed, these also turn off glibc's own adjustment of the mmap threshold (M_MMAP_THRESHOLD in
  // mallopt(3)): with it, each time a document grew past the largest block freed so far, its text
  // was mmapped afresh and every page of it faulted in again.  A threshold the user set is kept.
  const char *tunables = std::getenv("GLIBC_TUNABLES");
  const std::string_view set = tunables ? tunables : "";
  if (!sets(set, "glibc.malloc.mmap_threshold=")) mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHeapBlocksUpTo));
  if (!sets(set, "glibc.malloc.trim_threshold=")) mallopt(M_TRIM_THRESHOLD, static_cast<int>(kHeapBlocksUpTo));
#endif
}

std::vector<std::string> analysis_environment(bool huge_pages) {
  std::vector<std::string_view> wanted = {"glibc.malloc.tcache_max=64"};
  if (huge_pages) wanted.insert(wanted.end(), {kHugePages, kLargeSteps});
  return environment_with(wanted);
}

void restart_with_huge_pages() {
  const char *tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && sets(tunables, kHugePages)) return;
  std::ifstream cmdline("/proc/self/cmdline", std::ios::binary);
  const std::string all{std::istreambuf_iterator<char>(cmdline), std::istreambuf_iterator<char>()};
  std::vector<std::string> args;
  for (size_t start = 0; start < all.size();) {
    const size_t end = std::min(all.find('\0', start), all.size());
    args.emplace_back(all, start, end - start);
    start = end + 1;
  }
  if (args.empty()) return;
  const std::string self = own_executable().string();
  if (self.empty()) return;
  std::vector<std::string> env = environment_with({kHugePages, kLargeSteps});
  std::vector<char *> argv = pointers_to(args), envp = pointers_to(env);
  ::execve(self.c_str(), argv.data(), envp.data());
}

}  // namespace reportls::lsp
