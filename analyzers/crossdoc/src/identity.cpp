#include <reportls/crossdoc/identity.h>
#include <reportls/report/report_year.h>

#include <algorithm>

namespace reportls::crossdoc {

namespace {

using report::Span;

// The length of the match of a ^-anchored pattern at the start of s, 0 for none.
uint32_t match_at_start(const report::Pattern &p, std::string_view s) {
  uint32_t length = 0;
  p.search(s, Span{0, static_cast<uint32_t>(s.size())}, [&](const report::PatternMatch &m) {
    if (m.span.start == 0) length = m.span.end;
    return false;
  });
  return length;
}

bool matches(const report::Pattern &p, std::string_view s) {
  bool found = false;
  p.search(s, Span{0, static_cast<uint32_t>(s.size())}, [&](const report::PatternMatch &) { return !(found = true); });
  return found;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (uint32_t i = 0; i < s.size();) {
    const uint32_t at = i;
    if (!report::is_space(report::next_code_point(s, i))) out.append(s.substr(at, i - at));
  }
  return out;
}

bool ends_with_any(std::string_view s, const std::vector<std::string> &words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string &w) { return s.ends_with(w); });
}

// A short name without digits or sentence punctuation.
bool name_like(std::string_view s, const IdentityData &data) {
  const uint32_t n = report::code_point_count(s);
  if (n < 2 || n > data.body_max_chars) return false;
  for (uint32_t i = 0; i < s.size();) {
    const char32_t c = report::next_code_point(s, i);
    if (!report::is_cjk_ideograph(c) && c != U'（' && c != U'）' && c != '(' && c != ')') return false;
  }
  return true;
}

// A line that is nothing but a body's name: `秀山土家族苗族自治县人民政府`.
bool body_line(std::string_view s, const IdentityData &data) {
  return name_like(s, data) && ends_with_any(s, data.body_line_endings);
}

// The body a title names before its year (`静海区2023年度…`, `…局关于2023年…`) or, with the year
// first, between the year and the subject (`2023年静海区法治政府建设…`).
std::string title_body(const report::Document &doc, const IdentityData &data) {
  const Span title = doc.title->text;
  const std::string_view text = doc.str(title);
  const std::optional<Span> year = report::find_year(doc.text, title);
  size_t subject = text.npos;
  for (const std::string &s : data.title_subjects) subject = std::min(subject, text.find(s));
  std::string_view before = text.substr(0, year ? year->start - title.start : subject == text.npos ? 0 : subject);
  for (bool again = true; again;) {
    again = false;
    for (const std::string &end : data.title_body_ends)
      if (before.ends_with(end)) before.remove_suffix(end.size()), again = true;
  }
  std::string body = without_spaces(before);
  if (body.empty() && year && subject != text.npos) {
    // 2023年度静海区法治政府建设…: after 年 (and 度) up to the subject.
    std::string_view after = text.substr(year->end - title.start);
    for (std::string_view skip : {"年", "度"})
      if (after.starts_with(skip)) after.remove_prefix(skip.size());
    const size_t at = text.size() - after.size();
    if (subject > at) body = without_spaces(text.substr(at, subject - at));
  }
  const bool unit_or_body = data.trailing_unit && matches(*data.trailing_unit, body);
  return name_like(body, data) && (unit_or_body || ends_with_any(body, data.body_line_endings)) ? body : "";
}

}  // namespace

std::string normalise_body(std::string_view name, const IdentityData &data) {
  std::string s = without_spaces(name);
  for (const report::Pattern &p : data.body_prefixes)
    if (const uint32_t n = match_at_start(p, s)) s.erase(0, n);
  for (const Rewrite &r : data.body_rewrites) {
    std::string out;
    uint32_t from = 0;
    r.pattern.search(s, Span{0, static_cast<uint32_t>(s.size())}, [&](const report::PatternMatch &m) {
      out.append(s, from, m.span.start - from);
      out += report::Pattern::expand(s, m, r.replace);
      from = m.span.end;
      return true;
    });
    s = out + s.substr(from);
  }
  for (bool again = true; again;) {
    again = false;
    for (const std::string &suffix : data.body_suffixes)
      if (s.size() > suffix.size() && s.ends_with(suffix)) s.erase(s.size() - suffix.size()), again = true;
  }
  // The units above the body: dropped while a unit's name follows (重庆市|秀山县, 秀山县|隘口镇).
  while (data.leading_unit) {
    const uint32_t n = match_at_start(*data.leading_unit, s);
    if (n == 0 || n >= s.size() || match_at_start(*data.leading_unit, std::string_view(s).substr(n)) == 0) break;
    s.erase(0, n);
  }
  return report::code_point_count(s) >= 2 ? s : "";
}

std::string issuing_body(const report::Document &doc, const IdentityData &data) {
  std::vector<std::string> candidates;
  if (doc.title) {
    candidates.push_back(title_body(doc, data));
    for (uint32_t l = doc.title->first_line; l <= doc.title->last_line && l < doc.lines.size(); ++l) {
      const std::string line = without_spaces(doc.str(doc.lines[l].content));
      if (body_line(line, data)) candidates.push_back(line);
    }
  }
  for (const report::Line &line : doc.lines)
    if (line.kind == report::LineKind::Signature) {
      const std::string s = without_spaces(doc.str(line.content));
      if (body_line(s, data)) candidates.push_back(s);
    }
  for (const std::string &key : data.metadata_keys)
    if (auto value = doc.meta(key)) {
      const std::string s = without_spaces(*value);
      if (body_line(s, data)) candidates.push_back(s);
    }
  for (const std::string &c : candidates)
    if (std::string body = normalise_body(c, data); !body.empty()) return body;
  return "";
}

std::vector<std::pair<std::string, std::string>> related_facts(const Identity &id, const Data &data) {
  if (!id.complete()) return {};
  std::vector<std::pair<std::string, std::string>> facts = {
      {"related.key", id.key()},
      {std::string("related.want.") + kPrevious, Identity{id.profile, id.body, id.year - 1}.key()}};
  if (const std::string other = data.companion_of(id.profile); !other.empty())
    facts.emplace_back(std::string("related.want.") + kCompanion, Identity{other, id.body, id.year}.key());
  return facts;
}

}  // namespace reportls::crossdoc
