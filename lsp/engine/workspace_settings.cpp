#include "lsp/engine/workspace_settings.h"

#include "lsp/engine/settings_check.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace reportls::lsp {

namespace fs = std::filesystem;
using nlohmann::json;

const char *const kWorkspaceSettingsFile = ".reportls.json";

namespace {
constexpr uintmax_t kMaxSize = 1u << 20;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> path_from_uri(const std::string &uri) {
  const std::string scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) return std::nullopt;
  std::string out;
  for (size_t i = scheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

std::string uri_from_path(const std::string &path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  std::string out = "file://";
  for (unsigned char c : abs.lexically_normal().string()) {
    if (std::isalnum(c) || std::strchr("/-._~", c) || c >= 0x80) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

bool same_file(const std::string &a, const std::string &b) {
  if (a == b) return true;
  const auto pa = path_from_uri(a), pb = path_from_uri(b);
  return pa && pb && fs::path(*pa).lexically_normal() == fs::path(*pb).lexically_normal();
}

WorkspaceSettings::WorkspaceSettings(std::vector<std::string> root_uris) {
  for (const std::string &uri : root_uris)
    if (auto path = path_from_uri(uri)) roots_.push_back(fs::path(*path).lexically_normal().string());
}

bool WorkspaceSettings::is_settings_file(const std::string &uri) const {
  auto path = path_from_uri(uri);
  return path && fs::path(*path).filename() == kWorkspaceSettingsFile;
}

const std::optional<WorkspaceSettings::Found> &WorkspaceSettings::nearest(const std::string &dir) {
  if (auto it = cache_.find(dir); it != cache_.end()) return it->second;
  std::optional<Found> found;
  std::error_code ec;
  fs::path file = fs::path(dir) / kWorkspaceSettingsFile;
  if (fs::is_regular_file(file, ec)) {
    found = Found{file.string(), json(), ""};
    if (fs::file_size(file, ec) > kMaxSize) {
      found->error = "超过 1 MiB";
    } else {
      std::ifstream in(file, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      found->text = buffer.str();
      found->value = json::parse(found->text, nullptr, false);
      if (found->value.is_discarded() || !found->value.is_object()) {
        found->error = "不是有效的 JSON 对象";
        found->value = json();
      }
    }
  } else {
    fs::path parent = fs::path(dir).parent_path();
    bool at_root = parent == fs::path(dir);
    for (const std::string &root : roots_) at_root = at_root || dir == root;
    if (!at_root) found = nearest(parent.string());
  }
  return cache_[dir] = found;
}

Settings WorkspaceSettings::settings_for(const std::string &uri, const Settings &user,
                                         std::vector<std::string> &warnings,
                                         const std::vector<std::string> &plugin_names) {
  auto path = path_from_uri(uri);
  if (!path) return user;
  const std::optional<Found> &found = nearest(fs::path(*path).lexically_normal().parent_path().string());
  if (!found) return user;
  if (!found->error.empty()) {
    warnings.push_back("工作区设置文件 " + found->path + " 已忽略: " + found->error);
    return user;
  }
  for (const SettingProblem &p : check_settings(found->value, Catalog::bundled(), plugin_names))
    warnings.push_back(describe(p, found->path, found->text));
  std::vector<std::string> own;
  Settings merged = user.merged_with(found->value, own);
  for (const std::string &w : own) warnings.push_back(found->path + ": " + w);
  return merged;
}

std::optional<std::string> WorkspaceSettings::file_for(const std::string &uri) {
  auto path = path_from_uri(uri);
  if (!path) return std::nullopt;
  const fs::path dir = fs::path(*path).lexically_normal().parent_path();
  if (const std::optional<Found> &found = nearest(dir.string())) return found->path;
  // The workspace folder that holds the document (the deepest), else the document's own folder.
  std::string best;
  for (const std::string &root : roots_) {
    const std::string prefix = root.ends_with('/') ? root : root + "/";
    if ((dir.string() == root || dir.string().starts_with(prefix)) && root.size() > best.size()) best = root;
  }
  return ((best.empty() ? dir : fs::path(best)) / kWorkspaceSettingsFile).string();
}

}  // namespace reportls::lsp
