// Rules silenced in the text with HTML comments.
#include "lsp/engine/suppressions.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace reportls::lsp;

namespace {

// The codes left of diagnostics at the first occurrence of each marker.
std::vector<std::string> kept(const std::string &text, const std::vector<std::pair<std::string, std::string>> &at) {
  std::vector<Diagnostic> diagnostics;
  for (const auto &[marker, code] : at) {
    Diagnostic d;
    d.start = static_cast<uint32_t>(text.find(marker));
    d.end = d.start + 1;
    d.code = code;
    diagnostics.push_back(d);
  }
  drop_suppressed(text, diagnostics);
  std::vector<std::string> out;
  for (const Diagnostic &d : diagnostics) out.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("disable-next-line silences the named rules on the next line that is not blank") {
  const std::string text = "甲 1\n" + disable_next_line_directive("figures.unit") + "\n乙 2\n丙 3\n";
  CHECK(text.find("<!-- reportls-disable-next-line figures.unit -->\n") != std::string::npos);
  CHECK(kept(text, {{"甲", "figures.unit"}, {"乙", "figures.unit"}, {"乙 2", "punctuation.space"}, {"丙", "figures.unit"}}) ==
        std::vector<std::string>{"figures.unit", "punctuation.space", "figures.unit"});
  // A prefix, several rules, none (every rule), and the directive's own line.
  const std::string more = "<!-- reportls-disable-next-line figures, dates.early -->\n甲\n<!-- reportls-disable-next-line -->\n乙\n";
  CHECK(kept(more, {{"甲", "figures.sum"}, {"甲", "dates.early"}, {"甲", "dates.format"}, {"乙", "terms.misuse"},
                    {"<!--", "paragraph.no-final-punctuation"}}) == std::vector<std::string>{"dates.format"});
}

TEST_CASE("disable … enable silences a block") {
  const std::string text = "甲\n  <!-- reportls-disable punctuation -->\n乙\n丙\n<!-- reportls-enable punctuation -->\n丁\n"
                           "<!-- reportls-disable -->\n戊\n";
  CHECK(kept(text, {{"甲", "punctuation.space"}, {"乙", "punctuation.space"}, {"丙", "punctuation.halfwidth"},
                    {"丙", "terms.misuse"}, {"丁", "punctuation.space"}, {"戊", "terms.misuse"}}) ==
        std::vector<std::string>{"punctuation.space", "terms.misuse", "punctuation.space"});
}

TEST_CASE("text that only mentions a directive silences nothing") {
  const std::string text = "写 <!-- reportls-disable --> 即可\n甲\n";
  CHECK(kept(text, {{"甲", "terms.misuse"}}) == std::vector<std::string>{"terms.misuse"});
}
