// reportls/crossdoc/data.h — the domain knowledge of the cross-document analyzer, from
// crossdoc.json: how a report names the body that issued it, which report types are companions,
// the words that make a year-on-year claim and describe a figure, and what counts as a follow-up
// of last year's plan.  Immutable after loading and safe to share between threads.
#ifndef REPORTLS_CROSSDOC_DATA_H
#define REPORTLS_CROSSDOC_DATA_H

#include <reportls/report/pattern.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportls::crossdoc {

struct Rewrite {
  report::Pattern pattern;
  std::string replace;  // $1…$9: the pattern's groups
};

// Who issued a report (identity.h).
struct IdentityData {
  std::vector<report::Pattern> body_prefixes;  // removed at the start of a body: `中共…委`
  std::vector<Rewrite> body_rewrites;          // `秀山土家族苗族自治县` → `秀山县`
  std::vector<std::string> body_suffixes;      // removed at the end: 人民政府, 政府, 办事处
  std::string admin_unit;                      // regex of the last word of a unit's name: 省|市|县…
  // Built from admin_unit: a unit's name at the start (`重庆市` of 重庆市秀山县), and at the end.
  std::shared_ptr<const report::Pattern> leading_unit, trailing_unit;
  std::vector<std::string> body_line_endings;  // a line naming a body ends with one: 人民政府, 局…
  uint32_t body_max_chars = 30;
  std::vector<std::string> title_body_ends;    // words between the body and the year: 关于
  std::vector<std::string> title_subjects;     // the subject after the body in a title: 法治政府建设
  std::vector<std::string> metadata_keys;      // page metadata naming the publisher, in order
};

// Figures and year-on-year claims (named_figures.h, checks.h).
struct FigureData {
  std::vector<std::string> description_fillers;  // dropped at the start: 全年, 共…
  std::vector<std::string> description_tails;    // dropped at the end: 达, 为…
  std::vector<std::string> quote_marks;          // dropped anywhere
  uint32_t min_description_chars = 4;
  std::vector<std::string> previous_year;        // 同比, 比上年, 较上年…
  std::vector<std::string> year_comparison;      // before a year: 较2023年
  std::vector<std::string> year_comparison_after;  // after it: 同期, 相比
  std::vector<std::string> stated_base_before;   // between the cue and a stated base: 的
};

struct PlanData {
  std::vector<std::string> plan_items;         // profile items holding next year's plan
  std::vector<std::string> not_results_items;  // profile items that report no results
  std::vector<std::string> results_items;      // where the diagnostics go
  std::vector<std::string> generic_words;      // say nothing of what a plan item is about
  uint32_t min_chars = 4;        // content characters an item needs to be judged
  double followed_share = 0.5;
  uint32_t quote_chars = 40;
};

struct Data {
  IdentityData identity;
  std::vector<std::pair<std::string, std::string>> companions;  // profile ids of one body's two reports
  FigureData figures;
  uint32_t copy_min_chars = 30;
  PlanData plan;

  // Parses JSON text; origin names the source in errors.  Throws std::runtime_error("<origin>:
  // <reason>") on unknown keys, wrong types and invalid regexes.
  static Data parse(std::string_view json, const std::string &origin);
  // Adds a user file's lists and patterns to these (the numbers stay the bundled ones).
  void merge(const Data &other);
  // The profile that is the companion of `profile`, or "".
  std::string companion_of(std::string_view profile) const;
};

// The bundled <plugin_dir>/crossdoc.json (which must load) plus every <data_dir>/crossdoc.json; a
// broken user file is skipped with "<file>: <reason>" in errors.
Data load_all(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
              std::vector<std::string> &errors);

}  // namespace reportls::crossdoc

#endif  // REPORTLS_CROSSDOC_DATA_H
