// reportls/figures/data.h — the domain knowledge of the figures analyzer, loaded from figures.json.
//
// Measure words and their families, 万/亿 multipliers, approximation markers, the cue words that
// state relations (其中, 共, 占比, 率, 比, 同比…), codes and names that are not quantities (12345,
// 28号, 4楼, 500强, years that name an event), the joiners of ratios and times (0.2∶52, 11:13) and range marks are all data.
// Data is immutable after loading and safe to share between threads.
#ifndef REPORTLS_FIGURES_DATA_H
#define REPORTLS_FIGURES_DATA_H

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::figures {

struct Data {
  std::map<std::string, std::string, std::less<>> unit_family;  // measure word → family name
  std::vector<std::string> units;            // every measure word, longest first
  std::map<std::string, int64_t, std::less<>> multipliers;  // 万 → 10000
  std::vector<std::string> approx_below, approx_about, approx_above, approx_after_unit;
  std::vector<std::string> not_quantities;   // 一起… : a Chinese numeral + measure word that is a word
  std::vector<std::string> parts, parts_exhaustive, list_stops, rate, share, rate_verbs,
      change_base, year_on_year, decrease, increase;
  std::vector<std::string> total;            // before a total: 共, 合计, 各级 (`共受理…N件`)
  std::vector<std::string> total_lookalikes; // words that contain a total cue but are none: 公共
  std::vector<std::string> year;         // the measure word of a calendar year (2019年)
  std::vector<std::string> terminators;  // end a list or a relation: 。；！？
  std::vector<std::string> sentence_ends; // end a sentence: 。！？ (a list of shares runs on after ；)
  std::vector<std::string> separators;   // between list items and labels: 、，：（
  std::vector<std::string> number_followers; // may follow a bare Arabic number (至, 和, 万…)
  std::vector<std::string> codes;            // numbers that are names, not quantities (12345)
  std::vector<std::string> name_followers;   // after a number that names or ranks: 号, 楼, 室, 强
  std::vector<std::string> joiners;          // join numbers into one name: 0.2∶52, 11:13, 12·4, 1比1
  std::vector<std::string> range_separators, range_units;
  // A bare four-digit number in [from, to] straight before Chinese text names a year
  // (`2024厦门市社科知识大赛`, `2035远景目标`), not a count that lost its measure word.
  uint32_t name_years_from = 0, name_years_to = 0;

  // Reads <dir>/figures.json.  Throws std::runtime_error("<file>: <reason>").
  static Data load(const std::string &dir);
  // Parses JSON text; origin names the source in error messages.
  static Data parse(std::string_view json, const std::string &origin);
  // Adds the entries of another file (a user extension) to this one.
  void merge(const Data &other);

  // The family of a measure word; the word itself when it belongs to none; "" for none.
  std::string_view family(std::string_view unit) const;
};

// The bundled data plus every <data_dir>/figures.json that exists.  A malformed user file is
// skipped and its "<file>: <reason>" appended to errors; a broken bundled file throws.
Data load_all(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
              std::vector<std::string> &errors);

// Longest entry of list that text starts with, or "".
std::string_view starts_with_any(std::string_view text, const std::vector<std::string> &list);
// Longest entry of list that text ends with, or "".
std::string_view ends_with_any(std::string_view text, const std::vector<std::string> &list);

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_DATA_H
