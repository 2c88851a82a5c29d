#include <reportls/figures/data.h>
#include <reportls/report/data_files.h>
#include <reportls/report/json_read.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace reportls::figures {

namespace {

using json = nlohmann::json;
using report::json_read::append_missing;
using report::json_read::longest_first;
using report::json_read::strings;

const json &object(const json &j, const char *key, const std::string &origin) {
  static const json empty = json::object();
  if (!j.contains(key)) return empty;
  if (!j.at(key).is_object()) throw std::runtime_error(origin + ": \"" + key + "\" must be an object");
  return j.at(key);
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
  report::json_read::only_keys(j, {"format", "version", "unit_families", "measure_words", "multipliers", "approx", "not_quantities",
      "cues", "number_followers", "codes", "name_followers", "joiners",
      "range_separators", "range_units", "name_years"}, origin, "");
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
  append_missing(d.units, strings(j, "measure_words", origin, ""));
  for (const auto &[word, factor] : object(j, "multipliers", origin).items()) {
    if (!factor.is_number_integer() || factor.get<int64_t>() <= 0)
      throw std::runtime_error(origin + ": multiplier \"" + word + "\" must be a positive integer");
    d.multipliers[word] = factor.get<int64_t>();
  }
  const json &approx = object(j, "approx", origin);
  d.approx_below = strings(approx, "below", origin, "approx");
  d.approx_about = strings(approx, "about", origin, "approx");
  d.approx_above = strings(approx, "above", origin, "approx");
  d.approx_after_unit = strings(approx, "after_unit", origin, "approx");
  d.not_quantities = strings(j, "not_quantities", origin, "");
  const json &cues = object(j, "cues", origin);
  d.parts = strings(cues, "parts", origin, "cues");
  d.parts_exhaustive = strings(cues, "parts_exhaustive", origin, "cues");
  d.list_stops = strings(cues, "list_stops", origin, "cues");
  d.rate = strings(cues, "rate", origin, "cues");
  d.share = strings(cues, "share", origin, "cues");
  d.rate_verbs = strings(cues, "rate_verbs", origin, "cues");
  d.change_base = strings(cues, "change_base", origin, "cues");
  d.year_on_year = strings(cues, "year_on_year", origin, "cues");
  d.decrease = strings(cues, "decrease", origin, "cues");
  d.increase = strings(cues, "increase", origin, "cues");
  d.total = strings(cues, "total", origin, "cues");
  d.total_lookalikes = strings(cues, "total_lookalikes", origin, "cues");
  d.year = strings(cues, "year", origin, "cues");
  d.terminators = strings(cues, "terminators", origin, "cues");
  d.sentence_ends = strings(cues, "sentence_ends", origin, "cues");
  d.separators = strings(cues, "separators", origin, "cues");
  d.number_followers = strings(j, "number_followers", origin, "");
  d.codes = strings(j, "codes", origin, "");
  d.name_followers = strings(j, "name_followers", origin, "");
  d.joiners = strings(j, "joiners", origin, "");
  d.range_separators = strings(j, "range_separators", origin, "");
  d.range_units = strings(j, "range_units", origin, "");
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
  return parse(report::read_data_file(path), path);
}

void Data::merge(const Data &o) {
  for (const auto &[w, f] : o.unit_family) unit_family[w] = f;
  for (const auto &[w, f] : o.multipliers) multipliers[w] = f;
  append_missing(units, o.units);
  append_missing(approx_below, o.approx_below);
  append_missing(approx_about, o.approx_about);
  append_missing(approx_above, o.approx_above);
  append_missing(approx_after_unit, o.approx_after_unit);
  append_missing(not_quantities, o.not_quantities);
  append_missing(parts, o.parts);
  append_missing(parts_exhaustive, o.parts_exhaustive);
  append_missing(list_stops, o.list_stops);
  append_missing(rate, o.rate);
  append_missing(share, o.share);
  append_missing(rate_verbs, o.rate_verbs);
  append_missing(change_base, o.change_base);
  append_missing(year_on_year, o.year_on_year);
  append_missing(decrease, o.decrease);
  append_missing(increase, o.increase);
  append_missing(total, o.total);
  append_missing(total_lookalikes, o.total_lookalikes);
  append_missing(year, o.year);
  append_missing(terminators, o.terminators);
  append_missing(sentence_ends, o.sentence_ends);
  append_missing(separators, o.separators);
  append_missing(number_followers, o.number_followers);
  append_missing(codes, o.codes);
  append_missing(name_followers, o.name_followers);
  append_missing(joiners, o.joiners);
  append_missing(range_separators, o.range_separators);
  append_missing(range_units, o.range_units);
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

// Both compare the byte at the end they anchor first: most entries differ there, and a call per
// entry of memcmp was most of what figures spent reading units after each number.
std::string_view starts_with_any(std::string_view text, const std::vector<std::string> &list) {
  if (text.empty()) return {};
  for (const auto &s : list)
    if (!s.empty() && s.front() == text.front() && text.starts_with(s)) return s;
  return {};
}
std::string_view ends_with_any(std::string_view text, const std::vector<std::string> &list) {
  if (text.empty()) return {};
  for (const auto &s : list)
    if (!s.empty() && s.back() == text.back() && text.ends_with(s)) return s;
  return {};
}

}  // namespace reportls::figures
