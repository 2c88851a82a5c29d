// reportls/figures/checks.h — the checks, each on the quantities of one paragraph (line).
//
// Every check fires only on an explicit cue and stays silent where the text does not say enough.
#ifndef REPORTLS_FIGURES_CHECKS_H
#define REPORTLS_FIGURES_CHECKS_H

#include <reportls/figures/findings.h>
#include <reportls/figures/paragraph.h>

#include <string_view>
#include <vector>

namespace reportls::figures {

// figures.sum: `N…，其中A、B、C`, `N…。其中，A…`, `N…（其中：A，B）`, `N…，分别为…`, and
// `共化解N件，甲化解a、乙化解b` (a total cue and parts that repeat its predicate).  Parts with 余/多
// are lower bounds: parts that exceed the total even so are still reported.
void check_sums(const Paragraph &p, Findings &out);
// figures.rate: `A件…成功B件…成功率P%`, and a base stated earlier in the paragraph
// (`应诉案件52件……出庭应诉50件，出庭率98%`) when exactly one earlier figure can be it.
void check_rates(const Paragraph &p, Findings &out);
// figures.rate for shares of a stated total: `共N件，其中A类a件，占比x%；B类b件，占比y%`.
void check_shares(const Paragraph &p, Findings &out);
// figures.change: `N件，比2019年M件减少了P%`, `2022年N件，2021年M件，同比下降P%`.
void check_changes(const Paragraph &p, Findings &out);
// figures.approx, figures.unit, figures.range: number hygiene.
void check_hygiene(const Paragraph &p, Findings &out);

// Cues shared by the checks (the paragraph helpers are in paragraph.h).
// A total cue (共, 合计, 各级…) in s that is not part of a lookalike word (公共).
bool has_total_cue(std::string_view s, const Data &data);
// qs[i] is the share of the figure right before it: `21件，占比2.5%`, `21件（占2.5%）`.
bool share_of_previous(const Paragraph &p, size_t i);
// Where the breakdown of qs[t] starts when the text marks qs[t] as a total: right after a parts
// cue that follows it (`N件，其中`, `N件。其中，`, `N件（其中：`, `N件，分别为`); 0 when none.
// exhaustive tells whether the cue promises every part (分别为, 包括).
struct PartsCue {
  uint32_t from = 0;
  bool exhaustive = false;
  bool in_brackets = false;
};
PartsCue parts_cue(const Paragraph &p, size_t t);
// How many figures before a rate are read as its possible base: a base is stated near its rate,
// and the bound keeps a paragraph of thousands of figures linear.
inline constexpr size_t kBaseWindow = 48;
// The check shared by rates and shares: stated ≈ 100·part/base within the rounding of its own
// decimals; records the relation for hover and reports a mismatch (a truncated value as
// information) unless another nearby figure at or above the part gives the stated rate
// (then the text may mean that base).  `what` names the relation in the hover (比率, 占比).
void judge_rate(const Paragraph &p, size_t base, size_t part, size_t rate, const char *what, Findings &out);

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_CHECKS_H
