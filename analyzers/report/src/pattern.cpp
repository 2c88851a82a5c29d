#include <reportls/report/pattern.h>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace reportls::report {

struct Pattern::Compiled {
  std::unique_ptr<icu::RegexPattern> regex;
};

Pattern::Pattern(const std::string &source, bool literal) : source_(source) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  auto c = std::make_shared<Compiled>();
  c->regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source),
                                            literal ? UREGEX_LITERAL : 0, pe, status));
  if (U_FAILURE(status) || !c->regex)
    throw std::runtime_error("invalid regex \"" + source + "\" (" + u_errorName(status) + ")");
  compiled_ = std::move(c);
}

void Pattern::search(std::string_view text, Span within,
                     const std::function<bool(const PatternMatch &)> &f, int time_limit_ms) const {
  const std::string_view part = within.in(text);
  if (part.empty()) return;
  const uint32_t base = within.start < text.size() ? within.start : 0;
  // ICU indexes UTF-16 units; utf8_at[i] maps each unit index back to a byte offset.
  icu::UnicodeString s;
  std::vector<uint32_t> utf8_at;
  utf8_at.reserve(part.size() + 1);
  for (uint32_t i = 0; i < part.size();) {
    const uint32_t at = i;
    const char32_t c = next_code_point(part, i);
    s.append(static_cast<UChar32>(c));
    utf8_at.push_back(base + at);
    if (c > 0xFFFF) utf8_at.push_back(base + at);
  }
  utf8_at.push_back(base + static_cast<uint32_t>(part.size()));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(compiled_->regex->matcher(s, status));
  if (U_FAILURE(status)) return;
  m->setTimeLimit(time_limit_ms, status);
  PatternMatch match;
  while (m->find(status) && U_SUCCESS(status)) {
    match.groups.assign(static_cast<size_t>(m->groupCount()) + 1, Span{});
    for (int32_t g = 0; g <= m->groupCount(); ++g) {
      const int32_t a = m->start(g, status), b = m->end(g, status);
      if (U_SUCCESS(status) && a >= 0 && b >= a)
        match.groups[g] = {utf8_at[static_cast<size_t>(a)], utf8_at[static_cast<size_t>(b)]};
    }
    match.span = match.groups[0];
    if (!f(match)) return;
  }
}

std::string Pattern::expand(std::string_view text, const PatternMatch &m,
                            std::string_view replacement) {
  std::string out;
  for (size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c == '\\' && i + 1 < replacement.size() && replacement[i + 1] == '$') {
      out += '$';
      ++i;
    } else if (c == '$' && i + 1 < replacement.size() && replacement[i + 1] >= '0' &&
               replacement[i + 1] <= '9') {
      const size_t g = static_cast<size_t>(replacement[++i] - '0');
      if (g < m.groups.size()) out += m.groups[g].in(text);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace reportls::report
