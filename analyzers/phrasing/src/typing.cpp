#include <reportls/phrasing/typing.h>

namespace reportls::phrasing {

namespace {
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

Typed typed_before(std::string_view text, uint32_t offset, uint32_t max_chars) {
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  // Walks back over the code points for which `accept` holds, at most `limit` of them.
  auto back = [&](uint32_t from, auto accept, uint32_t limit) {
    uint32_t i = from;
    for (uint32_t n = 0; i > 0 && n < limit; ++n) {
      uint32_t j = i;
      if (!accept(report::prev_code_point(text, j))) break;
      i = j;
    }
    return i;
  };
  Typed typed;
  const uint32_t letters = back(offset, is_ascii_letter, UINT32_MAX);
  typed.letters = {letters, offset};
  typed.chinese = {back(letters, report::is_cjk_ideograph, max_chars), letters};
  return typed;
}

std::optional<int> report_year(const report::Document &doc, std::optional<int> setting_year) {
  if (setting_year) return setting_year;
  if (!doc.title) return std::nullopt;
  std::string_view t = doc.str(doc.title->text);
  for (size_t i = 0; i + 4 < t.size(); ++i) {
    if (!(t.substr(i, 2) == "19" || t.substr(i, 2) == "20")) continue;
    if (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') continue;
    if (!(t[i + 2] >= '0' && t[i + 2] <= '9' && t[i + 3] >= '0' && t[i + 3] <= '9')) continue;
    if (t.substr(i + 4).starts_with("年")) return std::stoi(std::string(t.substr(i, 4)));
  }
  return std::nullopt;
}

}  // namespace reportls::phrasing
