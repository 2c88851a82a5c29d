// workspace_settings.h — per-document settings from a workspace file `.reportls.json`.
//
// The nearest `.reportls.json` in the document's folder or above it (up to the workspace root
// that contains the document, or the filesystem root when none does) is merged over the user's
// settings.  A workspace file is data only: it may set the profile, report year, rules, data
// folders…, but never pluginDirs (a repository must not run code by being opened).  Files over
// 1 MiB or with invalid JSON are ignored with a warning naming the file; a file's unknown keys and
// wrong values are warnings with the key's line and column (settings_check.h).  Main thread only;
// results are cached per folder until forget_cache().
#pragma once

#include "lsp/engine/settings.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {

class WorkspaceSettings {
 public:
  WorkspaceSettings() = default;
  explicit WorkspaceSettings(std::vector<std::string> root_uris);

  // plugin_names: of the loaded plugins, for checking rule ids (settings_check.h).
  Settings settings_for(const std::string &uri, const Settings &user, std::vector<std::string> &warnings,
                        const std::vector<std::string> &plugin_names = {});
  bool is_settings_file(const std::string &uri) const;
  // The settings file that applies to the document at `uri` (the nearest above it), whether it
  // exists or not: where a rule is turned off for the workspace (the nearest existing file, else
  // one in the workspace folder that holds the document, else in the document's folder).  nullopt
  // for a document that is not a file.
  std::optional<std::string> file_for(const std::string &uri);
  void forget_cache() { cache_.clear(); }

 private:
  struct Found {
    std::string path;
    nlohmann::json value;
    std::string error;
    std::string text;  // the file's content, for the line and column of a mistake
  };
  const std::optional<Found> &nearest(const std::string &dir);

  std::vector<std::string> roots_;  // filesystem paths
  std::map<std::string, std::optional<Found>> cache_;
};

// The filesystem path of a file:// URI (percent-decoded), or nullopt for other schemes.
std::optional<std::string> path_from_uri(const std::string &uri);
// The file:// URI of a path, made absolute first (bytes other than ASCII letters, digits, /-._~ and
// UTF-8 are percent-encoded).
std::string uri_from_path(const std::string &path);
// Whether two uris name the same file however they are spelt (an editor percent-encodes what
// uri_from_path leaves as UTF-8); other uris only when they are equal.
bool same_file(const std::string &a, const std::string &b);

// The name of a workspace settings file: ".reportls.json".
extern const char *const kWorkspaceSettingsFile;

}  // namespace reportls::lsp
