#include <reportls/report/heading.h>
#include <reportls/report/markdown.h>
#include <reportls/report/text.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace reportls::report {
namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool ascii_space(char c) { return c == ' ' || c == '\t'; }
bool ascii_punct(char c) { return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~'); }
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct PhysicalLine {
  uint32_t start = 0, end = 0;  // without the terminator
  uint32_t next = 0;            // start of the next line (end + terminator length)
};

std::vector<PhysicalLine> physical_lines(std::string_view t) {
  std::vector<PhysicalLine> out;
  const auto n = static_cast<uint32_t>(t.size());
  uint32_t start = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (t[i] != '\n' && t[i] != '\r') continue;
    uint32_t next = i + 1;
    if (t[i] == '\r' && next < n && t[next] == '\n') ++next;
    out.push_back({start, i, next});
    start = next;
    i = next - 1;
  }
  if (start < n) out.push_back({start, n, n});
  return out;
}

enum class Role : uint8_t { Blank, Markup, Prose, Heading, ListItem, Quote, Table, Html };

class ProseView {
 public:
  explicit ProseView(std::string_view text) : out_(text), lines_(physical_lines(text)), roles_(lines_.size(), Role::Prose) {}

  std::string take() {
    whole_line_markup();
    for (size_t i = 0; i < lines_.size(); ++i)
      if (roles_[i] != Role::Markup) block_markers(i);
    for (size_t i = 0; i < lines_.size(); ++i)
      if (roles_[i] != Role::Markup && roles_[i] != Role::Blank) inline_markup(i);
    blank_filler_lines();
    join_paragraphs();
    return std::move(out_);
  }

 private:
  std::string_view line(size_t i) const { return std::string_view(out_).substr(lines_[i].start, lines_[i].end - lines_[i].start); }

  // Offset of the first non-blank byte of line i (its end when blank).
  uint32_t indent_end(size_t i) const {
    uint32_t at = lines_[i].start;
    while (at < lines_[i].end && ascii_space(out_[at])) ++at;
    return at;
  }

  std::string_view trimmed(size_t i) const {
    std::string_view s = line(i);
    while (!s.empty() && ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && ascii_space(s.back())) s.remove_suffix(1);
    return s;
  }

  void blank(size_t i) {
    std::fill(out_.begin() + lines_[i].start, out_.begin() + lines_[i].end, ' ');
    roles_[i] = Role::Markup;
  }

  void fill(uint32_t from, uint32_t to, char with) {
    for (uint32_t k = from; k < to && k < out_.size(); ++k)
      if (out_[k] != '\n' && out_[k] != '\r') out_[k] = with;
  }

  static bool fence(std::string_view s, char &mark, size_t &length) {
    if (s.size() < 3 || (s[0] != '`' && s[0] != '~')) return false;
    size_t n = 0;
    while (n < s.size() && s[n] == s[0]) ++n;
    if (n < 3) return false;
    mark = s[0];
    length = n;
    return true;
  }

  static bool thematic_break(std::string_view s) {
    if (s.empty() || (s[0] != '-' && s[0] != '*' && s[0] != '_')) return false;
    size_t marks = 0;
    for (char c : s) {
      if (c == s[0]) ++marks;
      else if (!ascii_space(c)) return false;
    }
    return marks >= 3;
  }

  // `===` under a line: Markdown's other way to mark a heading.
  static bool setext_underline(std::string_view s) { return !s.empty() && s.find_first_not_of('=') == std::string_view::npos; }

  static bool reference_definition(std::string_view s) {
    if (s.size() < 4 || s[0] != '[') return false;
    const size_t close = s.find("]:");
    return close != std::string_view::npos && close > 1 && s.find(']') == close && close + 2 < s.size();
  }

  void whole_line_markup() {
    size_t i = 0;
    // Front matter: `---` on the first line up to the next `---` or `...`.
    if (!lines_.empty() && trimmed(0) == "---") {
      for (size_t k = 1; k < lines_.size() && k < 200; ++k)
        if (trimmed(k) == "---" || trimmed(k) == "...") {
          for (size_t j = 0; j <= k; ++j) blank(j);
          i = k + 1;
          break;
        }
    }
    for (; i < lines_.size(); ++i) {
      const std::string_view s = trimmed(i);
      char mark = 0;
      size_t length = 0;
      if (indent_end(i) - lines_[i].start <= 3 && fence(s, mark, length)) {
        size_t k = i + 1;
        for (; k < lines_.size(); ++k) {
          char m = 0;
          size_t l = 0;
          const std::string_view t = trimmed(k);
          if (fence(t, m, l) && m == mark && l >= length && t.find_first_not_of(mark) == std::string_view::npos) break;
        }
        for (size_t j = i; j <= k && j < lines_.size(); ++j) blank(j);
        i = k;
      } else if (s.empty()) {
        roles_[i] = Role::Blank;
      } else if (thematic_break(s) || setext_underline(s) || reference_definition(s)) {
        blank(i);
      }
    }
  }

