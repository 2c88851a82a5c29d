// reportls/report/year_range.h — what of the data depends on the report's year: the years a
// data-file entry applies to (a pattern rule of an analyzer, a table template: "years": [from, to]
// in the JSON, null an open end; read by json_read::years), and the document a report type
// followed in a given year (Bases).  Value types; thread-safe.
#ifndef REPORTLS_REPORT_YEAR_RANGE_H
#define REPORTLS_REPORT_YEAR_RANGE_H

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reportls::report {

struct YearRange {
  uint32_t from = 0, to = 0;  // inclusive; 0: open

  // Whether a report of `year` falls in the range.  A report whose year is unknown falls only in a
  // range open at both ends: what is bound to some years says nothing when the year is not known.
  bool contains(std::optional<uint32_t> year) const {
    if (!year) return from == 0 && to == 0;
    return (from == 0 || *year >= from) && (to == 0 || *year <= to);
  }
};

// The documents a report type followed over the years, for messages: the current one, and the ones
// it replaced by the last report year each applied to ("earlier_bases": [{"until": 2020, "basis":
// "国办公开办函〔2019〕60号"}], read by json_read::earlier_bases; ascending).
struct Bases {
  std::string current;
  std::vector<std::pair<uint32_t, std::string>> earlier;

  // What a report on `year` followed: current when the year is unknown or no earlier one applies.
  const std::string &for_year(std::optional<uint32_t> year) const {
    if (year)
      for (const auto &[until, basis] : earlier)
        if (*year <= until) return basis;
    return current;
  }
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_YEAR_RANGE_H
