#include <reportls/figures/checks.h>

#include <algorithm>
#include <map>
#include <string>

namespace reportls::figures {

namespace {

std::string_view strip_suffix_any(std::string_view s, const std::vector<std::string> &words) {
  const std::string_view w = ends_with_any(s, words);
  return s.substr(0, s.size() - w.size());
}

Finding mismatch(const Quantity &rate, const std::string &code, Severity severity, std::string message) {
  Finding f;
  f.range = rate.number;
  f.code = code;
  f.severity = severity;
  f.message = std::move(message);
  return f;
}

// The end of a rate's name, up to n code points: the verb before 率 without its subject
// (出庭应诉 of 行政机关负责人出庭应诉率).
std::string_view tail(std::string_view name, int n) {
  uint32_t i = static_cast<uint32_t>(name.size());
  for (int k = 0; k < n && i > 0; ++k) report::prev_code_point(name, i);
  return name.substr(i);
}

// The rate names what its numerator counts: the end of its name shares a word with the text that
// describes the numerator (化解率 ↔ 成功化解20件, 网上可办率 ↔ 实现网上办理).
bool names_numerator(std::string_view name, std::string_view numerator) {
  return share_bigram(tail(name, 4), numerator);
}

// The clause that follows qs[i] up to the next separator (`权力事项逐项研究梳理` after 132项).
std::string_view clause_after(const Paragraph &p, size_t i) {
  const uint32_t next = i + 1 < p.qs.size() ? p.qs[i + 1].span.start : p.line.end;
  std::string_view after = p.between(p.qs[i].span.end, next);
  for (const auto *stops : {&p.data.separators, &p.data.terminators})
    for (const auto &sep : *stops) after = after.substr(0, after.find(sep));
  return after;
}

// `应诉案件52件……负责人出庭应诉50件，出庭率98%`: the numerator qs[part] says the rate's verb
// (出庭); the base is the one earlier figure of its kind, not smaller, whose label or clause
// shares a word with the numerator's.  Anything less certain stays silent.
void check_distant_base(const Paragraph &p, size_t part, size_t rate, std::string_view name,
                        std::string_view after_part, Findings &out) {
  const Quantity &b = p.qs[part];
  if (contains_any(p.between(b.span.start, p.qs[rate].span.start), p.data.terminators)) return;
  // 增长率 and 同比 rates compare two periods: figures.change.
  if (contains_any(name, p.data.increase) || contains_any(name, p.data.decrease) ||
      contains_any(name, p.data.year_on_year))
    return;
  // With the base far away, the numerator must say the rate's very verb (出庭 of 出庭率), not
  // only share a noun with it (规范性文件备案率 after 18件为…规范性文件).
  const std::string numerator = std::string(label_before(p, part)) + "|" + std::string(after_part);
  if (numerator.find(tail(name, 2)) == std::string::npos) return;
  size_t base = part, agreeing = 0;
  for (size_t k = part; k-- > (part > kBaseWindow ? part - kBaseWindow : 0) && agreeing < 2;) {
    const Quantity &q = p.qs[k];
    if (!usable_count(p, q) || q.family != b.family || q.value < b.value) continue;
    if (!share_bigram(numerator, label_before(p, k)) && !share_bigram(numerator, clause_after(p, k))) continue;
    base = k;
    ++agreeing;
  }
  if (agreeing == 1) judge_rate(p, base, part, rate, "比率", out);
}

}  // namespace

void judge_rate(const Paragraph &p, size_t base, size_t part, size_t rate_at, const char *what, Findings &out) {
  const Quantity &a = p.qs[base], &b = p.qs[part], &rate = p.qs[rate_at];
  const std::string num = number_text(p, b), den = number_text(p, a), stated = number_text(p, rate);
  const int decimals = std::max(2, rate.value.scale);
  const std::string computed = percent_of(b.value, a.value, decimals).str() + "%";
  const bool ok = rounds_to(rate.value, b.value, a.value);
  // Another figure of the paragraph that gives the stated rate may be the base the author meant.
  const Quantity *other = nullptr;
  for (size_t k = rate_at > kBaseWindow ? rate_at - kBaseWindow : 0; k < rate_at && !ok && !other; ++k) {
    const Quantity &q = p.qs[k];
    if (k != base && k != part && usable_count(p, q) && q.family == b.family && !(q.value < b.value) &&
        (rounds_to(rate.value, b.value, q.value) || truncated_percent(b.value, q.value, rate.value.scale) == rate.value))
      other = &q;
  }
  out.notes.push_back({{a.number, b.number, rate.number},
                       std::string("**") + what + "核对**：" + num + " ÷ " + den + " = " + computed + "，文中 " + stated +
                           (ok ? "（相符）" : other ? "（以" + number_text(p, *other) + "为基数则相符）" : "（不符）")});
  if (ok || other) return;
  const Decimal truncated = truncated_percent(b.value, a.value, rate.value.scale);
  if (truncated == rate.value) {
    out.diagnostics.push_back(mismatch(rate, "figures.rate", Severity::Information,
                                       stated + "是截断值：" + num + " ÷ " + den + " = " +
                                           percent_of(b.value, a.value, rate.value.scale + 1).str() + "%，四舍五入应为" +
                                           percent_of(b.value, a.value, rate.value.scale).str() + "%。"));
    return;
  }
  std::string message = stated + "与所列数字不符：" + num + " ÷ " + den + " = " + computed + "。";
  // What base would the stated rate imply?  Said so the author can find the figure meant.
  if (rate.value.units > 0) {
    message += "按" + stated + "反推，基数应约为" + percent_of(b.value, rate.value, 0).str() + "，而文中基数为" + den + "。";
  }
  out.diagnostics.push_back(mismatch(rate, "figures.rate", Severity::Warning, std::move(message)));
}

void check_rates(const Paragraph &p, Findings &out) {
  for (size_t r = 1; r < p.qs.size(); ++r) {
    const Quantity &rate = p.qs[r], &b = p.qs[r - 1];
    if (!rate.percent || rate.approximate() || !usable_count(p, b)) continue;
    std::string_view head = p.between(b.span.end, rate.span.start);
    head = strip_suffix_any(head, {":", "："});
    head = strip_suffix_any(head, p.data.rate_verbs);
    if (!ends_with_any(head, p.data.share).empty() || ends_with_any(head, p.data.rate).empty()) continue;
    // The rate must name what the numerator counts; otherwise the nearest figures may count
    // something else (起诉率 after 纠错数9件, 出庭应诉率 after 行政诉讼40件).
    const std::string_view rate_clause = last_clause(head, p.data);
    const std::string_view name = strip_suffix_any(rate_clause, p.data.rate);
    if (name.empty()) continue;
    const std::string_view after_part = head.substr(0, head.size() - rate_clause.size());
    if (r >= 2) {
      const Quantity &a = p.qs[r - 2];
      if (usable_count(p, a) && a.family == b.family && !(a.value < b.value) &&
          !contains_any(p.between(a.span.start, rate.span.start), p.data.terminators)) {
        if (names_numerator(name, p.between(a.span.end, b.span.end + static_cast<uint32_t>(after_part.size()))))
          judge_rate(p, r - 2, r - 1, r, "比率", out);
        continue;
      }
    }
    check_distant_base(p, r - 1, r, name, after_part, out);
  }
}

void check_shares(const Paragraph &p, Findings &out) {
  // The total of a share: the latest figure of the part's kind in the same sentence that the text
  // marks as a total (a list of shares may run on after ；).  One pass, so a long list stays linear.
  struct Total {
    size_t at;
    uint32_t scope;  // where its breakdown starts (after `。其中`, the next sentence)
  };
  std::map<std::string, Total, std::less<>> totals;  // by measure-word family
  for (size_t i = 0; i < p.qs.size(); ++i) {
    const Quantity &q = p.qs[i];
    const uint32_t previous_end = i > 0 ? p.qs[i - 1].span.end : p.line.start;
    std::erase_if(totals, [&](const auto &entry) {
      return contains_any(p.between(std::max(entry.second.scope, previous_end), q.span.start), p.data.sentence_ends);
    });
    if (share_of_previous(p, i)) {
      const Quantity &part = p.qs[i - 1];
      const auto total = totals.find(part.family);
      if (!q.approximate() && usable_count(p, part) && total != totals.end() && total->second.at != i - 1 &&
          !(p.qs[total->second.at].value < part.value))
        judge_rate(p, total->second.at, i - 1, i, "占比", out);
      continue;
    }
    if (!usable_count(p, q)) continue;
    const PartsCue cue = parts_cue(p, i);
    if (cue.from || has_total_cue(label_before(p, i), p.data)) totals[q.family] = {i, cue.from ? cue.from : q.span.end};
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
