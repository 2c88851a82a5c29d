// Helpers for the crossdoc tests: data from the source tree, an Analyzer, parsed texts that stay.
#ifndef REPORTLS_TESTS_CROSSDOC_UTIL_H
#define REPORTLS_TESTS_CROSSDOC_UTIL_H

#include "../test_util.h"
#include <reportls/crossdoc/crossdoc.h>
#include <reportls/crossdoc/identity.h>
#include <reportls/report/data_files.h>

#include <deque>
#include <string>
#include <vector>

namespace cdtest {

inline const reportls::crossdoc::Data &data() {
  static const reportls::crossdoc::Data d = [] {
    std::vector<std::string> errors;
    return reportls::crossdoc::load_all(REPORTLS_SOURCE_DIR "/analyzers/crossdoc", {}, errors);
  }();
  return d;
}

inline const reportls::crossdoc::Analyzer &analyzer() {
  static const reportls::crossdoc::Analyzer a(
      data(), reportls::figures::Data::load(REPORTLS_SOURCE_DIR "/analyzers/figures"),
      reportls::report::Profiles::load({REPORTLS_SOURCE_DIR "/analyzers/report/profiles"}));
  return a;
}

// The texts parsed so far, in order (they live as long as the test run).
inline std::deque<std::string> &parsed_texts() {
  static std::deque<std::string> texts;
  return texts;
}

// A parsed text that lives as long as the test run (a Document points into its text).
inline const reportls::report::Document &parsed(const std::string &text) {
  static std::deque<reportls::report::Document> docs;
  parsed_texts().push_back(text);
  docs.push_back(reportls::report::parse(parsed_texts().back(), test::rules()));
  return docs.back();
}

// A text of the fixtures of the crossdoc suite.
inline std::string fixture(const std::string &path) {
  return test::read_file(REPORTLS_SOURCE_DIR "/tests/fixtures/crossdoc/" + path);
}

// The related.* facts of a text, as "key=value" lines.
inline std::string facts(const std::string &text, const std::string &settings = "{}") {
  std::string out;
  for (const auto &[k, v] : analyzer().analyze(parsed(text), settings, {}).facts) out += k + "=" + v + "\n";
  return out;
}

inline std::string body(const std::string &text) {
  return reportls::crossdoc::issuing_body(parsed(text), data().identity);
}

// The codes and messages a text gets against related texts.
struct Found {
  std::vector<std::string> codes;
  std::vector<std::string> messages;
  reportls::crossdoc::Result result;
  bool has(const std::string &code) const { return std::count(codes.begin(), codes.end(), code) > 0; }
  size_t count(const std::string &code) const { return std::count(codes.begin(), codes.end(), code); }
};
inline Found check(const std::string &text, const std::vector<std::pair<std::string, std::string>> &related) {
  std::vector<reportls::crossdoc::RelatedReport> r;
  for (const auto &[role, other] : related) r.push_back({role, "file:///tmp/" + role + ".txt", &parsed(other)});
  Found f;
  f.result = analyzer().analyze(parsed(text), "{}", r);
  for (const auto &d : f.result.findings.diagnostics) {
    f.codes.push_back(d.code);
    f.messages.push_back(d.message);
  }
  return f;
}

}  // namespace cdtest

#endif
