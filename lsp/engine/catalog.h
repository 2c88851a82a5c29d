// catalog.h — what the documentation says about rules and settings, compiled into the binary
// from docs/ (docs/README.md): the rule catalogue (docs/rules.json: every documented rule code,
// which of them are typography that Format Document applies, where the documentation is online)
// and the settings schema (docs/settings.schema.json).
//
// The server spells no rule id itself (ARCHITECTURE.md): what it knows of rules is this data.
// A rule family (the part of a code before the first '.') the catalogue does not list belongs to
// a plugin it does not document (a user's, the example placeholder): nothing is known of it.
// Immutable; any thread.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace reportls::lsp {

class Catalog {
 public:
  // The catalogue compiled in.
  static const Catalog &bundled();
  // Throws std::runtime_error on a malformed catalogue or schema.
  Catalog(std::string_view rules_json, std::string_view schema_json);

  // "figures" of "figures.sum".
  static std::string_view family(std::string_view code);
  bool documents_family(std::string_view family) const { return families_.count(std::string(family)) > 0; }
  bool documents(std::string_view code) const { return rules_.count(std::string(code)) > 0; }
  // The rule's certain fixes are typography (marks, dashes, spaces, date forms): Format Document
  // applies them.
  bool formats(std::string_view code) const;
  // The rule's entry in the online documentation: <docs>#<code with '.' as '-'>.
  std::string docs_url(std::string_view code) const;
  const std::string &docs() const { return docs_; }
  const std::set<std::string> &codes() const { return codes_; }

  const nlohmann::json &settings_schema() const { return schema_; }

 private:
  std::string docs_;
  std::map<std::string, bool> rules_;  // code -> formats
  std::set<std::string> codes_, families_;
  nlohmann::json schema_;
};

}  // namespace reportls::lsp
