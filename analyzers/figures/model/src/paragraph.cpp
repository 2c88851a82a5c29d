#include <reportls/figures/paragraph.h>

#include <reportls/report/text.h>

#include <algorithm>
#include <bitset>
#include <string>
#include <vector>

namespace reportls::figures {

std::string_view Paragraph::between(uint32_t a, uint32_t b) const {
  a = std::max(a, line.start);
  b = std::min(b, line.end);
  return b > a ? text.substr(a, b - a) : std::string_view();
}

std::string number_text(const Paragraph &p, const Quantity &q) {
  return std::string(p.between(q.number.start, q.number.end));
}

bool contains_any(std::string_view s, const std::vector<std::string> &words) {
  for (const auto &w : words)
    if (report::contains_text(s, w)) return true;
  return false;
}

std::string_view trim_separators(std::string_view s, const Data &data) {
  for (bool again = true; again;) {
    again = false;
    if (auto sep = starts_with_any(s, data.separators); !sep.empty()) s.remove_prefix(sep.size()), again = true;
    else if (s.starts_with(" ")) s.remove_prefix(1), again = true;
  }
  return s;
}

bool is_year(const Paragraph &p, const Quantity &q) {
  const std::string_view digits = p.between(q.digits.start, q.digits.end);
  return !q.chinese && digits.size() == 4 && q.value.scale == 0 &&
         std::find(p.data.year.begin(), p.data.year.end(), q.unit) != p.data.year.end();
}

bool usable_count(const Paragraph &p, const Quantity &q) {
  return !q.percent && !q.unit.empty() && !q.approximate() && !is_year(p, q) && q.value.units > 0;
}

std::string_view last_clause(std::string_view s, const Data &data) {
  // Scans back from the end to the first mark that ends there: the stretch before a figure can be
  // a whole paragraph, and searching all of it once per mark cost more than the rest of figures.
  // Only where a mark's last byte stands is a mark compared.
  std::bitset<256> last_bytes;
  for (const auto *marks : {&data.separators, &data.terminators})
    for (const std::string &m : *marks)
      if (!m.empty()) last_bytes.set(static_cast<unsigned char>(m.back()));
  for (size_t from = s.size(); from > 0; --from) {
    if (!last_bytes.test(static_cast<unsigned char>(s[from - 1]))) continue;
    const std::string_view head = s.substr(0, from);
    if (!ends_with_any(head, data.separators).empty() || !ends_with_any(head, data.terminators).empty())
      return s.substr(from);
  }
  return s;
}

std::string_view label_before(const Paragraph &p, size_t i) {
  const uint32_t from = i > 0 ? p.qs[i - 1].span.end : p.line.start;
  return last_clause(p.between(from, p.qs[i].span.start), p.data);
}

bool share_bigram(std::string_view a, std::string_view b) {
  uint32_t i = 0;
  while (i < a.size()) {
    uint32_t j = i;
    report::next_code_point(a, j);
    uint32_t k = j;
    if (k >= a.size()) break;
    report::next_code_point(a, k);
    if (b.find(a.substr(i, k - i)) != b.npos) return true;
    i = j;
  }
  return false;
}

}  // namespace reportls::figures
