// reportls/figures/quantity.h — the figure model: every quantity written in a stretch of text.
//
//   `近6400余件`  → value 6400, unit 件 (family 案件), approx below+above
//   `2966.3万余元` → value 29663000.0 (scale 1), multiplier 万, unit 元, approx above
//   `98.64%`      → value 98.64, percent;   `１２件` (full-width) → 12 件;   `两百零五人` → 205 人
// Arabic numbers take thousands separators (1,234) and decimals; a Chinese numeral counts only
// when a measure word follows (so 一是, 十四五, 二十大 are not quantities) and is not 第…
#ifndef REPORTLS_FIGURES_QUANTITY_H
#define REPORTLS_FIGURES_QUANTITY_H

#include <reportls/figures/data.h>
#include <reportls/figures/decimal.h>
#include <reportls/report/text.h>

#include <string>
#include <string_view>
#include <vector>

namespace reportls::figures {

using report::Span;

struct Quantity {
  Span span;          // from an approximation prefix (近) to the last marker (余/左右)
  Span number;        // the digits (with 万/亿 and %), e.g. `2966.3万`, `98.64%`
  Span digits;        // the numeral alone, e.g. `2966.3`
  Decimal value;      // with multiplier applied; for a percentage, the percentage itself
  bool percent = false;
  bool chinese = false;     // written in Chinese numerals
  bool grouped = false;     // written with thousands separators
  std::string unit;         // measure word as written, "" when none
  std::string family;       // Data::family(unit)
  Span unit_span;
  Span below, about, above, after_unit;  // approximation markers, empty when absent
  bool approximate() const { return !below.empty() || !about.empty() || !above.empty() || !after_unit.empty(); }
};

// All quantities in text[within], in order.  Linear in the span's length.
std::vector<Quantity> extract(std::string_view text, Span within, const Data &data);

// True for ASCII and full-width decimal digits.
bool is_digit(char32_t c);

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_QUANTITY_H
