// settings.h — the user's reportls settings, as the server understands them.
//
// Settings arrive as a JSON object from initializationOptions, workspace/didChangeConfiguration
// ({"reportls": {...}} or the object itself) and, per document, from a workspace `.reportls.json`.
// Unknown keys are kept: the whole object is handed to plugins (they read "profile",
// "reportYear", …).  The server itself reads only the keys below.  Parsing never throws; a value of
// the wrong type is left out — check_settings (settings_check.h) tells the user which and where.
//
// Security: pluginDirs are honoured only from user-level sources (initializationOptions, user
// configuration, the command line) — never from a workspace file (see workspace_file_settings).
#pragma once

#include "lsp/engine/analysis.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {

struct Settings {
  std::chrono::milliseconds debounce{150};
  std::chrono::milliseconds analysis_timeout{2000};  // budget of one plugin call in the worker
  // How many of a document's diagnostics an editor is sent (0: all); the command line sends all.
  // VS Code itself keeps 1,000 a file, so more would be decoded and dropped on every keystroke.
  size_t max_diagnostics = 1000;
  std::vector<std::string> plugin_dirs;
  std::vector<std::string> data_dirs;
  // Rule id or prefix ("figures.sum", "figures") -> "off" | "error" | "warning" | "information"
  // | "hint".  The longest matching key wins.
  std::vector<std::pair<std::string, std::string>> rules;
  // Role ("previous", "companion", …) -> the document of that role beside this one: a path
  // (relative to the document's folder) or a file: uri (related.h).
  std::map<std::string, std::string> related;
  nlohmann::json raw = nlohmann::json::object();  // everything, for plugins

  // Reads a settings object (from a trusted source: pluginDirs are taken).
  static Settings from_json(const nlohmann::json &j);
  // `overlay` (e.g. a workspace file) on top of this; pluginDirs are never taken from it, which
  // `warnings` says.
  Settings merged_with(const nlohmann::json &overlay, std::vector<std::string> &warnings) const;

  // The severity a rule's diagnostic gets after the user's overrides; nullopt when turned off.
  std::optional<Severity> severity_for(const std::string &code, Severity reported) const;
};

}  // namespace reportls::lsp
