#include "lsp/tool/cli.h"

#include "lsp/host/memory.h"
#include "lsp/host/plugin_host.h"
#include "lsp/protocol/convert.h"
#include "lsp/tool/sarif.h"
#include "lsp/server/server.h"
#include "lsp/engine/text_document.h"
#include "lsp/host/worker_client.h"
#include "lsp/engine/workspace_settings.h"
#include "lsp/tool/input_error.h"
#include "lsp/tool/external.h"
#include "lsp/tool/source.h"
#include "lsp/tool/walk.h"
#include "lsp/engine/catalog.h"
#include "lsp/engine/related.h"
#include "lsp/engine/settings_check.h"
#include "lsp/engine/suppressions.h"

#include <reportls/plugin.h>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

namespace reportls::lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char *kUsage = R"(reportls — 法治政府建设年度报告等公文报告的语言服务器

用法:
  reportls [--stdio] [--plugin-dir DIR]...        以 LSP 方式在标准输入输出上运行（编辑器使用）
  reportls check [--format text|json|sarif] [--config FILE] [--previous FILE] [--timings] [--plugin-dir DIR]... FILE|DIR|-...
                                                 检查报告，打印诊断；有“错误”级诊断时退出码为 1
  reportls outline [--plugin-dir DIR]... FILE|DIR|-...
                                                 打印报告的提纲
  reportls convert [-o OUT.md] FILE|-            把 Word 文档（.docx）或网页（.html）转为 UTF-8 Markdown
  reportls convert -o DIR FILE|DIR...           逐个转换，写入目录 DIR（文本文件转为 UTF-8，其余为 .md）
  reportls phrases mine [-o DIR] [--min-reports N] FILE|DIR...
                                                 从往年报告中学习多篇报告共用的表述和下一句，经检查无误的
                                                 写入 DIR（默认 .reportls/phrases）供补全使用
  reportls plugins [--plugin-dir DIR]...          列出已加载的插件，以及未能加载的原因
  reportls --version | --help

选项:
  --plugin-dir DIR   另外从 DIR 加载插件（可重复）
  --config FILE      用户设置（JSON），与编辑器中 reportls 设置的格式相同
  --format FORMAT    check 的输出格式: text（默认）、json（每个文件的 LSP Diagnostic）、sarif（SARIF 2.1.0）
  --previous FILE    上一年度的报告（本次检查的报告与之对照：同比数字、上年计划的落实、照搬的句子）；
                     不给出时在同一次检查的文件中按单位和年度自动查找
  --related ROLE=FILE  指定某一角色的相关文档（previous：上年报告；companion：同年的另一份报告）
  --timings          check 结束后在标准错误上打印每个插件的分析耗时（所有文件合计）
  --no-worker        在本进程内运行插件（调试用）；默认在可自动重启的分析进程中运行，插件崩溃或卡死不影响服务器
  -o, --output FILE  convert 的输出文件（默认标准输出）或目录；phrases mine 的输出目录
  --min-reports N    phrases mine: 至少 N 篇报告用到的表述才收录（默认 2）

其他命令 NAME 由同一目录下的程序 reportls-NAME 提供（如 phrases: reportls-phrases）。

文件: .txt（UTF-8、带 BOM 的 UTF-16、GB18030/GBK）、.md、.docx、.html；目录: 其中所有这些文件；-: 标准输入。
Word 文档和网页的位置按段落计（第 N 段），表格按行计（表 N 第 M 行）。
退出码: 0 正常；1 发现错误级诊断（check）或有插件未能加载（plugins）；2 用法错误，或有文件无法读取。
)";

