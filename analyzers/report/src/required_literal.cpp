#include "required_literal.h"

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

}  // namespace

std::string required_literal(std::string_view s) {
  std::string best, run;
  size_t last_char = 0;  // bytes of run's last character, when the last atom read was it
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
    last_char = 0;
  };
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    switch (c) {
      case '|':
        return {};  // either side may match alone
      case '?': case '*': case '+': case '{': {
        // The atom before is optional or repeated: it does not belong to a run.
        if (last_char) run.resize(run.size() - last_char);
        end_run();
        if (c == '{') {
          const size_t close = s.find('}', i);
          if (close == std::string_view::npos) return {};
          i = close + 1;
        } else {
          ++i;
        }
        if (i < s.size() && (s[i] == '?' || s[i] == '+')) ++i;  // lazy or possessive
        break;
      }
      case '(': {
        if (i + 2 < s.size() && s[i + 1] == '?' && (is_ascii_alnum(s[i + 2]) || s[i + 2] == '-')) return {};  // flags
        end_run();
        i = skip_bracketed(s, i);
        if (i == std::string_view::npos) return {};
        break;
      }
      case '[':
        end_run();
        i = skip_bracketed(s, i);
        if (i == std::string_view::npos) return {};
        break;
      case '.': case '^': case '$': case ')': case ']': case '}':
        end_run();
        ++i;
        break;
      case '\\': {
        if (i + 1 >= s.size()) return {};
        const char e = s[i + 1];
        if (e == 'Q') return {};
        if (static_cast<unsigned char>(e) >= 0x80 || (!is_ascii_alnum(e) && e != ' ' && e != '#')) {
          run += s.substr(i + 1, utf8_length(static_cast<unsigned char>(e)));  // an escaped mark is itself
          last_char = utf8_length(static_cast<unsigned char>(e));
          i += 1 + last_char;
          break;
        }
        // A class, an anchor, a code point or a back reference: not a literal of ours.  Its
        // argument ({…}, or hex and octal digits) is skipped with it.
        end_run();
        i += 2;
        if ((e == 'p' || e == 'P' || e == 'c') && i < s.size() && s[i] != '{') {
          i += utf8_length(static_cast<unsigned char>(s[i]));  // \pL, \cA: one more character
        } else if (e == 'k' && i < s.size() && s[i] == '<') {
          const size_t close = s.find('>', i);
          if (close == std::string_view::npos) return {};
          i = close + 1;
        } else if (i < s.size() && s[i] == '{') {
          const size_t close = s.find('}', i);
          if (close == std::string_view::npos) return {};
          i = close + 1;
        } else {
          while (i < s.size() && is_hex(s[i])) ++i;
        }
        break;
      }
      default: {
        const size_t n = utf8_length(static_cast<unsigned char>(c));
        if (c == ' ' || c == '#') {  // significant only without (?x), which was refused above
          run += c;
          last_char = 1;
          ++i;
          break;
        }
        run += s.substr(i, n);
        last_char = n;
        i += n;
      }
    }
  }
  end_run();
  // U+FFFD also stands for ill-formed bytes in the searched text (pattern.h), which no byte search finds.
  if (best.find("\xEF\xBF\xBD") != std::string::npos) return {};
  return best;
}

}  // namespace reportls::report
