#include <reportls/phrasing/snippet.h>

#include <array>

namespace reportls::phrasing {

namespace {
constexpr std::string_view kYear = "20××";
// Longest first, so ×× is one placeholder and not two ×.
constexpr std::array<std::string_view, 3> kPlaceholders = {"××", "×", "……"};
}  // namespace

Insertion fill_placeholders(std::string_view phrase, std::optional<int> year, int year_offset) {
  Insertion out;
  std::string escaped;
  int stop = 0;
  auto tab_stop = [&](std::string_view placeholder) {
    escaped += "${" + std::to_string(++stop) + ":" + std::string(placeholder) + "}";
    out.label += placeholder;
  };
  size_t i = 0;
  while (i < phrase.size()) {
    std::string_view rest = phrase.substr(i);
    if (rest.starts_with(kYear)) {
      if (year) {
        std::string y = std::to_string(*year + year_offset);
        escaped += y;
        out.label += y;
      } else {
        tab_stop(kYear);
      }
      i += kYear.size();
      continue;
    }
    bool matched = false;
    for (std::string_view p : kPlaceholders)
      if (rest.starts_with(p)) {
        tab_stop(p);
        i += p.size();
        matched = true;
        break;
      }
    if (matched) continue;
    char c = phrase[i++];
    if (c == '$' || c == '}' || c == '\\') escaped += '\\';
    escaped += c;
    out.label += c;
  }
  out.snippet = stop > 0;
  out.insert_text = out.snippet ? escaped : out.label;
  return out;
}

}  // namespace reportls::phrasing