struct Options {
  std::string command;
  std::string format = "text";
  std::string config;
  std::vector<std::string> plugin_dirs;
  bool no_worker = false;
  bool timings = false;
  std::string output;  // convert: -o, a file or (several inputs) a folder
  std::map<std::string, std::string> related;  // --previous, --related: role -> path
  std::vector<std::string> files;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Options parse(const std::vector<std::string> &args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " 需要一个参数");
      return args[++i];
    };
    if (a == "--plugin-dir") o.plugin_dirs.push_back(value());
    else if (a == "--format") o.format = value();
    else if (a == "--config") o.config = value();
    else if (a == "--no-worker") o.no_worker = true;
    else if (a == "--timings") o.timings = true;
    else if (a == "-o" || a == "--output") o.output = value();
    else if (a == "--previous") o.related["previous"] = value();
    else if (a == "--related") {
      const std::string v = value();
      const size_t eq = v.find('=');
      if (eq == 0 || eq == std::string::npos || eq + 1 == v.size()) throw UsageError("--related 的参数应为 角色=文件");
      o.related[v.substr(0, eq)] = v.substr(eq + 1);
    }
    else if (a == "--stdio" && o.command.empty()) o.command = "serve";
    else if (a == "--help" || a == "-h" || a == "--version") o.command = a;
    else if (a.size() > 1 && a[0] == '-') throw UsageError("未知选项 " + a);
    else if (o.command.empty() || o.command == "serve") {
      if (a != "check" && a != "outline" && a != "plugins" && a != "convert") {
        // Not ours: reportls-NAME's, with every other argument as given (external.h).
        o.command = "external";
        o.files = {a};
        o.files.insert(o.files.end(), args.begin(), args.begin() + static_cast<std::ptrdiff_t>(i));
        o.files.insert(o.files.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
        return o;
      }
      o.command = a;
    } else {
      o.files.push_back(a);
    }
  }
  if (o.command.empty()) o.command = "serve";
  if (o.format != "text" && o.format != "json" && o.format != "sarif")
    throw UsageError("--format 只能是 text、json 或 sarif");
  if ((o.command == "check" || o.command == "outline") && o.files.empty())
    throw UsageError(o.command + " 需要至少一个文件或目录");
  if (o.command == "convert" && o.files.empty()) throw UsageError("convert 需要一个文件");
  if (o.command == "convert" && (o.files.size() > 1 || fs::is_directory(o.files.front())) &&
      (o.output.empty() || o.output == "-"))
    throw UsageError("convert 多个文件或目录时需要 -o 输出目录");
  if (!o.output.empty() && o.command != "convert") throw UsageError("-o 只用于 convert");
  return o;
}

// What `check` asks of the plugins: what the server's diagnostics run asks (diagnostics and the
// related facts), so that a plugin of other calls alone — phrasing, whose phrase model takes as long
// to load as a report to check, or the outline, which no output of `check` shows — is never created.
constexpr uint32_t kCheckCapabilities = kDiagnosticsCapabilities;

// `count` hosts with the same plugins, creating those that serve one of `capabilities` (the others
// only if a call needs them).  One host serialises its calls (a worker host has one analysis
// process), so `check` gives every thread of its pool a host of its own.
std::vector<std::unique_ptr<PluginHost>> load_hosts(const Options &o, const Settings &settings, bool quiet,
                                                    uint32_t capabilities, size_t count = 1) {
  PluginHostOptions options;
  options.capabilities = capabilities;
  options.plugin_dirs.push_back(bundled_plugin_dir());
  for (const auto &d : o.plugin_dirs) options.plugin_dirs.push_back(d);
  for (const auto &d : settings.plugin_dirs) options.plugin_dirs.push_back(d);
  options.data_dirs = settings.data_dirs;
  std::vector<std::unique_ptr<PluginHost>> hosts;
  for (size_t i = 0; i < std::max<size_t>(count, 1); ++i)
    hosts.push_back(make_host(options, !o.no_worker, settings.analysis_timeout));
  if (!quiet)
    for (const PluginInfo &p : hosts.front()->plugins()) {
      if (!p.active && !p.deferred) std::cerr << "reportls: 插件未加载: " << p.path << ": " << p.error << '\n';
      for (const std::string &w : p.warnings) std::cerr << "reportls: 插件 " << p.name << ": " << w << '\n';
    }
  return hosts;
}

size_t threads_for(size_t files) {
  return std::clamp<size_t>(files, 1, std::max(1u, std::thread::hardware_concurrency()));
}

// The --config file (its text kept for the line and column of a mistake).
struct UserSettings {
  Settings settings;
  json value = json::object();
  std::string text;
};

UserSettings user_settings(const Options &o) {
  UserSettings u;
  if (!o.config.empty()) {
    std::ifstream in(o.config, std::ios::binary);
    if (!in) throw UsageError("无法读取设置文件 " + o.config);
    std::stringstream buffer;
    buffer << in.rdbuf();
    u.text = buffer.str();
    u.value = json::parse(u.text, nullptr, false);
    if (u.value.is_discarded()) throw UsageError("设置文件不是有效的 JSON: " + o.config);
  }
  u.settings = Settings::from_json(u.value);
  // Paths on the command line are the shell's, relative to the working folder.
  for (const auto &[role, path] : o.related) u.settings.related[role] = fs::absolute(path).lexically_normal().string();
  return u;
}

