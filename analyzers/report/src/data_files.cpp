#include <reportls/report/data_files.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace reportls::report {

std::vector<std::string> data_folders(const std::string &plugin_dir,
                                      const std::vector<std::string> &data_dirs) {
  std::vector<std::string> dirs{plugin_dir};
  dirs.insert(dirs.end(), data_dirs.begin(), data_dirs.end());
  return dirs;
}

std::vector<std::string> data_files(const std::vector<std::string> &dirs, const std::string &prefix) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string &dir : dirs) {
    std::vector<std::string> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir.empty() ? std::string(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.size() >= prefix.size() + 5 && name.compare(0, prefix.size(), prefix) == 0 &&
          name.ends_with(".json"))
        found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// One allocation of the file's size: reading through a string stream would hold a buffer grown by
// doubling plus its copy, up to three times the file for a moment, and the phrase model's load is
// the moment the interactive analysis process peaks.
std::string read_data_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error(path + ": cannot open the file");
  const std::streamoff size = in.tellg();
  std::string content;
  if (size > 0) {
    content.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(content.data(), size);
    content.resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw std::runtime_error(path + ": cannot open the file");
  return content;
}

}  // namespace reportls::report
