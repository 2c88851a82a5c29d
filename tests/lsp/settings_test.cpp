// The user's settings as the engine reads them, and the workspace file merged over them.
#include "lsp/engine/settings.h"
#include "lsp/engine/workspace_settings.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace reportls::lsp;
using nlohmann::json;
using namespace std::chrono_literals;

TEST_CASE("settings: known keys are read, everything is kept for the plugins") {
  std::vector<std::string> warnings;
  Settings s = Settings::from_json({{"debounce", 0},
                                    {"analysisTimeout", 800},
                                    {"pluginDirs", {"/p"}},
                                    {"dataDirs", {"/d", 3}},
                                    {"rules", {{"figures", "error"}, {"punctuation.space", "off"}}},
                                    {"profile", "fazhi-annual"}},
                                   warnings);
  CHECK(warnings.empty());
  CHECK(s.debounce == 0ms);
  CHECK(s.analysis_timeout == 800ms);
  CHECK(s.plugin_dirs == std::vector<std::string>{"/p"});
  CHECK(s.data_dirs == std::vector<std::string>{"/d"});  // a non-string entry is skipped
  CHECK(s.raw["profile"] == "fazhi-annual");
  CHECK(s.raw["reportYear"].is_null());
}

TEST_CASE("settings: values of the wrong type or range are ignored with a warning") {
  std::vector<std::string> warnings;
  Settings s = Settings::from_json({{"debounce", -1}, {"analysisTimeout", "fast"}, {"rules", {{"figures", "loud"}}}, {"dataDirs", "/d"}},
                                   warnings);
  CHECK(s.debounce == 150ms);
  CHECK(s.analysis_timeout == 2000ms);
  CHECK(s.rules.empty());
  CHECK(s.data_dirs.empty());
  CHECK(warnings.size() == 4);
  warnings.clear();
  Settings::from_json(json::array(), warnings);
  CHECK(warnings.size() == 1);
  warnings.clear();
  Settings::from_json(nullptr, warnings);
  CHECK(warnings.empty());
}

TEST_CASE("settings: the longest matching rule key decides the severity") {
  std::vector<std::string> warnings;
  Settings s = Settings::from_json({{"rules", {{"figures", "error"}, {"figures.sum", "hint"}, {"terms", "off"}}}}, warnings);
  CHECK(s.severity_for("figures.rate", Severity::Warning) == Severity::Error);
  CHECK(s.severity_for("figures.sum", Severity::Warning) == Severity::Hint);
  CHECK_FALSE(s.severity_for("terms.outdated", Severity::Warning));
  CHECK(s.severity_for("figuresx.y", Severity::Information) == Severity::Information);  // a prefix ends at '.'
  CHECK(s.severity_for("dates.early", Severity::Warning) == Severity::Warning);
}

TEST_CASE("settings: a workspace file overlays the user's, but never names plugin folders") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "reportls-settings-test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / ".reportls.json") << R"({"rules": {"dates": "off"}, "pluginDirs": ["/evil"], "reportYear": 2023})";
  std::vector<std::string> warnings;
  Settings user = Settings::from_json({{"rules", {{"figures", "error"}}}, {"pluginDirs", {"/mine"}}}, warnings);
  WorkspaceSettings workspace({"file://" + root.string()});
  Settings s = workspace.settings_for("file://" + (root / "a" / "b" / "r%201.txt").string(), user, warnings);
  CHECK(s.plugin_dirs == std::vector<std::string>{"/mine"});
  CHECK_FALSE(s.severity_for("dates.early", Severity::Warning));
  CHECK(s.severity_for("figures.sum", Severity::Warning) == Severity::Error);
  CHECK(s.raw["reportYear"] == 2023);
  CHECK_FALSE(s.raw.contains("pluginDirs"));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("pluginDirs") != std::string::npos);
  CHECK(workspace.is_settings_file("file://" + (root / ".reportls.json").string()));
  // Not a file: the user's settings as they are.
  CHECK(workspace.settings_for("untitled:1", user, warnings).raw == user.raw);
  // A broken file is ignored with a warning naming it.
  std::ofstream(root / "a" / ".reportls.json") << "{not json";
  workspace.forget_cache();
  warnings.clear();
  Settings broken = workspace.settings_for("file://" + (root / "a" / "r.txt").string(), user, warnings);
  CHECK(broken.raw == user.raw);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find((root / "a" / ".reportls.json").string()) != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("path_from_uri decodes file URIs and refuses other schemes") {
  CHECK(path_from_uri("file:///tmp/%E6%8A%A5%E5%91%8A%201.txt") == "/tmp/报告 1.txt");
  CHECK_FALSE(path_from_uri("untitled:Untitled-1"));
}