std::vector<std::string> plugin_names(const PluginHost &host) {
  std::vector<std::string> names;
  for (const PluginInfo &p : host.plugins())
    if (p.active) names.push_back(p.name);
  return names;
}

// Mistakes in the --config file, once the plugins whose rules it may name are known.
void check_user_settings(const Options &o, const UserSettings &u, const std::vector<std::string> &plugins) {
  for (const SettingProblem &p : check_settings(u.value, Catalog::bundled(), plugins))
    std::cerr << "reportls: " << describe(p, o.config, u.text) << '\n';
}

struct Checked {
  std::string path;
  std::string uri;
  std::shared_ptr<const TextDocument> doc;
  Source source;  // its text moved into doc
  Settings settings;
  AnalysisResult result;
  std::string error;  // the file could not be read, or is no text
};

// How the output names an input: standard input has no name of its own.
std::string shown(const std::string &path) { return path == "-" ? "<标准输入>" : path; }

const char *language_of(SourceFormat f) { return f == SourceFormat::Markdown ? "markdown" : "plaintext"; }

// A run that will read and keep half a megabyte or more restarts once with huge pages
// (memory.h): below that, the restart would cost more than the page faults it saves.  A Word
// file counts by its size on disk, a fraction of what it holds.
void restart_if_large(const std::vector<Input> &inputs) {
  constexpr uint64_t kLarge = 512 << 10;
  uint64_t bytes = 0;
  for (const Input &in : inputs) bytes += in.bytes;
  if (bytes >= kLarge) restart_with_huge_pages();
}

// Runs work(host, i) for i in [0, count) on a pool with two threads per host, each thread keeping
// one host: while one thread's file is analysed, the other reads and decodes its next file and
// waits its turn (a host takes calls from several threads; plugin.h), so an analysis process is
// not left idle between files.
void on_hosts(const std::vector<std::unique_ptr<PluginHost>> &hosts, size_t count,
              const std::function<void(const PluginHost &, size_t)> &work) {
  boost::asio::thread_pool pool(2 * hosts.size());
  std::atomic<size_t> next_host{0};
  for (size_t i = 0; i < count; ++i) {
    boost::asio::post(pool, [i, &hosts, &next_host, &work] {
      // Each pool thread takes a host of its own the first time it runs a task of this pool.
      thread_local const PluginHost *mine = nullptr;
      thread_local const void *owner = nullptr;
      if (owner != &next_host) {
        mine = hosts[next_host++ % hosts.size()].get();
        owner = &next_host;
      }
      work(*mine, i);
    });
  }
  pool.join();
}

// What a run asks of the plugins: the calls (REPORTLS_CAP_*), and whether its output shows the
// fixes' edits (SARIF does; text and LSP JSON do not, so a plugin may leave costly ones out:
// DocumentInput::defer_fix_edits).
struct Asked {
  uint32_t capabilities;
  bool fix_edits;
};

// Analyses c with its related documents; what the text's directives silence is dropped, the rest
// in text order.
void analyze_one(const PluginHost &host, Checked &c, Asked asked,
                 const std::map<std::string, std::shared_ptr<const TextDocument>> &related = {}) {
  DocumentInput input{c.uri,  c.doc->text(), 0, c.settings.raw.dump(), path_from_uri(c.uri).value_or(""), {},
                      !asked.fix_edits};
  for (const auto &[role, r] : related)
    input.related.push_back({role, r->uri(), path_from_uri(r->uri()).value_or(""), r->text(), 0});
  c.result = host.analyze(input, CancelToken(), asked.capabilities);
  host.close(c.uri);  // the plugins keep nothing of a file checked once (analysed again: afresh)
  drop_suppressed(c.doc->text(), c.result.diagnostics);
  // People read a file top to bottom, whichever analyzer found what.
  std::stable_sort(c.result.diagnostics.begin(), c.result.diagnostics.end(),
                   [](const Diagnostic &a, const Diagnostic &b) { return a.start < b.start; });
}

