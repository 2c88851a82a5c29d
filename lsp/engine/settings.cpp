#include "lsp/engine/settings.h"

#include <algorithm>

namespace reportls::lsp {

using nlohmann::json;

namespace {

void read_string_list(const json &j, const char *key, std::vector<std::string> &out,
                      std::vector<std::string> &warnings) {
  auto it = j.find(key);
  if (it == j.end()) return;
  if (!it->is_array()) {
    warnings.push_back(std::string("设置 ") + key + " 应为字符串数组，已忽略");
    return;
  }
  out.clear();
  for (const json &v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
}

const std::vector<std::string> kSeverityWords = {"off", "error", "warning", "information", "hint"};

// Applies `j` on top of `s`; `trusted` is false for workspace files.
void apply(Settings &s, const json &j, bool trusted, std::vector<std::string> &warnings) {
  if (!j.is_object()) {
    if (!j.is_null()) warnings.push_back("设置应为 JSON 对象，已忽略");
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) s.raw[it.key()] = it.value();
  if (auto it = j.find("debounce"); it != j.end()) {
    if (it->is_number() && it->get<double>() >= 0 && it->get<double>() <= 10000)
      s.debounce = std::chrono::milliseconds(it->get<int64_t>());
    else
      warnings.push_back("设置 debounce 应为 0–10000 之间的毫秒数，已忽略");
  }
  if (auto it = j.find("analysisTimeout"); it != j.end()) {
    if (it->is_number() && it->get<double>() >= 50 && it->get<double>() <= 600000)
      s.analysis_timeout = std::chrono::milliseconds(it->get<int64_t>());
    else
      warnings.push_back("设置 analysisTimeout 应为 50–600000 之间的毫秒数，已忽略");
  }
  if (j.contains("pluginDirs")) {
    if (trusted)
      read_string_list(j, "pluginDirs", s.plugin_dirs, warnings);
    else
      warnings.push_back(
          "工作区文件中的 pluginDirs 已被拒绝：插件只能来自随附目录、命令行或用户设置");
    s.raw.erase("pluginDirs");
  }
  read_string_list(j, "dataDirs", s.data_dirs, warnings);
  if (auto it = j.find("related"); it != j.end()) {
    if (!it->is_object()) {
      warnings.push_back("设置 related 应为对象（角色 → 文件路径），已忽略");
    } else {
      s.related.clear();
      for (auto r = it->begin(); r != it->end(); ++r) {
        if (r.value().is_string() && !r.value().get<std::string>().empty())
          s.related[r.key()] = r.value().get<std::string>();
        else
          warnings.push_back("设置 related." + r.key() + " 应为文件路径，已忽略");
      }
    }
  }
  if (auto it = j.find("rules"); it != j.end()) {
    if (!it->is_object()) {
      warnings.push_back("设置 rules 应为对象，已忽略");
    } else {
      for (auto r = it->begin(); r != it->end(); ++r) {
        std::string value = r.value().is_string() ? r.value().get<std::string>() : "";
        if (std::find(kSeverityWords.begin(), kSeverityWords.end(), value) == kSeverityWords.end()) {
          warnings.push_back("规则 " + r.key() +
                             " 的取值应为 off/error/warning/information/hint，已忽略");
          continue;
        }
        auto existing = std::find_if(s.rules.begin(), s.rules.end(),
                                     [&](const auto &p) { return p.first == r.key(); });
        if (existing != s.rules.end())
          existing->second = value;
        else
          s.rules.emplace_back(r.key(), value);
      }
    }
  }
}

}  // namespace

Settings Settings::from_json(const json &j, std::vector<std::string> &warnings) {
  Settings s;
  apply(s, j, true, warnings);
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
