#include "lsp/engine/workspace_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace reportls::lsp {

namespace fs = std::filesystem;

FileReader FileReader::plain_text() {
  return {[](const std::string &path) {
            const std::string ext = fs::path(path).extension().string();
            return ext == ".txt" || ext == ".md" || ext == ".markdown";
          },
          [](const std::string &path) { return read_text_file(path); }};
}

std::vector<std::string> candidate_files(const std::string &folder, const std::function<bool(const std::string &)> &accepts,
                                         const FolderScanLimits &limits) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  for (size_t seen = 0; !ec && it != end && seen < limits.max_entries && out.size() < limits.max_files;
       it.increment(ec), ++seen) {
    const fs::path &p = it->path();
    const std::string name = p.filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (accepts(p.string()) && it->is_regular_file(ec) && it->file_size(ec) <= limits.max_bytes)
      out.push_back(p.lexically_normal().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> read_text_file(const std::string &path, uintmax_t max_bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > max_bytes || ec) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace reportls::lsp
