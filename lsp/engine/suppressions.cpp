#include "lsp/engine/suppressions.h"

#include <algorithm>

namespace reportls::lsp {

namespace {

constexpr std::string_view kMarker = "reportls-";
constexpr std::string_view kDisable = "reportls-disable";

struct Line {
  uint32_t start, end;  // without the line break
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      uint32_t end = i > start && text[i - 1] == '\r' ? i - 1 : i;
      lines.push_back({start, end});
      start = i + 1;
    }
  return lines;
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

struct Directive {
  enum Kind { NextLine, Disable, Enable } kind;
  std::vector<std::string> rules;  // empty: every rule
};

// `<!-- reportls-KIND rule… -->` alone on its line (spaces around allowed).
bool parse_directive(std::string_view line, Directive &out) {
  const size_t open = line.find("<!--");
  if (open == std::string_view::npos || !blank(line.substr(0, open))) return false;
  const size_t close = line.find("-->", open + 4);
  if (close == std::string_view::npos || !blank(line.substr(close + 3))) return false;
  std::string_view body = line.substr(open + 4, close - open - 4);
  std::vector<std::string> words;
  std::string word;
  for (char c : std::string(body) + " ") {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (words.empty()) return false;
  if (words[0] == "reportls-disable-next-line") out.kind = Directive::NextLine;
  else if (words[0] == "reportls-disable") out.kind = Directive::Disable;
  else if (words[0] == "reportls-enable") out.kind = Directive::Enable;
  else return false;
  out.rules.assign(words.begin() + 1, words.end());
  return true;
}

// Rules silenced on one line, or by a directive: every rule, or these.
struct Silenced {
  bool all = false;
  std::vector<std::string> rules;
  bool covers(const std::string &code) const {
    return all || std::any_of(rules.begin(), rules.end(), [&](const std::string &k) { return rule_matches(code, k); });
  }
  bool any() const { return all || !rules.empty(); }
  // A directive's list: none means every rule.
  void add(const std::vector<std::string> &listed) {
    if (listed.empty()) all = true;
    rules.insert(rules.end(), listed.begin(), listed.end());
  }
  void merge(const Silenced &other) {
    all |= other.all;
    rules.insert(rules.end(), other.rules.begin(), other.rules.end());
  }
};

}  // namespace

bool rule_matches(std::string_view code, std::string_view key) {
  return code == key || (code.size() > key.size() && code.starts_with(key) && code[key.size()] == '.');
}

std::string disable_next_line_directive(const std::string &code) {
  return "<!-- reportls-disable-next-line " + code + " -->\n";
}

bool has_disable_directive(std::string_view text) { return text.find(kDisable) != std::string_view::npos; }

bool has_disable_directive_near(std::string_view text, size_t start, size_t end) {
  const size_t reach = kDisable.size() - 1;  // a marker that the replacement completed may start before it
  start = start > reach ? start - reach : 0;
  end = std::min(text.size(), end + reach);
  return start < end && has_disable_directive(text.substr(start, end - start));
}

void drop_suppressed(std::string_view text, std::vector<Diagnostic> &diagnostics) {
  if (diagnostics.empty() || !has_disable_directive(text)) return;
  const std::vector<Line> lines = split_lines(text);
  std::vector<Silenced> silenced(lines.size());
  Silenced block;          // what disable … enable covers at the current line
  Silenced pending;        // a disable-next-line waiting for its line
  for (size_t l = 0; l < lines.size(); ++l) {
    const std::string_view line = text.substr(lines[l].start, lines[l].end - lines[l].start);
    Directive d;
    if (parse_directive(line, d)) {
      silenced[l].all = true;  // the directive's own line
      if (d.kind == Directive::NextLine) {
        pending.add(d.rules);
      } else if (d.kind == Directive::Disable) {
        block.add(d.rules);
      } else if (d.rules.empty()) {
        block = {};
      } else {
        std::erase_if(block.rules, [&](const std::string &k) {
          return std::find(d.rules.begin(), d.rules.end(), k) != d.rules.end();
        });
      }
      continue;
    }
    silenced[l].merge(block);
    if (pending.any() && !blank(line)) {
      silenced[l].merge(pending);
      pending = {};
    }
  }
  std::erase_if(diagnostics, [&](const Diagnostic &d) {
    // The line of the diagnostic's start: the last line starting at or before it.
    const auto after = std::upper_bound(lines.begin(), lines.end(), d.start,
                                        [](uint32_t offset, const Line &l) { return offset < l.start; });
    const size_t l = static_cast<size_t>(after - lines.begin()) - 1;
    return silenced[l].covers(d.code);
  });
}

}  // namespace reportls::lsp
