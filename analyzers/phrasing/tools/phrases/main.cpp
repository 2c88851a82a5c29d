// reportls-phrases — `reportls phrases mine`: the phrasing an office really uses, learnt from its
// past reports by the phrasing analyzer's miner (reportls/phrasing/miner.h) and reviewed by the
// analyzers themselves; a mined phrase any of them finds fault with is dropped and named.
//
//   reportls-phrases mine [-o DIR] [--min-reports N] [--plugin-dir DIR]... FILE|DIR...
//
// Run by `reportls phrases …` (the tool runs reportls-NAME for a command it does not build in),
// which sets REPORTLS to itself.  Everything report-shaped is here, in the analyzer; reading the
// inputs (any format, any encoding, folders) and checking are reportls's own commands, `convert`
// and `check`, so this program links no part of the server.
#include "review.h"
#include "run_program.h"

#include <reportls/phrasing/folders.h>
#include <reportls/phrasing/miner.h>
#include <reportls/report/rules.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;
namespace phrasing = reportls::phrasing;

namespace {

constexpr const char *kUsage =
    "用法: reportls phrases mine [-o DIR] [--min-reports N] [--plugin-dir DIR]... FILE|DIR...\n"
    "  从往年报告中学习多篇共用的表述，写入 DIR（默认 .reportls/phrases）供补全使用\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Options {
  std::string out_dir = ".reportls/phrases";
  uint32_t min_reports = 2;
  std::vector<std::string> plugin_dirs;
  std::vector<std::string> inputs;
};

// The options may come before `mine` (`reportls --plugin-dir D phrases mine …` passes them so).
Options parse(const std::vector<std::string> &args) {
  Options o;
  bool command = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " 需要一个参数");
      return args[++i];
    };
    if (a == "-o" || a == "--output") o.out_dir = value();
    else if (a == "--plugin-dir") o.plugin_dirs.push_back(value());
    else if (a == "--min-reports") {
      const std::string v = value();
      if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) < 1)
        throw UsageError("--min-reports 应为正整数");
      o.min_reports = static_cast<uint32_t>(std::stoi(v));
    } else if (a.size() > 1 && a[0] == '-') throw UsageError("未知选项 " + a);
    else if (!command) {
      if (a != "mine") throw UsageError("phrases 的子命令只有 mine");
      command = true;
    } else o.inputs.push_back(a);
  }
  if (!command) throw UsageError("phrases 的子命令只有 mine");
  if (o.inputs.empty()) throw UsageError("phrases mine 需要至少一个文件或目录");
  return o;
}

fs::path own_directory() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).parent_path();
}

std::string read_file(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The reports as `reportls convert` wrote them into dir: Markdown (.md) or plain UTF-8 text.
std::vector<phrasing::MinerText> converted_reports(const fs::path &dir) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto &e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file()) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<phrasing::MinerText> texts;
  for (const fs::path &p : paths)
    texts.push_back({read_file(p), p.extension() == ".md" ? reportls::report::Format::Markdown
                                                          : reportls::report::Format::Text});
  return texts;
}

bool write_phrase_files(const std::vector<phrasing::MinedPhrase> &kept, const std::string &out_dir) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  for (const auto &e : fs::directory_iterator(out_dir, ec))
    if (const std::string name = e.path().filename().string();
        name.starts_with("mined-") && name.ends_with(".phrases.json"))
      fs::remove(e.path(), ec);
  const std::vector<std::string> files = phrasing::phrase_files(kept);
  for (size_t i = 0; i < files.size(); ++i) {
    const fs::path path = fs::path(out_dir) / ("mined-" + std::to_string(i + 1) + ".phrases.json");
    std::ofstream out(path, std::ios::binary);
    out << files[i];
    if (!out.flush()) {
      std::cerr << "reportls: " << path.string() << ": 无法写入\n";
      return false;
    }
  }
  return true;
}

int mine(const Options &o, const std::string &reportls, const fs::path &work) {
  // `convert` says on stderr which inputs it could not read (exit 2) and converts the others.
  std::vector<std::string> convert = {reportls, "convert", "-o", (work / "reports").string()};
  convert.insert(convert.end(), o.inputs.begin(), o.inputs.end());
  const int converted = phrasing::tool::run_program(convert, (work / "convert.out").string());
  if (converted != 0 && converted != 2) return 2;
  int status = converted;

  const std::string phrasing_dir = (own_directory().parent_path() / REPORTLS_PLUGIN_SUBDIR / "phrasing").string();
  const reportls::report::Rules rules = reportls::report::Rules::load(phrasing_dir);
  const phrasing::Romanizer romanizer;
  phrasing::PhraseSet bundled(romanizer);
  for (const std::string &e : phrasing::add_folder(bundled, phrasing_dir, true)) std::cerr << "reportls: " << e << '\n';
  const phrasing::PhraseSet vocabulary = bundled.vocabulary();

  std::vector<phrasing::ReadReport> reports;
  for (const phrasing::MinerText &t : converted_reports(work / "reports"))
    reports.push_back(phrasing::read_report(t, vocabulary, rules));
  std::vector<const phrasing::ReadReport *> read;
  for (const phrasing::ReadReport &r : reports) read.push_back(&r);
  phrasing::MinerOptions options;
  options.min_reports = o.min_reports;
  std::vector<phrasing::MinedPhrase> mined = phrasing::mine(read, vocabulary, options);

  std::vector<std::string> texts;
  for (const phrasing::MinedPhrase &p : mined) texts.push_back(p.text);
  fs::create_directories(work / "review");
  const auto faults = phrasing::tool::review(texts, {reportls, o.plugin_dirs, (work / "review").string()});
  if (!faults) return 2;
  std::vector<phrasing::MinedPhrase> kept;
  for (size_t i = 0; i < mined.size(); ++i)
    if (auto f = faults->find(i); f != faults->end())
      std::cerr << "reportls: 舍弃“" << mined[i].text << "”: " << f->second << '\n';
    else
      kept.push_back(std::move(mined[i]));
  if (!write_phrase_files(kept, o.out_dir)) return 2;
  std::cerr << "reportls: " << reports.size() << " 篇报告，得到 " << kept.size() << " 条短语（"
            << mined.size() - kept.size() << " 条因检查发现问题舍弃），写入 " << o.out_dir << '\n';
  return status;
}

}  // namespace

int main(int argc, char **argv) {
  Options options;
  try {
    options = parse(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError &e) {
    std::cerr << "reportls: " << e.what() << '\n' << kUsage;
    return 2;
  }
  const char *from_env = std::getenv("REPORTLS");
  const std::string reportls = from_env && *from_env ? from_env : (own_directory() / "reportls").string();
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "reportls-phrases.XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    std::cerr << "reportls: 无法创建临时目录 " << pattern << '\n';
    return 2;
  }
  const int code = mine(options, reportls, pattern);
  fs::remove_all(pattern, ec);
  return code;
}
