// The outline of each corpus report against tests/analyzers/outline/<report>.outline.
// UPDATE_EXPECT=1 rewrites the files; read every rewritten file against its report before keeping it.
#include "test_util.h"

#include <reportls/outline/outline.h>

#include <doctest/doctest.h>

TEST_CASE("outline fixtures: every corpus report") {
  for (const std::string &name : test::corpus_names()) {
    CAPTURE(name);
    const std::string text = test::corpus(name);
    REQUIRE_FALSE(text.empty());
    const auto doc = reportls::report::parse(text, test::rules());
    const std::string actual = reportls::outline::render(doc, reportls::outline::build(doc));
    const std::string path = std::string(REPORTLS_TEST_DATA_DIR) + "/outline/" + name + ".outline";
    if (test::update_expect()) {
      test::write_file(path, actual);
      continue;
    }
    const std::string expected = test::read_file(path);
    CHECK_MESSAGE(!expected.empty(), "missing " << path << " (run with UPDATE_EXPECT=1)");
    CHECK(actual == expected);
  }
}
