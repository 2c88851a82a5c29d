// Shared by the typography analyzers' tests: corpus access and applying quick-fix edits.
#ifndef REPORTLS_TESTS_FIX_UTIL_H
#define REPORTLS_TESTS_FIX_UTIL_H

#include <reportls/plugin.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fixtest {

// Every field of every diagnostic, one string to compare.
inline std::string render(const std::vector<reportls::plugin::Diagnostic> &ds) {
  std::string out;
  for (const auto &d : ds) {
    out += std::to_string(d.start) + "-" + std::to_string(d.end) + " " + std::to_string(d.severity) + " " + d.code +
           " " + d.message + " " + d.docs_url + "\n";
    for (const auto &f : d.fixes) {
      out += "  " + f.title + (f.preferred ? " (preferred)\n" : "\n");
      for (const auto &e : f.edits)
        out += "    " + std::to_string(e.start) + "-" + std::to_string(e.end) + " " + e.new_text + "\n";
    }
  }
  return out;
}

inline std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const std::vector<std::string> &corpus() {
  static const std::vector<std::string> names = {
      "cangxi-rural-revitalization-bureau-2023.txt", "wuding-county-office-2022.txt",
      "xiushan-county-2023.txt", "yuncheng-district-2022.txt", "zhaotong-city-2020.txt"};
  return names;
}

// Applies non-overlapping edits (overlapping ones after the first are dropped), back to front.
inline std::string apply(std::string text, std::vector<reportls::plugin::Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
  std::vector<reportls::plugin::Edit> kept;
  for (const auto &e : edits)
    if (kept.empty() || e.start >= kept.back().end) kept.push_back(e);
  for (auto it = kept.rbegin(); it != kept.rend(); ++it) text.replace(it->start, it->end - it->start, it->new_text);
  return text;
}

// The preferred fixes' edits of every diagnostic.
inline std::vector<reportls::plugin::Edit> preferred_edits(const std::vector<reportls::plugin::Diagnostic> &ds) {
  std::vector<reportls::plugin::Edit> out;
  for (const auto &d : ds)
    for (const auto &f : d.fixes)
      if (f.preferred) out.insert(out.end(), f.edits.begin(), f.edits.end());
  return out;
}

inline std::multiset<std::string> codes(const std::vector<reportls::plugin::Diagnostic> &ds) {
  std::multiset<std::string> out;
  for (const auto &d : ds) out.insert(d.code);
  return out;
}

inline std::string at(const std::string &text, const reportls::plugin::Diagnostic &d) {
  return text.substr(d.start, d.end - d.start);
}

}  // namespace fixtest

#endif
