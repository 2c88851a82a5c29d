#include <reportls/figures/checks.h>
#include <reportls/report/text.h>

#include <algorithm>
#include <string>
#include <vector>

namespace reportls::figures {

bool has_total_cue(std::string_view s, const Data &data) {
  // Most labels hold no cue at all: only then are the words that merely contain one marked.
  if (std::none_of(data.total.begin(), data.total.end(), [&](const std::string &cue) { return report::contains_text(s, cue); }))
    return false;
  std::vector<bool> in_lookalike(s.size(), false);
  for (const auto &word : data.total_lookalikes)
    for (size_t at = report::find_text(s, word); at != s.npos; at = report::find_text(s, word, at + 1))
      std::fill_n(in_lookalike.begin() + static_cast<std::ptrdiff_t>(at), word.size(), true);
  for (const auto &cue : data.total)
    for (size_t at = s.find(cue); at != s.npos; at = s.find(cue, at + 1))
      if (!in_lookalike[at]) return true;
  return false;
}

bool share_of_previous(const Paragraph &p, size_t i) {
  const Quantity &q = p.qs[i];
  if (i == 0 || !q.percent) return false;
  std::string_view gap = trim_separators(p.between(p.qs[i - 1].span.end, q.span.start), p.data);
  gap.remove_suffix(ends_with_any(gap, p.data.rate_verbs).size());
  return std::find(p.data.share.begin(), p.data.share.end(), gap) != p.data.share.end();
}

PartsCue parts_cue(const Paragraph &p, size_t t) {
  const Quantity &total = p.qs[t];
  const uint32_t next = t + 1 < p.qs.size() ? p.qs[t + 1].span.start : p.line.end;
  const std::string_view raw = p.between(total.span.end, next);
  std::string_view after = trim_separators(raw, p.data);
  // `…8769条。其中，…`: the next sentence opens with the breakdown of this one's last figure.
  // The figure must be its sentence's only one of its kind: after a list (`…1600余条、600余条。
  // 其中…`) 其中 speaks of the whole sentence.
  const std::string_view stop = starts_with_any(after, p.data.terminators);
  if (!stop.empty()) {
    for (size_t k = t; k-- > 0;) {
      if (contains_any(p.between(p.qs[k].span.end, total.span.start), p.data.terminators)) break;
      if (p.qs[k].family == total.family && !is_year(p, p.qs[k])) return {};
    }
    after = trim_separators(after.substr(stop.size()), p.data);
  }
  const std::string_view cue = starts_with_any(after, p.data.parts);
  const std::string_view exhaustive = stop.empty() ? starts_with_any(after, p.data.parts_exhaustive) : "";
  if (cue.empty() && exhaustive.empty()) return {};
  PartsCue c;
  c.from = static_cast<uint32_t>(after.data() - p.text.data() + cue.size() + exhaustive.size());
  c.exhaustive = !exhaustive.empty();
  c.in_brackets = raw.starts_with("(") || raw.starts_with("（");
  return c;
}

}  // namespace reportls::figures
