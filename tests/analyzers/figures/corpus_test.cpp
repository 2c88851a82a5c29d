// The acceptance criteria on the five real reports: every C2/C3/C7 figure defect of severity
// error/warning in corpus-defects.tsv is reported on the figure itself; the figures checked OK get
// no warning or error.
#include "util.h"

#include <doctest/doctest.h>

namespace {

struct Expect {
  const char *file;
  const char *code;
  const char *figure;  // the exact text under the diagnostic's range
  int line;            // 1-based
};

}  // namespace

TEST_CASE("every figure defect of the corpus is reported on the figure") {
  const Expect expected[] = {
      {"wuding-county-office-2022.txt", "figures.sum", "4312", 9},
      {"xiushan-county-2023.txt", "figures.sum", "313", 41},
      {"xiushan-county-2023.txt", "figures.sum", "14913", 41},
      {"xiushan-county-2023.txt", "figures.approx", "近6400余", 47},
      {"xiushan-county-2023.txt", "figures.unit", "28", 23},
      {"xiushan-county-2023.txt", "figures.unit", "1175", 29},
      {"xiushan-county-2023.txt", "figures.unit", "865", 29},
      {"xiushan-county-2023.txt", "figures.unit", "659", 29},
      {"xiushan-county-2023.txt", "figures.unit", "3", 35},
      {"xiushan-county-2023.txt", "figures.unit", "268", 41},
      {"xiushan-county-2023.txt", "figures.unit", "9457", 41},
      {"xiushan-county-2023.txt", "figures.unit", "3308", 41},
      {"xiushan-county-2023.txt", "figures.unit", "120%2023", 27},
      {"zhaotong-city-2020.txt", "figures.change", "10.84%", 25},
      {"zhaotong-city-2020.txt", "figures.rate", "79.71%", 23},
      {"zhaotong-city-2020.txt", "figures.approx", "2966.3万余", 25},
      {"zhaotong-city-2020.txt", "figures.unit", "11", 15},
      {"zhaotong-city-2020.txt", "figures.unit", "11", 17},
      {"zhaotong-city-2020.txt", "figures.unit", "11", 19},
      {"yuncheng-district-2022.txt", "figures.approx", "12998余", 5},
      {"yuncheng-district-2022.txt", "figures.approx", "153余", 6},
  };
  for (const Expect &e : expected) {
    CAPTURE(e.file);
    CAPTURE(e.figure);
    const std::string text = figtest::read(std::string(REPORTLS_CORPUS_DIR "/") + e.file);
    const auto doc = reportls::report::parse(text, test::rules());
    const auto found = reportls::figures::analyze(doc, figtest::data());
    bool hit = false;
    for (const auto &d : found.diagnostics)
      hit = hit || (d.code == e.code && figtest::slice(text, d.range) == e.figure &&
                    static_cast<int>(doc.line_of(d.range.start)) + 1 == e.line);
    CHECK(hit);
  }
}

TEST_CASE("figures checked OK in the corpus get no warning or error") {
  // Lines holding figures that corpus-defects.md lists as right (and no figure defect of their own).
  const std::pair<const char *, int> ok_lines[] = {
      {"wuding-county-office-2022.txt", 5}, {"wuding-county-office-2022.txt", 6},
      {"wuding-county-office-2022.txt", 8}, {"yuncheng-district-2022.txt", 13},
      {"yuncheng-district-2022.txt", 25}, {"cangxi-rural-revitalization-bureau-2023.txt", 9},
  };
  for (const auto &[file, line] : ok_lines) {
    CAPTURE(file);
    CAPTURE(line);
    const std::string text = figtest::read(std::string(REPORTLS_CORPUS_DIR "/") + file);
    const auto doc = reportls::report::parse(text, test::rules());
    for (const auto &d : reportls::figures::analyze(doc, figtest::data()).diagnostics)
      if (static_cast<int>(doc.line_of(d.range.start)) + 1 == line) CHECK(d.severity > reportls::figures::Severity::Warning);
  }
  // zhaotong: 8 = 3+3+2 (L17), 1573/2640 (L19), 23219/23540, 12+146+1336 and (45−33)/45 (L25) are right;
  // the only warnings there are the ones listed above.
  const std::string text = figtest::read(REPORTLS_CORPUS_DIR "/zhaotong-city-2020.txt");
  const auto doc = reportls::report::parse(text, test::rules());
  for (const auto &d : reportls::figures::analyze(doc, figtest::data()).diagnostics) {
    const std::string figure = figtest::slice(text, d.range);
    CHECK((figure == "10.84%" || figure == "79.71%" || figure == "2966.3万余" || figure == "11" || figure == " "));
  }
}
