#include "review.h"

#include "run_program.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace reportls::phrasing::tool {

namespace fs = std::filesystem;
using nlohmann::json;

std::optional<std::map<size_t, std::string>> review(const std::vector<std::string> &phrases,
                                                    const ReviewRequest &request) {
  if (phrases.empty()) return std::map<size_t, std::string>();  // `check` refuses an empty file
  const fs::path text = fs::path(request.work_dir) / "phrases.txt";
  const fs::path settings = fs::path(request.work_dir) / "settings.json";
  const fs::path result = fs::path(request.work_dir) / "diagnostics.json";
  {
    std::ofstream out(text, std::ios::binary);
    for (const std::string &p : phrases) out << p << '\n';
    // Judged for the year the next report covers, so wording outdated by now is dropped.
    const int year = static_cast<int>(std::chrono::year_month_day(
                         std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())).year()) - 1;
    std::ofstream(settings, std::ios::binary) << json{{"allChineseText", true}, {"reportYear", year}}.dump();
  }
  // In process (--no-worker): the review is one long text of every phrase, not a report that an
  // analysis process gives a keystroke's time budget.
  std::vector<std::string> argv = {request.reportls, "check", "--no-worker", "--format", "json",
                                   "--config", settings.string()};
  for (const std::string &dir : request.plugin_dirs) argv.insert(argv.end(), {"--plugin-dir", dir});
  argv.push_back(text.string());
  const int code = run_program(argv, result.string());
  if (code != 0 && code != 1) {
    std::cerr << "reportls: 无法用 reportls check 审查短语（退出码 " << code << "）\n";
    return std::nullopt;
  }
  std::ifstream in(result, std::ios::binary);
  const json files = json::parse(in, nullptr, false);
  if (!files.is_array() || files.size() != 1) {
    std::cerr << "reportls: reportls check 的输出无法读取\n";
    return std::nullopt;
  }
  std::map<size_t, std::string> flagged;
  for (const json &d : files[0].value("diagnostics", json::array()))
    flagged.emplace(d["range"]["start"]["line"].get<size_t>(),
                    d.value("code", "") + " " + d.value("message", ""));
  return flagged;
}

}  // namespace reportls::phrasing::tool
