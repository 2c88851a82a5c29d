// The per-line memo of check(): re-analysis after an edit reads only the edited line and says
// exactly what a fresh analysis of the edited text says.
#include "../test_util.h"
#include "bundled_tables.h"
#include "fix_util.h"

#include <reportls/punctuation/punctuation.h>

#include <doctest/doctest.h>

namespace report = reportls::report;
namespace punct = reportls::punctuation;

namespace {

std::vector<reportls::plugin::Diagnostic> run(const std::string &text, const punct::Tables &t) {
  return punct::check(report::parse(text, test::rules()), t, [] { return false; });
}

}  // namespace

TEST_CASE("after a one-line edit only that line is read again, and the result is a fresh analysis's") {
  const punct::Tables warm = punctest::load_bundled();
  for (const std::string &name : fixtest::corpus()) {
    CAPTURE(name);
    const std::string text = fixtest::read(REPORTLS_CORPUS_DIR "/" + name);
    const auto first = run(text, warm);
    const uint64_t read_before = punct::lines_checked(warm);
    // An opener, an ASCII comma and a pair early in the report: new diagnostics, more ASCII marks
    // for the document-level count, and every later line's findings shifted by the insertion.
    const report::Document doc = report::parse(text, test::rules());
    const auto body = std::find_if(doc.lines.begin(), doc.lines.end(),
                                   [](const report::Line &l) { return l.kind == report::LineKind::Body; });
    REQUIRE(body != doc.lines.end());
    std::string edited = text;
    edited.insert(body->content.start, "“工作,（要点）");

    const auto again = run(edited, warm);
    CHECK(punct::lines_checked(warm) == read_before + 1);
    const std::string expected = fixtest::render(run(edited, punctest::load_bundled()));
    CHECK(fixtest::render(again) == expected);
    CHECK(fixtest::render(again) != fixtest::render(first));
    // Back to the original text: the line the edit replaced was let go (no open document holds
    // it any more), every other line is recalled.
    CHECK(fixtest::render(run(text, warm)) == fixtest::render(first));
    CHECK(punct::lines_checked(warm) == read_before + 2);
  }
}
