#include <reportls/figures/checks.h>

namespace reportls::figures {

namespace {

std::string_view strip_suffix_any(std::string_view s, const std::vector<std::string> &words) {
  const std::string_view w = ends_with_any(s, words);
  return s.substr(0, s.size() - w.size());
}

// The words (code points of CJK text) shared by a and b: true when some two consecutive code
// points of a occur in b (化解率 ↔ 成功化解20件).
bool share_bigram(std::string_view a, std::string_view b) {
  uint32_t i = 0;
  while (i < a.size()) {
    uint32_t j = i;
    report::next_code_point(a, j);
    uint32_t k = j;
    if (k >= a.size()) break;
    report::next_code_point(a, k);
    if (b.find(a.substr(i, k - i)) != b.npos) return true;
    i = j;
  }
  return false;
}

// The text after the last separator (、，:…) of s.
std::string_view last_clause(std::string_view s, const Data &data) {
  size_t from = 0;
  for (const auto &sep : data.separators)
    if (size_t at = s.rfind(sep); at != s.npos) from = std::max(from, at + sep.size());
  return s.substr(from);
}

bool usable_count(const Paragraph &p, const Quantity &q) {
  return !q.percent && !q.unit.empty() && !q.approximate() && !is_year(p, q) && q.value.units > 0;
}

Finding mismatch(const Quantity &rate, const std::string &code, Severity severity, std::string message) {
  Finding f;
  f.range = rate.number;
  f.code = code;
  f.severity = severity;
  f.message = std::move(message);
  return f;
}

}  // namespace

void check_rates(const Paragraph &p, Findings &out) {
  for (size_t r = 2; r < p.qs.size(); ++r) {
    const Quantity &rate = p.qs[r], &b = p.qs[r - 1], &a = p.qs[r - 2];
    if (!rate.percent || rate.approximate()) continue;
    std::string_view head = p.between(b.span.end, rate.span.start);
    head = strip_suffix_any(head, {":", "："});
    head = strip_suffix_any(head, p.data.rate_verbs);
    const bool share = !ends_with_any(head, p.data.share).empty();
    const bool named = !share && !ends_with_any(head, p.data.rate).empty();
    if (!share && !named) continue;
    if (!usable_count(p, a) || !usable_count(p, b) || a.family != b.family || a.value < b.value) continue;
    if (contains_any(p.between(a.span.start, rate.span.start), p.data.terminators)) continue;
    const std::string_view middle = p.between(a.span.end, b.span.start);
    if (share) {
      if (!contains_any(middle, p.data.parts)) continue;
    } else {
      // The rate must name what the numerator counts (化解率 … 成功化解20件); otherwise the two
      // nearest figures may count something else (起诉率 after 纠错数9件).
      const std::string_view rate_clause = last_clause(head, p.data);
      const std::string_view name = strip_suffix_any(rate_clause, p.data.rate);
      if (name.empty() || !share_bigram(name, p.between(a.span.end, b.span.end + (head.size() - rate_clause.size()))))
        continue;
    }
    const std::string num = number_text(p, b), den = number_text(p, a), stated = number_text(p, rate);
    const int decimals = std::max(2, rate.value.scale);
    const std::string computed = percent_of(b.value, a.value, decimals).str() + "%";
    const bool ok = rounds_to(rate.value, b.value, a.value);
    out.notes.push_back({{a.number, b.number, rate.number},
                         "**比率核对**：" + num + " ÷ " + den + " = " + computed + "，文中 " + stated +
                             (ok ? "（相符）" : "（不符）")});
    if (ok) continue;
    const Decimal truncated = truncated_percent(b.value, a.value, rate.value.scale);
    if (truncated == rate.value) {
      out.diagnostics.push_back(mismatch(rate, "figures.rate", Severity::Information,
                                         stated + "是截断值：" + num + " ÷ " + den + " = " +
                                             percent_of(b.value, a.value, rate.value.scale + 1).str() + "%，四舍五入应为" +
                                             percent_of(b.value, a.value, rate.value.scale).str() + "%。"));
      continue;
    }
    std::string message = stated + "与所列数字不符：" + num + " ÷ " + den + " = " + computed + "。";
    // What base would the stated rate imply?  Said so the author can find the figure meant.
    if (rate.value.units > 0) {
      message += "按" + stated + "反推，基数应约为" + percent_of(b.value, rate.value, 0).str() +
                 "，而文中基数为" + den + "。";
    }
    out.diagnostics.push_back(mismatch(rate, "figures.rate", Severity::Warning, std::move(message)));
  }
}

void check_changes(const Paragraph &p, Findings &out) {
  for (size_t r = 1; r < p.qs.size(); ++r) {
    const Quantity &rate = p.qs[r];
    if (!rate.percent || rate.approximate()) continue;
    std::string_view head = p.between(p.qs[r - 1].span.end, rate.span.start);
    head = strip_suffix_any(head, p.data.rate_verbs);
    const bool down = !ends_with_any(head, p.data.decrease).empty();
    const bool up = !down && !ends_with_any(head, p.data.increase).empty();
    if (!down && !up) continue;
    head = strip_suffix_any(strip_suffix_any(head, p.data.decrease), p.data.increase);
    // Find the base M and the current figure N.
    const Quantity *base = nullptr, *current = nullptr;
    std::string base_label;
    const Quantity &m = p.qs[r - 1];
    if (!usable_count(p, m)) continue;
    if (!ends_with_any(head, p.data.year_on_year).empty()) {
      // `2022年…409件，2021年…456件，同比下降10.31%`: both figures carry their year.
      if (r < 4 || !is_year(p, p.qs[r - 2]) || !is_year(p, p.qs[r - 4])) continue;
      const Quantity &n = p.qs[r - 3];
      if (!usable_count(p, n) || n.family != m.family) continue;
      const bool m_earlier = p.qs[r - 2].value < p.qs[r - 4].value;
      if (p.qs[r - 2].value == p.qs[r - 4].value) continue;
      base = m_earlier ? &m : &n;
      current = m_earlier ? &n : &m;
      base_label = number_text(p, m_earlier ? p.qs[r - 2] : p.qs[r - 4]) + "年";
    } else {
      // `83件，比2019年92件减少了10.84%`: 比 (and at most a year) before the base.
      size_t k = r - 2;
      if (r < 2) continue;
      if (is_year(p, p.qs[k]) && p.between(p.qs[k].span.end, m.span.start).empty()) {
        base_label = number_text(p, p.qs[k]) + "年";
        if (k == 0) continue;
        --k;
      }
      const Quantity &n = p.qs[k];
      const std::string_view gap = p.between(n.span.end, base_label.empty() ? m.span.start : p.qs[k + 1].span.start);
      const size_t at = gap.rfind(p.data.change_base.empty() ? "比" : p.data.change_base.front());
      if (at == gap.npos || contains_any(gap, p.data.terminators) || gap.size() - at > 10) continue;
      if (base_label.empty()) base_label = std::string(gap.substr(at + p.data.change_base.front().size()));
      if (!usable_count(p, n) || n.family != m.family) continue;
      base = &m;
      current = &n;
    }
    const Decimal diff = abs(current->value - base->value);
    const std::string b = number_text(p, *base), c = number_text(p, *current), stated = number_text(p, rate);
    const std::string base_figure = base_label + b + base->unit, current_figure = c + current->unit;
    const int decimals = std::max(2, rate.value.scale);
    const std::string computed = percent_of(diff, base->value, decimals).str() + "%";
    const std::string arithmetic = "(" + b + " − " + c + ") ÷ " + b + " = " + computed;
    const std::string shown = up ? "(" + c + " − " + b + ") ÷ " + b + " = " + computed : arithmetic;
    const bool direction_ok = up ? base->value < current->value : current->value < base->value;
    const bool ok = direction_ok && rounds_to(rate.value, diff, base->value);
    out.notes.push_back({{base->number, current->number, rate.number},
                         "**增减核对**：" + shown + "，文中 " + stated + (ok ? "（相符）" : "（不符）")});
    if (ok) continue;
    if (!direction_ok) {
      if (diff.units == 0) continue;
      out.diagnostics.push_back(mismatch(rate, "figures.change", Severity::Warning,
                                         "增减方向与数字不符：由" + base_figure + "到" + current_figure + "是" +
                                             (up ? "减少" : "增加") + "，文中却说“" + (up ? "增" : "减") + "”。"));
      continue;
    }
    Finding f = mismatch(rate, "figures.change", Severity::Warning, "");
    const std::string right = percent_of(diff, base->value, rate.value.scale).str() + "%";
    if (rounds_to(rate.value, diff, current->value))
      f.message = stated + "是以本期" + current_figure + "为基数算的；以" + base_figure + "为基数应为" + right + "：" + shown + "。";
    else
      f.message = stated + "与所列数字不符：" + shown + "，应为" + right + "。";
    f.fixes.push_back({"改为" + right, {{rate.number, right}}, false});
    out.diagnostics.push_back(std::move(f));
  }
}

}  // namespace reportls::figures
