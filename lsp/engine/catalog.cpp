#include "lsp/engine/catalog.h"

#include <algorithm>
#include <stdexcept>

namespace reportls::lsp {

using nlohmann::json;

// Generated at build time from docs/rules.json and docs/settings.schema.json (lsp/CMakeLists.txt).
extern const char *const kBundledRules;
extern const char *const kBundledSettingsSchema;

const Catalog &Catalog::bundled() {
  static const Catalog catalog(kBundledRules, kBundledSettingsSchema);
  return catalog;
}

Catalog::Catalog(std::string_view rules_json, std::string_view schema_json) {
  const json rules = json::parse(rules_json, nullptr, false);
  if (!rules.is_object() || rules.value("format", "") != "reportls-rules" || !rules.contains("rules") ||
      !rules["rules"].is_array())
    throw std::runtime_error("rules catalogue: not a reportls-rules file");
  docs_ = rules.value("docs", "");
  for (const json &r : rules["rules"]) {
    const std::string code = r.value("code", "");
    if (code.empty()) throw std::runtime_error("rules catalogue: a rule without a code");
    rules_[code] = r.value("format", false);
    codes_.insert(code);
    families_.insert(std::string(family(code)));
  }
  schema_ = json::parse(schema_json, nullptr, false);
  if (!schema_.is_object()) throw std::runtime_error("settings schema: not a JSON object");
}

std::string_view Catalog::family(std::string_view code) { return code.substr(0, code.find('.')); }

bool Catalog::formats(std::string_view code) const {
  auto it = rules_.find(std::string(code));
  return it != rules_.end() && it->second;
}

std::string Catalog::docs_url(std::string_view code) const {
  if (docs_.empty() || code.empty()) return {};
  std::string anchor(code);
  std::replace(anchor.begin(), anchor.end(), '.', '-');
  return docs_ + "#" + anchor;
}

}  // namespace reportls::lsp
