#include <reportls/figures/checks.h>

#include <algorithm>

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
    if (s.find(w) != std::string_view::npos) return true;
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

}  // namespace reportls::figures
