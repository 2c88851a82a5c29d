#include "lsp/plugin_host.h"

#include "lsp/text_document.h"

#include <reportls/plugin.h>

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace reportls::lsp {
namespace {

namespace fs = std::filesystem;

struct LoadedPlugin {
  const reportls_plugin_descriptor *descriptor = nullptr;
  void *instance = nullptr;
  std::string name;
};

// An enum field as the plain integer a C plugin may have stored in it: loading an out-of-range
// value through the enum type would itself be undefined behaviour.
template <class E>
int enum_value(const E &field) {
  static_assert(sizeof(E) == sizeof(int));
  int value;
  std::memcpy(&value, &field, sizeof value);
  return value;
}

uint32_t clamp_offset(std::string_view text, uint32_t offset) {
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  // Snap back to the first byte of the character the offset falls in.
  while (offset > 0 && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    --offset;
  return offset;
}

std::string copy_text(const char *s) {
  std::string out = s ? s : "";
  sanitize_utf8(out);
  return out;
}

// The sink's ctx: collects one plugin's output for one call.
struct Collector {
  Collector(std::string_view t, const std::string *p, const CancelToken *k) : text(t), plugin(p), token(k) {}
  std::string_view text;
  const std::string *plugin;
  const CancelToken *token;
  AnalysisResult *analysis = nullptr;
  CompletionResult *completion = nullptr;
  HoverResult *hover = nullptr;
  size_t symbol_base = 0;
  std::vector<std::string> errors;

  void span(uint32_t &start, uint32_t &end) const {
    start = clamp_offset(text, start);
    end = clamp_offset(text, end);
    if (end < start) std::swap(start, end);
  }
  Fix fix(const reportls_fix *f) const {
    Fix out;
    if (!f) return out;
    out.title = copy_text(f->title);
    out.preferred = REPORTLS_HAS_FIELD(f, reportls_fix, is_preferred) && f->is_preferred;
    for (size_t i = 0; f->edits && i < f->edit_count; ++i) {
      Edit e{f->edits[i].start, f->edits[i].end, copy_text(f->edits[i].new_text)};
      span(e.start, e.end);
      out.edits.push_back(std::move(e));
    }
    return out;
  }
};

Collector &self(void *ctx) { return *static_cast<Collector *>(ctx); }

void on_diagnostic(void *ctx, const reportls_diagnostic *d) {
  Collector &c = self(ctx);
  if (!c.analysis || !d) return;
  Diagnostic out;
  out.start = d->start;
  out.end = d->end;
  c.span(out.start, out.end);
  const int severity = enum_value(d->severity);
  out.severity = severity >= 1 && severity <= 4 ? static_cast<Severity>(severity) : Severity::Warning;
  out.code = copy_text(d->code);
  out.message = copy_text(d->message);
  out.source = *c.plugin;
  for (size_t i = 0; d->fixes && i < d->fix_count; ++i) out.fixes.push_back(c.fix(&d->fixes[i]));
  if (REPORTLS_HAS_FIELD(d, reportls_diagnostic, docs_url)) out.docs_url = copy_text(d->docs_url);
  c.analysis->diagnostics.push_back(std::move(out));
}

void on_symbol(void *ctx, const reportls_symbol *s) {
  Collector &c = self(ctx);
  if (!c.analysis || !s) return;
  Symbol out;
  out.name = copy_text(s->name);
  out.detail = copy_text(s->detail);
  const int kind = enum_value(s->kind);
  out.kind = kind >= 1 && kind <= 26 ? kind : REPORTLS_SYMBOL_STRING;
  out.start = s->start;
  out.end = s->end;
  out.selection_start = s->selection_start;
  out.selection_end = s->selection_end;
  c.span(out.start, out.end);
  c.span(out.selection_start, out.selection_end);
  // LSP requires the selection inside the range.
  out.selection_start = std::clamp(out.selection_start, out.start, out.end);
  out.selection_end = std::clamp(out.selection_end, out.selection_start, out.end);
  size_t own = c.analysis->symbols.size() - c.symbol_base;
  out.parent = s->parent >= 0 && static_cast<size_t>(s->parent) < own
                   ? static_cast<int32_t>(c.symbol_base + s->parent)
                   : -1;
  if (out.name.empty()) out.name = "(无标题)";
  c.analysis->symbols.push_back(std::move(out));
}

void on_fold(void *ctx, const reportls_fold *f) {
  Collector &c = self(ctx);
  if (!c.analysis || !f) return;
  Fold out{f->start, f->end};
  c.span(out.start, out.end);
  c.analysis->folds.push_back(out);
}

void on_completion(void *ctx, const reportls_completion *item, int incomplete) {
  Collector &c = self(ctx);
  if (!c.completion || !item) return;
  Completion out;
  out.label = copy_text(item->label);
  out.insert_text = copy_text(item->insert_text);
  out.snippet = item->is_snippet != 0;
  out.replace_start = item->replace_start;
  out.replace_end = item->replace_end;
  c.span(out.replace_start, out.replace_end);
  out.filter_text = copy_text(item->filter_text);
  out.sort_text = copy_text(item->sort_text);
  out.detail = copy_text(item->detail);
  out.documentation = copy_text(item->documentation);
  const int kind = enum_value(item->kind);
  out.kind = kind >= 1 && kind <= 25 ? kind : REPORTLS_COMPLETION_TEXT;
  out.source = *c.plugin;
  c.completion->items.push_back(std::move(out));
  if (incomplete) c.completion->incomplete = true;
}

void on_hover(void *ctx, const reportls_hover *h) {
  Collector &c = self(ctx);
  if (!c.hover || !h) return;
  Hover out{h->start, h->end, copy_text(h->markdown)};
  c.span(out.start, out.end);
  c.hover->hovers.push_back(std::move(out));
}

void on_fact(void *ctx, const char *key, const char *value) {
  Collector &c = self(ctx);
  if (c.analysis && key) c.analysis->facts[copy_text(key)] = copy_text(value);
}

int on_is_cancelled(void *ctx) { return self(ctx).token->cancelled() ? 1 : 0; }

void on_error(void *ctx, const char *message) { self(ctx).errors.push_back(copy_text(message)); }

void on_action(void *ctx, uint32_t start, uint32_t end, const reportls_fix *fix) {
  Collector &c = self(ctx);
  if (!c.analysis || !fix) return;
  Action out{start, end, *c.plugin, c.fix(fix)};
  c.span(out.start, out.end);
  c.analysis->actions.push_back(std::move(out));
}

const reportls_sink kSinkTemplate = {
    sizeof(reportls_sink), nullptr,  on_diagnostic,   on_symbol, on_fold,  on_completion,
    on_hover,              on_fact,  on_is_cancelled, on_error,  on_action};

// Smallest descriptor this host can use: everything up to and including hover.
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

class InProcessHost final : public PluginHost {
 public:
  explicit InProcessHost(const PluginHostOptions &options) : before_call_(options.before_call) {
    std::vector<const char *> data_dirs;
    for (const std::string &d : options.data_dirs) data_dirs.push_back(d.c_str());
    for (const std::string &dir : options.plugin_dirs) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) {
        infos_.push_back({"", "", "", dir, 0, false, "插件目录不存在: " + dir});
        continue;
      }
      for (const fs::path &lib : plugin_libraries(dir)) load(lib, data_dirs);
    }
  }

  ~InProcessHost() override {
    for (LoadedPlugin &p : loaded_)
      if (p.descriptor->destroy) p.descriptor->destroy(p.instance);
  }

  const std::vector<PluginInfo> &plugins() const override { return infos_; }

  AnalysisResult analyze(const DocumentInput &doc, const CancelToken &token,
                         uint32_t capabilities) const override {
    AnalysisResult result;
    result.version = doc.version;
    reportls_document d = document(doc);
    for (const LoadedPlugin &p : loaded_) {
      if (!(p.descriptor->capabilities & capabilities) || token.cancelled() || !announce(p)) continue;
      Collector c{doc.text, &p.name, &token};
      c.analysis = &result;
      c.symbol_base = result.symbols.size();
      size_t diagnostics_before = result.diagnostics.size();
      reportls_sink sink = kSinkTemplate;
      sink.ctx = &c;
      auto started = std::chrono::steady_clock::now();
      reportls_status status = call([&] { return p.descriptor->analyze(p.instance, &d, &sink); });
      result.timings.push_back(
          {p.name, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count()});
      if (status == REPORTLS_ERROR) {
        // A failed analysis may have stopped halfway: keep nothing of it but the reason.
        result.diagnostics.resize(diagnostics_before);
        if (c.errors.empty()) c.errors.push_back("analyze 失败");
      }
      for (std::string &e : c.errors) result.problems.push_back({p.name, std::move(e)});
    }
    return result;
  }

  CompletionResult complete(const DocumentInput &doc, uint32_t offset,
                            const CancelToken &token) const override {
    CompletionResult result;
    reportls_document d = document(doc);
    offset = clamp_offset(doc.text, offset);
    for (const LoadedPlugin &p : loaded_) {
      if (!(p.descriptor->capabilities & REPORTLS_CAP_COMPLETION) || !p.descriptor->complete ||
          token.cancelled() || !announce(p))
        continue;
      Collector c{doc.text, &p.name, &token};
      c.completion = &result;
      reportls_sink sink = kSinkTemplate;
      sink.ctx = &c;
      call([&] { return p.descriptor->complete(p.instance, &d, offset, &sink); });
      for (std::string &e : c.errors) result.problems.push_back({p.name, std::move(e)});
    }
    return result;
  }

  HoverResult hover(const DocumentInput &doc, uint32_t offset,
                    const CancelToken &token) const override {
    HoverResult result;
    reportls_document d = document(doc);
    offset = clamp_offset(doc.text, offset);
    for (const LoadedPlugin &p : loaded_) {
      if (!(p.descriptor->capabilities & REPORTLS_CAP_HOVER) || !p.descriptor->hover ||
          token.cancelled() || !announce(p))
        continue;
      Collector c{doc.text, &p.name, &token};
      c.hover = &result;
      reportls_sink sink = kSinkTemplate;
      sink.ctx = &c;
      call([&] { return p.descriptor->hover(p.instance, &d, offset, &sink); });
      for (std::string &e : c.errors) result.problems.push_back({p.name, std::move(e)});
    }
    return result;
  }

 private:
  bool announce(const LoadedPlugin &p) const { return !before_call_ || before_call_(p.name); }

  static reportls_document document(const DocumentInput &doc) {
    return {sizeof(reportls_document), doc.uri.data(), doc.text.data(), doc.text.size(),
            doc.version, doc.settings.c_str()};
  }

  // A plugin written in C++ without the helper might still let an exception escape.
  template <class F>
  static reportls_status call(F &&f) {
    try {
      return f();
    } catch (...) {
      return REPORTLS_ERROR;
    }
  }

  void load(const fs::path &lib, const std::vector<const char *> &data_dirs) {
    PluginInfo info;
    info.path = lib.string();
    auto fail = [&](std::string why) {
      info.error = std::move(why);
      infos_.push_back(std::move(info));
    };
    void *handle = dlopen(info.path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return fail(std::string("无法加载: ") + dlerror());
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
    for (const PluginInfo &other : infos_)
      if (other.active && other.name == info.name)
        return fail("同名插件已从 " + other.path + " 加载，此处忽略");
    std::string plugin_dir = lib.parent_path().string();
    reportls_config config{sizeof(reportls_config), plugin_dir.c_str(), data_dirs.data(),
                           data_dirs.size()};
    char error[1024] = {0};
    void *instance = nullptr;
    try {
      instance = desc->create(&config, error, sizeof error);
    } catch (...) {
      std::snprintf(error, sizeof error, "create 抛出异常");
    }
    if (!instance) return fail(std::string("初始化失败: ") + (error[0] ? copy_text(error) : "未说明原因"));
    info.active = true;
    loaded_.push_back({desc, instance, info.name});
    infos_.push_back(std::move(info));
  }

  std::function<bool(const std::string &)> before_call_;
  std::vector<PluginInfo> infos_;
  std::vector<LoadedPlugin> loaded_;
};

}  // namespace

std::unique_ptr<PluginHost> make_in_process_host(const PluginHostOptions &options) {
  return std::make_unique<InProcessHost>(options);
}

std::string bundled_plugin_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (exe.parent_path().parent_path() / REPORTLS_PLUGIN_SUBDIR).lexically_normal().string();
}

}  // namespace reportls::lsp
