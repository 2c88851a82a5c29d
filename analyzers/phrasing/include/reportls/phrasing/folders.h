// reportls/phrasing/folders.h — where phrase files come from: the plugin's folder, the user's
// data folders and the workspace's `.reportls/phrases/` folder nearest above a document.
#ifndef REPORTLS_PHRASING_FOLDERS_H
#define REPORTLS_PHRASING_FOLDERS_H

#include <reportls/phrasing/phrase_set.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::phrasing {

// Adds the phrase files of dir to set in name order: `*.phrases.json` / `*.phrases.tsv` when
// only_phrase_files (folders shared with other plugins' data), else every *.json / *.tsv.  At most
// kMaxFiles files.  A missing dir adds nothing; each refused file gives one "<path>: <reason>" in
// the result and the others still load.
std::vector<std::string> add_folder(PhraseSet &set, const std::string &dir, bool only_phrase_files);
inline constexpr size_t kMaxFiles = 64;

// The nearest `<dir>/.reportls/phrases` folder above the document at `path` (the host's decoded
// file path), or nullopt (no path: a document that is not a file; or no such folder).
std::optional<std::string> workspace_phrase_folder(std::string_view path);

// Workspace phrase sets, loaded on first use and kept per folder (reloaded when the folder's
// modification time changes).  Thread-safe.
class WorkspaceCache {
 public:
  struct Entry {
    std::shared_ptr<const PhraseSet> set;  // base's vocabulary plus the folder's phrases
    std::vector<std::string> errors;       // the files refused, reported once by the caller
  };
  // fresh is set when the folder was (re)loaded by this call, so errors are new.
  Entry get(const std::string &folder, const PhraseSet &base, bool *fresh = nullptr);

 private:
  struct Cached {
    Entry entry;
    long long mtime = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Cached> cache_;
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_FOLDERS_H
