#include "lsp/tool/readers.h"

#include "lsp/host/own_executable.h"
#include "lsp/tool/input_error.h"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>

namespace reportls::lsp {
namespace {

constexpr const char *kModuleFile = "libreportls_readers.so";

// lib/reportls/ of the running executable's installation (REPORTLS_PLUGIN_SUBDIR's parent).
std::filesystem::path module_path() {
  const std::filesystem::path exe = own_executable();
  return (exe.parent_path().parent_path() / REPORTLS_PLUGIN_SUBDIR).parent_path() / kModuleFile;
}

}  // namespace

const ReaderModule &reader_module() {
  static std::once_flag once;
  static const ReaderModule *module = nullptr;
  static std::string why;
  std::call_once(once, [] {
    using Entry = const ReaderModule *(*)();
    if (auto linked = reinterpret_cast<Entry>(dlsym(RTLD_DEFAULT, "reportls_readers_entry"))) {
      module = linked();
      return;
    }
    const std::string path = module_path().lexically_normal().string();
    // RTLD_LOCAL: its libxml2 and libzip symbols stay its own.  Never closed: a process that
    // read one Word file is likely to read another.
    void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char *error = dlerror();
      why = error ? error : path;
      return;
    }
    if (auto entry = reinterpret_cast<Entry>(dlsym(handle, "reportls_readers_entry"))) module = entry();
    else why = path + ": 没有 reportls_readers_entry";
  });
  if (!module) throw InputError("无法加载读取模块（Word、网页和非 UTF-8 文本用它读取：" + why + "）");
  return *module;
}

}  // namespace reportls::lsp