  // Heading, list, quote, table and HTML lines; their markers become spaces.
  void block_markers(size_t i) {
    if (roles_[i] == Role::Blank) return;
    uint32_t at = indent_end(i);
    const uint32_t end = lines_[i].end;
    // Blockquote markers, possibly nested.
    bool quoted = false;
    while (at < end && out_[at] == '>') {
      out_[at++] = ' ';
      quoted = true;
      while (at < end && ascii_space(out_[at])) ++at;
    }
    if (quoted) roles_[i] = Role::Quote;
    if (at >= end) {
      roles_[i] = Role::Blank;
      return;
    }
    const char c = out_[at];
    if (c == '#') {
      uint32_t hashes = at;
      while (hashes < end && out_[hashes] == '#') ++hashes;
      if (hashes - at <= 6 && (hashes == end || ascii_space(out_[hashes]))) {
        roles_[i] = Role::Heading;
        // `## 一、…`: the ordinal is the heading's level, as in a text file.
        const Span rest = trim(out_, Span{hashes, end});
        if (auto h = parse_heading(out_, rest); h && h->ordinal.style != OrdinalStyle::Markdown)
          std::fill(out_.begin() + at, out_.begin() + hashes, ' ');
        return;
      }
    }
    if ((c == '-' || c == '*' || c == '+') && at + 1 < end && ascii_space(out_[at + 1])) {
      out_[at] = ' ';
      roles_[i] = Role::ListItem;
      uint32_t box = at + 1;
      while (box < end && ascii_space(out_[box])) ++box;
      if (box + 2 < end && out_[box] == '[' && out_[box + 2] == ']' &&
          (out_[box + 1] == ' ' || out_[box + 1] == 'x' || out_[box + 1] == 'X'))
        std::fill(out_.begin() + box, out_.begin() + box + 3, ' ');
      return;
    }
    if (c >= '0' && c <= '9') {
      uint32_t d = at;
      while (d < end && d - at < 9 && out_[d] >= '0' && out_[d] <= '9') ++d;
      if (d + 1 < end && (out_[d] == '.' || out_[d] == ')') && ascii_space(out_[d + 1])) {
        roles_[i] = Role::ListItem;
        return;
      }
    }
    // A table row, with or without its outer pipes (`a | b`): never joined to prose.
    if (line(i).find('|') != std::string_view::npos) {
      roles_[i] = Role::Table;
      return;
    }
    if (c == '<' && at + 1 < end && (ascii_letter(out_[at + 1]) || out_[at + 1] == '/' || out_[at + 1] == '!')) {
      roles_[i] = Role::Html;
      return;
    }
    if (parse_heading(out_, trim(out_, Span{at, end}))) roles_[i] = Role::Heading;
  }

  // The offset after the run of `c` starting at `at`.
  uint32_t run_end(uint32_t at, char c) const {
    while (at < out_.size() && out_[at] == c) ++at;
    return at;
  }

  void inline_markup(size_t i) {
    const uint32_t end = lines_[i].end;
    for (uint32_t k = lines_[i].start; k < end;) {
      const char c = out_[k];
      if (c == '\\' && k + 1 < end && ascii_punct(out_[k + 1]) && out_[k + 1] != '|') {  // `\|` is the table's
        out_[k] = kFiller;
        k += 2;
      } else if (c == '`') {
        const uint32_t open_end = run_end(k, '`');
        const std::string_view ticks(out_.data() + k, open_end - k);
        uint32_t close = open_end;
        for (;;) {
          const size_t found = std::string_view(out_).substr(0, end).find(ticks, close);
          if (found == std::string_view::npos) {
            close = 0;
            break;
          }
          if (run_end(static_cast<uint32_t>(found), '`') - found == ticks.size()) {
            close = static_cast<uint32_t>(found + ticks.size());
            break;
          }
          close = run_end(static_cast<uint32_t>(found), '`');
        }
        if (close == 0) {
          k = open_end;  // a lone backtick run is text
        } else {
          fill(k, close, kFiller);
          k = close;
        }
      } else if (c == '<' && out_.compare(k, 4, "<!--") == 0) {
        const size_t close = out_.find("-->", k + 4);
        const uint32_t to = close == std::string::npos ? static_cast<uint32_t>(out_.size()) : static_cast<uint32_t>(close + 3);
        fill(k, to, kFiller);
        if (to > end) return;  // the comment runs on into later lines, which it has filled
        k = to;
      } else if (c == '<' && k + 1 < end && (ascii_letter(out_[k + 1]) || out_[k + 1] == '/')) {
        // An HTML tag or an autolink: ASCII up to `>` on this line.
        uint32_t close = k + 1;
        while (close < end && out_[close] != '>' && out_[close] != '<' && static_cast<unsigned char>(out_[close]) < 0x80) ++close;
        if (close < end && out_[close] == '>') {
          fill(k, close + 1, kFiller);
          k = close + 1;
        } else {
          ++k;
        }
      } else if (c == '[' || (c == '!' && k + 1 < end && out_[k + 1] == '[')) {
        k = link(k, end);
      } else if (c == '*' || (c == '~' && k + 1 < end && out_[k + 1] == '~') || (c == '_' && k + 1 < end && out_[k + 1] == '_')) {
        const uint32_t to = std::min<uint32_t>(run_end(k, c), k + 3);
        const bool before = k > lines_[i].start && !ascii_space(out_[k - 1]);
        const bool after = to < end && !ascii_space(out_[to]);
        if (before || after) fill(k, to, kFiller);  // an emphasis mark hugs its text
        k = to;
      } else {
        ++k;
      }
    }
  }

