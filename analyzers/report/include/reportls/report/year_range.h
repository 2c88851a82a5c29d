// reportls/report/year_range.h — the report years a data-file entry applies to: a pattern rule of an
// analyzer, a table template ("years": [from, to] in the JSON, null an open end; read by
// json_read::years).  A value type; thread-safe.
#ifndef REPORTLS_REPORT_YEAR_RANGE_H
#define REPORTLS_REPORT_YEAR_RANGE_H

#include <cstdint>
#include <optional>

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

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_YEAR_RANGE_H
