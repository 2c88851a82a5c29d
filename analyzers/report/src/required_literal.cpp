#include "required_literal.h"

#include <reportls/report/text.h>

#include <algorithm>

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

// One literal of a set must be in every match; empty: nothing is required.
using Literals = std::vector<std::string>;

// A match of any of more alternatives than this is cheaper to look for with the regex itself.
constexpr size_t kMaxAlternatives = 8;

bool has_replacement_character(const Literals &l) {
  // U+FFFD also stands for ill-formed bytes in the searched text (pattern.h), which no byte search finds.
  return std::any_of(l.begin(), l.end(), [](const std::string &t) { return t.find("\xEF\xBF\xBD") != std::string::npos; });
}

size_t shortest(const Literals &l) {
  size_t n = std::string::npos;
  for (const std::string &t : l) n = std::min(n, t.size());
  return n;
}

// The better prefilter of two: the one whose shortest text is longer (a longer text is rarer),
// then the one with fewer texts to look for; on a tie the first.
bool better(const Literals &candidate, const Literals &best) {
  if (candidate.empty() || shortest(candidate) == 0 || has_replacement_character(candidate)) return false;
  if (best.empty()) return true;
  const size_t a = shortest(candidate), b = shortest(best);
  return a > b || (a == b && candidate.size() < best.size());
}

// Reads the pattern s; refused is set by a construct whose reading it does not follow, and then
// nothing is required.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  // What every match of s[begin, end), branches separated by top-level `|`, requires.
  Literals alternation(size_t begin, size_t end) {
    Literals all;
    for (size_t b = begin;;) {
      const size_t bar = next_bar(b, end);
      Literals branch = sequence(b, bar);
      if (refused || branch.empty()) return {};  // that branch may match without any
      for (std::string &t : branch)
        if (std::find(all.begin(), all.end(), t) == all.end()) all.push_back(std::move(t));
      if (all.size() > kMaxAlternatives) return {};
      if (bar == end) return all;
      b = bar + 1;
    }
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

  // What every match of the branch s[begin, end) (no top-level `|`) requires: the best of its
  // literal runs and of its required groups.
  Literals sequence(size_t begin, size_t end) {
    Literals best;
    std::string run;
    size_t last_char = 0;  // bytes of run's last character, when the last atom read was it
    auto end_run = [&] {
      if (better({run}, best)) best = {run};
      run.clear();
      last_char = 0;
    };
    for (size_t i = begin; i < end && !refused;) {
      const char c = s_[i];
      switch (c) {
        case '?': case '*': case '+': case '{': {
          // The atom before is optional or repeated: it ends the run, and belongs to it only
          // under + (once at least).
          if (last_char && c != '+') run.resize(run.size() - last_char);
          end_run();
          if (c == '{') {
            const size_t close = s_.find('}', i);
            if (close == std::string_view::npos || close >= end) return refuse();
            i = close + 1;
          } else {
            ++i;
          }
          if (i < end && (s_[i] == '?' || s_[i] == '+')) ++i;  // lazy or possessive
          break;
        }
        case '(': {
          end_run();
          const size_t close = skip_bracketed(s_, i);
          if (close == std::string_view::npos || close > end) return refuse();
          Literals group = required_group(i, close);
          if (refused) return {};
          // A group under a quantifier other than + may be absent from a match.
          const bool optional = close < end && (s_[close] == '?' || s_[close] == '*' || s_[close] == '{');
          if (!optional && better(group, best)) best = std::move(group);
          i = close;
          break;
        }
        case '[': {
          end_run();
          i = skip_bracketed(s_, i);
          if (i == std::string_view::npos || i > end) return refuse();
          break;
        }
        case '.': case '^': case '$': case ')': case ']': case '}':
          end_run();
          ++i;
          break;
        case '\\': {
          if (i + 1 >= end) return refuse();
          const char e = s_[i + 1];
          if (e == 'Q') return refuse();
          if (static_cast<unsigned char>(e) >= 0x80 || (!is_ascii_alnum(e) && e != ' ' && e != '#')) {
            run += s_.substr(i + 1, utf8_length(static_cast<unsigned char>(e)));  // an escaped mark is itself
            last_char = utf8_length(static_cast<unsigned char>(e));
            i += 1 + last_char;
            break;
          }
          // A class, an anchor, a code point or a back reference: not a literal of ours.  Its
          // argument ({…}, or hex and octal digits) is skipped with it.
          end_run();
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
          break;
        }
        default: {
          // A space or # is significant only without (?x), which is refused.
          const size_t n = utf8_length(static_cast<unsigned char>(c));
          run += s_.substr(i, n);
          last_char = n;
          i += n;
        }
      }
    }
    if (refused) return {};
    end_run();
    return best;
  }

  // What the group s[open, close) requires of a match: its alternation's literals; nothing for a
  // look-around (its text is outside the match or must be absent).
  Literals required_group(size_t open, size_t close) {
    size_t content = open + 1;
    if (content < close && s_[content] == '?') {
      const char k = content + 1 < close ? s_[content + 1] : ')';
      if (is_ascii_alnum(k) || k == '-') return refuse();  // flags
      if (k == '=' || k == '!') return {};
      if (k == '<' && content + 2 < close && (s_[content + 2] == '=' || s_[content + 2] == '!')) return {};
      if (k == ':' || k == '>') {
        content += 2;
      } else if (k == '<') {
        const size_t name_end = s_.find('>', content);  // a named group (?<name>…)
        if (name_end == std::string_view::npos || name_end >= close) return refuse();
        content = name_end + 1;
      } else {
        return refuse();
      }
    }
    return alternation(content, close - 1);
  }

  Literals refuse() {
    refused = true;
    return {};
  }

  std::string_view s_;
};

}  // namespace

