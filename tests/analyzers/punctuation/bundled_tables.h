// The punctuation tests' tables: the bundled data files, loaded afresh (each load has its own line
// memo) or once per test program.
#ifndef REPORTLS_TESTS_PUNCTUATION_BUNDLED_TABLES_H
#define REPORTLS_TESTS_PUNCTUATION_BUNDLED_TABLES_H

#include <reportls/punctuation/punctuation.h>

#include <string>
#include <vector>

namespace punctest {

inline reportls::punctuation::Tables load_bundled() {
  std::vector<std::string> errors;
  return reportls::punctuation::load(REPORTLS_SOURCE_DIR "/analyzers/punctuation", {}, errors);
}

inline const reportls::punctuation::Tables &bundled() {
  static const reportls::punctuation::Tables t = load_bundled();
  return t;
}

}  // namespace punctest

#endif  // REPORTLS_TESTS_PUNCTUATION_BUNDLED_TABLES_H