// Reads and analyses every input, one pool thread per host; an input that cannot be read keeps its
// reason and the others go on.
std::vector<Checked> analyze_files(const std::vector<Input> &inputs, const std::vector<std::unique_ptr<PluginHost>> &hosts,
                                   const Settings &user, Asked asked) {
  std::vector<Checked> out(inputs.size());
  WorkspaceSettings workspace;
  const std::vector<std::string> plugins = plugin_names(*hosts.front());
  std::set<std::string> said;  // a settings file above many reports: its mistakes once
  for (size_t i = 0; i < inputs.size(); ++i) {
    out[i].path = inputs[i].path;
    out[i].error = inputs[i].problem;
    // Standard input is a document without a file (so without a folder's .reportls.json).
    out[i].uri = inputs[i].path == "-" ? "untitled:stdin" : uri_from_path(inputs[i].path);
    std::vector<std::string> warnings;
    out[i].settings = workspace.settings_for(out[i].uri, user, warnings, plugins);
    for (const auto &w : warnings)
      if (said.insert(w).second) std::cerr << "reportls: " << w << '\n';
  }
  on_hosts(hosts, out.size(), [&](const PluginHost &host, size_t i) {
    Checked &c = out[i];
    if (!c.error.empty()) return;
    try {
      c.source = load_source(c.path);
    } catch (const InputError &e) {
      c.error = e.what();
      return;
    }
    c.doc = std::make_shared<const TextDocument>(c.uri, language_of(c.source.format), 0, std::move(c.source.text));
    analyze_one(host, c, asked);
  });
  return out;
}

// Related documents among the files of one run (engine/related.h): the related.* facts of their
// analyses say which file wants which, and the related setting (--previous, --related, --config,
// .reportls.json) names others, read from disk as any input is.  Every file that gets a related
// document is analysed again with it.
void analyze_related(const std::vector<std::unique_ptr<PluginHost>> &hosts, std::vector<Checked> &files, bool fix_edits) {
  RelatedIndex index;
  for (const Checked &c : files)
    if (c.doc) index.record(c.uri, RelatedFacts::from(c.result.facts), false);
  std::map<std::string, std::shared_ptr<const TextDocument>> named;  // files read for the settings, by uri
  auto snapshot = [&](const std::string &uri) -> std::shared_ptr<const TextDocument> {
    for (const Checked &c : files)
      if (c.doc && same_file(c.uri, uri)) return c.doc;
    if (auto it = named.find(uri); it != named.end()) return it->second;
    const auto path = path_from_uri(uri);
    try {
      if (!path) throw InputError("不是文件");
      Source source = load_source(*path);
      return named[uri] = std::make_shared<const TextDocument>(uri, language_of(source.format), 0, std::move(source.text));
    } catch (const InputError &e) {
      std::cerr << "reportls: 无法读取相关文件 " << path.value_or(uri) << ": " << e.what() << '\n';
      return named[uri] = nullptr;
    }
  };
  std::vector<std::map<std::string, std::shared_ptr<const TextDocument>>> related(files.size());
  std::vector<size_t> again;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!files[i].doc) continue;
    Resolution wanted = index.resolve(files[i].uri);
    for (auto &[role, target] : named_related(files[i].settings, files[i].uri)) wanted[role] = std::move(target);
    for (const auto &[role, target] : wanted)
      if (auto doc = snapshot(target)) related[i][role] = std::move(doc);
    if (!related[i].empty()) again.push_back(i);
  }
  on_hosts(hosts, again.size(), [&](const PluginHost &host, size_t k) {
    const size_t i = again[k];
    analyze_one(host, files[i], {~0u, fix_edits}, related[i]);
  });
}

const char *severity_word(Severity s) {
  switch (s) {
    case Severity::Error: return "错误";
    case Severity::Warning: return "警告";
    case Severity::Information: return "信息";
    case Severity::Hint: return "提示";
  }
  return "";
}