  // `[text](target)`, `![alt](src)`, `[text][ref]`: the brackets and the target are markup, the
  // text is prose.  Returns where to go on scanning.
  uint32_t link(uint32_t k, uint32_t end) {
    const uint32_t open = out_[k] == '!' ? k + 1 : k;
    int depth = 0;
    uint32_t close = open;
    for (; close < end; ++close) {
      if (out_[close] == '[') ++depth;
      else if (out_[close] == ']' && --depth == 0) break;
    }
    if (close >= end || close + 1 >= end || (out_[close + 1] != '(' && out_[close + 1] != '[')) return open + 1;
    const char closer = out_[close + 1] == '(' ? ')' : ']';
    int nesting = 0;
    uint32_t target_end = close + 1;
    for (; target_end < end; ++target_end) {
      if (out_[target_end] == out_[close + 1]) ++nesting;
      else if (out_[target_end] == closer && --nesting == 0) break;
    }
    if (target_end >= end) return open + 1;
    fill(k, open + 1, kFiller);
    fill(close, target_end + 1, kFiller);
    return open + 1;  // the link text is scanned as prose (it may hold inline code)
  }

  void blank_filler_lines() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (roles_[i] == Role::Markup || roles_[i] == Role::Blank) continue;
      const std::string_view s = line(i);
      bool filler = false, other = false;
      for (char c : s) {
        if (c == kFiller) filler = true;
        else if (!ascii_space(c)) other = true;
      }
      if (filler && !other) blank(i);
    }
  }

  static bool starts_paragraph_text(Role r) { return r == Role::Prose || r == Role::ListItem || r == Role::Quote; }

  bool hard_break(size_t i) const {
    const std::string_view s = line(i);
    return (s.size() >= 2 && s[s.size() - 1] == ' ' && s[s.size() - 2] == ' ') || (!s.empty() && s.back() == '\\');
  }

  // Last code point of line i before its trailing blanks, first of line j after its indent.
  char32_t last_of(size_t i) const {
    Span s = trim(out_, Span{lines_[i].start, lines_[i].end});
    uint32_t e = s.end;
    return s.empty() ? 0 : prev_code_point(out_, e);
  }
  char32_t first_of(size_t j) const {
    Span s = trim(out_, Span{lines_[j].start, lines_[j].end});
    uint32_t b = s.start;
    return s.empty() ? 0 : next_code_point(out_, b);
  }

  static bool latin(char32_t c) { return c < 0x80 && c != static_cast<char32_t>(kFiller); }

  void join_paragraphs() {
    for (size_t i = 0; i + 1 < lines_.size(); ++i) {
      if (!starts_paragraph_text(roles_[i]) || roles_[i + 1] != Role::Prose || hard_break(i)) continue;
      // The break and the next line's indent: one space between Latin words, else nothing a
      // rule reads.
      const uint32_t from = lines_[i].end;
      const uint32_t to = indent_end(i + 1);
      const bool space = latin(last_of(i)) && latin(first_of(i + 1));
      for (uint32_t k = from; k < to; ++k) out_[k] = kFiller;
      if (space) out_[from] = ' ';
    }
  }

  std::string out_;
  std::vector<PhysicalLine> lines_;
  std::vector<Role> roles_;
};

}  // namespace

Format format_of(std::string_view uri, std::string_view path) {
  std::string_view name = path.empty() ? uri : path;
  if (const size_t cut = name.find_first_of("?#"); cut != std::string_view::npos && path.empty()) name = name.substr(0, cut);
  return ends_with_ci(name, ".md") || ends_with_ci(name, ".markdown") ? Format::Markdown : Format::Text;
}

std::string markdown_prose(std::string_view text) { return ProseView(text).take(); }

}  // namespace reportls::report