size_t required_tandem_repeat(std::string_view regex) {
  if (!regex.starts_with("(") || regex.starts_with("(?")) return 0;
  const size_t close = skip_bracketed(regex, 0);
  if (close == std::string_view::npos || regex.substr(close, 2) != "\\1" ||
      (close + 2 < regex.size() && is_ascii_alnum(regex[close + 2])))  // \10 is another group
    return 0;
  // The group's content: atoms of exactly one character, each once or {n} times.
  size_t width = 0;
  for (size_t i = 1; i + 1 < close;) {
    const char c = regex[i];
    if (c == '[') {
      const size_t end = skip_bracketed(regex, i);
      // One character — unless it may list strings ({ab}): any brace refuses it.
      if (end == std::string_view::npos || regex.substr(i, end - i).find('{') != std::string_view::npos) return 0;
      i = end;
    } else if (c == '\\' && i + 2 < close && (regex[i + 1] == 'p' || regex[i + 1] == 'P')) {
      i += 2;
      if (regex[i] != '{') return 0;
      i = regex.find('}', i);
      if (i == std::string_view::npos || i >= close) return 0;
      ++i;
    } else if (c == '\\' || c == '(' || c == ')' || c == '|' || c == '?' || c == '*' || c == '+' || c == '{' ||
               c == '^' || c == '$') {
      return 0;  // escapes other than \p{…} (\d is one character, \b none: not told apart here)
    } else {
      i += utf8_length(static_cast<unsigned char>(c));
    }
    if (i == std::string_view::npos || i >= close) return 0;
    size_t count = 1;
    if (regex[i] == '{') {
      const size_t end = regex.find('}', i);
      if (end == std::string_view::npos || end >= close) return 0;
      count = 0;
      for (size_t d = i + 1; d < end; ++d) {
        if (regex[d] < '0' || regex[d] > '9' || count > 100) return 0;  // {n,m}: not a fixed width
        count = count * 10 + static_cast<size_t>(regex[d] - '0');
      }
      i = end + 1;
    }
    width += count;
  }
  return width;
}

bool has_tandem_repeat(std::string_view text, size_t w) {
  if (w == 0) return true;
  std::vector<char32_t> chars;
  size_t same = 0;  // how many positions in a row match the character w before
  for (uint32_t i = 0; i < text.size();) {
    chars.push_back(next_code_point(text, i));
    const size_t n = chars.size();
    same = n > w && chars[n - 1] == chars[n - 1 - w] ? same + 1 : 0;
    if (same >= w) return true;
  }
  return false;
}

namespace {

// For a regex that starts with a group of one set of a few plain characters and its back
// reference (`([县区旗])\1`): each of those characters written twice; else nothing.
Literals doubled_set(std::string_view regex) {
  if (!regex.starts_with("([")) return {};
  const size_t close = regex.find("])\\1");
  if (close == std::string_view::npos || (close + 4 < regex.size() && is_ascii_alnum(regex[close + 4]))) return {};
  const std::string_view set = regex.substr(2, close - 2);
  if (set.empty() || set.find_first_of("\\[]^-&{}") != std::string_view::npos) return {};
  Literals doubled;
  for (size_t i = 0; i < set.size();) {
    const std::string_view c = set.substr(i, utf8_length(static_cast<unsigned char>(set[i])));
    std::string twice = std::string(c) + std::string(c);
    if (std::find(doubled.begin(), doubled.end(), twice) == doubled.end()) doubled.push_back(std::move(twice));
    i += c.size();
  }
  return doubled.size() <= kMaxAlternatives ? doubled : Literals{};
}

}  // namespace

std::vector<std::string> required_literals(std::string_view regex) {
  Reader reader(regex);
  Literals l = reader.alternation(0, regex.size());
  if (reader.refused) return {};
  if (Literals doubled = doubled_set(regex); better(doubled, l)) l = std::move(doubled);
  if (has_replacement_character(l)) return {};
  return l;
}

}  // namespace reportls::report
