// reportls/figures/paragraph.h — the figures of one paragraph and what the text says around them.
//
// Part of the figure model both the figures analyzer and the cross-document analyzer use: a
// Paragraph is the text, the paragraph's span and the quantities extract() found in it; the helpers
// read the words around a figure (what it is said of, its clause) and tell counts from years.
// `text` is the whole document, `line` the paragraph's content span, `qs` extract(text, line).
#ifndef REPORTLS_FIGURES_PARAGRAPH_H
#define REPORTLS_FIGURES_PARAGRAPH_H

#include <reportls/figures/data.h>
#include <reportls/figures/quantity.h>

#include <string>
#include <string_view>
#include <vector>

namespace reportls::figures {

struct Paragraph {
  std::string_view text;
  Span line;
  const std::vector<Quantity> &qs;
  const Data &data;

  // text[a, b) clamped to the paragraph.
  std::string_view between(uint32_t a, uint32_t b) const;
};

// The number as written: `313`, `2966.3万`.
std::string number_text(const Paragraph &p, const Quantity &q);
// True when s contains one of words.
bool contains_any(std::string_view s, const std::vector<std::string> &words);
// s without leading separators/spaces.
std::string_view trim_separators(std::string_view s, const Data &data);
// A calendar year such as 2019年.
bool is_year(const Paragraph &p, const Quantity &q);
// A count the arithmetic can use: exact, with a measure word, positive, not a year or percentage.
bool usable_count(const Paragraph &p, const Quantity &q);
// The text after the last separator (、，:…) of s.
std::string_view last_clause(std::string_view s, const Data &data);
// The text before q back to the previous figure (or the paragraph start), cut at its last separator:
// what the figure is said of (`成功化解` in `…，成功化解20件`).
std::string_view label_before(const Paragraph &p, size_t i);
// True when some two consecutive code points of a occur in b (化解率 ↔ 成功化解20件).
bool share_bigram(std::string_view a, std::string_view b);

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_PARAGRAPH_H
