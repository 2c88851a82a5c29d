#include <reportls/report/data_files.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
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

std::string read_data_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace reportls::report
