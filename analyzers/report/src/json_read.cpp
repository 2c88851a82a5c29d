#include "json_read.h"

#include <stdexcept>

namespace reportls::report::json_read {

using nlohmann::json;

void fail(const std::string &origin, const std::string &reason) {
  throw std::runtime_error(origin + ": " + reason);
}

void only_keys(const json &obj, std::initializer_list<const char *> keys, const std::string &origin,
               const std::string &where) {
  if (!obj.is_object()) fail(origin, where + " must be an object");
  for (const auto &item : obj.items()) {
    const std::string &k = item.key();
    bool known = false;
    for (const char *key : keys) known = known || k == key;
    if (!known) fail(origin, "unknown key \"" + where + "." + k + "\"");
  }
}

std::vector<std::string> strings(const json &obj, const char *key, const std::string &origin,
                                 const std::string &where) {
  std::vector<std::string> out;
  if (!obj.contains(key)) return out;
  const json &a = obj.at(key);
  if (!a.is_array()) fail(origin, where + "." + key + " must be an array of strings");
  for (const json &s : a) {
    if (!s.is_string() || s.get_ref<const std::string &>().empty())
      fail(origin, where + "." + key + " must contain only non-empty strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

}  // namespace reportls::report::json_read
