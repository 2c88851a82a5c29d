// report::ReportReader and load_with_warnings: what every analyzer plugin loads at create, and
// what a broken file there costs (a load warning, never the plugin).
#include <reportls/report/plugin_support.h>

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace report = reportls::report;
namespace plugin = reportls::plugin;

// A plugin folder of the test's own: the bundled profiles and the report-rules.json given.
struct PluginFolder {
  fs::path dir = fs::temp_directory_path() / ("reportls-plugin-support-" + std::to_string(::getpid()));

  explicit PluginFolder(const std::string &rules) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto &entry : fs::directory_iterator(REPORTLS_SOURCE_DIR "/analyzers/report/profiles"))
      if (entry.path().string().ends_with(".profile.json")) fs::copy_file(entry.path(), dir / entry.path().filename());
    std::ofstream(dir / "report-rules.json") << rules;
  }
  ~PluginFolder() { fs::remove_all(dir); }
};

// The host's side of create: a config whose warnings are kept.
struct Host {
  std::vector<std::string> warnings;
  std::string plugin_dir;
  std::vector<std::string> data;
  std::vector<const char *> data_dirs;
  reportls_config raw{};

  explicit Host(const fs::path &dir, std::vector<std::string> user_dirs = {})
      : plugin_dir(dir.string()), data(std::move(user_dirs)) {
    for (const std::string &d : data) data_dirs.push_back(d.c_str());
    raw = {sizeof raw, plugin_dir.c_str(), data_dirs.data(), data_dirs.size(),
           [](void *ctx, const char *m) { static_cast<std::vector<std::string> *>(ctx)->push_back(m); }, &warnings};
  }
  plugin::Config config() const { return plugin::Config(raw); }
};

const std::string kReport = "某县2023年法治政府建设年度报告\n一、主要举措和成效\n（一）加强领导。\n二、存在的不足和原因\n";
const reportls_document kRaw{sizeof kRaw, "file:///r.txt", kReport.data(), kReport.size(), 1, "{}", nullptr, nullptr, 0, 0, 0, 0, 0, 0, 0};

}  // namespace

TEST_CASE("a broken rules file leaves the default rules and one load warning: the plugin reads reports all the same") {
  PluginFolder folder(R"({"format": "reportls-report-rules", "version": 1, "debris": )");
  Host host(folder.dir);
  const report::ReportReader reader(host.config());
  REQUIRE(host.warnings.size() == 1);
  CHECK(host.warnings[0].find("report-rules.json") != std::string::npos);
  const auto doc = reader.parse(plugin::Document(kRaw));
  REQUIRE(doc->headings.size() == 3);
  CHECK(reader.profiles().find("fazhi-annual") != nullptr);
}

TEST_CASE("the profiles come from the plugin's folder and the user's, a broken user file said and skipped") {
  PluginFolder folder(R"({"format": "reportls-report-rules", "version": 1})");
  const fs::path user = folder.dir / "user";
  fs::create_directories(user);
  std::ofstream(user / "mine.profile.json") << "{ not json";
  Host host(folder.dir, {user.string()});
  const report::ReportReader reader(host.config());
  REQUIRE(host.warnings.size() == 1);
  CHECK(host.warnings[0].find("mine.profile.json") != std::string::npos);
  CHECK(reader.profiles().find("fazhi-annual") != nullptr);
  std::ifstream in(REPORTLS_CORPUS_DIR "/wuding-county-office-2022.txt");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const reportls_document raw{sizeof raw, "file:///w.txt", text.data(), text.size(), 1, "{}", nullptr, nullptr, 0, 0, 0, 0, 0, 0, 0};
  const report::Profile *profile = reader.profiles().for_document(*reader.parse(plugin::Document(raw)), "{}");
  REQUIRE(profile != nullptr);
  CHECK(profile->id == "fazhi-annual");
}

TEST_CASE("load_with_warnings returns what was loaded and says each of its errors once") {
  PluginFolder folder(R"({"format": "reportls-report-rules", "version": 1})");
  Host host(folder.dir, {"/data/a", "/data/b"});
  const auto loaded = report::load_with_warnings(
      host.config(), [](const std::string &dir, const std::vector<std::string> &data, std::vector<std::string> &errors) {
        for (const std::string &d : data) errors.push_back(d + ": 坏了");
        return dir;
      });
  CHECK(loaded == folder.dir.string());
  CHECK(host.warnings == std::vector<std::string>{"/data/a: 坏了", "/data/b: 坏了"});
}

TEST_CASE("a document's origin (ABI 1.6) is read only when it can be a change of its text") {
  const std::string text = "一、总体情况\n";
  reportls_document d{sizeof d, "file:///a.txt", text.data(), text.size(), 2, "{}", "/a.txt", nullptr, 0, 0,
                      7, 6, 3, 3, 6};
  const reportls::plugin::Document ok(d);
  CHECK(ok.snapshot == 7);
  CHECK(ok.origin.from == 6);
  CHECK((ok.origin.start == 3 && ok.origin.old_end == 3 && ok.origin.new_end == 6));
  d.change_new_end = static_cast<uint32_t>(text.size() + 1);  // past the text
  CHECK(reportls::plugin::Document(d).origin.from == 0);
  d.change_new_end = 6;
  d.change_old_end = 2;  // ends before it starts
  CHECK(reportls::plugin::Document(d).origin.from == 0);
  // A 1.5 host's document has no such fields.
  d.change_old_end = 3;
  d.struct_size = offsetof(reportls_document, from_snapshot);
  CHECK(reportls::plugin::Document(d).origin.from == 0);
  CHECK(reportls::plugin::Document(d).snapshot == 7);
}
