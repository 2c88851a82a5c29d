#include <reportls/dates/dates.h>
#include <reportls/report/data_files.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace reportls::dates {
namespace {

using json = nlohmann::json;

void merge(const std::string &path, Tables &t) {
  const json root = json::parse(report::read_data_file(path), nullptr, false);
  auto fail = [&](const std::string &why) { throw std::runtime_error(path + ": " + why); };
  if (root.is_discarded() || !root.is_object()) fail("not a JSON object");
  for (const auto &[k, v] : root.items()) {
    if (k == "format" || k == "version") continue;
    std::vector<std::string> *list = k == "relative" ? &t.relative : k == "plan_headings" ? &t.plan_headings : nullptr;
    if (!list) fail("unknown key \"" + k + "\"");
    if (!v.is_array()) fail("\"" + k + "\" must be an array of strings");
    for (const json &s : v) {
      if (!s.is_string() || s.get<std::string>().empty()) fail("\"" + k + "\" must hold non-empty strings");
      list->push_back(s.get<std::string>());
    }
  }
}

void finish(Tables &t) {
  // Longest first, so 今年以来 wins over 今年.
  std::stable_sort(t.relative.begin(), t.relative.end(),
                   [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
}

}  // namespace

Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors) {
  Tables t;
  merge((plugin_dir.empty() ? std::string(".") : plugin_dir) + "/dates.json", t);
  for (const std::string &path : report::data_files(data_dirs, "dates")) {
    try {
      Tables scratch = t;
      merge(path, scratch);
      t = std::move(scratch);
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  finish(t);
  t.profiles = report::Profiles::load(report::data_folders(plugin_dir, data_dirs));
  for (const std::string &e : t.profiles.errors()) errors.push_back(e);
  return t;
}

}  // namespace reportls::dates
