// The environment the analysis processes start with: glibc's thread caches limited to small
// blocks, whatever else the user put in GLIBC_TUNABLES kept.
#include "lsp/host/memory.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

using reportls::lsp::analysis_environment;

namespace {

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
  CHECK(tunables_in(analysis_environment(true)) == "glibc.malloc.tcache_max=64:glibc.malloc.hugetlb=1");
  setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0", 1);
  CHECK(tunables_in(analysis_environment(true)) == "glibc.malloc.hugetlb=0:glibc.malloc.tcache_max=64");
}
