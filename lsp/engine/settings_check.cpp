#include "lsp/engine/settings_check.h"

#include <algorithm>

namespace reportls::lsp {

using nlohmann::json;

namespace {

std::string type_word(const std::string &type) {
  if (type == "integer") return "整数";
  if (type == "number") return "数";
  if (type == "string") return "字符串";
  if (type == "boolean") return "布尔值（true 或 false）";
  if (type == "array") return "数组";
  if (type == "object") return "对象";
  if (type == "null") return "null";
  return type;
}

bool has_type(const json &value, const std::string &type) {
  if (type == "integer") return value.is_number_integer() || (value.is_number_float() && value.get<double>() == static_cast<double>(static_cast<int64_t>(value.get<double>())));
  if (type == "number") return value.is_number();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "array") return value.is_array();
  if (type == "object") return value.is_object();
  if (type == "null") return value.is_null();
  return true;
}

struct Checker {
  const Catalog &catalog;
  const std::vector<std::string> &plugin_names;
  std::vector<SettingProblem> problems;

  void fail(const JsonPath &path, std::string message) { problems.push_back({path, std::move(message)}); }

  bool known_rule(const std::string &id) const {
    if (catalog.documents(id)) return true;
    const std::string_view family = Catalog::family(id);
    if (catalog.documents_family(family)) {
      // A prefix of documented rules ("figures") is a rule id too.
      return id == family;
    }
    // A family of a plugin the catalogue does not document: accepted when that plugin is loaded
    // (or while the plugins are not known yet).
    return plugin_names.empty() || std::find(plugin_names.begin(), plugin_names.end(), family) != plugin_names.end();
  }

  void check(const json &value, const json &schema, const JsonPath &path) {
    if (schema.contains("type")) {
      std::vector<std::string> types;
      if (schema["type"].is_array())
        for (const json &t : schema["type"]) types.push_back(t.get<std::string>());
      else
        types.push_back(schema["type"].get<std::string>());
      if (std::none_of(types.begin(), types.end(), [&](const std::string &t) { return has_type(value, t); })) {
        std::string expected;
        for (const std::string &t : types) expected += (expected.empty() ? "" : "或") + type_word(t);
        return fail(path, "应为" + expected + "，实为 " + value.dump() + "；此项已忽略");
      }
    }
    if (schema.contains("enum")) {
      const json &values = schema["enum"];
      if (std::find(values.begin(), values.end(), value) == values.end()) {
        std::string allowed;
        for (const json &v : values) allowed += (allowed.empty() ? "" : "、") + v.get<std::string>();
        return fail(path, "取值应为 " + allowed + " 之一，实为 " + value.dump() + "；此项已忽略");
      }
    }
    if (value.is_number()) {
      const double v = value.get<double>();
      if ((schema.contains("minimum") && v < schema["minimum"].get<double>()) ||
          (schema.contains("maximum") && v > schema["maximum"].get<double>()))
        return fail(path, "应在 " + schema.value("minimum", json()).dump() + "–" +
                              schema.value("maximum", json()).dump() + " 之间，实为 " + value.dump() +
                              "；此项已忽略");
    }
    if (value.is_array() && schema.contains("items"))
      for (size_t i = 0; i < value.size(); ++i) {
        JsonPath item = path;
        item.push_back(i);
        check(value[i], schema["items"], item);
      }
    if (value.is_object()) {
      const json properties = schema.value("properties", json::object());
      const bool rule_keys = schema.value("x-reportls-keys", "") == "rule";
      for (const auto &[key, member] : value.items()) {
        JsonPath at = path;
        at.push_back(key);
        if (properties.contains(key)) {
          check(member, properties[key], at);
          continue;
        }
        if (rule_keys && !known_rule(key)) {
          fail(at, "未知的规则 “" + key + "”（规则见 " + catalog.docs() + "#rules）；此项已忽略");
          continue;
        }
        if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object()) {
          check(member, schema["additionalProperties"], at);
        } else if (schema.value("additionalProperties", true) == false) {
          fail(at, "未知的设置项；已忽略");
        }
      }
    }
  }
};

}  // namespace

std::vector<SettingProblem> check_settings(const json &settings, const Catalog &catalog,
                                           const std::vector<std::string> &plugin_names) {
  Checker checker{catalog, plugin_names, {}};
  if (!settings.is_null()) checker.check(settings, catalog.settings_schema(), {});
  return std::move(checker.problems);
}

std::string describe(const SettingProblem &problem, const std::string &source, std::string_view file_text) {
  std::string where = source;
  if (!file_text.empty())
    if (auto at = locate(file_text, problem.path))
      where += ":" + std::to_string(at->line) + ":" + std::to_string(at->column);
  const std::string path = to_string(problem.path);
  return where + ": " + (path.empty() ? "" : path + ": ") + problem.message;
}

}  // namespace reportls::lsp
