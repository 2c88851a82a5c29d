#include <reportls/report/json_read.h>

#include <algorithm>
#include <stdexcept>

namespace reportls::report::json_read {

using nlohmann::json;

namespace {

std::string path(const std::string &where, const char *key) {
  return where.empty() ? std::string(key) : where + "." + key;
}

}  // namespace

void fail(const std::string &origin, const std::string &reason) {
  throw std::runtime_error(origin + ": " + reason);
}

void only_keys(const json &obj, std::initializer_list<const char *> keys, const std::string &origin,
               const std::string &where) {
  if (!obj.is_object()) fail(origin, (where.empty() ? std::string("the top level") : where) + " must be an object");
  for (const auto &item : obj.items()) {
    const std::string &k = item.key();
    bool known = false;
    for (const char *key : keys) known = known || k == key;
    if (!known) fail(origin, "unknown key \"" + path(where, k.c_str()) + "\"");
  }
}

std::vector<std::string> strings(const json &obj, const char *key, const std::string &origin,
                                 const std::string &where) {
  std::vector<std::string> out;
  if (!obj.contains(key)) return out;
  const json &a = obj.at(key);
  if (!a.is_array()) fail(origin, path(where, key) + " must be an array of strings");
  for (const json &s : a) {
    if (!s.is_string() || s.get_ref<const std::string &>().empty())
      fail(origin, path(where, key) + " must contain only non-empty strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

const json &object(const json &obj, const char *key, std::initializer_list<const char *> keys,
                   const std::string &origin, const std::string &where) {
  static const json empty = json::object();
  if (!obj.contains(key)) return empty;
  only_keys(obj.at(key), keys, origin, path(where, key));
  return obj.at(key);
}

YearRange years(const json &obj, const char *key, const std::string &origin, const std::string &where) {
  YearRange range;
  if (!obj.contains(key)) return range;
  const json &y = obj.at(key);
  if (!y.is_array() || y.size() != 2) fail(origin, path(where, key) + " must be [from, to]");
  for (size_t i = 0; i < 2; ++i) {
    if (y[i].is_null()) continue;
    if (!y[i].is_number_unsigned() || y[i].get<uint64_t>() < 1949 || y[i].get<uint64_t>() > 2100)
      fail(origin, path(where, key) + " entries must be years (1949…2100) or null");
    (i == 0 ? range.from : range.to) = y[i].get<uint32_t>();
  }
  // A range that holds no year would silently turn its entry off.
  if (range.from != 0 && range.to != 0 && range.from > range.to)
    fail(origin, path(where, key) + " must not end before it starts");
  return range;
}

std::vector<std::pair<uint32_t, std::string>> earlier_bases(const json &obj, const char *key,
                                                            const std::string &origin) {
  std::vector<std::pair<uint32_t, std::string>> out;
  if (!obj.contains(key)) return out;
  const json &list = obj.at(key);
  if (!list.is_array()) fail(origin, std::string("\"") + key + "\" must be an array");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    only_keys(list[i], {"until", "basis"}, origin, where);
    const json &y = list[i].contains("until") ? list[i].at("until") : json();
    if (!y.is_number_unsigned() || y.get<uint64_t>() < 1949 || y.get<uint64_t>() > 2100)
      fail(origin, where + ".until must be a year (1949…2100)");
    const json &b = list[i].contains("basis") ? list[i].at("basis") : json();
    if (!b.is_string() || b.get_ref<const std::string &>().empty()) fail(origin, where + ".basis must be a non-empty string");
    out.emplace_back(y.get<uint32_t>(), b.get<std::string>());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void append_missing(std::vector<std::string> &to, const std::vector<std::string> &from) {
  for (const std::string &s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

void longest_first(std::vector<std::string> &words) {
  std::stable_sort(words.begin(), words.end(), [](const auto &a, const auto &b) { return a.size() > b.size(); });
}

}  // namespace reportls::report::json_read
