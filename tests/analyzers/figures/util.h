// Helpers for the figures tests: data from the source tree, analysis of a one-paragraph text.
#ifndef REPORTLS_TESTS_FIGURES_UTIL_H
#define REPORTLS_TESTS_FIGURES_UTIL_H

#include "../test_util.h"
#include <reportls/figures/figures.h>
#include <reportls/figures/quantity.h>
#include <reportls/report/document.h>

#include <fstream>
#include <sstream>
#include <string>

namespace figtest {

inline const reportls::figures::Data &data() {
  static const reportls::figures::Data d = reportls::figures::Data::load(REPORTLS_SOURCE_DIR "/analyzers/figures");
  return d;
}
inline std::vector<reportls::figures::Quantity> extract(const std::string &s) {
  return reportls::figures::extract(s, {0, static_cast<uint32_t>(s.size())}, data());
}
inline reportls::figures::Findings run(const std::string &text) {
  const auto doc = reportls::report::parse(text, test::rules());
  return reportls::figures::analyze(doc, data());
}
inline std::string slice(const std::string &text, reportls::report::Span s) { return text.substr(s.start, s.size()); }
inline std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace figtest

#endif
