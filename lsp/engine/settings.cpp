#include "lsp/engine/settings.h"

#include <algorithm>

namespace reportls::lsp {

using nlohmann::json;

namespace {

// Wrong types are left out here; check_settings (settings_check.h) tells the user.
void read_string_list(const json &j, const char *key, std::vector<std::string> &out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return;
  out.clear();
  for (const json &v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
}

const std::vector<std::string> kSeverityWords = {"off", "error", "warning", "information", "hint"};

// Applies `j` on top of `s`; `trusted` is false for workspace files.
void apply(Settings &s, const json &j, bool trusted, std::vector<std::string> &warnings) {
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end(); ++it) s.raw[it.key()] = it.value();
  if (auto it = j.find("debounce");
      it != j.end() && it->is_number() && it->get<double>() >= 0 && it->get<double>() <= 10000)
    s.debounce = std::chrono::milliseconds(it->get<int64_t>());
  if (auto it = j.find("analysisTimeout");
      it != j.end() && it->is_number() && it->get<double>() >= 50 && it->get<double>() <= 600000)
    s.analysis_timeout = std::chrono::milliseconds(it->get<int64_t>());
  if (auto it = j.find("maxDiagnostics");
      it != j.end() && it->is_number_integer() && it->get<int64_t>() >= 0 && it->get<int64_t>() <= 1000000)
    s.max_diagnostics = static_cast<size_t>(it->get<int64_t>());
  if (j.contains("pluginDirs")) {
    if (trusted)
      read_string_list(j, "pluginDirs", s.plugin_dirs);
    else
      warnings.push_back(
          "工作区文件中的 pluginDirs 已被拒绝：插件只能来自随附目录、命令行或用户设置");
    s.raw.erase("pluginDirs");
  }
  read_string_list(j, "dataDirs", s.data_dirs);
  if (auto it = j.find("related"); it != j.end() && it->is_object()) {
    s.related.clear();
    for (auto r = it->begin(); r != it->end(); ++r)
      if (r.value().is_string() && !r.value().get<std::string>().empty())
        s.related[r.key()] = r.value().get<std::string>();
  }
  if (auto it = j.find("rules"); it != j.end() && it->is_object()) {
    for (auto r = it->begin(); r != it->end(); ++r) {
      std::string value = r.value().is_string() ? r.value().get<std::string>() : "";
      if (std::find(kSeverityWords.begin(), kSeverityWords.end(), value) == kSeverityWords.end()) continue;
      auto existing = std::find_if(s.rules.begin(), s.rules.end(),
                                   [&](const auto &p) { return p.first == r.key(); });
      if (existing != s.rules.end())
        existing->second = value;
      else
        s.rules.emplace_back(r.key(), value);
    }
  }
}

}  // namespace

Settings Settings::from_json(const json &j) {
  Settings s;
  std::vector<std::string> none;  // a trusted source refuses nothing
  apply(s, j, true, none);
  return s;
}

Settings Settings::merged_with(const json &overlay, std::vector<std::string> &warnings) const {
  Settings s = *this;
  apply(s, overlay, false, warnings);
  return s;
}

std::optional<Severity> Settings::severity_for(const std::string &code, Severity reported) const {
  const std::string *best = nullptr;
  size_t best_len = 0;
  for (const auto &[key, value] : rules) {
    bool matches = code == key || (code.size() > key.size() && code.compare(0, key.size(), key) == 0 &&
                                   code[key.size()] == '.');
    if (matches && key.size() >= best_len) {
      best = &value;
      best_len = key.size();
    }
  }
  if (!best) return reported;
  if (*best == "off") return std::nullopt;
  auto index = std::find(kSeverityWords.begin(), kSeverityWords.end(), *best) - kSeverityWords.begin();
  return static_cast<Severity>(index);
}

}  // namespace reportls::lsp
