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

struct PatternText::Data {
  icu::UnicodeString utf16;
  std::vector<uint32_t> utf8_at;  // utf8_at[i]: the byte offset of UTF-16 unit i (and one past the end)
};

PatternText::PatternText(std::string_view text, Span within) : data_(std::make_unique<Data>()) {
  const std::string_view part = within.in(text);
  const uint32_t base = within.start < text.size() ? within.start : 0;
  data_->utf16 = icu::UnicodeString(static_cast<int32_t>(part.size()), 0, 0);
  data_->utf8_at.reserve(part.size() + 1);
  for (uint32_t i = 0; i < part.size();) {
    const uint32_t at = i;
    const char32_t c = next_code_point(part, i);
    data_->utf16.append(static_cast<UChar32>(c));
    data_->utf8_at.push_back(base + at);
    if (c > 0xFFFF) data_->utf8_at.push_back(base + at);
  }
  data_->utf8_at.push_back(base + static_cast<uint32_t>(part.size()));
}

PatternText::~PatternText() = default;

void Pattern::search(std::string_view text, Span within,
                     const std::function<bool(const PatternMatch &)> &f, int time_limit_ms) const {
  if (within.in(text).empty()) return;
  search(PatternText(text, within), f, time_limit_ms);
}

void Pattern::search(const PatternText &text, const std::function<bool(const PatternMatch &)> &f,
                     int time_limit_ms) const {
  const PatternText::Data &t = *text.data_;
  if (t.utf16.isEmpty()) return;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(compiled_->regex->matcher(t.utf16, status));
  if (U_FAILURE(status)) return;
  m->setTimeLimit(time_limit_ms, status);
  PatternMatch match;
  while (m->find(status) && U_SUCCESS(status)) {
    match.groups.assign(static_cast<size_t>(m->groupCount()) + 1, Span{});
    for (int32_t g = 0; g <= m->groupCount(); ++g) {
      const int32_t a = m->start(g, status), b = m->end(g, status);
      if (U_SUCCESS(status) && a >= 0 && b >= a)
        match.groups[g] = {t.utf8_at[static_cast<size_t>(a)], t.utf8_at[static_cast<size_t>(b)]};
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