// 1-based line and column in characters, as a person counts them.  Asked in ascending order (the
// diagnostics are sorted by position), each line's characters are counted once, not once per
// diagnostic on it: a report pasted as one line has thousands.
class HumanPositions {
 public:
  explicit HumanPositions(const TextDocument &doc) : doc_(doc) {}
  std::pair<uint32_t, uint32_t> at(uint32_t offset) {
    const uint32_t line = doc_.lines().line_of(offset);
    if (line != line_ || offset < counted_) {
      line_ = line;
      counted_ = doc_.lines().line_start(line);
      column_ = 1;
    }
    const std::string &t = doc_.text();
    const uint32_t until = std::min<uint32_t>(offset, static_cast<uint32_t>(t.size()));
    // Eight bytes at a time: each starts a character but a continuation byte (10xxxxxx).
    for (uint64_t eight = 0; counted_ < until && until - counted_ >= 8; counted_ += 8) {
      std::memcpy(&eight, t.data() + counted_, 8);
      column_ += 8 - static_cast<uint32_t>(std::popcount(eight & ~(eight << 1) & 0x8080808080808080ull));
    }
    for (; counted_ < until; ++counted_)
      if ((static_cast<unsigned char>(t[counted_]) & 0xC0) != 0x80) ++column_;
    return {line + 1, column_};
  }

 private:
  const TextDocument &doc_;
  uint32_t line_ = UINT32_MAX;
  uint32_t counted_ = 0;  // column_ is the column of this offset of line_
  uint32_t column_ = 1;
};

// Where a line is in the input's own terms: its number in a text file, its paragraph (`第3段`)
// or table row (`表1第2行`) in a Word file or web page.
std::string place_of_line(const Checked &c, uint32_t line) {
  const auto &places = c.source.line_places;
  if (places.empty()) return std::to_string(line);
  return line >= 1 && line <= places.size() ? places[line - 1] : places.back();
}

// The encoding a text was read in, when it is worth saying: not UTF-8.
std::string encoding_note(const Checked &c) {
  const std::string &e = c.source.encoding;
  return e.empty() || e.rfind("UTF-8", 0) == 0 ? std::string() : "（按 " + e + " 编码读取）";
}

// Per plugin, the time its analyze calls took over all files, slowest first.
void print_timings(const std::vector<Checked> &files) {
  std::map<std::string, std::pair<double, size_t>> total;  // plugin -> (ms, calls)
  for (const Checked &c : files)
    for (const PluginTiming &t : c.result.timings) {
      total[t.plugin].first += t.milliseconds;
      ++total[t.plugin].second;
    }
  std::vector<std::pair<std::string, std::pair<double, size_t>>> rows(total.begin(), total.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
  double sum = 0;
  std::cerr << "插件分析耗时（" << files.size() << " 个文件合计）:\n";
  for (const auto &[plugin, t] : rows) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-14s %10.2f ms  （%zu 次）\n", plugin.c_str(), t.first, t.second);
    std::cerr << line;
    sum += t.first;
  }
  char line[80];
  std::snprintf(line, sizeof line, "  %-14s %10.2f ms\n", "合计", sum);
  std::cerr << line;
}

