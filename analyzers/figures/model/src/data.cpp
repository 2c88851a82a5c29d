#include <reportls/figures/data.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace reportls::figures {

namespace {

using json = nlohmann::json;

std::vector<std::string> strings(const json &j, const char *key, const std::string &origin) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j.at(key).is_array()) throw std::runtime_error(origin + ": \"" + key + "\" must be an array");
  for (const json &v : j.at(key)) {
    if (!v.is_string() || v.get<std::string>().empty())
      throw std::runtime_error(origin + ": \"" + key + "\" must hold non-empty strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

const json &object(const json &j, const char *key, const std::string &origin) {
  static const json empty = json::object();
  if (!j.contains(key)) return empty;
  if (!j.at(key).is_object()) throw std::runtime_error(origin + ": \"" + key + "\" must be an object");
  return j.at(key);
}

void append(std::vector<std::string> &to, const std::vector<std::string> &from) {
  for (const auto &s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

// Longest first, so prefix matching picks 人次 before 人 and 个工作日 before 个.
void longest_first(std::vector<std::string> &v) {
  std::stable_sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.size() > b.size(); });
}

void sort_all(Data &d) {
  for (auto *v : {&d.units, &d.approx_below, &d.approx_about, &d.approx_above, &d.approx_after_unit,
                  &d.not_quantities, &d.parts, &d.parts_exhaustive, &d.list_stops, &d.rate, &d.share,
                  &d.rate_verbs, &d.change_base, &d.year_on_year, &d.decrease, &d.increase, &d.total,
                  &d.total_lookalikes, &d.year, &d.terminators, &d.sentence_ends, &d.separators,
                  &d.number_followers, &d.codes, &d.name_followers, &d.joiners, &d.range_separators,
                  &d.range_units})
    longest_first(*v);
}

}  // namespace

Data Data::parse(std::string_view text, const std::string &origin) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception &e) {
    throw std::runtime_error(origin + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) throw std::runtime_error(origin + ": the top level must be an object");
  static const std::vector<std::string> known = {
      "format", "version", "unit_families", "measure_words", "multipliers", "approx", "not_quantities",
      "cues", "number_followers", "codes", "name_followers", "joiners",
      "range_separators", "range_units", "name_years"};
  for (const auto &[key, _] : j.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw std::runtime_error(origin + ": unknown key \"" + key + "\"");
  Data d;
  for (const auto &[family, words] : object(j, "unit_families", origin).items()) {
    if (!words.is_array()) throw std::runtime_error(origin + ": unit family \"" + family + "\" must be an array");
    for (const json &w : words) {
      if (!w.is_string() || w.get<std::string>().empty())
        throw std::runtime_error(origin + ": unit family \"" + family + "\" must hold non-empty strings");
      d.unit_family[w.get<std::string>()] = family;
      d.units.push_back(w.get<std::string>());
    }
  }
  append(d.units, strings(j, "measure_words", origin));
  for (const auto &[word, factor] : object(j, "multipliers", origin).items()) {
    if (!factor.is_number_integer() || factor.get<int64_t>() <= 0)
      throw std::runtime_error(origin + ": multiplier \"" + word + "\" must be a positive integer");
    d.multipliers[word] = factor.get<int64_t>();
  }
  const json &approx = object(j, "approx", origin);
  d.approx_below = strings(approx, "below", origin);
  d.approx_about = strings(approx, "about", origin);
  d.approx_above = strings(approx, "above", origin);
  d.approx_after_unit = strings(approx, "after_unit", origin);
  d.not_quantities = strings(j, "not_quantities", origin);
  const json &cues = object(j, "cues", origin);
  d.parts = strings(cues, "parts", origin);
  d.parts_exhaustive = strings(cues, "parts_exhaustive", origin);
  d.list_stops = strings(cues, "list_stops", origin);
  d.rate = strings(cues, "rate", origin);
  d.share = strings(cues, "share", origin);
  d.rate_verbs = strings(cues, "rate_verbs", origin);
  d.change_base = strings(cues, "change_base", origin);
  d.year_on_year = strings(cues, "year_on_year", origin);
  d.decrease = strings(cues, "decrease", origin);
  d.increase = strings(cues, "increase", origin);
  d.total = strings(cues, "total", origin);
  d.total_lookalikes = strings(cues, "total_lookalikes", origin);
  d.year = strings(cues, "year", origin);
  d.terminators = strings(cues, "terminators", origin);
  d.sentence_ends = strings(cues, "sentence_ends", origin);
  d.separators = strings(cues, "separators", origin);
  d.number_followers = strings(j, "number_followers", origin);
  d.codes = strings(j, "codes", origin);
  d.name_followers = strings(j, "name_followers", origin);
  d.joiners = strings(j, "joiners", origin);
  d.range_separators = strings(j, "range_separators", origin);
  d.range_units = strings(j, "range_units", origin);
  if (j.contains("name_years")) {
    const json &y = j["name_years"];
    if (!y.is_array() || y.size() != 2 || !y[0].is_number_unsigned() || !y[1].is_number_unsigned() ||
        y[0].get<uint32_t>() > y[1].get<uint32_t>())
      throw std::runtime_error(origin + ": \"name_years\" must be [from, to], two years in order");
    d.name_years_from = y[0].get<uint32_t>();
    d.name_years_to = y[1].get<uint32_t>();
  }
  sort_all(d);
  return d;
}

Data Data::load(const std::string &dir) {
  const std::string path = (std::filesystem::path(dir) / "figures.json").string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return parse(s.str(), path);
}

void Data::merge(const Data &o) {
  for (const auto &[w, f] : o.unit_family) unit_family[w] = f;
  for (const auto &[w, f] : o.multipliers) multipliers[w] = f;
  append(units, o.units);
  append(approx_below, o.approx_below);
  append(approx_about, o.approx_about);
  append(approx_above, o.approx_above);
  append(approx_after_unit, o.approx_after_unit);
  append(not_quantities, o.not_quantities);
  append(parts, o.parts);
  append(parts_exhaustive, o.parts_exhaustive);
  append(list_stops, o.list_stops);
  append(rate, o.rate);
  append(share, o.share);
  append(rate_verbs, o.rate_verbs);
  append(change_base, o.change_base);
  append(year_on_year, o.year_on_year);
  append(decrease, o.decrease);
  append(increase, o.increase);
  append(total, o.total);
  append(total_lookalikes, o.total_lookalikes);
  append(year, o.year);
  append(terminators, o.terminators);
  append(sentence_ends, o.sentence_ends);
  append(separators, o.separators);
  append(number_followers, o.number_followers);
  append(codes, o.codes);
  append(name_followers, o.name_followers);
  append(joiners, o.joiners);
  append(range_separators, o.range_separators);
  append(range_units, o.range_units);
  if (o.name_years_to != 0) name_years_from = o.name_years_from, name_years_to = o.name_years_to;
  sort_all(*this);
}

std::string_view Data::family(std::string_view unit) const {
  if (unit.empty()) return {};
  auto it = unit_family.find(unit);
  return it == unit_family.end() ? unit : std::string_view(it->second);
}

Data load_all(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
              std::vector<std::string> &errors) {
  Data d = Data::load(plugin_dir);
  for (const std::string &dir : data_dirs) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::path(dir) / "figures.json", ec)) continue;
    try {
      d.merge(Data::load(dir));
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  return d;
}

std::string_view starts_with_any(std::string_view text, const std::vector<std::string> &list) {
  for (const auto &s : list)
    if (text.starts_with(s)) return s;
  return {};
}
std::string_view ends_with_any(std::string_view text, const std::vector<std::string> &list) {
  for (const auto &s : list)
    if (text.ends_with(s)) return s;
  return {};
}

}  // namespace reportls::figures
