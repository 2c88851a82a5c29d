// Quoting the related report: a shortened sentence for messages, a link for hovers.
#include <reportls/crossdoc/checks.h>

namespace reportls::crossdoc {

std::string excerpt(const report::Document &doc, report::Span sentence, report::Span focus, uint32_t max_chars) {
  const std::string_view s = doc.str(sentence);
  if (report::code_point_count(s) <= max_chars) return std::string(s);
  // A window of max_chars code points that holds the focus, a third of it before.
  const uint32_t at = focus.start > sentence.start ? std::min<uint32_t>(focus.start - sentence.start, s.size()) : 0;
  uint32_t from = at;
  for (uint32_t k = 0; k < max_chars / 3 && from > 0; ++k) report::prev_code_point(s, from);
  uint32_t to = from;
  for (uint32_t k = 0; k < max_chars && to < s.size(); ++k) report::next_code_point(s, to);
  return (from > 0 ? "……" : "") + std::string(s.substr(from, to - from)) + (to < s.size() ? "……" : "");
}

std::string link(const Other &other, uint32_t line) {
  std::string target;
  for (char ch : other.uri) {
    // Markdown ends a link target at a space or a parenthesis.
    if (ch == ' ') target += "%20";
    else if (ch == '(') target += "%28";
    else if (ch == ')') target += "%29";
    else target += ch;
  }
  const std::string n = std::to_string(line + 1);
  return "[" + other.name + "第" + n + "行](" + target + "#L" + n + ")";
}

}  // namespace reportls::crossdoc
