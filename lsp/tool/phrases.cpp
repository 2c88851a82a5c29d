#include "lsp/tool/phrases.h"

#include "lsp/engine/cancel.h"
#include "lsp/tool/input_error.h"
#include "lsp/tool/source.h"

#include <reportls/phrasing/folders.h>
#include <reportls/phrasing/miner.h>
#include <reportls/report/rules.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

namespace reportls::lsp {
namespace {

namespace fs = std::filesystem;
namespace phrasing = reportls::phrasing;

// The analyzers over every phrase, one a line, as any Chinese text: the lines they flag, with the
// first code found on each.
std::map<size_t, std::string> flagged(const std::vector<phrasing::MinedPhrase> &phrases,
                                      const PluginHost &host) {
  std::string text;
  std::vector<uint32_t> line_starts;
  for (const phrasing::MinedPhrase &p : phrases) {
    line_starts.push_back(static_cast<uint32_t>(text.size()));
    text += p.text + "\n";
  }
  // Judged for the year the next report covers, so wording outdated by now is dropped.
  const int year = static_cast<int>(std::chrono::year_month_day(
                       std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())).year()) - 1;
  const std::string settings = R"({"allChineseText": true, "reportYear": )" + std::to_string(year) + "}";
  const DocumentInput input{"untitled:mined-phrases", text, 0, settings, ""};
  const AnalysisResult result = host.analyze(input, CancelToken());
  std::map<size_t, std::string> out;
  for (const Diagnostic &d : result.diagnostics) {
    const size_t line = std::upper_bound(line_starts.begin(), line_starts.end(), d.start) - line_starts.begin();
    if (line > 0) out.emplace(line - 1, d.code + " " + d.message);
  }
  for (const PluginProblem &p : result.problems)
    std::cerr << "reportls: 审查短语时插件 " << p.plugin << " 出错: " << p.message << '\n';
  return out;
}

}  // namespace

int mine_phrases(const MineRequest &request, const PluginHost &host) {
  const std::string phrasing_dir = bundled_plugin_dir() + "/phrasing";
  const report::Rules rules = report::Rules::load(phrasing_dir);
  const phrasing::Romanizer romanizer;
  phrasing::PhraseSet bundled(romanizer);
  for (const std::string &e : phrasing::add_folder(bundled, phrasing_dir, true))
    std::cerr << "reportls: " << e << '\n';

  int status = 0;
  const phrasing::PhraseSet vocabulary = bundled.vocabulary();
  std::vector<phrasing::ReadReport> reports;
  for (const Input &in : request.inputs) {
    try {
      if (!in.problem.empty()) throw InputError(in.problem);
      Source s = load_source(in.path);
      const report::Format format =
          s.format == SourceFormat::Markdown ? report::Format::Markdown : report::Format::Text;
      reports.push_back(phrasing::read_report({std::move(s.text), format}, vocabulary, rules));
    } catch (const InputError &e) {
      std::cerr << "reportls: " << in.path << ": " << e.what() << '\n';
      status = 2;
    }
  }
  phrasing::MinerOptions options;
  options.min_reports = request.min_reports;
  std::vector<const phrasing::ReadReport *> read;
  for (const phrasing::ReadReport &r : reports) read.push_back(&r);
  std::vector<phrasing::MinedPhrase> mined = phrasing::mine(read, vocabulary, options);

  const std::map<size_t, std::string> faults = flagged(mined, host);
  std::vector<phrasing::MinedPhrase> kept;
  for (size_t i = 0; i < mined.size(); ++i)
    if (auto f = faults.find(i); f != faults.end())
      std::cerr << "reportls: 舍弃“" << mined[i].text << "”: " << f->second << '\n';
    else
      kept.push_back(std::move(mined[i]));

  std::error_code ec;
  fs::create_directories(request.out_dir, ec);
  for (const auto &e : fs::directory_iterator(request.out_dir, ec))
    if (const std::string name = e.path().filename().string();
        name.starts_with("mined-") && name.ends_with(".phrases.json"))
      fs::remove(e.path(), ec);
  const std::vector<std::string> files = phrasing::phrase_files(kept);
  for (size_t i = 0; i < files.size(); ++i) {
    const fs::path path = fs::path(request.out_dir) / ("mined-" + std::to_string(i + 1) + ".phrases.json");
    std::ofstream out(path, std::ios::binary);
    out << files[i];
    if (!out.flush()) {
      std::cerr << "reportls: " << path.string() << ": 无法写入\n";
      return 2;
    }
  }
  std::cerr << "reportls: " << reports.size() << " 篇报告，得到 " << kept.size() << " 条短语（"
            << faults.size() << " 条因检查发现问题舍弃），写入 " << request.out_dir << '\n';
  return status;
}

}  // namespace reportls::lsp
