// reportls-typing-sim — how much of a real report completion writes (issue #22).
//
//   reportls-typing-sim [--leave-one-out] [--min-reports N] [--json OUT] [--latency FILE]
//                       PLUGIN_DIR GROUP=DIR...
//
// Simulated typing: at each character, ask for completions (the phrasing analyzer's library, the
// same call the plugin makes); when one of the first five would insert exactly the text that
// follows, accept it with one keystroke (of several, the one that writes the most), else type the
// next character.  Texts are the *.txt and
// *.md files of each DIR, their ASCII punctuation next to Chinese made full-width as a draft would
// be (phrasing::full_width_marks).  PLUGIN_DIR is the phrasing plugin's folder of a build (phrase
// files, report-rules.json).
//
// --min-reports N: the miner's threshold in the leave-one-out folds (MinerOptions).
// --leave-one-out: the phrases mined from the real texts (the folder's mined*.phrases.json) are
// replaced, for each text, by those mined (miner.h) from every other text of every group, so a
// text's own phrases are never in the model that completes it.  Without it, the folder's phrase
// files as shipped.
// --latency FILE: also times every completion call on FILE with the folder's full model, and
// measures the bytes that model takes (phrases, pinyin keys).
//
// Prints a table; --json writes the figures (tests/bench/report.py puts them in results.md).
#include <reportls/phrasing/completer.h>
#include <reportls/phrasing/folders.h>
#include <reportls/phrasing/miner.h>
#include <reportls/phrasing/pinyin_table.h>
#include <reportls/phrasing/typing.h>
#include <reportls/report/data_files.h>
#include <reportls/report/document.h>
#include <reportls/report/text.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <malloc.h>

namespace fs = std::filesystem;
namespace phrasing = reportls::phrasing;
namespace report = reportls::report;

namespace {

constexpr size_t kShown = phrasing::kShown;  // the items a user reads (the completer reorders them)

struct Text {
  std::string group, name, text;
};

struct Tally {
  uint64_t chars = 0, keystrokes = 0, accepts = 0, first = 0, texts = 0;
  void add(const Tally &t) {
    chars += t.chars, keystrokes += t.keystrokes, accepts += t.accepts, first += t.first;
    texts += t.texts;
  }
  nlohmann::json json() const {
    return {{"texts", texts},
            {"chars", chars},
            {"keystrokes", keystrokes},
            {"accepts", accepts},
            {"saved_pct", chars ? 100.0 * (double(chars) - double(keystrokes)) / double(chars) : 0.0},
            {"accepts_per_100", chars ? 100.0 * double(accepts) / double(chars) : 0.0},
            {"first_taken_pct", accepts ? 100.0 * double(first) / double(accepts) : 0.0}};
  }
};

// Types text with sets; each completion call's duration goes to latencies when given.
Tally type(const std::string &text, const report::Rules &rules,
           const std::vector<const phrasing::PhraseSet *> &sets,
           std::vector<double> *latencies = nullptr) {
  const report::Document doc = report::parse(text, rules);
  const std::optional<int> year = phrasing::report_year(doc, std::nullopt);
  Tally t;
  t.texts = 1;
  t.chars = report::code_point_count(text);
  for (uint32_t pos = 0; pos < text.size();) {
    const auto start = std::chrono::steady_clock::now();
    const phrasing::Result r = phrasing::complete({doc, pos, year, nullptr}, sets);
    if (latencies)
      latencies->push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    ++t.keystrokes;
    size_t best = kShown;
    uint32_t best_end = pos;
    for (size_t i = 0; i < std::min(kShown, r.items.size()); ++i) {
      const phrasing::Item &item = r.items[i];
      const std::string &ins = item.insert_text;
      const uint32_t end = item.replace.start + static_cast<uint32_t>(ins.size());
      if (item.snippet || end <= best_end || text.compare(item.replace.start, ins.size(), ins) != 0)
        continue;
      best = i;
      best_end = end;
    }
    if (best < kShown) {
      pos = best_end;
      ++t.accepts;
      t.first += best == 0;
    } else {
      report::next_code_point(text, pos);
    }
  }
  return t;
}

std::vector<std::string> phrase_files_in(const std::string &dir, bool mined) {
  std::vector<std::string> out;
  for (const auto &e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if ((name.ends_with(".phrases.json") || name.ends_with(".phrases.tsv")) &&
        name.starts_with("mined") == mined)
      out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void add_files(phrasing::PhraseSet &set, const std::vector<std::string> &files) {
  for (const std::string &f : files) set.load_file(f);
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * double(v.size())))];
}

int usage() {
  std::cerr << "usage: reportls-typing-sim [--leave-one-out] [--min-reports N] [--json OUT] [--latency FILE] "
               "PLUGIN_DIR GROUP=DIR...\n";
  return 2;
}

}  // namespace