int check(const Options &o) {
  const std::vector<Input> inputs = expand_inputs(o.files);
  restart_if_large(inputs);
  const UserSettings u = user_settings(o);
  const Settings &user = u.settings;
  auto hosts = load_hosts(o, user, false, kCheckCapabilities, threads_for(inputs.size()));
  check_user_settings(o, u, plugin_names(*hosts.front()));
  const bool fix_edits = o.format == "sarif";
  std::vector<Checked> files = analyze_files(inputs, hosts, user, {kCheckCapabilities, fix_edits});
  analyze_related(hosts, files, fix_edits);
  if (o.timings) print_timings(files);
  bool any_error = false, unreadable = false;
  for (const Checked &c : files) {
    if (!c.error.empty()) {
      std::cerr << "reportls: " << shown(c.path) << ": " << c.error << '\n';
      unreadable = true;
      continue;
    }
    for (const PluginProblem &p : c.result.problems)
      std::cerr << "reportls: " << shown(c.path) << ": 插件 " << p.plugin << ": " << p.message << '\n';
    for (const Diagnostic &d : c.result.diagnostics)
      if (c.settings.severity_for(d.code, d.severity) == Severity::Error) any_error = true;
  }
  if (o.format == "json") {
    // One file a line, its diagnostics written as text (convert.h): a batch of large reports is
    // never one tree of values.
    bool any = false;
    for (const Checked &c : files) {
      if (!c.doc) continue;
      json file = {{"file", c.path}, {"uri", c.uri}, {"encoding", c.source.encoding}};
      // Ranges are in the text read out of a Word file or page; its lines' paragraphs and rows:
      if (!c.source.line_places.empty()) file["linePlaces"] = c.source.line_places;
      std::string line = file.dump(-1, ' ', false, json::error_handler_t::replace);
      // "diagnostics" sorts first among the file's keys, as a dump of the whole would put it.
      std::string diagnostics = "\"diagnostics\":";
      append_diagnostics_text(diagnostics, c.result, *c.doc, DiagnosticForm{}, c.settings);
      diagnostics += ',';
      line.insert(1, diagnostics);
      std::cout << (any ? ",\n" : "[\n") << line;
      any = true;
    }
    std::cout << (any ? "\n]\n" : "[]\n");
  } else if (o.format == "sarif") {
    std::vector<SarifFile> sarif;
    for (const Checked &c : files)
      if (c.doc) sarif.push_back({c.path, c.doc.get(), &c.result, &c.settings});
    write_sarif(std::cout, sarif);
  } else {
    std::set<std::string> codes;  // the rules that spoke, for their documentation links
    for (const Checked &c : files) {
      if (!c.doc) continue;
      size_t counts[5] = {0};
      HumanPositions positions(*c.doc);
      for (const Diagnostic &d : c.result.diagnostics) {
        auto severity = c.settings.severity_for(d.code, d.severity);
        if (!severity) continue;
        ++counts[static_cast<int>(*severity)];
        auto [line, column] = positions.at(d.start);
        std::cout << shown(c.path) << ':' << place_of_line(c, line) << ':' << column << ": " << severity_word(*severity) << " ["
                  << d.code << "] " << d.message << '\n';
        if (std::string url = docs_url_for(d); !url.empty()) codes.insert(d.code + "  " + url);
      }
      std::cout << shown(c.path) << encoding_note(c) << ": 错误 " << counts[1] << "，警告 " << counts[2] << "，信息 " << counts[3]
                << "，提示 " << counts[4] << '\n';
    }
    if (!codes.empty()) {
      std::cout << "\n规则说明：\n";
      for (const std::string &line : codes) std::cout << "  " << line << '\n';
    }
  }
  if (unreadable) return 2;
  return any_error ? 1 : 0;
}

void print_outline(const Checked &c) {
  const auto &symbols = c.result.symbols;
  const bool by_line = c.source.line_places.empty();
  std::vector<int> depth(symbols.size(), 0);
  for (size_t i = 0; i < symbols.size(); ++i) {
    int32_t p = symbols[i].parent;
    if (p >= 0 && static_cast<size_t>(p) < i) depth[i] = depth[p] + 1;
    const auto first = c.doc->lines().line_of(symbols[i].start) + 1;
    const auto last = c.doc->lines().line_of(symbols[i].end) + 1;
    std::cout << std::string(depth[i] * 2, ' ') << symbols[i].name;
    if (!symbols[i].detail.empty()) std::cout << "  〔" << symbols[i].detail << "〕";
    if (by_line) {
      std::cout << "  (第 " << first;
      if (last != first) std::cout << "–" << last;
      std::cout << " 行)\n";
    } else {
      std::cout << "  (" << place_of_line(c, first);
      if (place_of_line(c, last) != place_of_line(c, first)) std::cout << "–" << place_of_line(c, last);
      std::cout << ")\n";
    }
  }
}

int outline(const Options &o) {
  const std::vector<Input> inputs = expand_inputs(o.files);
  restart_if_large(inputs);
  const UserSettings u = user_settings(o);
  const Settings &user = u.settings;
  auto hosts = load_hosts(o, user, false, REPORTLS_CAP_SYMBOLS, threads_for(inputs.size()));
  check_user_settings(o, u, plugin_names(*hosts.front()));
  std::vector<Checked> files = analyze_files(inputs, hosts, user, {REPORTLS_CAP_SYMBOLS, false});
  bool unreadable = false;
  for (const Checked &c : files) {
    if (!c.error.empty()) {
      std::cerr << "reportls: " << shown(c.path) << ": " << c.error << '\n';
      unreadable = true;
      continue;
    }
    // One file prints its outline alone; a batch heads each with its name.
    if (files.size() > 1) std::cout << "== " << shown(c.path) << encoding_note(c) << '\n';
    print_outline(c);
  }
  return unreadable ? 2 : 0;
}

// The input as UTF-8 Markdown: a Word file's or page's article; a text file's decoded text.
// The text convert writes of a source: its Markdown, or its text when it has none (plain text).
const std::string &converted_text(const Source &source) {
  return source.markdown.empty() ? source.text : source.markdown;
}

