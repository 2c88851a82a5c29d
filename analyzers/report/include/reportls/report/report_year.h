// reportls/report/report_year.h — the year a report covers and the date it is signed.
#ifndef REPORTLS_REPORT_REPORT_YEAR_H
#define REPORTLS_REPORT_REPORT_YEAR_H

#include <reportls/report/document.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace reportls::report {

// A calendar date written in the text: `2023年12月21日`, `2024年02月29日`, `二〇二四年二月二十九日`
// or the ISO form `2024-02-29` of metadata values.
struct Date {
  uint32_t year = 0, month = 0, day = 0;
  Span span;                // the whole date as written
  bool zero_padded = false; // a month or day written with a leading 0 (`02月`)
  bool chinese = false;     // written in Chinese numerals (`二〇二四年…`)
  bool iso = false;         // `2024-02-29`
};

// The first plausible date (month 1–12, day 1–31) inside text[within], or nullopt.
std::optional<Date> find_date(std::string_view text, Span within);
// The date text[within] consists of (find_date's first date, when it spans all of within), or
// nullopt; reads only the date's length, not the whole of within.
std::optional<Date> date_spanning(std::string_view text, Span within);

// The four digits of the first `YYYY年` (not part of a longer number, year 1949…2100) inside
// text[within], or nullopt.
std::optional<Span> find_year(std::string_view text, Span within);

// The date the report is signed: the last date on a Signature (落款) line; failing that the
// 成文日期 (then 发布日期) metadata value (its span then lies on a Debris line).
std::optional<Date> document_date(const Document &doc);

// The year the report covers, in order: `reportYear` in the settings JSON (an integer); the first
// `YYYY年` in the title; the first `YYYY年` in the lines before the first heading; a whole calendar
// year stated as a period (`统计期限为2022年1月1日至2022年12月31日`) in those lines or the first
// section's; the document date's year (minus one when dated in January–June, the reporting season
// for the past year).
// Years outside 1949…2100 are ignored.
std::optional<uint32_t> report_year(const Document &doc, std::string_view settings_json = "{}");

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_REPORT_YEAR_H
