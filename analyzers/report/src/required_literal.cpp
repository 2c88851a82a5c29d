#include "required_literal.h"

#include <reportls/report/text.h>

#include <unicode/uniset.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <bit>
#include <optional>

namespace reportls::report {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// The index just past the bracketed construct opening at i (`[` set or `(` group), or npos.
size_t skip_bracketed(std::string_view s, size_t i) {
  int sets = 0, groups = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++sets;
      // A `]` first in a set (after any `^`) is itself, as ICU reads `[]a]` and `[^]a]`.
      if (i + 1 < s.size() && s[i + 1] == '^') ++i;
      if (i + 1 < s.size() && s[i + 1] == ']') ++i;
    } else if (c == ']' && sets > 0) {
      if (--sets == 0 && groups == 0) return i + 1;
    } else if (sets == 0 && c == '(') {
      ++groups;
    } else if (sets == 0 && c == ')') {
      if (--groups == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

// One of them (a list of a RequiredTexts).
using Texts = std::vector<std::string>;

bool has_replacement_character(const Texts &l) {
  // U+FFFD also stands for ill-formed bytes in the searched text (pattern.h), which no byte search finds.
  return std::any_of(l.begin(), l.end(), [](const std::string &t) { return t.find("\xEF\xBF\xBD") != std::string::npos; });
}

size_t shortest(const Texts &l) {
  size_t n = std::string::npos;
  for (const std::string &t : l) n = std::min(n, t.size());
  return n;
}

bool usable(const Texts &l) { return !l.empty() && shortest(l) > 0 && !has_replacement_character(l); }

// The better of two lists: the one whose shortest text is longer (a longer text is rarer), then
// the one with fewer texts to look for; on a tie the first.
bool better(const Texts &candidate, const Texts &best) {
  if (!usable(candidate)) return false;
  if (best.empty()) return true;
  const size_t a = shortest(candidate), b = shortest(best);
  return a > b || (a == b && candidate.size() < best.size());
}

void add_unique(Texts &to, std::string t) {
  if (std::find(to.begin(), to.end(), t) == to.end()) to.push_back(std::move(t));
}

// Every text of a times every text of b, or nothing when there would be more than kMaxAlternatives.
std::optional<Texts> product(const Texts &a, const Texts &b) {
  if (a.size() * b.size() > kMaxAlternatives) return std::nullopt;
  Texts out;
  for (const std::string &x : a)
    for (const std::string &y : b) {
      std::string t = x;
      add_unique(out, t.append(y));
    }
  return out;
}

// How often the atom before a quantifier occurs: at least min times, exactly so when exact.
struct Times {
  size_t min = 1;
  bool exact = true;
};
constexpr size_t kMaxRepeat = 8;  // an exact {n} beyond this is read as at least kMaxRepeat times

// What a part of the pattern requires of the line a match is in.
struct Reading {
  RequiredTexts all;  // every list, one text of each
  Texts leading;      // a match of the part starts with one of these; empty: not known
  bool whole = true;  // and is exactly one of them (text of literal characters only)
  Texts trailing;     // a match of the part ends with one of these; empty: not known
};

// Reads the pattern s; refused is set by a construct whose reading it does not follow, and then
// nothing is required.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  // What s[begin, end), branches separated by top-level `|`, requires.
  Reading alternation(size_t begin, size_t end) {
    std::vector<Reading> branches;
    for (size_t b = begin;;) {
      const size_t bar = next_bar(b, end);
      branches.push_back(sequence(b, bar));
      if (refused) return {{}, {}, false, {}};
      if (bar == end) break;
      b = bar + 1;
    }
    if (branches.size() == 1) return std::move(branches.front());
    // Each branch's best list, together: a match holds one text of one of them.
    Reading r;
    Texts any;
    for (const Reading &branch : branches) {
      const Texts *best = nullptr;
      for (const Texts &l : branch.all)
        if (better(l, best ? *best : Texts{})) best = &l;
      if (!best) {  // that branch may match without any
        any.clear();
        break;
      }
      for (const std::string &t : *best) add_unique(any, t);
    }
    if (!any.empty() && any.size() <= kMaxAlternatives) r.all.push_back(std::move(any));
    for (const Reading &branch : branches) {
      r.whole = r.whole && branch.whole;
      if (branch.leading.empty()) {
        r.leading.clear();
        r.whole = false;
        break;
      }
      for (const std::string &t : branch.leading) add_unique(r.leading, t);
    }
    if (r.leading.size() > kMaxAlternatives) r.leading.clear(), r.whole = false;
    for (const Reading &branch : branches) {
      if (branch.trailing.empty()) {
        r.trailing.clear();
        break;
      }
      for (const std::string &t : branch.trailing) add_unique(r.trailing, t);
    }
    if (r.trailing.size() > kMaxAlternatives) r.trailing.clear();
    return r;
  }

  bool refused = false;

 private:
  // The first top-level `|` in [from, end), or end.
  size_t next_bar(size_t from, size_t end) const {
    for (size_t i = from; i < end;) {
      const char c = s_[i];
      if (c == '|') return i;
      if (c == '\\') {
        i += 2;
      } else if (c == '[' || c == '(') {
        i = skip_bracketed(s_, i);
        if (i == std::string_view::npos || i > end) return end;
      } else {
        ++i;
      }
    }
    return end;
  }

  // The quantifier at i, if any: how often it lets the atom before occur; i moves past it.
  Times quantifier(size_t &i, size_t end) {
    if (i >= end) return {};
    Times t;
    const char c = s_[i];
    if (c == '?' || c == '*') {
      t = {0, false};
      ++i;
    } else if (c == '+') {
      t = {1, false};
      ++i;
    } else if (c == '{') {
      const size_t close = s_.find('}', i);
      if (close == std::string_view::npos || close >= end) {
        refuse();
        return {0, false};
      }
      // {n}, {n,} or {n,m}: at least n times, exactly when there is no comma (or m is n).
      const std::string_view body = s_.substr(i + 1, close - i - 1);
      const size_t comma = body.find(',');
      auto number = [](std::string_view d) {
        size_t n = 0;
        for (char x : d) n = x >= '0' && x <= '9' && n < 1000 ? n * 10 + static_cast<size_t>(x - '0') : n;
        return n;
      };
      t.min = number(body.substr(0, comma));
      t.exact = comma == std::string_view::npos || number(body.substr(comma + 1)) == t.min;
      i = close + 1;
    }
    if (t.min > kMaxRepeat) t = {kMaxRepeat, false};
    if ((t.min != 1 || !t.exact) && i < end && (s_[i] == '?' || s_[i] == '+')) ++i;  // lazy or possessive
    return t;
  }

  // The characters of the set s[open, close) when it lists a few plain characters or short
  // ranges; nothing for a negated set, a class, a nested set or a string.
  std::optional<Texts> plain_set(size_t open, size_t close) const {
    const std::string_view body = s_.substr(open + 1, close - open - 2);
    if (body.empty() || body[0] == '^') return std::nullopt;
    std::vector<char32_t> chars;
    for (uint32_t i = 0; i < body.size();) {
      char32_t c = body[i];
      if (c == '[' || c == '{' || c == '}' || body.substr(i, 2) == "&&") return std::nullopt;
      if (c == '\\') {
        if (i + 1 >= body.size() || is_ascii_alnum(body[i + 1])) return std::nullopt;  // \p, \d, \u…
        ++i;
      }
      c = next_code_point(body, i);
      if (i + 1 < body.size() && body[i] == '-') {  // a range (a '-' at either end is itself)
        uint32_t j = i + 1;
        if (body[j] == '\\' || body[j] == '[') return std::nullopt;
        const char32_t last = next_code_point(body, j);
        if (last < c || last - c >= kMaxAlternatives) return std::nullopt;
        for (char32_t x = c; x < last; ++x) chars.push_back(x);
        c = last;
        i = j;
        if (i < body.size() && body[i] == '-') return std::nullopt;  // [a-c-e]: not read here
      }
      chars.push_back(c);
      if (chars.size() > kMaxAlternatives) return std::nullopt;
    }
    Texts out;
    for (char32_t c : chars) {
      std::string t;
      append_utf8(t, c);
      add_unique(out, std::move(t));
    }
    return out;
  }

  // What the sequence s[begin, end) (no top-level `|`) requires: its runs of literal text,
  // multiplied out over the sets and groups they pass through, the lists of its groups and
  // positive look-arounds.
  Reading sequence(size_t begin, size_t end) {
    Reading r;
    Texts run = {""};
    bool leading_open = true;  // run is still the start of every match
    auto end_run = [&] {
      if (run.size() > 1 || !run.front().empty()) r.all.push_back(run);
      if (leading_open && (run.size() > 1 || !run.front().empty())) r.leading = run;
      leading_open = false;
      run = {""};
    };
    // An atom that occurs `times` and whose text is one of texts (nothing: not known).  After
    // a repetition of unknown count the run ends, and the last repetition starts the next one
    // (`a+b` requires ab) when each repetition is one of texts whole (`continues`).
    auto atom = [&](const std::optional<Texts> &texts, Times times, bool continues = true) {
      if (!texts || texts->empty() || times.min == 0) {
        end_run();
        r.whole = false;
        return;
      }
      for (size_t k = 0; k < times.min; ++k) {
        if (auto p = product(run, *texts)) {
          run = std::move(*p);
        } else {
          end_run();
          r.whole = false;
          run = *texts;
        }
      }
      if (!times.exact) {
        end_run();
        r.whole = false;
        if (continues) run = *texts;
      }
    };
    for (size_t i = begin; i < end && !refused;) {
      const char c = s_[i];
      switch (c) {
        case '(': {
          const size_t close = skip_bracketed(s_, i);
          if (close == std::string_view::npos || close > end) return refuse();
          const size_t open = i;
          i = close;
          const Times times = quantifier(i, end);
          group(open, close, times, r, run, atom);
          break;
        }
        case '[': {
          const size_t close = skip_bracketed(s_, i);
          if (close == std::string_view::npos || close > end) return refuse();
          const std::optional<Texts> set = plain_set(i, close);
          i = close;
          atom(set, quantifier(i, end));
          break;
        }
        case '\\': {
          if (i + 1 >= end) return refuse();
          const char e = s_[i + 1];
          if (e == 'Q') return refuse();
          if (static_cast<unsigned char>(e) >= 0x80 || (!is_ascii_alnum(e) && e != ' ' && e != '#')) {
            const size_t n = utf8_length(static_cast<unsigned char>(e));
            const std::string mark(s_.substr(i + 1, n));  // an escaped mark is itself
            i += 1 + n;
            atom(Texts{mark}, quantifier(i, end));
            break;
          }
          // A class, an anchor, a code point or a back reference: not a literal of ours.  Its
          // argument ({…}, or hex and octal digits) is skipped with it.
          i += 2;
          if ((e == 'p' || e == 'P' || e == 'c') && i < end && s_[i] != '{') {
            i += utf8_length(static_cast<unsigned char>(s_[i]));  // \pL, \cA: one more character
          } else if (e == 'k' && i < end && s_[i] == '<') {
            const size_t close = s_.find('>', i);
            if (close == std::string_view::npos || close >= end) return refuse();
            i = close + 1;
          } else if (i < end && s_[i] == '{') {
            const size_t close = s_.find('}', i);
            if (close == std::string_view::npos || close >= end) return refuse();
            i = close + 1;
          } else {
            while (i < end && is_hex(s_[i])) ++i;
          }
          atom(std::nullopt, quantifier(i, end));
          break;
        }
        case '.': case '^': case '$': case ')': case ']': case '}': case '?': case '*': case '+': case '{':
          ++i;
          atom(std::nullopt, quantifier(i, end));
          break;
        default: {
          // A space or # is significant only without (?x), which is refused.
          const size_t n = utf8_length(static_cast<unsigned char>(c));
          const std::string text(s_.substr(i, n));
          i += n;
          atom(Texts{text}, quantifier(i, end));
        }
      }
    }
    if (refused) return {{}, {}, false, {}};
    if (run.size() > 1 || !run.front().empty()) r.trailing = run;
    end_run();
    return r;
  }

  // Reads the group s[open, close), which occurs `times`, into the sequence being read.
  template <typename Atom>
  void group(size_t open, size_t close, Times times, Reading &r, Texts &run, const Atom &atom) {
    size_t content = open + 1;
    if (content < close && s_[content] == '?') {
      const char k = content + 1 < close ? s_[content + 1] : ')';
      const bool behind = k == '<' && content + 2 < close && (s_[content + 2] == '=' || s_[content + 2] == '!');
      if (k == '!' || (behind && s_[content + 2] == '!')) return;  // its text must be absent: nothing
      if (k == '=' || behind) {
        // A look-around adds no text to the match, but its text is in the line: its lists hold,
        // and a look-ahead's start continues the run before it.
        if (times.min == 0) return;
        const Reading inner = alternation(content + (behind ? 3 : 2), close - 1);
        for (const Texts &l : inner.all) r.all.push_back(l);
        if (k == '=' && !inner.leading.empty() && (run.size() > 1 || !run.front().empty()))
          if (auto p = product(run, inner.leading)) r.all.push_back(std::move(*p));
        return;
      }
      if (is_ascii_alnum(k) || k == '-') {
        atom(scoped_flags(content + 1, close), times);
        return;
      }
      if (k == ':' || k == '>') {
        content += 2;
      } else if (k == '<') {
        const size_t name_end = s_.find('>', content);  // a named group (?<name>…)
        if (name_end == std::string_view::npos || name_end >= close) return refuse_group();
        content = name_end + 1;
      } else {
        return refuse_group();
      }
    }
    Reading inner = alternation(content, close - 1);
    if (refused) return;
    if (times.min != 0)
      for (Texts &l : inner.all) r.all.push_back(std::move(l));
    if (inner.leading.empty()) {
      atom(std::nullopt, times);
    } else if (inner.whole) {
      atom(inner.leading, times);
    } else {
      // The match continues with one of the leading texts, then with what the run cannot follow,
      // and goes on after one of the trailing texts.
      atom(inner.leading, Times{times.min == 0 ? 0u : 1u, false}, false);
      if (times.min != 0 && !inner.trailing.empty()) run = inner.trailing;
    }
  }

  // The texts a group with flags (s[flags, close): `i:ipv6)`) matches: each spelling of a short
  // ASCII word under (?i:…); nothing for other flags.  Flags that change how the rest of the
  // pattern reads — (?i) without a colon, or x anywhere — are refused.
  std::optional<Texts> scoped_flags(size_t flags, size_t close) {
    const size_t colon = s_.find_first_of(":)", flags);
    if (colon >= close || s_[colon] != ':' || s_.substr(flags, colon - flags).find('x') != std::string_view::npos) {
      refuse();
      return std::nullopt;
    }
    const std::string_view word = s_.substr(colon + 1, close - 1 - (colon + 1));
    if (s_.substr(flags, colon - flags) != "i" || word.empty() ||
        !std::all_of(word.begin(), word.end(), is_ascii_alnum))
      return std::nullopt;
    Texts spellings = {""};
    for (const char c : word) {
      // ICU matches each letter to its case closure: k also to U+212A KELVIN SIGN, s to ſ.
      icu::UnicodeSet closure(static_cast<UChar32>(c), static_cast<UChar32>(c));
      closure.closeOver(USET_CASE_INSENSITIVE);
      Texts ways;
      for (int32_t n = 0; n < closure.size(); ++n) {
        const UChar32 way = closure.charAt(n);
        if (way >= 0x80) return std::nullopt;
        ways.emplace_back(1, static_cast<char>(way));
      }
      auto p = product(spellings, ways);
      if (!p) return std::nullopt;
      spellings = std::move(*p);
    }
    return spellings;
  }

  Reading refuse() {
    refused = true;
    return {{}, {}, false, {}};
  }
  void refuse_group() { refused = true; }

  std::string_view s_;
};

}  // namespace

TandemRepeat required_tandem_repeat(std::string_view regex) {
  if (!regex.starts_with("(") || regex.starts_with("(?")) return {};
  const size_t close = skip_bracketed(regex, 0);
  if (close == std::string_view::npos || regex.substr(close, 2) != "\\1" ||
      (close + 2 < regex.size() && is_ascii_alnum(regex[close + 2])))  // \10 is another group
    return {};
  // The group's content: atoms of exactly one character, each once or {n} times.
  TandemRepeat t{0, true};
  for (size_t i = 1; i + 1 < close;) {
    const char c = regex[i];
    if (c == '[') {
      const size_t end = skip_bracketed(regex, i);
      // One character — unless it may list strings ({ab}): any brace refuses it.
      if (end == std::string_view::npos || regex.substr(i, end - i).find('{') != std::string_view::npos) return {};
      i = end;
      t.han = false;
    } else if (c == '\\' && i + 2 < close && (regex[i + 1] == 'p' || regex[i + 1] == 'P')) {
      const size_t open = i + 2;
      if (regex[open] != '{') return {};
      i = regex.find('}', open);
      if (i == std::string_view::npos || i >= close) return {};
      t.han = t.han && regex.substr(open - 1, i - open + 2) == "p{Han}";
      ++i;
    } else if (c == '\\' || c == '(' || c == ')' || c == '|' || c == '?' || c == '*' || c == '+' || c == '{' ||
               c == '^' || c == '$') {
      return {};  // escapes other than \p{…} (\d is one character, \b none: not told apart here)
    } else {
      i += utf8_length(static_cast<unsigned char>(c));
      t.han = false;
    }
    if (i == std::string_view::npos || i >= close) return {};
    size_t count = 1;
    if (regex[i] == '{') {
      const size_t end = regex.find('}', i);
      if (end == std::string_view::npos || end >= close) return {};
      count = 0;
      for (size_t d = i + 1; d < end; ++d) {
        if (regex[d] < '0' || regex[d] > '9' || count > 100) return {};  // {n,m}: not a fixed width
        count = count * 10 + static_cast<size_t>(regex[d] - '0');
      }
      i = end + 1;
    }
    t.width += count;
  }
  if (t.width == 0) t.han = false;
  return t;
}

bool has_tandem_repeat(std::string_view text, TandemRepeat t) {
  if (t.width == 0) return true;
  // The last width + 1 characters (or more), in a ring of a power of two: each is compared with the
  // one width before it.  A word of a few characters needs no allocation.
  std::array<char32_t, 16> small;
  std::vector<char32_t> large;
  const size_t size = std::bit_ceil(t.width + 1);
  if (size > small.size()) large.resize(size);
  char32_t *const ring = size > small.size() ? large.data() : small.data();
  const size_t mask = size - 1;
  size_t n = 0, same = 0;  // characters read; positions in a row that equal the one width before
  for (uint32_t i = 0; i < text.size(); ++n) {
    const char32_t c = next_code_point(text, i);
    ring[n & mask] = c;
    UErrorCode status = U_ZERO_ERROR;
    const bool repeats = n >= t.width && c == ring[(n - t.width) & mask] &&
                         (!t.han || uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN);
    same = repeats ? same + 1 : 0;
    if (same >= t.width) return true;
  }
  return false;
}

namespace {

// For a regex that starts with a group of one set of a few plain characters and its back
// reference (`([县区旗])\1`): each of those characters written twice; else nothing.
Texts doubled_set(std::string_view regex) {
  if (!regex.starts_with("([")) return {};
  const size_t close = regex.find("])\\1");
  if (close == std::string_view::npos || (close + 4 < regex.size() && is_ascii_alnum(regex[close + 4]))) return {};
  const std::string_view set = regex.substr(2, close - 2);
  if (set.empty() || set.find_first_of("\\[]^-&{}") != std::string_view::npos) return {};
  Texts doubled;
  for (size_t i = 0; i < set.size();) {
    const std::string_view c = set.substr(i, utf8_length(static_cast<unsigned char>(set[i])));
    add_unique(doubled, std::string(c) + std::string(c));
    i += c.size();
  }
  return doubled.size() <= kMaxAlternatives ? doubled : Texts{};
}

}  // namespace

RequiredTexts required_literals(std::string_view regex) {
  Reader reader(regex);
  Reading r = reader.alternation(0, regex.size());
  if (reader.refused) return {};
  if (Texts doubled = doubled_set(regex); !doubled.empty()) r.all.push_back(std::move(doubled));
  // The best kMaxRequired lists, each once, best first, leaving out a list another implies (every
  // text of the other contains one of its texts: 年 beside 0年 … 9年) so that it takes no place.
  RequiredTexts kept;
  for (Texts &l : r.all) {
    if (!usable(l) || std::find(kept.begin(), kept.end(), l) != kept.end()) continue;
    const auto at = std::find_if(kept.begin(), kept.end(), [&](const Texts &k) { return better(l, k); });
    kept.insert(at, std::move(l));
  }
  auto implies = [](const Texts &a, const Texts &b) {  // a holding implies b holding
    return std::all_of(a.begin(), a.end(), [&](const std::string &t) {
      return std::any_of(b.begin(), b.end(), [&](const std::string &u) { return t.find(u) != std::string::npos; });
    });
  };
  for (size_t i = 0; i < kept.size();) {
    bool implied = false;
    for (size_t j = 0; j < kept.size() && !implied; ++j) implied = j != i && implies(kept[j], kept[i]) && (!implies(kept[i], kept[j]) || j < i);
    if (implied)
      kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
    else
      ++i;
  }
  if (kept.size() > kMaxRequired) kept.resize(kMaxRequired);
  return kept;
}

}  // namespace reportls::report
