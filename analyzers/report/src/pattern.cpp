#include <reportls/report/pattern.h>

#include "literal_filter.h"
#include "required_literal.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace reportls::report {

struct Pattern::Compiled {
  std::unique_ptr<icu::RegexPattern> regex;
  uint64_t id = 0;       // process-unique: keys the per-thread matchers below
  bool literal = false;
  // Looks for what a text holding a match contains (none: nothing known).  Built by the first
  // search that uses it: a pattern of a PatternRules is only ever searched through the rules' own.
  mutable std::once_flag filter_built;
  mutable std::optional<LiteralFilter> filter;
  TandemRepeat tandem;                  // every match starts with a tandem repeat; width 0: no such filter
};

namespace {

std::atomic<uint64_t> next_pattern_id{1};
const icu::UnicodeString kNothing;

// A RegexMatcher per pattern and thread, reset for each text: creating one per line and rule
// cost more than most searches.  Keyed by the pattern's id, not its address (a reloaded table may
// reuse the address); the few matchers of replaced tables stay until the thread ends.
struct ReusedMatcher {
  std::unique_ptr<icu::RegexMatcher> matcher;
  bool busy = false;  // a search of this pattern is running on this thread (called from f)
};

ReusedMatcher &reused_matcher(uint64_t id) {
  thread_local std::unordered_map<uint64_t, ReusedMatcher> matchers;
  return matchers[id];
}

// What a text holding a match of source contains: the text itself when matched literally.
RequiredTexts required_texts(const std::string &source, bool literal) {
  if (!literal) return required_literals(source);
  if (source.empty() || source.find("\xEF\xBF\xBD") != std::string::npos) return {};  // U+FFFD: see required_literal.h
  return {{source}};
}

std::unique_ptr<icu::RegexMatcher> new_matcher(const icu::RegexPattern &regex) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(regex.matcher(status));
  if (U_FAILURE(status)) m.reset();
  return m;
}

}  // namespace

Pattern::Pattern(const std::string &source, bool literal) : source_(source) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  auto c = std::make_shared<Compiled>();
  c->regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source),
                                            literal ? UREGEX_LITERAL : 0, pe, status));
  if (U_FAILURE(status) || !c->regex)
    throw std::runtime_error("invalid regex \"" + source + "\" (" + u_errorName(status) + ")");
  c->id = next_pattern_id++;
  c->literal = literal;
  c->tandem = literal ? TandemRepeat{} : required_tandem_repeat(source);
  compiled_ = std::move(c);
}

struct PatternText::Data {
  std::string_view part;  // the searched bytes
  uint32_t base = 0;      // their offset in the text
  // Converted by the first search a prefilter lets through: most lines of a report contain no
  // required literal of any rule and are never converted.
  std::optional<icu::UnicodeString> utf16;

  const icu::UnicodeString &converted() {
    // The host hands analyzers valid UTF-8, so a bulk conversion keeps UTF-16 and UTF-8 in step;
    // anything ill-formed becomes U+FFFD per maximal subpart, as next_code_point() reads it.
    if (!utf16) utf16 = icu::UnicodeString::fromUTF8(icu::StringPiece(part.data(), static_cast<int32_t>(part.size())));
    return *utf16;
  }
};

RequiredTexts Pattern::required() const { return required_texts(source_, compiled_->literal); }

PatternText::PatternText(std::string_view text, Span within) : data_(std::make_unique<Data>()) {
  data_->part = within.in(text);
  data_->base = within.start < text.size() ? within.start : 0;
}

PatternText::~PatternText() = default;

namespace {

// Maps UTF-16 indexes of matches back to byte offsets by walking the text forward.  Matches come
// left to right, but a match's groups (and a look-behind's) lie before its end: a lookup behind
// the walk restarts from the last position it resolved at or before that index, never from the
// start of the text (which made a long paragraph with many matches quadratic).  Restarting only
// at positions the forward walk reached keeps ill-formed bytes delimited as U+FFFD exactly as
// the UTF-16 conversion did.
class ByteOffsets {
 public:
  explicit ByteOffsets(const PatternText::Data &t) : t_(t) {}
  uint32_t at(int32_t unit) {
    if (unit < at_.unit) {
      auto it = std::upper_bound(resolved_.begin(), resolved_.end(), unit,
                                 [](int32_t u, const Resolved &r) { return u < r.unit; });
      at_ = it == resolved_.begin() ? Resolved{} : *(it - 1);
    }
    while (at_.unit < unit && at_.byte < t_.part.size()) {
      const char32_t c = next_code_point(t_.part, at_.byte);
      at_.unit += c > 0xFFFF ? 2 : 1;
    }
    if (resolved_.empty() || at_.unit > resolved_.back().unit) resolved_.push_back(at_);
    return t_.base + at_.byte;
  }

 private:
  struct Resolved {
    int32_t unit = 0;
    uint32_t byte = 0;
  };
  const PatternText::Data &t_;
  Resolved at_;
  std::vector<Resolved> resolved_;  // ascending: every position the walk stopped at
};

}  // namespace

void Pattern::search(std::string_view text, Span within,
                     const std::function<bool(const PatternMatch &)> &f, int time_limit_ms) const {
  if (within.in(text).empty()) return;
  search(PatternText(text, within), f, time_limit_ms);
}

void Pattern::search(const PatternText &text, const std::function<bool(const PatternMatch &)> &f,
                     int time_limit_ms) const {
  search(text, f, time_limit_ms, true);
}

void Pattern::search(const PatternText &text, const std::function<bool(const PatternMatch &)> &f,
                     int time_limit_ms, bool prefilter) const {
  PatternText::Data &t = *text.data_;
  if (t.part.empty()) return;
  if (prefilter) {
    const Compiled &c = *compiled_;
    std::call_once(c.filter_built, [&] {
      if (RequiredTexts required = required_texts(source_, c.literal); !required.empty())
        c.filter.emplace(std::vector<RequiredTexts>{std::move(required)});
    });
    if (c.filter && !c.filter->candidates(t.part)[0]) return;
  }
  if (!has_tandem_repeat(t.part, compiled_->tandem)) return;
  ReusedMatcher &reused = reused_matcher(compiled_->id);
  std::unique_ptr<icu::RegexMatcher> own;  // for a search nested in another of the same pattern
  if (reused.busy) {
    own = new_matcher(*compiled_->regex);
  } else if (!reused.matcher) {
    reused.matcher = new_matcher(*compiled_->regex);
  }
  icu::RegexMatcher *m = own ? own.get() : reused.matcher.get();
  if (!m) return;
  m->reset(t.converted());
  const bool was_busy = reused.busy;
  reused.busy = true;
  UErrorCode status = U_ZERO_ERROR;
  m->setTimeLimit(time_limit_ms, status);
  ByteOffsets bytes(t);
  PatternMatch match;
  while (m->find(status) && U_SUCCESS(status)) {
    match.groups.assign(static_cast<size_t>(m->groupCount()) + 1, Span{});
    for (int32_t g = 0; g <= m->groupCount(); ++g) {
      const int32_t a = m->start(g, status), b = m->end(g, status);
      if (U_SUCCESS(status) && a >= 0 && b >= a) {
        const uint32_t start = bytes.at(a);
        match.groups[g] = {start, bytes.at(b)};
      }
    }
    match.span = match.groups[0];
    bool more = true;
    try {
      more = f(match);
    } catch (...) {
      reused.busy = was_busy;
      m->reset(kNothing);
      throw;
    }
    if (!more) break;
  }
  reused.busy = was_busy;
  // The matcher outlives this call: leave it holding nothing of this text.
  m->reset(kNothing);
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
