// Which documents are related: the related.* facts of their analyses, resolved without knowing
// what the keys mean (engine/related.h).
#include "lsp/engine/related.h"
#include "lsp/engine/settings_check.h"
#include "lsp/engine/workspace_settings.h"

#include <doctest/doctest.h>

using namespace reportls::lsp;

namespace {
RelatedFacts facts(std::string key, std::map<std::string, std::string> wants = {}) { return {std::move(key), std::move(wants)}; }
}  // namespace

TEST_CASE("related.* facts are read from an analysis's facts, other facts ignored") {
  const RelatedFacts f = RelatedFacts::from({{"related.key", "A|2024"},
                                             {"related.want.previous", "A|2023"},
                                             {"related.want.", "no role"},
                                             {"related.want.empty", ""},
                                             {"profile", "fazhi-annual"}});
  CHECK(f.key == "A|2024");
  CHECK(f.wants == std::map<std::string, std::string>{{"previous", "A|2023"}});
  CHECK(RelatedFacts::from({{"profile", "x"}}).empty());
}

TEST_CASE("a wanted key resolves to an open document before a file, the first by uri, never itself") {
  RelatedIndex index;
  CHECK(index.record("file:///r/2024.txt", facts("A|2024", {{"previous", "A|2023"}, {"companion", "B|2024"}}), true));
  CHECK_FALSE(index.record("file:///r/2024.txt", facts("A|2024", {{"previous", "A|2023"}, {"companion", "B|2024"}}), true));
  CHECK(index.resolve("file:///r/2024.txt").empty());
  CHECK(index.wants_anything("file:///r/2024.txt"));

  index.record("file:///r/old/2023-copy.txt", facts("A|2023"), false);
  index.record("file:///r/2023.txt", facts("A|2023"), false);
  CHECK(index.resolve("file:///r/2024.txt") == Resolution{{"previous", "file:///r/2023.txt"}});
  // Open in the editor: that copy wins over any file.
  index.record("untitled:Untitled-1", facts("A|2023"), true);
  CHECK(index.resolve("file:///r/2024.txt") == Resolution{{"previous", "untitled:Untitled-1"}});
  CHECK(index.forget("untitled:Untitled-1"));
  CHECK_FALSE(index.forget("untitled:Untitled-1"));
  CHECK(index.resolve("file:///r/2024.txt") == Resolution{{"previous", "file:///r/2023.txt"}});

  // A document never relates to itself, even when it has the key it wants.
  index.record("file:///r/self.txt", facts("S", {{"previous", "S"}}), true);
  CHECK(index.resolve("file:///r/self.txt").empty());
  // A document that says nothing is not even recorded.
  CHECK_FALSE(index.record("file:///r/readme.md", {}, true));
  CHECK_FALSE(index.wants_anything("file:///r/readme.md"));
}

TEST_CASE("the settings name related documents by path, relative to the document's folder") {
  Settings s;
  s.related = {{"previous", "../2023/报告.txt"}, {"companion", "/abs/公开.txt"}, {"other", "file:///x/y.txt"}};
  CHECK(named_related(s, "file:///r/2024/%E6%8A%A5%E5%91%8A.txt") ==
        Resolution{{"previous", "file:///r/2023/报告.txt"}, {"companion", "file:///abs/公开.txt"}, {"other", "file:///x/y.txt"}});
  // An untitled document has no folder: only absolute paths and uris.
  CHECK(named_related(s, "untitled:Untitled-1") ==
        Resolution{{"companion", "file:///abs/公开.txt"}, {"other", "file:///x/y.txt"}});
  // Never the document itself, however its uri is spelt.
  s.related = {{"previous", "报告.txt"}};
  CHECK(named_related(s, "file:///r/2024/%E6%8A%A5%E5%91%8A.txt").empty());
}

TEST_CASE("same_file compares the paths of file uris however they are encoded") {
  CHECK(same_file("file:///a/%E6%8A%A5.txt", "file:///a/报.txt"));
  CHECK(same_file("file:///a/./b/../c.txt", "file:///a/c.txt"));
  CHECK_FALSE(same_file("file:///a/c.txt", "file:///a/d.txt"));
  CHECK(same_file("untitled:1", "untitled:1"));
  CHECK_FALSE(same_file("untitled:1", "untitled:2"));
  CHECK(uri_from_path("/a/b c/报告(1).txt") == "file:///a/b%20c/报告%281%29.txt");
}

TEST_CASE("a related setting must be an object of paths; what is not is said and left out") {
  const nlohmann::json value = {{"related", {{"previous", "a.txt"}, {"companion", 3}}}};
  Settings s = Settings::from_json(value);
  CHECK(s.related == std::map<std::string, std::string>{{"previous", "a.txt"}});
  auto problems = check_settings(value, Catalog::bundled());
  REQUIRE(problems.size() == 1);
  CHECK(to_string(problems[0].path) == "related.companion");
  const nlohmann::json text = {{"related", "a.txt"}};
  CHECK(Settings::from_json(text).related.empty());
  CHECK(check_settings(text, Catalog::bundled()).size() == 1);
}
