#include <reportls/crossdoc/data.h>
#include <reportls/report/data_files.h>
#include <reportls/report/json_read.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace reportls::crossdoc {

namespace {

using json = nlohmann::json;
using report::json_read::append_missing;
using report::json_read::longest_first;
using report::json_read::object;
using report::json_read::strings;

template <class T>
void number(const json &j, const char *key, T &out, T min, T max, const std::string &origin) {
  if (!j.contains(key)) return;
  if (!j.at(key).is_number() || j.at(key).get<double>() < min || j.at(key).get<double>() > max)
    throw std::runtime_error(origin + ": \"" + key + "\" must be a number in [" + std::to_string(min) + ", " +
                             std::to_string(max) + "]");
  out = j.at(key).get<T>();
}

report::Pattern compile(const std::string &source, const std::string &origin) {
  try {
    return report::Pattern(source);
  } catch (const std::exception &e) {
    throw std::runtime_error(origin + ": " + e.what());
  }
}

// The unit patterns built from admin_unit.
void units(IdentityData &d, const std::string &origin) {
  d.leading_unit = std::make_shared<const report::Pattern>(compile("^\\p{Han}{2,10}?" + d.admin_unit, origin));
  d.trailing_unit = std::make_shared<const report::Pattern>(compile(d.admin_unit + "$", origin));
}

void sort_all(Data &d) {
  auto &f = d.figures;
  for (auto *v : {&d.identity.body_suffixes, &d.identity.body_line_endings, &d.identity.title_body_ends,
                  &f.description_fillers, &f.description_tails, &f.previous_year, &f.year_comparison,
                  &f.year_comparison_after, &f.stated_base_before, &d.plan.generic_words})
    longest_first(*v);
}

}  // namespace

Data Data::parse(std::string_view text, const std::string &origin) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error(origin + ": not valid JSON");
  report::json_read::only_keys(j, {"format", "version", "identity", "companions", "figures", "copy", "plan"}, origin, "");
  Data d;
  const json &id = object(j, "identity",
                          {"body_prefixes", "body_rewrites", "body_suffixes", "admin_unit", "body_line_endings",
                           "body_max_chars", "title_body_ends", "title_subjects", "metadata_keys"},
                          origin, "");
  for (const std::string &p : strings(id, "body_prefixes", origin, "identity")) d.identity.body_prefixes.push_back(compile(p, origin));
  if (id.contains("body_rewrites")) {
    if (!id["body_rewrites"].is_array()) throw std::runtime_error(origin + ": \"body_rewrites\" must be an array");
    for (const json &r : id["body_rewrites"]) {
      if (!r.is_object() || !r.value("pattern", json()).is_string() || !r.value("replace", json()).is_string())
        throw std::runtime_error(origin + ": a body rewrite is {\"pattern\": …, \"replace\": …}");
      d.identity.body_rewrites.push_back({compile(r["pattern"], origin), r["replace"]});
    }
  }
  d.identity.body_suffixes = strings(id, "body_suffixes", origin, "identity");
  if (id.contains("admin_unit")) {
    if (!id["admin_unit"].is_string()) throw std::runtime_error(origin + ": \"admin_unit\" must be a regex");
    d.identity.admin_unit = id["admin_unit"];
    units(d.identity, origin);
  }
  d.identity.body_line_endings = strings(id, "body_line_endings", origin, "identity");
  number(id, "body_max_chars", d.identity.body_max_chars, 4u, 200u, origin);
  d.identity.title_body_ends = strings(id, "title_body_ends", origin, "identity");
  d.identity.title_subjects = strings(id, "title_subjects", origin, "identity");
  d.identity.metadata_keys = strings(id, "metadata_keys", origin, "identity");
  if (j.contains("companions")) {
    if (!j["companions"].is_array()) throw std::runtime_error(origin + ": \"companions\" must be an array");
    for (const json &pair : j["companions"]) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
        throw std::runtime_error(origin + ": a companion is a pair of profile ids");
      d.companions.emplace_back(pair[0], pair[1]);
    }
  }
  const json &fig = object(j, "figures",
                           {"description_fillers", "description_tails", "quote_marks", "min_description_chars",
                            "previous_year", "year_comparison", "year_comparison_after", "stated_base_before"},
                           origin, "");
  d.figures.description_fillers = strings(fig, "description_fillers", origin, "figures");
  d.figures.description_tails = strings(fig, "description_tails", origin, "figures");
  d.figures.quote_marks = strings(fig, "quote_marks", origin, "figures");
  number(fig, "min_description_chars", d.figures.min_description_chars, 1u, 100u, origin);
  d.figures.previous_year = strings(fig, "previous_year", origin, "figures");
  d.figures.year_comparison = strings(fig, "year_comparison", origin, "figures");
  d.figures.year_comparison_after = strings(fig, "year_comparison_after", origin, "figures");
  d.figures.stated_base_before = strings(fig, "stated_base_before", origin, "figures");
  const json &copy = object(j, "copy", {"min_chars"}, origin, "");
  number(copy, "min_chars", d.copy_min_chars, 8u, 1000u, origin);
  const json &plan = object(j, "plan",
                            {"plan_items", "not_results_items", "results_items", "generic_words", "min_chars",
                             "followed_share", "quote_chars"},
                            origin, "");
  d.plan.plan_items = strings(plan, "plan_items", origin, "plan");
  d.plan.not_results_items = strings(plan, "not_results_items", origin, "plan");
  d.plan.results_items = strings(plan, "results_items", origin, "plan");
  d.plan.generic_words = strings(plan, "generic_words", origin, "plan");
  number(plan, "min_chars", d.plan.min_chars, 2u, 100u, origin);
  number(plan, "followed_share", d.plan.followed_share, 0.0, 1.0, origin);
  number(plan, "quote_chars", d.plan.quote_chars, 8u, 400u, origin);
  sort_all(d);
  return d;
}

