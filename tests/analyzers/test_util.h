// Helpers shared by the analyzer tests.
#ifndef REPORTLS_TESTS_ANALYZERS_TEST_UTIL_H
#define REPORTLS_TESTS_ANALYZERS_TEST_UTIL_H

#include <reportls/report/document.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace test {

inline std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::string &path, const std::string &text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline bool update_expect() {
  const char *v = std::getenv("UPDATE_EXPECT");
  return v && std::string(v) == "1";
}

// The rules as shipped, read from the source tree.
inline const reportls::report::Rules &rules() {
  static const reportls::report::Rules r =
      reportls::report::Rules::load(REPORTLS_SOURCE_DIR "/analyzers/report");
  return r;
}

inline const std::vector<std::string> &corpus_names() {
  static const std::vector<std::string> names = {
      "cangxi-rural-revitalization-bureau-2023", "wuding-county-office-2022",
      "xiushan-county-2023", "yuncheng-district-2022", "zhaotong-city-2020"};
  return names;
}

// The text of a corpus report, read once and kept for the whole run (Documents point into it).
inline const std::string &corpus(const std::string &name) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(name);
  if (it == cache.end())
    it = cache.emplace(name, read_file(std::string(REPORTLS_CORPUS_DIR) + "/" + name + ".txt")).first;
  return it->second;
}

}  // namespace test

#endif
