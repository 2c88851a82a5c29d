#include <reportls/figures/decimal.h>

#include <algorithm>

namespace reportls::figures {

namespace {
__int128 pow10(int n) {
  __int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}
__int128 iabs(__int128 v) { return v < 0 ? -v : v; }
}  // namespace

__int128 Decimal::at_scale(int to) const { return static_cast<__int128>(units) * pow10(to - scale); }

std::string Decimal::str() const {
  const bool negative = units < 0;
  std::string digits = std::to_string(negative ? -units : units);
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale))
      digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return negative ? "-" + digits : digits;
}

bool Decimal::is_integer() const { return scale <= 0 || units % static_cast<int64_t>(pow10(scale)) == 0; }

bool operator==(const Decimal &a, const Decimal &b) {
  const int s = std::max(a.scale, b.scale);
  return a.at_scale(s) == b.at_scale(s);
}
bool operator<(const Decimal &a, const Decimal &b) {
  const int s = std::max(a.scale, b.scale);
  return a.at_scale(s) < b.at_scale(s);
}
Decimal operator+(const Decimal &a, const Decimal &b) {
  const int s = std::max(a.scale, b.scale);
  return {static_cast<int64_t>(a.at_scale(s) + b.at_scale(s)), s};
}
Decimal operator-(const Decimal &a, const Decimal &b) {
  const int s = std::max(a.scale, b.scale);
  return {static_cast<int64_t>(a.at_scale(s) - b.at_scale(s)), s};
}
Decimal abs(const Decimal &a) { return {a.units < 0 ? -a.units : a.units, a.scale}; }

Decimal percent_of(const Decimal &num, const Decimal &den, int decimals) {
  const int s = std::max(num.scale, den.scale);
  const __int128 n = num.at_scale(s) * 100 * pow10(decimals), d = den.at_scale(s);
  const __int128 q = (2 * iabs(n) + iabs(d)) / (2 * iabs(d));  // half-up
  return {static_cast<int64_t>((n < 0) != (d < 0) ? -q : q), decimals};
}

Decimal truncated_percent(const Decimal &num, const Decimal &den, int decimals) {
  const int s = std::max(num.scale, den.scale);
  return {static_cast<int64_t>(num.at_scale(s) * 100 * pow10(decimals) / den.at_scale(s)), decimals};
}

bool rounds_to(const Decimal &stated, const Decimal &num, const Decimal &den) {
  // |100·num/den − stated| ≤ ½·10^−k, with k = stated.scale, multiplied out to integers:
  // |2·100·num·10^k − 2·stated.units·den| ≤ den.
  const int s = std::max(num.scale, den.scale);
  const __int128 n = num.at_scale(s), d = iabs(den.at_scale(s));
  const __int128 lhs = iabs(2 * 100 * n * pow10(stated.scale) - 2 * static_cast<__int128>(stated.units) * d);
  return lhs <= d;
}

}  // namespace reportls::figures