void Data::merge(const Data &o) {
  auto &i = identity;
  i.body_prefixes.insert(i.body_prefixes.end(), o.identity.body_prefixes.begin(), o.identity.body_prefixes.end());
  i.body_rewrites.insert(i.body_rewrites.end(), o.identity.body_rewrites.begin(), o.identity.body_rewrites.end());
  append_missing(i.body_suffixes, o.identity.body_suffixes);
  if (!o.identity.admin_unit.empty()) {
    i.admin_unit = o.identity.admin_unit;
    i.leading_unit = o.identity.leading_unit;
    i.trailing_unit = o.identity.trailing_unit;
  }
  append_missing(i.body_line_endings, o.identity.body_line_endings);
  append_missing(i.title_body_ends, o.identity.title_body_ends);
  append_missing(i.title_subjects, o.identity.title_subjects);
  append_missing(i.metadata_keys, o.identity.metadata_keys);
  for (const auto &c : o.companions)
    if (std::find(companions.begin(), companions.end(), c) == companions.end()) companions.push_back(c);
  auto &f = figures;
  append_missing(f.description_fillers, o.figures.description_fillers);
  append_missing(f.description_tails, o.figures.description_tails);
  append_missing(f.quote_marks, o.figures.quote_marks);
  append_missing(f.previous_year, o.figures.previous_year);
  append_missing(f.year_comparison, o.figures.year_comparison);
  append_missing(f.year_comparison_after, o.figures.year_comparison_after);
  append_missing(f.stated_base_before, o.figures.stated_base_before);
  append_missing(plan.plan_items, o.plan.plan_items);
  append_missing(plan.not_results_items, o.plan.not_results_items);
  append_missing(plan.results_items, o.plan.results_items);
  append_missing(plan.generic_words, o.plan.generic_words);
  sort_all(*this);
}

std::string Data::companion_of(std::string_view profile) const {
  for (const auto &[a, b] : companions) {
    if (a == profile) return b;
    if (b == profile) return a;
  }
  return {};
}

Data load_all(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
              std::vector<std::string> &errors) {
  auto load = [](const std::string &dir) {
    const std::string path = (std::filesystem::path(dir) / "crossdoc.json").string();
    return Data::parse(report::read_data_file(path), path);
  };
  Data d = load(plugin_dir);
  for (const std::string &dir : data_dirs) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::path(dir) / "crossdoc.json", ec)) continue;
    try {
      d.merge(load(dir));
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  return d;
}

}  // namespace reportls::crossdoc
