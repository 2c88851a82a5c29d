// The user's settings as the engine reads them, and the workspace file merged over them.
#include "lsp/engine/settings.h"
#include "lsp/engine/settings_check.h"
#include "lsp/engine/workspace_settings.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace reportls::lsp;
using nlohmann::json;
using namespace std::chrono_literals;

TEST_CASE("settings: known keys are read, everything is kept for the plugins") {
  Settings s = Settings::from_json({{"debounce", 0},
                                    {"analysisTimeout", 800},
                                    {"maxDiagnostics", 0},
                                    {"pluginDirs", {"/p"}},
                                    {"dataDirs", {"/d", 3}},
                                    {"rules", {{"figures", "error"}, {"punctuation.space", "off"}}},
                                    {"profile", "fazhi-annual"}});
  CHECK(s.debounce == 0ms);
  CHECK(s.analysis_timeout == 800ms);
  CHECK(s.max_diagnostics == 0);  // none: all
  CHECK(Settings{}.max_diagnostics == 1000);
  CHECK(s.plugin_dirs == std::vector<std::string>{"/p"});
  CHECK(s.data_dirs == std::vector<std::string>{"/d"});  // a non-string entry is skipped
  CHECK(s.raw["profile"] == "fazhi-annual");
  CHECK(s.raw["reportYear"].is_null());
}

TEST_CASE("settings: values of the wrong type or range are left out") {
  const json wrong = {{"debounce", -1}, {"analysisTimeout", "fast"}, {"rules", {{"figures", "loud"}}}, {"dataDirs", "/d"},
                      {"maxDiagnostics", 2.5}};
  Settings s = Settings::from_json(wrong);
  CHECK(s.debounce == 150ms);
  CHECK(s.analysis_timeout == 2000ms);
  CHECK(s.max_diagnostics == 1000);
  CHECK(s.rules.empty());
  CHECK(s.data_dirs.empty());
  // …and check_settings says which, with the key path.
  const auto problems = check_settings(wrong, Catalog::bundled());
  REQUIRE(problems.size() == 5);
  CHECK(to_string(problems[0].path) == "analysisTimeout");
  CHECK(problems[0].message.find("应为整数") != std::string::npos);
  CHECK(to_string(problems[1].path) == "dataDirs");
  CHECK(to_string(problems[2].path) == "debounce");
  CHECK(problems[2].message.find("0–10000") != std::string::npos);
  CHECK(to_string(problems[3].path) == "maxDiagnostics");
  CHECK(to_string(problems[4].path) == "rules.figures");
  CHECK(problems[4].message.find("off、error、warning、information、hint") != std::string::npos);
  CHECK(check_settings(json::array(), Catalog::bundled()).size() == 1);
  CHECK(check_settings(nullptr, Catalog::bundled()).empty());
}

TEST_CASE("settings check: unknown keys and unknown rule ids, with the line and column of a file") {
  const std::string text = "{\n  \"debounce\": 100,\n  \"profil\": \"fazhi-annual\",\n"
                           "  \"rules\": {\"figures.summ\": \"off\", \"figures\": \"hint\",\n"
                           "            \"punctuation.space\": \"off\", \"placeholderx.y\": \"off\",\n"
                           "            \"mine.rule\": \"error\"},\n  \"dataDirs\": [\"/d\", 7]\n}";
  const json value = json::parse(text);
  // "mine" is the family of a loaded plugin the catalogue does not document.
  const auto problems = check_settings(value, Catalog::bundled(), {"mine", "figures"});
  std::vector<std::string> lines;
  for (const auto &p : problems) lines.push_back(describe(p, "/w/.reportls.json", text));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].starts_with("/w/.reportls.json:7:22: dataDirs[1]: 应为字符串"));
  CHECK(lines[1].starts_with("/w/.reportls.json:3:3: profil: 未知的设置项"));
  CHECK(lines[2].starts_with("/w/.reportls.json:4:13: rules[\"figures.summ\"]: 未知的规则 “figures.summ”"));
  CHECK(lines[2].find("https://") != std::string::npos);
  CHECK(lines[3].starts_with("/w/.reportls.json:5:41: rules[\"placeholderx.y\"]: 未知的规则"));
  // While the plugins are not known, a family the catalogue does not document is given the benefit
  // of the doubt; a documented family never is.
  CHECK(check_settings({{"rules", {{"mine.rule", "off"}}}}, Catalog::bundled()).empty());
  CHECK(check_settings({{"rules", {{"figures.summ", "off"}}}}, Catalog::bundled()).size() == 1);
  // Without the text: the path only.
  CHECK(describe(problems[1], "initializationOptions") == "initializationOptions: profil: 未知的设置项；已忽略");
}

TEST_CASE("locate: members and elements of a JSON text, counted in characters") {
  const std::string text = "{\"名\": {\"a\": [1, {\"b\": 2}]},\n \"c\": \"x\"}";
  CHECK(locate(text, {}) ->column == 1);
  CHECK(locate(text, {std::string("名")})->column == 2);
  CHECK(locate(text, {std::string("名"), std::string("a"), size_t{1}})->column == 17);
  CHECK(locate(text, {std::string("名"), std::string("a"), size_t{1}, std::string("b")})->column == 18);
  const auto c = locate(text, {std::string("c")});
  CHECK((c->line == 2 && c->column == 2));
  CHECK_FALSE(locate(text, {std::string("d")}));
  CHECK_FALSE(locate("{not json", {std::string("d")}));
}

TEST_CASE("settings: the longest matching rule key decides the severity") {
  Settings s = Settings::from_json({{"rules", {{"figures", "error"}, {"figures.sum", "hint"}, {"terms", "off"}}}});
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
  Settings user = Settings::from_json({{"rules", {{"figures", "error"}}}, {"pluginDirs", {"/mine"}}});
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
  // A mistake in a file: its path, line and column.
  std::ofstream(root / "a" / ".reportls.json", std::ios::trunc) << "{\n  \"rules\": {\"dates.erly\": \"off\"}\n}";
  workspace.forget_cache();
  warnings.clear();
  workspace.settings_for("file://" + (root / "a" / "r.txt").string(), user, warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].starts_with((root / "a" / ".reportls.json").string() + ":2:13: rules[\"dates.erly\"]: 未知的规则"));
  fs::remove_all(root);
}

TEST_CASE("the settings file a rule is turned off in") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "reportls-settings-file-test";
  fs::remove_all(root);
  fs::create_directories(root / "ws" / "a" / "b");
  WorkspaceSettings workspace({"file://" + (root / "ws").string()});
  // None yet: the workspace folder's; outside any workspace folder: the document's folder's.
  CHECK(workspace.file_for("file://" + (root / "ws" / "a" / "b" / "r.txt").string()) == (root / "ws" / ".reportls.json").string());
  CHECK(workspace.file_for("file://" + (root / "other.txt").string()) == (root / ".reportls.json").string());
  // The nearest existing one above the document.
  std::ofstream(root / "ws" / "a" / ".reportls.json") << "{}";
  workspace.forget_cache();
  CHECK(workspace.file_for("file://" + (root / "ws" / "a" / "b" / "r.txt").string()) == (root / "ws" / "a" / ".reportls.json").string());
  CHECK_FALSE(workspace.file_for("untitled:1"));
  fs::remove_all(root);
}

TEST_CASE("path_from_uri decodes file URIs and refuses other schemes") {
  CHECK(path_from_uri("file:///tmp/%E6%8A%A5%E5%91%8A%201.txt") == "/tmp/报告 1.txt");
  CHECK_FALSE(path_from_uri("untitled:Untitled-1"));
}
