// settings_check.h — the settings a user wrote, checked against the settings schema and the rule
// catalogue (catalog.h): unknown keys, values of the wrong type or out of range, unknown rule ids.
// A mistake is reported with the key path (and, for a file, its line and column), never silently
// ignored; what is wrong is then left out by Settings (settings.h).  Pure.
#pragma once

#include "lsp/engine/catalog.h"
#include "lsp/engine/json_location.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp {

struct SettingProblem {
  JsonPath path;        // e.g. {"rules", "figures.summ"}
  std::string message;  // Chinese: what is wrong and what is expected
};

// plugin_names: the loaded plugins; a rule of a family the catalogue does not document is accepted
// when a plugin of that name is loaded, and any such rule while the plugins are not known (empty).
std::vector<SettingProblem> check_settings(const nlohmann::json &settings, const Catalog &catalog,
                                           const std::vector<std::string> &plugin_names = {});

// One line per problem: "<source>:<line>:<column>: <path>: <message>" when file_text is the
// file's text (and the place is found), else "<source>: <path>: <message>".
std::string describe(const SettingProblem &problem, const std::string &source,
                     std::string_view file_text = {});

}  // namespace reportls::lsp
