// json_read.h — strict readers for the report library's data files (report-rules.json, profiles),
// internal to the library.  Every failure throws std::runtime_error("<origin>: <reason>"), where
// `where` names the object being read (e.g. "items[2]"), so a user sees which file and which
// field is wrong.
#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <vector>

namespace reportls::report::json_read {

[[noreturn]] void fail(const std::string &origin, const std::string &reason);

// Rejects keys the format does not know, so a misspelt rule name is an error, not a silent no-op.
void only_keys(const nlohmann::json &obj, std::initializer_list<const char *> keys,
               const std::string &origin, const std::string &where);

// obj[key] as non-empty strings; an absent key is an empty list.
std::vector<std::string> strings(const nlohmann::json &obj, const char *key, const std::string &origin,
                                 const std::string &where);

}  // namespace reportls::report::json_read
