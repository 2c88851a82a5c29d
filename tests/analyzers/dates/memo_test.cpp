// The per-line memo of check(): re-analysis after edits reads only the edited lines and says
// exactly what a fresh analysis of the edited text says.
#include "../test_util.h"
#include "fix_util.h"

#include <reportls/dates/dates.h>
#include <reportls/report/report_year.h>

#include <doctest/doctest.h>

#include <algorithm>

namespace report = reportls::report;
namespace dates = reportls::dates;

namespace {

dates::Tables fresh_tables() {
  std::vector<std::string> errors;
  return dates::load(REPORTLS_SOURCE_DIR "/analyzers/dates", {}, errors);
}
std::vector<reportls::plugin::Diagnostic> run(const std::string &text, const dates::Tables &t) {
  const report::Document doc = report::parse(text, test::rules());
  return dates::check(doc, t, report::report_year(doc), [] { return false; }, "file:///report.txt");
}

// Every rule's kind of finding, put into the report: a relative time word and an eight-digit
// date in the first body line after the first heading, a wrong year opening the last heading's
// title and the plan heading's, and a zero-padded 落款 date on a line of its own at the end.
std::string edited(const std::string &text) {
  const report::Document doc = report::parse(text, test::rules());
  std::vector<std::pair<uint32_t, std::string>> inserts;
  REQUIRE(!doc.headings.empty());
  const auto body = std::find_if(doc.lines.begin() + doc.headings.front().line, doc.lines.end(),
                                 [](const report::Line &l) { return l.kind == report::LineKind::Body; });
  REQUIRE(body != doc.lines.end());
  inserts.push_back({body->content.start, "今年以来，于20221231日"});
  inserts.push_back({doc.headings.back().title.start, "2019年"});
  inserts.push_back({static_cast<uint32_t>(text.size()), "\n2023年02月05日\n"});
  std::sort(inserts.begin(), inserts.end());
  std::string out = text;
  for (auto it = inserts.rbegin(); it != inserts.rend(); ++it) out.insert(it->first, it->second);
  return out;
}

}  // namespace

TEST_CASE("after edits only the edited lines are read again, and the result is a fresh analysis's") {
  const dates::Tables warm = fresh_tables();
  for (const std::string &name : fixtest::corpus()) {
    CAPTURE(name);
    const std::string text = fixtest::read(REPORTLS_CORPUS_DIR "/" + name);
    const auto first = run(text, warm);
    const uint64_t read_before = dates::lines_checked(warm);

    const std::string changed = edited(text);
    const auto again = run(changed, warm);
    // The body line, the heading's line and the new date line (the blank line is read by no rule).
    CHECK(dates::lines_checked(warm) - read_before <= 3);
    const std::string expected = fixtest::render(run(changed, fresh_tables()));
    CHECK(fixtest::render(again) == expected);
    CHECK(fixtest::render(again) != fixtest::render(first));
    // Back to the original text: the lines the edits replaced were let go, every other line is
    // recalled.
    const uint64_t read_edited = dates::lines_checked(warm);
    CHECK(fixtest::render(run(text, warm)) == fixtest::render(first));
    CHECK(dates::lines_checked(warm) - read_edited <= 2);
  }
}
