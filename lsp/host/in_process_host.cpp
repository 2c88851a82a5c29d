// The in-process PluginHost: dlopen, ABI checks, create/destroy, and the calls.
#include "lsp/host/plugin_host.h"
#include "lsp/host/own_executable.h"

#include "lsp/host/result_codec.h"
#include "lsp/host/sink.h"

#include <reportls/plugin.h>

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <system_error>

namespace reportls::lsp {
namespace {

namespace fs = std::filesystem;

// A plugin this host calls.  Created at construction — or, deferred when it announces none of the
// calls the host serves, on the first call that needs it (the interactive analysis process asked
// for diagnostics); until then not even its library stays mapped.
struct LoadedPlugin {
  std::string name;
  std::string path;           // the library
  uint32_t capabilities = 0;  // the descriptor's
  bool deferred = false;
  std::once_flag created;     // deferred: taken by the first call that needs it
  const reportls_plugin_descriptor *descriptor = nullptr;  // null until created
  void *instance = nullptr;                                // null until created, or if that failed
  std::string failed;         // why a deferred creation failed, told with every call that needed it
};

// A library opened and its descriptor checked.
struct Opened {
  void *handle = nullptr;
  const reportls_plugin_descriptor *descriptor = nullptr;
};

// Smallest descriptor this host can use: everything up to and including hover (ABI 1.0).
constexpr size_t kMinDescriptorSize =
    offsetof(reportls_plugin_descriptor, hover) + sizeof(reportls_plugin_descriptor::hover);

std::vector<fs::path> plugin_libraries(const std::string &dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto &entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && entry.path().extension() == ".so") {
      found.push_back(entry.path());
    } else if (entry.is_directory(ec)) {
      // One folder per plugin: <name>/<name>.so beside its data.
      fs::path lib = entry.path() / (entry.path().filename().string() + ".so");
      if (fs::is_regular_file(lib, ec)) found.push_back(lib);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Every UTF-8 character of a descriptor's completion_triggers string.
std::vector<std::string> characters_of(const char *s) {
  std::vector<std::string> out;
  const std::string text = copy_text(s);
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

void on_warning(void *ctx, const char *message) {
  if (ctx) static_cast<std::vector<std::string> *>(ctx)->push_back(copy_text(message));
}

class InProcessHost final : public InProcessPluginHost {
 public:
  explicit InProcessHost(const PluginHostOptions &options)
      : before_call_(options.before_call), before_create_(options.before_create), capabilities_(options.capabilities), data_dirs_(options.data_dirs) {
    for (const std::string &dir : options.plugin_dirs) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) {
        PluginInfo missing;
        missing.path = dir;
        missing.error = "插件目录不存在: " + dir;
        infos_.push_back(std::move(missing));
        continue;
      }
      for (const fs::path &lib : plugin_libraries(dir)) load(lib);
    }
  }

  ~InProcessHost() override {
    for (const auto &p : loaded_)
      if (p->instance && p->descriptor->destroy) p->descriptor->destroy(p->instance);
  }

  const std::vector<PluginInfo> &plugins() const override { return infos_; }

  AnalysisResult analyze(const DocumentInput &doc, const CancelToken &token,
                         uint32_t capabilities) const override {
    return codec::decode_analysis(analyze_encoded(doc, token, capabilities));
  }

  std::string analyze_encoded(const DocumentInput &doc, const CancelToken &token,
                              uint32_t capabilities) const override {
    codec::AnalysisEncoder result(expected());
    const CDocument c_doc(doc);
    const reportls_document &d = c_doc.d;
    for (const auto &plugin : loaded_) {
      LoadedPlugin &p = *plugin;
      std::vector<PluginProblem> problems;
      if (!(p.capabilities & capabilities) || token.cancelled() || !ready(p, problems) || !announce(p)) {
        for (const PluginProblem &problem : problems) result.problem(problem);
        continue;
      }
      Collector c{doc.text, &p.name, &token};
      c.analysis = &result;
      result.begin_call();
      reportls_sink sink = make_sink(c);
      auto started = std::chrono::steady_clock::now();
      reportls_status status = call([&] { return p.descriptor->analyze(p.instance, &d, &sink); });
      result.timing(
          {p.name, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count()});
      if (status == REPORTLS_ERROR) {
        // A failed analysis may have stopped halfway: keep nothing of it but the reason.
        result.drop_call();
        if (c.errors.empty()) c.errors.push_back("analyze 失败");
      }
      for (std::string &e : c.errors) result.problem({p.name, std::move(e)});
    }
    expect(result.sizes());
    return result.finish(doc.version);
  }

  CompletionResult complete(const DocumentInput &doc, uint32_t offset,
                            const CancelToken &token) const override {
    CompletionResult result;
    const CDocument c_doc(doc);
    const reportls_document &d = c_doc.d;
    offset = clamp_offset(doc.text, offset);
    for (const auto &plugin : loaded_) {
      LoadedPlugin &p = *plugin;
      if (!(p.capabilities & REPORTLS_CAP_COMPLETION) || token.cancelled() || !ready(p, result.problems) ||
          !p.descriptor->complete || !announce(p))
        continue;
      Collector c{doc.text, &p.name, &token};
      c.completion = &result;
      const size_t before = result.items.size();
      reportls_sink sink = make_sink(c);
      if (call([&] { return p.descriptor->complete(p.instance, &d, offset, &sink); }) == REPORTLS_ERROR) {
        result.items.resize(before);
        if (c.errors.empty()) c.errors.push_back("complete 失败");
      }
      for (std::string &e : c.errors) result.problems.push_back({p.name, std::move(e)});
    }
    return result;
  }

  HoverResult hover(const DocumentInput &doc, uint32_t offset,
                    const CancelToken &token) const override {
    HoverResult result;
    const CDocument c_doc(doc);
    const reportls_document &d = c_doc.d;
    offset = clamp_offset(doc.text, offset);
    for (const auto &plugin : loaded_) {
      LoadedPlugin &p = *plugin;
      if (!(p.capabilities & REPORTLS_CAP_HOVER) || token.cancelled() || !ready(p, result.problems) ||
          !p.descriptor->hover || !announce(p))
        continue;
      Collector c{doc.text, &p.name, &token};
      c.hover = &result;
      const size_t before = result.hovers.size();
      reportls_sink sink = make_sink(c);
      if (call([&] { return p.descriptor->hover(p.instance, &d, offset, &sink); }) == REPORTLS_ERROR) {
        result.hovers.resize(before);
        if (c.errors.empty()) c.errors.push_back("hover 失败");
      }
      for (std::string &e : c.errors) result.problems.push_back({p.name, std::move(e)});
    }
    return result;
  }

  void close(const std::string &uri) const override {
    for (const auto &p : loaded_) {
      if (!p->instance) continue;  // a deferred plugin not created yet keeps nothing
      if (REPORTLS_HAS_FIELD(p->descriptor, reportls_plugin_descriptor, close) && p->descriptor->close)
        call([&] {
          p->descriptor->close(p->instance, uri.c_str());
          return REPORTLS_OK;
        });
    }
  }

 private:
  bool announce(const LoadedPlugin &p) const { return !before_call_ || before_call_(p.name); }

  // The sizes of the last analysis's sections: the next one, mostly of the same document a
  // keystroke later, makes room for as much at once.
  codec::AnalysisEncoder::Sizes expected() const {
    std::lock_guard lock(sizes_mutex_);
    return last_sizes_;
  }
  void expect(const codec::AnalysisEncoder::Sizes &sizes) const {
    std::lock_guard lock(sizes_mutex_);
    last_sizes_ = sizes;
  }

  // Creates a deferred plugin on the first call that needs it; false, with the reason in
  // problems, when it cannot be.  Only analysis processes defer plugins, and they call from the
  // thread that owns the host, as create requires.
  bool ready(LoadedPlugin &p, std::vector<PluginProblem> &problems) const {
    if (p.deferred)
      std::call_once(p.created, [&] {
        if (before_create_) before_create_(p.name);
        PluginInfo info;
        info.path = p.path;
        const Opened lib = open(info);
        if (lib.descriptor && (p.instance = create(lib.descriptor, info))) {
          p.descriptor = lib.descriptor;
        } else {
          p.failed = info.error;
          if (lib.handle) dlclose(lib.handle);
        }
      });
    if (p.instance) return true;
    problems.push_back({p.name, p.failed});
    return false;
  }

  // The C view of a DocumentInput for one call, valid while both live.
  struct CDocument {
    explicit CDocument(const DocumentInput &doc) {
      related.reserve(doc.related.size());
      for (const RelatedInput &r : doc.related)
        related.push_back({sizeof(reportls_related_document), r.role.c_str(), r.uri.c_str(),
                           r.path.empty() ? nullptr : r.path.c_str(), r.text.data(), r.text.size(), r.version});
      for (const reportls_related_document &r : related) pointers.push_back(&r);
      // An unnamed text gets a name for this call (its plugins do not compare it).
      const TextOrigin &o = doc.origin;
      d = {sizeof(reportls_document), doc.uri.data(),       doc.text.data(),
           doc.text.size(),           doc.version,          doc.settings.c_str(),
           doc.path.empty() ? nullptr : doc.path.c_str(),   pointers.empty() ? nullptr : pointers.data(),
           pointers.size(),           doc.defer_fix_edits ? 1 : 0, o.name != 0 ? o.name : new_text_name(),
           o.name != 0 ? o.from : 0,  o.start,              o.old_end,
           o.new_end};
    }
    CDocument(const CDocument &) = delete;
    std::vector<reportls_related_document> related;
    std::vector<const reportls_related_document *> pointers;
    reportls_document d;
  };

  // A plugin written in C++ without the helper might still let an exception escape.
  template <class F>
  static reportls_status call(F &&f) {
    try {
      return f();
    } catch (...) {
      return REPORTLS_ERROR;
    }
  }

  // dlopen()s the library at info.path and checks its descriptor, filling info from it; on a
  // failure nothing stays open and info.error says why.
  static Opened open(PluginInfo &info) {
    void *handle = dlopen(info.path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      info.error = std::string("无法加载: ") + dlerror();
      return {};
    }
    auto fail = [&](std::string why) {
      info.error = std::move(why);
      dlclose(handle);
      return Opened{};
    };
    auto entry = reinterpret_cast<reportls_plugin_entry_fn>(
        dlsym(handle, REPORTLS_PLUGIN_ENTRY_SYMBOL));
    if (!entry) return fail("缺少入口函数 " REPORTLS_PLUGIN_ENTRY_SYMBOL "()");
    const reportls_plugin_descriptor *desc = nullptr;
    try {
      desc = entry();
    } catch (...) {
    }
    if (!desc) return fail("入口函数没有返回描述符");
    if (desc->struct_size < offsetof(reportls_plugin_descriptor, abi_minor))
      return fail("描述符无效 (struct_size " + std::to_string(desc->struct_size) + ")");
    if (desc->abi_major != REPORTLS_ABI_MAJOR)
      return fail("ABI 版本不兼容: 插件为 " + std::to_string(desc->abi_major) + ".x，服务器为 " +
                  std::to_string(REPORTLS_ABI_MAJOR) + ".x");
    if (desc->struct_size < kMinDescriptorSize || !desc->name || !desc->create ||
        !desc->analyze)
      return fail("描述符不完整 (缺少 name/create/analyze)");
    info.name = copy_text(desc->name);
    info.version = copy_text(desc->version);
    info.description = copy_text(desc->description);
    info.capabilities = desc->capabilities;
    if (REPORTLS_HAS_FIELD(desc, reportls_plugin_descriptor, completion_triggers))
      info.trigger_characters = characters_of(desc->completion_triggers);
    return {handle, desc};
  }

  // The plugin's instance (its load warnings into info.warnings), or nullptr with info.error set.
  void *create(const reportls_plugin_descriptor *desc, PluginInfo &info) const {
    std::vector<const char *> data_dirs;
    for (const std::string &d : data_dirs_) data_dirs.push_back(d.c_str());
    const std::string plugin_dir = fs::path(info.path).parent_path().string();
    reportls_config config{sizeof(reportls_config), plugin_dir.c_str(), data_dirs.data(),
                           data_dirs.size(),        on_warning,         &info.warnings};
    char error[1024] = {0};
    void *instance = nullptr;
    try {
      instance = desc->create(&config, error, sizeof error);
    } catch (...) {
      std::snprintf(error, sizeof error, "create 抛出异常");
    }
    if (!instance) info.error = std::string("初始化失败: ") + (error[0] ? copy_text(error) : "未说明原因");
    return instance;
  }

  void load(const fs::path &lib) {
    PluginInfo info;
    info.path = lib.string();
    const Opened opened = open(info);
    if (!opened.descriptor) return infos_.push_back(std::move(info));
    for (const PluginInfo &other : infos_)
      if ((other.active || other.deferred) && other.name == info.name) {
        dlclose(opened.handle);
        info.error = "同名插件已从 " + other.path + " 加载，此处忽略";
        return infos_.push_back(std::move(info));
      }
    auto p = std::make_unique<LoadedPlugin>();
    p->name = info.name;
    p->path = info.path;
    p->capabilities = opened.descriptor->capabilities;
    if (!(p->capabilities & capabilities_)) {
      p->deferred = info.deferred = true;
      dlclose(opened.handle);
    } else if ((p->instance = create(opened.descriptor, info))) {
      p->descriptor = opened.descriptor;
      info.active = true;
    } else {
      dlclose(opened.handle);
      return infos_.push_back(std::move(info));
    }
    loaded_.push_back(std::move(p));
    infos_.push_back(std::move(info));
  }

  std::function<bool(const std::string &)> before_call_;
  std::function<void(const std::string &)> before_create_;
  uint32_t capabilities_;
  std::vector<std::string> data_dirs_;
  std::vector<PluginInfo> infos_;
  std::vector<std::unique_ptr<LoadedPlugin>> loaded_;
  mutable std::mutex sizes_mutex_;
  mutable codec::AnalysisEncoder::Sizes last_sizes_;  // under sizes_mutex_
};

}  // namespace

uint64_t new_text_name() {
  static std::atomic<uint64_t> names{0};
  return ++names;
}

std::unique_ptr<InProcessPluginHost> make_in_process_host(const PluginHostOptions &options) {
  return std::make_unique<InProcessHost>(options);
}

std::string bundled_plugin_dir() {
  const fs::path exe = own_executable();
  if (exe.empty()) return {};
  return (exe.parent_path().parent_path() / REPORTLS_PLUGIN_SUBDIR).lexically_normal().string();
}

}  // namespace reportls::lsp