bool write_file(const std::string &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::cerr << "reportls: " << path << ": 无法写入：" << std::strerror(errno) << '\n';
  return static_cast<bool>(out);
}

// Several inputs or folders into the folder o.output: a file's name is kept, with ".md" added when
// its text became Markdown (报告.docx → 报告.docx.md, 报告.txt → 报告.txt), and a folder's files keep
// their place under it, so no two inputs of one folder meet.  An input that cannot be read is
// told and the others are converted (exit 2).
int convert_to_folder(const Options &o) {
  int status = 0;
  std::set<fs::path> written;
  for (const std::string &arg : o.files) {
    const bool folder = fs::is_directory(arg);
    for (const Input &in : expand_inputs({arg})) {
      Source source;
      try {
        if (!in.problem.empty()) throw InputError(in.problem);
        if (in.path == "-") throw InputError("convert -o DIR 不读标准输入");
        source = load_source(in.path, true);
      } catch (const InputError &e) {
        std::cerr << "reportls: " << shown(in.path) << ": " << e.what() << '\n';
        status = 2;
        continue;
      }
      fs::path name = folder ? fs::path(in.path).lexically_relative(arg) : fs::path(in.path).filename();
      if (!source.markdown.empty() && name.extension() != ".md") name += ".md";
      const fs::path target = fs::path(o.output) / name;
      std::error_code ec;
      fs::create_directories(target.parent_path(), ec);
      if (!written.insert(target).second) {
        std::cerr << "reportls: " << shown(in.path) << ": 与前面的输入同名，未写入 " << target.string() << '\n';
        status = 2;
      } else if (!write_file(target.string(), converted_text(source))) {
        status = 2;
      }
    }
  }
  return status;
}

int convert(const Options &o) {
  if (o.files.size() > 1 || fs::is_directory(o.files.front())) return convert_to_folder(o);
  const std::string &path = o.files.front();
  Source source;
  try {
    source = load_source(path, true);
  } catch (const InputError &e) {
    std::cerr << "reportls: " << shown(path) << ": " << e.what() << '\n';
    return 2;
  }
  if (o.output.empty() || o.output == "-") {
    std::cout << converted_text(source);
    return 0;
  }
  return write_file(o.output, converted_text(source)) ? 0 : 2;
}

int plugins(const Options &o) {
  const UserSettings u = user_settings(o);
  auto hosts = load_hosts(o, u.settings, true, ~0u);
  const auto &host = hosts.front();
  bool failed = false;
  for (const PluginInfo &p : host->plugins()) {
    if (p.active) {
      std::cout << "✓ " << p.name << ' ' << p.version << "  " << p.description << "\n    " << p.path << '\n';
      for (const std::string &w : p.warnings) std::cout << "    ⚠ " << w << '\n';
    } else {
      failed = true;
      std::cout << "✗ " << p.path << "\n    " << p.error << '\n';
    }
  }
  return failed ? 1 : 0;
}

}  // namespace

int run_cli(const std::vector<std::string> &args) {
  try {
    Options o = parse(args);
    if (o.command == "--help" || o.command == "-h") return std::cout << kUsage, 0;
    if (o.command == "--version") return std::cout << "reportls " REPORTLS_VERSION "\n", 0;
    if (o.command == "check") return check(o);
    if (o.command == "outline") return outline(o);
    if (o.command == "convert") return convert(o);
    if (o.command == "plugins") return plugins(o);
    if (o.command == "external") {
      const std::vector<std::string> rest(o.files.begin() + 1, o.files.end());
      if (auto code = run_external_command(o.files.front(), rest)) return *code;
      throw UsageError("未知命令 " + o.files.front());
    }
    ServerOptions server;
    server.plugin_dirs = o.plugin_dirs;
    server.isolate_plugins = !o.no_worker;
    // Last year's report in the workspace is read as check reads it: any encoding, Word, web page.
    server.files = {is_report_file, [](const std::string &path) -> std::optional<std::string> {
                      try {
                        return load_source(path).text;
                      } catch (const InputError &) {
                        return std::nullopt;
                      }
                    }};
    return run_server(server);
  } catch (const UsageError &e) {
    std::cerr << "reportls: " << e.what() << "\n（reportls --help 查看用法）\n";
    return 2;
  }
}

}  // namespace reportls::lsp
