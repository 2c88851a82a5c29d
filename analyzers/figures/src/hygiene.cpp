#include <reportls/figures/checks.h>

#include <algorithm>

namespace reportls::figures {

namespace {

using report::next_code_point;

char32_t code_point_at(std::string_view text, uint32_t i, uint32_t end) {
  if (i >= end) return 0;
  return next_code_point(text.substr(0, end), i);
}

Finding finding(Span range, Severity severity, const char *code, std::string message) {
  Finding f;
  f.range = range;
  f.severity = severity;
  f.code = code;
  f.message = std::move(message);
  return f;
}

Fix remove(Span what, std::string title, bool preferred) {
  return {std::move(title), {{what, ""}}, preferred};
}

// A number written with a decimal point (ASCII or full-width), whatever its value: 2.0 too.
bool has_decimal_point(std::string_view digits) {
  return digits.find('.') != std::string_view::npos || digits.find("．") != std::string_view::npos;
}

// The round figure below value that 余/多 ("more than") can follow and stay true: value cut to two
// significant digits, a two-digit one to its tens (12998 → 12000, 153 → 150, 15 → 10).
std::string round_down_figure(const Decimal &value) {
  int64_t unit = 10;
  while (value.units / unit >= 100) unit *= 10;
  return std::to_string(value.units / unit * unit);
}

void check_approx(const Paragraph &p, const Quantity &q, Findings &out) {
  if (q.above.empty()) return;
  const std::string above(p.between(q.above.start, q.above.end));
  const std::string figure(p.between(q.span.start, q.above.end));
  if (!q.below.empty()) {
    const std::string below(p.between(q.below.start, q.below.end));
    Finding f = finding({q.below.start, q.above.end}, Severity::Error, "figures.approx",
                        "“" + figure + "”自相矛盾：“" + below + "”表示不到，“" + above + "”表示超过，只能保留一个。");
    f.fixes.push_back(remove(q.below, "删去“" + below + "”", false));
    f.fixes.push_back(remove(q.above, "删去“" + above + "”", false));
    out.diagnostics.push_back(std::move(f));
    return;
  }
  const std::string_view digits = p.between(q.digits.start, q.digits.end);
  const bool decimal = has_decimal_point(digits);
  const bool multiplied = q.number.end > q.digits.end;
  const char32_t last = digits.empty() ? 0 : digits.back();
  const bool exact = !q.chinese && !multiplied && digits.size() >= 2 && last != '0' && last != U'０' && !decimal;
  if (!decimal && !exact) return;
  // An editing rule, not a contradiction (近…余 above is one): common in official writing, so a
  // warning, and its fix changes the figure's meaning, so none is preferred.
  Finding f = finding({q.digits.start, q.above.end}, Severity::Warning, "figures.approx",
                      decimal ? "“" + figure + "”：带小数的数字表示精确值，编辑规范不在其后加“" + above +
                                    "”。若是约数，应取整；若是精确数，删去“" + above + "”。"
                              : "“" + figure + "”：" + std::string(digits) + "是精确到个位的数字，后面不能再加“" + above +
                                    "”。若是约数，应取整（如“" + round_down_figure(q.value) + above + "”）；若是精确数，删去“" + above + "”。");
  f.fixes.push_back(remove(q.above, "删去“" + above + "”", false));
  out.diagnostics.push_back(std::move(f));
}

// One of the numbers of a ratio, a clock time or a date (`0.2∶52∶47.8`, `11:13`, `12·4`, `1比1`):
// a joiner with a digit on its other side next to the number.
bool joined_number(const Paragraph &p, const Quantity &q) {
  const std::string_view before = p.between(p.line.start, q.digits.start);
  if (const auto mark = ends_with_any(before, p.data.joiners); !mark.empty()) {
    uint32_t i = static_cast<uint32_t>(before.size() - mark.size());
    if (i > 0 && is_digit(report::prev_code_point(before, i))) return true;
  }
  const std::string_view after = p.between(q.span.end, p.line.end);
  if (const auto mark = starts_with_any(after, p.data.joiners); !mark.empty()) {
    uint32_t i = static_cast<uint32_t>(mark.size());
    if (i < after.size() && is_digit(next_code_point(after, i))) return true;
  }
  return false;
}

// A space between a figure and its measure word (`187 件`, `案件 1 件`).
void check_spaces(const Paragraph &p, const Quantity &q, Findings &out) {
  if (q.chinese || joined_number(p, q)) return;
  const uint32_t end = p.line.end;
  uint32_t j = q.span.end;
  while (j < end && report::is_space(code_point_at(p.text, j, end))) next_code_point(p.text.substr(0, end), j);
  if (j == q.span.end || q.percent || !q.unit.empty()) return;
  const std::string_view after = p.between(j, end);
  if (starts_with_any(after, p.data.units).empty() && starts_with_any(after, p.data.range_units).empty()) return;
  auto report_space = [&](Span s) {
    Finding f = finding(s, Severity::Warning, "figures.unit",
                        "数字“" + number_text(p, q) + "”与文字之间多了空格：中文里数字和量词、文字之间不空格。");
    f.fixes.push_back(remove(s, "删除空格", true));
    out.diagnostics.push_back(std::move(f));
  };
  // A space between the word before and the number (`案件 1件`) is punctuation.space's to report.
  report_space({q.span.end, j});
}

// Four digits in the data's span of years (`2024`, `2035`): before Chinese text they name a year.
bool names_year(const Paragraph &p, std::string_view digits) {
  if (digits.size() != 4 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  const uint32_t year = static_cast<uint32_t>(std::stoul(std::string(digits)));
  return p.data.name_years_to != 0 && year >= p.data.name_years_from && year <= p.data.name_years_to;
}

// The CJK text from `from` up to the first character that is not a CJK ideograph.
std::string_view cjk_run(const Paragraph &p, uint32_t from) {
  uint32_t j = from;
  const std::string_view bounded = p.text.substr(0, p.line.end);
  while (j < p.line.end) {
    uint32_t k = j;
    if (!report::is_cjk_ideograph(next_code_point(bounded, k))) break;
    j = k;
  }
  return p.between(from, j);
}

// A bare Arabic number followed by Chinese text.  Certain (warning) when the text shows that two
// statements ran together: a parts cue follows (`线索3其中33条`), or the text runs on without a
// mark into the next figure and repeats a word of the number's own label, so it is the next item
// of a list (`化解9457乡镇街道调委会化解3308`, `培训班28培训2300人次`).  Otherwise the number
// may count something without its measure word (`11县`) or be a name the data does not know: a
// guess, said as information.  Numbers that name or rank (28号, 4楼, 500强, 10大行动), codes
// (12345) and the parts of ratios, clock times and dates are no counts at all.
void check_bare_number(const Paragraph &p, size_t i, Findings &out) {
  const Quantity &q = p.qs[i];
  if (q.chinese || !q.unit.empty() || q.number.end > q.digits.end || !q.above.empty()) {
    if (!q.percent) return;
  }
  const uint32_t end = p.line.end;
  const char32_t next = code_point_at(p.text, q.span.end, end);
  if (q.percent) {
    // `同比增加120%2023年`: a figure runs straight into the next one.
    if (i + 1 < p.qs.size() && p.qs[i + 1].span.start == q.span.end)
      out.diagnostics.push_back(finding({q.number.start, p.qs[i + 1].digits.end}, Severity::Warning, "figures.unit",
                                        "“" + number_text(p, q) + "”与“" + number_text(p, p.qs[i + 1]) +
                                            "”连在一起，中间缺少标点（如“。”或“，”）。"));
    return;
  }
  if (!report::is_cjk_ideograph(next)) return;
  const std::string_view digits = p.between(q.digits.start, q.digits.end);
  if (std::find(p.data.codes.begin(), p.data.codes.end(), digits) != p.data.codes.end()) return;
  const std::string_view after = p.between(q.span.end, end);
  if (!starts_with_any(after, p.data.number_followers).empty() || !starts_with_any(after, p.data.name_followers).empty() ||
      joined_number(p, q))
    return;
  const std::string_view run = cjk_run(p, q.span.end);
  const bool runs_into_next = i + 1 < p.qs.size() && p.qs[i + 1].span.start == q.span.end + run.size() &&
                              share_bigram(label_before(p, i), run);
  const bool certain = !starts_with_any(after, p.data.parts).empty() || runs_into_next;
  // `3.15消费者权益日`, `2.0方案`: a number written with a decimal point is a date or a version, not
  // a count (2.0 is as much a version as 2.5).
  if (!certain && has_decimal_point(digits)) return;
  if (!certain && names_year(p, digits)) return;   // `2024厦门市社科知识大赛`: a year, not a count
  uint32_t k = q.span.end;
  next_code_point(p.text.substr(0, end), k);
  uint32_t k2 = k;
  if (report::is_cjk_ideograph(next_code_point(p.text.substr(0, end), k2))) k = k2;
  const std::string word(p.between(q.span.end, k));
  if (certain) {
    out.diagnostics.push_back(finding(q.digits, Severity::Warning, "figures.unit",
                                      "数字“" + std::string(digits) + "”后直接接“" + word +
                                          "”，既无量词也无标点，读者无法知道它数的是什么。请补上量词（如“件”“个”“期”）和标点。"));
    return;
  }
  out.diagnostics.push_back(finding(q.digits, Severity::Information, "figures.unit",
                                    "数字“" + std::string(digits) + "”后直接接“" + word + "”，没有量词。若“" +
                                        std::string(digits) + "”是计数，应补上量词（如“个”“件”）；若是编号、名称或固定说法，可忽略。"));
}

// `15~30%`, `2~5万`: the first figure of a range lost the % or 万 that changes its meaning.
void check_range(const Paragraph &p, size_t i, Findings &out) {
  if (i + 1 >= p.qs.size()) return;
  const Quantity &a = p.qs[i], &b = p.qs[i + 1];
  if (a.chinese || b.chinese || a.percent || !a.unit.empty() || a.number.end > a.digits.end) return;
  const std::string_view sep = p.between(a.span.end, b.span.start);
  if (std::find(p.data.range_separators.begin(), p.data.range_separators.end(), sep) == p.data.range_separators.end())
    return;
  const std::string_view b_number = p.between(b.number.start, b.number.end);
  const std::string_view unit = ends_with_any(b_number, p.data.range_units);
  if (unit.empty()) return;
  const std::string a_text(p.between(a.digits.start, a.digits.end));
  const std::string fixed = a_text + std::string(unit) + std::string(sep) + std::string(b_number);
  Finding f = finding({a.digits.start, b.number.end}, Severity::Warning, "figures.range",
                      "范围“" + std::string(p.between(a.digits.start, b.number.end)) + "”的前一个数字省略了“" +
                          std::string(unit) + "”，会被读成“" + a_text + "”本身；按GB/T 15835应写作“" + fixed + "”。");
  f.fixes.push_back({"改为“" + fixed + "”", {{{a.digits.end, a.digits.end}, std::string(unit)}}, true});
  out.diagnostics.push_back(std::move(f));
}

}  // namespace

void check_hygiene(const Paragraph &p, Findings &out) {
  for (size_t i = 0; i < p.qs.size(); ++i) {
    check_approx(p, p.qs[i], out);
    check_spaces(p, p.qs[i], out);
    check_bare_number(p, i, out);
    check_range(p, i, out);
  }
}

}  // namespace reportls::figures
