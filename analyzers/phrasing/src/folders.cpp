#include <reportls/phrasing/folders.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace reportls::phrasing {

namespace fs = std::filesystem;

namespace {

bool wanted(const std::string &name, bool only_phrase_files) {
  if (only_phrase_files) return name.ends_with(".phrases.json") || name.ends_with(".phrases.tsv");
  return name.ends_with(".json") || name.ends_with(".tsv");
}

long long modification_time(const std::string &dir) {
  std::error_code ec;
  auto t = fs::last_write_time(dir, ec);
  return ec ? 0 : static_cast<long long>(t.time_since_epoch().count());
}

}  // namespace

std::vector<std::string> add_folder(PhraseSet &set, const std::string &dir, bool only_phrase_files) {
  std::vector<std::string> errors;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && wanted(it->path().filename().string(), only_phrase_files))
      files.push_back(it->path());
  std::sort(files.begin(), files.end());
  if (files.size() > kMaxFiles) {
    errors.push_back(dir + ": 短语文件过多，只读取前 " + std::to_string(kMaxFiles) + " 个");
    files.resize(kMaxFiles);
  }
  for (const fs::path &file : files) {
    const std::string path = file.string();
    try {
      set.load_file(path);
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  return errors;
}

std::optional<std::string> workspace_phrase_folder(std::string_view document_path) {
  if (document_path.empty()) return std::nullopt;
  const fs::path path(document_path);
  std::error_code ec;
  for (fs::path dir = path.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    fs::path candidate = dir / ".reportls" / "phrases";
    if (fs::is_directory(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

WorkspaceCache::Entry WorkspaceCache::get(const std::string &folder, const PhraseSet &base,
                                          bool *fresh) {
  const long long mtime = modification_time(folder);
  std::lock_guard lock(mutex_);
  auto it = cache_.find(folder);
  if (fresh) *fresh = false;
  if (it != cache_.end() && it->second.mtime == mtime) return it->second.entry;
  // Bounded: a session that opens documents in many folders must not grow without limit.
  if (cache_.size() >= 32) cache_.clear();
  auto set = std::make_shared<PhraseSet>(base.vocabulary());
  Cached cached;
  cached.entry.errors = add_folder(*set, folder, false);
  cached.entry.set = std::move(set);
  cached.mtime = mtime;
  if (fresh) *fresh = true;
  Cached &slot = cache_[folder] = std::move(cached);
  return slot.entry;
}

}  // namespace reportls::phrasing
