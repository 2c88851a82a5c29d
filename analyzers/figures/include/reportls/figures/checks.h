// reportls/figures/checks.h — the checks, each on the quantities of one paragraph (line).
//
// Every check fires only on an explicit cue and stays silent where the text does not say enough.
// `text` is the whole document, `line` the paragraph's content span, `qs` extract(text, line).
#ifndef REPORTLS_FIGURES_CHECKS_H
#define REPORTLS_FIGURES_CHECKS_H

#include <reportls/figures/data.h>
#include <reportls/figures/findings.h>
#include <reportls/figures/quantity.h>

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

// figures.sum: `共N…，其中A、B、C`, `N…（其中：A，B）`, `N…，分别为…`, and `X化解N件，甲化解a、乙化解b`.
void check_sums(const Paragraph &p, Findings &out);
// figures.rate: `A件…成功B件…成功率P%`, `A项，其中B项，占比P%`.
void check_rates(const Paragraph &p, Findings &out);
// figures.change: `N件，比2019年M件减少了P%`, `2022年N件，2021年M件，同比下降P%`.
void check_changes(const Paragraph &p, Findings &out);
// figures.approx, figures.unit, figures.range: number hygiene.
void check_hygiene(const Paragraph &p, Findings &out);

// Helpers shared by the checks.
std::string number_text(const Paragraph &p, const Quantity &q);  // `313`, `2966.3万`
// True when s contains one of words.
bool contains_any(std::string_view s, const std::vector<std::string> &words);
// s without leading separators/spaces.
std::string_view trim_separators(std::string_view s, const Data &data);
// A calendar year such as 2019年.
bool is_year(const Paragraph &p, const Quantity &q);

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_CHECKS_H
