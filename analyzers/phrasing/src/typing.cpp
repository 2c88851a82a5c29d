#include <reportls/phrasing/typing.h>

namespace reportls::phrasing {

namespace {
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

TypedRun typed_before(std::string_view text, uint32_t offset, uint32_t max_chars) {
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  TypedRun run{{offset, offset}, false};
  uint32_t i = offset;
  if (i > 0) {
    uint32_t j = i;
    run.latin = is_ascii_letter(report::prev_code_point(text, j));
  }
  for (uint32_t n = 0; i > 0 && (run.latin || n < max_chars); ++n) {
    uint32_t j = i;
    char32_t c = report::prev_code_point(text, j);
    if (run.latin ? !is_ascii_letter(c) : !report::is_cjk_ideograph(c)) break;
    i = j;
  }
  run.span.start = i;
  return run;
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
