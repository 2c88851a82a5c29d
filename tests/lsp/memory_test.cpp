// The environment the analysis processes start with: glibc's thread caches limited to small
// blocks (and huge pages for the command line's), whatever else the user put in GLIBC_TUNABLES
// kept; the command line's own large buffers in huge pages.
#include "lsp/host/memory.h"

#include <doctest/doctest.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

using reportls::lsp::analysis_environment;
using reportls::lsp::configure_malloc;
using reportls::lsp::huge_room;

namespace {

// The VmFlags of the mapping that holds `at`, as /proc/self/smaps says them ("hg": advised huge
// pages), or nothing when no mapping does.
std::optional<std::string> vm_flags_at(const void *at) {
  std::ifstream smaps("/proc/self/smaps");
  const auto address = reinterpret_cast<uintptr_t>(at);
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-' && line.find(':') > line.find(' ')) {
      inside = from <= address && address < to;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line.substr(8) + " ";
    }
  }
  return std::nullopt;
}

std::optional<std::string> tunables_in(const std::vector<std::string> &env) {
  std::optional<std::string> found;
  for (const std::string &e : env) {
    if (!e.starts_with("GLIBC_TUNABLES=")) continue;
    CHECK_FALSE(found);  // one entry, not two
    found = e.substr(15);
  }
  return found;
}

struct SavedTunables {
  std::optional<std::string> value;
  SavedTunables() {
    if (const char *v = std::getenv("GLIBC_TUNABLES")) value = v;
  }
  ~SavedTunables() {
    if (value) setenv("GLIBC_TUNABLES", value->c_str(), 1);
    else unsetenv("GLIBC_TUNABLES");
  }
};

}  // namespace

TEST_CASE("analysis processes get glibc's thread caches for small blocks only, the user's tunables kept") {
  SavedTunables saved;
  setenv("REPORTLS_MEMORY_TEST", "kept", 1);
  unsetenv("GLIBC_TUNABLES");
  std::vector<std::string> env = analysis_environment(false);
  CHECK(tunables_in(env) == "glibc.malloc.tcache_max=64");
  CHECK(std::count(env.begin(), env.end(), "REPORTLS_MEMORY_TEST=kept") == 1);

  setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=2", 1);
  CHECK(tunables_in(analysis_environment(false)) == "glibc.malloc.arena_max=2:glibc.malloc.tcache_max=64");

  setenv("GLIBC_TUNABLES", "glibc.malloc.tcache_max=0", 1);  // the user's choice wins
  CHECK(tunables_in(analysis_environment(false)) == "glibc.malloc.tcache_max=0");

  setenv("GLIBC_TUNABLES", "", 1);
  CHECK(tunables_in(analysis_environment(false)) == "glibc.malloc.tcache_max=64");
  unsetenv("REPORTLS_MEMORY_TEST");
}

TEST_CASE("the command line's analysis processes also get huge pages, unless the user said otherwise") {
  SavedTunables saved;
  unsetenv("GLIBC_TUNABLES");
  CHECK(tunables_in(analysis_environment(true)) ==
        "glibc.malloc.tcache_max=64:glibc.malloc.hugetlb=1:glibc.malloc.top_pad=33554432");
  setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0", 1);
  CHECK(tunables_in(analysis_environment(true)) ==
        "glibc.malloc.hugetlb=0:glibc.malloc.tcache_max=64:glibc.malloc.top_pad=33554432");
}

TEST_CASE("the command line's large buffers are asked for in huge pages, small ones left alone") {
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
    MESSAGE("this kernel has no transparent huge pages; skipped");
    return;
  }
  const size_t large = size_t{8} << 20;
  std::string room = huge_room(large);
  CHECK(room.empty());
  CHECK(room.capacity() >= large);
  const auto flags = vm_flags_at(room.data() + large / 2);
  REQUIRE(flags);
  CHECK(flags->find(" hg ") != std::string::npos);
  std::string small = huge_room(1000);  // no 2 MiB-aligned page inside: nothing asked
  CHECK(small.capacity() >= 1000);
}

TEST_CASE("after configure_malloc a block of megabytes comes from the heap, not a fresh mapping") {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  MESSAGE("a sanitizer's allocator replaces glibc's; skipped");
#else
  SavedTunables saved;
  unsetenv("GLIBC_TUNABLES");
  configure_malloc();
  // Larger than glibc's own threshold could have grown to in this process (the largest block freed
  // so far: 8 MiB), smaller than the fixed one.
  const size_t mapped = mallinfo2().hblkhd;
  void *block = std::malloc(size_t{16} << 20);
  REQUIRE(block);
  CHECK(mallinfo2().hblkhd == mapped);
  std::free(block);
#endif
}
