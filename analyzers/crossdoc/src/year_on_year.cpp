// figures.yoy: year-on-year claims against last year's report.
#include <reportls/crossdoc/checks.h>

#include <optional>

namespace reportls::crossdoc {

namespace {

using figures::Decimal;
using figures::Quantity;

enum class Kind {
  Percent,     // 同比增长15.6%
  Difference,  // 同比增加7件
  Base,        // 较上年的45件
};

struct Claim {
  Kind kind = Kind::Percent;
  size_t stated = 0;  // index of the stated change or base
  bool up = false;
};

uint32_t next_start(const figures::Paragraph &p, size_t i) {
  return i + 1 < p.qs.size() ? p.qs[i + 1].span.start : p.line.end;
}

std::string_view drop_prefix(std::string_view s, const std::vector<std::string> &words) {
  return s.substr(figures::starts_with_any(s, words).size());
}

// The claim made right after p.qs[i] (only separators between): `，同比增长15.6%`,
// `，较上年的45件`, `，较2023年增加7件`; nullopt when there is none.
std::optional<Claim> claim_after(const figures::Paragraph &p, size_t i, const Context &c) {
  const FigureData &words = c.data.figures;
  const figures::Data &f = c.fdata;
  const Quantity &n = p.qs[i];
  // After the words that still describe the figure (`5名县政府法律顾问，较上年…`).
  std::string_view t = p.between(n.span.end, next_start(p, i));
  t = figures::trim_separators(t.substr(words_after(p, i, words).size()), f);
  std::string_view rest;
  size_t k = i + 1;
  if (auto cue = figures::starts_with_any(t, words.previous_year); !cue.empty()) {
    rest = t.substr(cue.size());
  } else if (std::find(words.year_comparison.begin(), words.year_comparison.end(), t) != words.year_comparison.end() &&
             i + 1 < p.qs.size() && figures::is_year(p, p.qs[i + 1]) && c.year != 0 &&
             p.qs[i + 1].value == Decimal{int64_t{c.year} - 1, 0}) {
    // `较2023年（同期）增长…`: the year named is last year.
    rest = p.between(p.qs[i + 1].span.end, next_start(p, i + 1));
    if (rest.starts_with("度")) rest.remove_prefix(3);
    rest = drop_prefix(rest, words.year_comparison_after);
    k = i + 2;
  } else {
    return std::nullopt;
  }
  if (k >= p.qs.size() || figures::contains_any(rest, f.terminators) || figures::contains_any(rest, f.separators))
    return std::nullopt;
  const Quantity &stated = p.qs[k];
  if (drop_prefix(rest, words.stated_base_before).empty()) {
    if (!figures::usable_count(p, stated) || stated.family != n.family) return std::nullopt;
    return Claim{Kind::Base, k, false};
  }
  std::string_view direction = rest.substr(0, rest.size() - figures::ends_with_any(rest, f.rate_verbs).size());
  const bool up = std::find(f.increase.begin(), f.increase.end(), direction) != f.increase.end();
  const bool down = std::find(f.decrease.begin(), f.decrease.end(), direction) != f.decrease.end();
  if (!up && !down) return std::nullopt;
  if (stated.percent && !stated.approximate()) return Claim{Kind::Percent, k, up};
  if (figures::usable_count(p, stated) && stated.family == n.family) return Claim{Kind::Difference, k, up};
  return std::nullopt;
}

std::string with_unit(const Decimal &v, const std::string &unit) { return v.str() + unit; }

}  // namespace

void check_year_on_year(const Context &c, const Other &previous, const FigureIndex &theirs, Findings &out) {
  if (c.year != 0 && previous.year != 0 && previous.year + 1 != c.year) return;
  for (uint32_t l = 0; l < c.doc.lines.size(); ++l) {
    const report::Line &line = c.doc.lines[l];
    if (!report::is_prose(line.kind)) continue;
    const std::vector<Quantity> qs = quantities(c.doc, l, c.fdata, c.cache);
    const figures::Paragraph p{c.doc.text, line.content, qs, c.fdata};
    for (size_t i = 0; i < qs.size(); ++i) {
      const Quantity &n = qs[i];
      if (!figures::usable_count(p, n)) continue;
      const std::optional<Claim> claim = claim_after(p, i, c);
      if (!claim) continue;
      const std::string description = describe(p, i, c.data.figures);
      if (description.empty()) continue;
      const NamedFigure *m = theirs.unique(description, n.family);
      if (!m) continue;
      const Quantity &stated = qs[claim->stated];
      const std::string claimed = std::string(figures::trim_separators(p.between(n.span.end, stated.span.end), c.fdata));
      const std::string written = figures::number_text(p, stated) + (stated.percent ? "" : stated.unit);
      const std::string now = figures::number_text(p, n) + n.unit, before = m->written;
      // What last year's report says, for the message: 上年（2023年）报告第13行为48件（“…”）.
      const std::string quoted = previous.name + "第" + std::to_string(m->line + 1) + "行为" + before + "（“" +
                                 excerpt(previous.doc, m->sentence, m->number) + "”）";
      const Decimal diff = figures::abs(n.value - m->value);
      const bool direction_ok = claim->up ? m->value < n.value : n.value < m->value;
      const std::string a = figures::number_text(p, n), b = m->number_text;
      const std::string difference = claim->up ? a + " − " + b : b + " − " + a;  // larger first
      const std::string shown = "(" + difference + ")";
      std::string verdict, message;
      bool ok = false;
      if (claim->kind == Kind::Base) {
        ok = stated.value == m->value;
        verdict = "上年 " + before + "，文中“" + claimed + "”";
        if (!ok) message = "“" + claimed + "”与" + previous.name + "不符：" + quoted + "。";
      } else if (claim->kind == Kind::Percent) {
        const std::string computed = figures::percent_of(diff, m->value, std::max(2, stated.value.scale)).str() + "%";
        ok = diff == Decimal{} ? stated.value == Decimal{}
                               : direction_ok && (figures::rounds_to(stated.value, diff, m->value) ||
                                                  figures::truncated_percent(diff, m->value, stated.value.scale) == stated.value);
        verdict = "上年 " + before + "，本年 " + now + "：" + shown + " ÷ " + b + " = " + computed + "，文中 " + written;
        if (!ok) message = "“" + claimed + "”与" + previous.name + "不符：" + quoted + "，" + shown + " ÷ " + b + " = " + computed + "。";
      } else {
        ok = direction_ok && diff == stated.value;
        verdict = "上年 " + before + "，本年 " + now + "：" + difference + " = " + with_unit(diff, n.unit) + "，文中 " + written;
        if (!ok) message = "“" + claimed + "”与" + previous.name + "不符：" + quoted + "，" + difference + " = " + with_unit(diff, n.unit) + "。";
      }
      // The direction contradicts last year's figure whatever the amount.
      if (!ok && claim->kind != Kind::Base && !direction_ok && !(diff == Decimal{}))
        message = "“" + claimed + "”与" + previous.name + "不符：" + quoted + "，由" + before + "到" + now + "是" +
                  (claim->up ? "减少" : "增加") + "。";
      out.notes.push_back({{n.span.start, stated.span.end},
                           "**同比核对**：" + verdict + (ok ? "（相符）" : "（不符）") + "\n\n> " +
                               excerpt(previous.doc, m->sentence, m->number, 120) + "\n\n" + link(previous, m->line)});
      if (ok) continue;
      plugin::Diagnostic d;
      d.start = stated.number.start;
      d.end = stated.unit_span.empty() ? stated.number.end : stated.unit_span.end;
      d.severity = REPORTLS_SEVERITY_WARNING;
      d.code = "figures.yoy";
      d.message = std::move(message);
      out.diagnostics.push_back(std::move(d));
    }
  }
}

}  // namespace reportls::crossdoc
