#include "lsp/tool/walk.h"

#include "lsp/tool/source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <set>
#include <sys/stat.h>
#include <utility>

namespace reportls::lsp {
namespace {

using Identity = std::pair<dev_t, ino_t>;

class Walker {
 public:
  explicit Walker(std::vector<Input> &out) : out_(out) {}

  void folder(const std::string &path, const struct stat &st) {
    const Identity id{st.st_dev, st.st_ino};
    if (std::find(ancestors_.begin(), ancestors_.end(), id) != ancestors_.end()) {
      out_.push_back({path, "目录循环：符号链接指回了正在遍历的上级目录，已跳过"});
      return;
    }
    if (!visited_.insert(id).second) return;  // the same folder by another link: read once
    DIR *dir = ::opendir(path.c_str());
    if (!dir) {
      out_.push_back({path, std::string("无法读取目录：") + std::strerror(errno)});
      return;
    }
    std::vector<std::string> names;
    while (const dirent *e = ::readdir(dir))
      if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    ancestors_.push_back(id);
    const std::string prefix = path.empty() || path.back() == '/' ? path : path + '/';
    for (const std::string &name : names) {
      const std::string child = prefix + name;
      struct stat cs {};
      if (::stat(child.c_str(), &cs) != 0) {
        // A dangling link or a file that vanished: only a report file is worth a word.
        if (is_report_file(child)) out_.push_back({child, std::string("无法读取文件：") + std::strerror(errno)});
        continue;
      }
      if (S_ISDIR(cs.st_mode)) folder(child, cs);
      else if (S_ISREG(cs.st_mode) && is_report_file(child)) out_.push_back({child, {}, static_cast<uint64_t>(cs.st_size)});
    }
    ancestors_.pop_back();
  }

 private:
  std::vector<Input> &out_;
  std::vector<Identity> ancestors_;
  std::set<Identity> visited_;
};

}  // namespace

std::vector<Input> expand_inputs(const std::vector<std::string> &args) {
  std::vector<Input> out;
  for (const std::string &arg : args) {
    struct stat st {};
    if (arg == "-" || ::stat(arg.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      // reading it tells what is wrong, if anything
      out.push_back({arg, {}, arg != "-" && S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0});
      continue;
    }
    const size_t before = out.size();
    Walker(out).folder(arg, st);
    if (out.size() == before) out.push_back({arg, "目录中没有 .txt、.md、.docx 或 .html 文件"});
  }
  return out;
}

}  // namespace reportls::lsp