int main(int argc, char **argv) {
  bool loo = false;
  phrasing::MinerOptions options;
  std::string json_out, latency_file, plugin_dir;
  std::vector<std::pair<std::string, std::string>> groups;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--leave-one-out") loo = true;
    else if (a == "--json" && i + 1 < argc) json_out = argv[++i];
    else if (a == "--min-reports" && i + 1 < argc) options.min_reports = static_cast<uint32_t>(std::stoul(argv[++i]));
    else if (a == "--latency" && i + 1 < argc) latency_file = argv[++i];
    else if (plugin_dir.empty()) plugin_dir = a;
    else if (auto eq = a.find('='); eq != std::string::npos) groups.emplace_back(a.substr(0, eq), a.substr(eq + 1));
    else return usage();
  }
  if (plugin_dir.empty() || groups.empty()) return usage();

  try {
    const report::Rules rules = report::Rules::load(plugin_dir);
    std::vector<Text> texts;
    for (const auto &[group, dir] : groups) {
      std::vector<fs::path> files;
      for (const auto &e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt" || e.path().extension() == ".md") files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const fs::path &f : files)
        texts.push_back({group, f.filename().string(), phrasing::full_width_marks(report::read_data_file(f.string()))});
    }

    const phrasing::Romanizer romanizer;  // the simulation types Chinese: no key is computed
    phrasing::PhraseSet base(romanizer);
    add_files(base, phrase_files_in(plugin_dir, false));
    phrasing::PhraseSet shipped_mined = base.vocabulary();
    if (!loo) add_files(shipped_mined, phrase_files_in(plugin_dir, true));

    std::vector<phrasing::ReadReport> read;  // each text read once, mined in every other's fold
    if (loo)
      for (const Text &t : texts) read.push_back(phrasing::read_report({t.text, report::Format::Text}, base, rules));
    std::map<std::string, Tally> by_group;
    nlohmann::json per_text = nlohmann::json::array();
    for (size_t k = 0; k < texts.size(); ++k) {
      phrasing::PhraseSet model = base.vocabulary();
      if (loo) {
        std::vector<const phrasing::ReadReport *> others;
        for (size_t j = 0; j < texts.size(); ++j)
          if (j != k) others.push_back(&read[j]);
        const auto files = phrasing::phrase_files(phrasing::mine(others, base, options));
        for (size_t f = 0; f < files.size(); ++f)
          model.add_file(files[f], "mined-" + std::to_string(f) + ".phrases.json");
      }
      const Tally t = type(texts[k].text, rules, {&base, loo ? &model : &shipped_mined});
      by_group[texts[k].group].add(t);
      nlohmann::json row = t.json();
      row["group"] = texts[k].group;
      row["name"] = texts[k].name;
      per_text.push_back(row);
    }

    nlohmann::json out = {{"leave_one_out", loo}, {"min_reports", options.min_reports}, {"shown", kShown}, {"groups", nlohmann::json::object()},
                          {"texts", per_text}};
    std::printf("%-10s %6s %8s %8s %8s %10s %8s\n", "group", "texts", "chars", "saved%", "accepts",
                "acc/100ch", "first%");
    for (const auto &[group, t] : by_group) {
      const nlohmann::json j = t.json();
      out["groups"][group] = j;
      std::printf("%-10s %6llu %8llu %8.1f %8llu %10.1f %8.1f\n", group.c_str(),
                  (unsigned long long)t.texts, (unsigned long long)t.chars, j["saved_pct"].get<double>(),
                  (unsigned long long)t.accepts, j["accepts_per_100"].get<double>(),
                  j["first_taken_pct"].get<double>());
    }

    if (!latency_file.empty()) {
      // The full model as the plugin loads it: every phrase file of the folder, its pinyin table,
      // the keys computed (a pinyin query computes them once).
      // Heap in use, blocks malloc maps on their own (the phrase array) included.
      const auto in_use = [] { const struct mallinfo2 m = mallinfo2(); return m.uordblks + m.hblkhd; };
      const size_t before = in_use();
      auto table = phrasing::PinyinTable::read(plugin_dir + "/" + std::string(phrasing::kPinyinTableFile));
      {
        const phrasing::Romanizer full_romanizer(table.value_or(phrasing::PinyinTable{}));
        phrasing::PhraseSet full(full_romanizer);
        add_files(full, phrase_files_in(plugin_dir, false));
        add_files(full, phrase_files_in(plugin_dir, true));
        full.pinyin();
        const size_t model_bytes = in_use() - before;
        std::vector<double> lat;
        const Tally t = type(phrasing::full_width_marks(report::read_data_file(latency_file)), rules, {&full}, &lat);
        out["latency"] = {{"file", fs::path(latency_file).filename().string()},
                          {"bytes", fs::file_size(latency_file)},
                          {"calls", lat.size()},
                          {"p50_ms", percentile(lat, 0.5)},
                          {"p99_ms", percentile(lat, 0.99)},
                          {"max_ms", percentile(lat, 1.0)},
                          {"phrases", full.phrases().size()},
                          {"model_bytes", model_bytes},
                          {"saved_pct_own_text_in_model", t.json()["saved_pct"]}};
        std::printf("latency on %s: %zu calls, p50 %.3f ms, p99 %.3f ms; model %zu phrases, %.1f MB\n",
                    latency_file.c_str(), lat.size(), percentile(lat, 0.5), percentile(lat, 0.99),
                    full.phrases().size(), double(model_bytes) / 1e6);
      }
    }
    if (!json_out.empty()) std::ofstream(json_out) << out.dump(1) << "\n";
  } catch (const std::exception &e) {
    std::cerr << "reportls-typing-sim: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
