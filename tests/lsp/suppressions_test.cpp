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

TEST_CASE("a directive is found around a replacement: typed whole, completed by it, or joined by a deletion") {
  const std::string plain = "一、总体情况\n正文。\n";
  CHECK_FALSE(has_disable_directive(plain));
  // Typed whole at [start, end).
  std::string text = plain;
  const std::string typed = "<!-- reportls-disable -->\n";
  text.insert(0, typed);
  CHECK(has_disable_directive(text));
  CHECK(has_disable_directive_near(text, 0, typed.size()));
  // The replacement completes a marker begun before it ("…reportls-disa" + "ble").
  text = "<!-- reportls-disa" + plain;
  CHECK_FALSE(has_disable_directive(text));
  text.insert(18, "ble -->\n");
  CHECK(has_disable_directive_near(text, 18, 18 + 8));
  // A deletion joins the two halves: the replacement is empty, at the join.
  text = "<!-- reportls-dis××able -->\n" + plain;
  text.erase(17, 4);
  CHECK(has_disable_directive_near(text, 17, 17));
  // A marker away from the replacement is not looked for (the text held none before it).
  CHECK_FALSE(has_disable_directive_near(text, text.size() - 3, text.size()));
  // At the text's ends.
  CHECK_FALSE(has_disable_directive_near(plain, 0, 0));
  CHECK_FALSE(has_disable_directive_near(plain, plain.size(), plain.size()));
}
