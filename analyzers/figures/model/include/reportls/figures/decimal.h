// reportls/figures/decimal.h — exact decimal numbers for figure arithmetic.
//
// A Decimal is units / 10^scale with units an int64.  Comparisons of stated and computed figures
// are done on scaled integers (__int128 where products can grow), never on doubles, so a rate
// stated to two decimals is judged by exactly the rounding the author had to do.
#ifndef REPORTLS_FIGURES_DECIMAL_H
#define REPORTLS_FIGURES_DECIMAL_H

#include <cstdint>
#include <string>

namespace reportls::figures {

struct Decimal {
  int64_t units = 0;
  int scale = 0;  // digits after the decimal point as written (after any 万/亿 multiplier)

  // units rescaled to `to` >= scale digits.
  __int128 at_scale(int to) const;
  // The value with exactly `scale` decimals, e.g. "2966.3", "313".
  std::string str() const;
  bool is_integer() const;  // no non-zero fractional digit
  friend bool operator==(const Decimal &a, const Decimal &b);
  friend bool operator<(const Decimal &a, const Decimal &b);
};

Decimal operator+(const Decimal &a, const Decimal &b);
Decimal operator-(const Decimal &a, const Decimal &b);
Decimal abs(const Decimal &a);

// 100 * num / den rounded half-up to `decimals` places; den must be non-zero.
Decimal percent_of(const Decimal &num, const Decimal &den, int decimals);
// 100 * num / den truncated (not rounded) to `decimals` places; num, den >= 0, den non-zero.
Decimal truncated_percent(const Decimal &num, const Decimal &den, int decimals);
// True when `stated` (a percentage with its own number of decimals) is what 100 * num / den gives
// when rounded to that many decimals; exact halves are accepted either way.
bool rounds_to(const Decimal &stated, const Decimal &num, const Decimal &den);

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_DECIMAL_H
