#include <reportls/figures/checks.h>
#include <reportls/report/text.h>

#include <algorithm>

namespace reportls::figures {

namespace {

// Longest common suffix of the labels, in code points.
std::u32string common_suffix(const std::vector<std::u32string> &labels) {
  if (labels.empty()) return {};
  std::u32string suffix = labels.front();
  for (const auto &l : labels) {
    size_t n = 0;
    while (n < suffix.size() && n < l.size() && suffix[suffix.size() - 1 - n] == l[l.size() - 1 - n]) ++n;
    suffix = suffix.substr(suffix.size() - n);
  }
  return suffix;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (uint32_t i = 0; i < s.size();) out += report::next_code_point(s, i);
  return out;
}

std::string encode(const std::u32string &s) {
  std::string out;
  for (char32_t c : s) report::append_utf8(out, c);
  return out;
}

struct List {
  std::vector<size_t> parts;
  std::vector<std::u32string> labels;
};

// The parts that follow the total qs[t]: same family (or a bare number run into the text), up to
// the end of the sentence, the closing bracket of `（其中…）`, a different family, a percentage
// other than a part's own share, a cue such as 同比/率, or a change from 、-separated items to a
// comma.
List collect(const Paragraph &p, size_t t, uint32_t from, bool in_brackets) {
  List list;
  const Quantity &total = p.qs[t];
  bool enumeration = false;  // items separated by 、
  for (size_t i = t + 1; i < p.qs.size(); ++i) {
    const Quantity &q = p.qs[i];
    if (!list.parts.empty() && list.parts.back() == i - 1 && share_of_previous(p, i)) {
      from = q.span.end;
      const std::string_view rest = p.between(from, p.line.end);
      if (!in_brackets && (rest.starts_with(")") || rest.starts_with("）"))) from += rest.starts_with(")") ? 1 : 3;
      continue;
    }
    const std::string_view gap = p.between(from, q.span.start);
    if (contains_any(gap, p.data.terminators) || contains_any(gap, p.data.list_stops)) break;
    if (in_brackets && (gap.find(')') != gap.npos || gap.find("）") != gap.npos)) break;
    if (!list.parts.empty()) {
      const bool comma = gap.find(',') != gap.npos || gap.find("，") != gap.npos;
      if (list.parts.size() == 1) enumeration = gap.find("、") != gap.npos && !comma;
      else if (enumeration && comma) break;
    }
    if (q.percent || q.chinese || is_year(p, q)) break;
    if (q.unit.empty() && contains_any(p.between(q.digits.start, q.digits.end), p.data.codes)) continue;
    if (q.unit.empty() ? !q.value.is_integer() : q.family != total.family) break;
    list.parts.push_back(i);
    list.labels.push_back(decode(trim_separators(gap, p.data)));
    from = q.span.end;
  }
  return list;
}

// `1600余` as the arithmetic shows it: a part with 余/多 is a lower bound.
std::string term_text(const Paragraph &p, const Quantity &q) {
  return std::string(p.between(q.number.start, q.above.empty() ? q.number.end : q.above.end));
}

// Only 余/多 (more than) leaves a sum usable, as a lower bound; 近, 约 and 左右 do not.
bool lower_bound_only(const Quantity &q) {
  return q.below.empty() && q.about.empty() && q.after_unit.empty();
}

}  // namespace

void check_sums(const Paragraph &p, Findings &out) {
  for (size_t t = 0; t < p.qs.size(); ++t) {
    const Quantity &total = p.qs[t];
    if (total.percent || total.unit.empty() || is_year(p, total)) continue;
    const PartsCue cue = parts_cue(p, t);
    const uint32_t next = t + 1 < p.qs.size() ? p.qs[t + 1].span.start : p.line.end;
    const std::string_view after = p.between(total.span.end, next);
    // No parts cue: siblings that share a noun (`规范性文件35件,部门文件120件`) are no breakdown;
    // only a total cue (`共化解…N件`) followed by parts that repeat its predicate is.
    const bool implicit = cue.from == 0 && (after.starts_with(",") || after.starts_with("，")) &&
                          has_total_cue(label_before(p, t), p.data);
    if (cue.from == 0 && !implicit) continue;
    List list = collect(p, t, cue.from ? cue.from : total.span.end, cue.in_brackets);
    if (list.parts.empty()) continue;
    const std::u32string suffix = common_suffix(list.labels);
    const bool parallel = list.parts.size() >= 2 && suffix.size() >= 2;
    if (implicit) {
      // `共化解…14913件，村居调委会化解9457、乡镇街道调委会化解3308…`: every item repeats the predicate.
      if (!parallel || label_before(p, t).find(encode(suffix.substr(suffix.size() - 2))) == std::string_view::npos)
        continue;
    }
    Decimal sum;
    std::string terms;
    bool bounded = true, lower_bounds = false;
    std::vector<Span> members{total.number};
    for (size_t k = 0; k < list.parts.size(); ++k) {
      const Quantity &q = p.qs[list.parts[k]];
      sum = sum + q.value;
      terms += (k ? " + " : "") + term_text(p, q);
      bounded = bounded && lower_bound_only(q);
      lower_bounds = lower_bounds || !q.above.empty();
      members.push_back(q.number);
      // A list that reaches the total exactly ends there: what follows is another statement.
      if (sum == total.value) {
        list.parts.resize(k + 1);
        members.resize(k + 2);
        break;
      }
    }
    const std::string stated = number_text(p, total);
    const std::string arithmetic = terms + " = " + sum.str() + (lower_bounds ? "余" : "");
    const bool checkable = bounded && !total.approximate();
    const bool exact = checkable && !lower_bounds;
    const char *verdict = (checkable && total.value < sum) || (exact && !(sum == total.value)) ? "（不符）"
                          : exact                                                          ? "（相符）"
                                                                                           : "（含约数）";
    out.notes.push_back({members, "**合计核对**：" + arithmetic + "，文中总数 " + stated + verdict});
    if (!checkable || sum == total.value) continue;
    Finding f;
    f.range = total.number;
    f.code = "figures.sum";
    if (total.value < sum) {
      // Lower bounds that already exceed the total exceed it all the more, if the items are one
      // breakdown (parallel items), not a further statement (`…50条，主动报送信息100余条`).
      if (lower_bounds && !parallel) continue;
      f.severity = Severity::Warning;
      f.message = "分项之和超过总数：" + arithmetic + "，与总数" + stated + "不符（" + (lower_bounds ? "至少多" : "多") +
                  (sum - total.value).str() + "）。分项不可能大于总数，请核对总数或各分项。";
    } else if (!lower_bounds && (parallel || cue.exhaustive || implicit)) {
      // Parts that fall short are often a deliberately partial list; only a list that reads
      // as exhaustive (分别为, or items of one kind) is worth a note.
      f.severity = Severity::Information;
      f.message = "分项之和小于总数：" + arithmetic + "，比总数" + stated + "少" + (total.value - sum).str() +
                  "。若各分项已列全，请核对数字；若只列了一部分，可写明“其他…”。";
    } else {
      continue;
    }
    out.diagnostics.push_back(std::move(f));
  }
}

}  // namespace reportls::figures
