#include "classify.h"

#include <reportls/report/sentences.h>

#include <algorithm>

namespace reportls::report::detail {

namespace {

bool has(const std::u32string &set, char32_t c) { return set.find(c) != std::u32string::npos; }

bool is_bracket(char32_t c) {
  return c == U'[' || c == U']' || c == U'【' || c == U'】';
}

bool is_clause_punct(char32_t c) {
  switch (c) {
    case U'。': case U'，': case U',': case U'；': case U';': case U'：': case U':':
    case U'！': case U'？': case U'!': case U'?':
      return true;
    default:
      return false;
  }
}

// Bytes of s that spell key, spaces between its characters allowed (`索 引 号`); 0 if none.
uint32_t spelt(std::string_view s, std::string_view key) {
  uint32_t i = 0, k = 0;
  while (k < key.size()) {
    if (i >= s.size()) return 0;
    uint32_t j = i;
    const char32_t c = next_code_point(s, j);
    if (k > 0 && is_space(c)) {
      i = j;
      continue;
    }
    uint32_t kj = k;
    if (next_code_point(key, kj) != c) return 0;
    i = j;
    k = kj;
  }
  return i;
}

struct KeyAt {
  uint32_t length = 0;       // bytes of s the key spans; 0: no key
  const std::string *key = nullptr;  // the key as the rules spell it
};

// The longest metadata key that starts s.
KeyAt key_at(std::string_view s, const Rules &rules) {
  KeyAt best;
  for (const std::string &k : rules.metadata_keys)
    if (const uint32_t n = spelt(s, k); n > best.length) best = {n, &k};
  return best;
}

// A list bullet before a metadata key (`- 索引号: …`): the bytes to skip, 0 if none.
uint32_t bullet(std::string_view s) {
  uint32_t i = 0;
  const char32_t c = s.empty() ? 0 : next_code_point(s, i);
  if (c != U'-' && c != U'*' && c != U'•' && c != U'·') return 0;
  uint32_t j = i;
  if (i >= s.size() || !is_space(next_code_point(s, j))) return 0;
  return j;
}

uint32_t skip_spaces(std::string_view s, uint32_t i) {
  while (i < s.size()) {
    uint32_t j = i;
    if (!is_space(next_code_point(s, j))) break;
    i = j;
  }
  return i;
}

// After a key: optional `]`/`】`, then optional `:`/`：`, spaces around.  Returns the offset of the
// value, or nullopt when neither a closing bracket nor a colon follows (the key was plain text).
std::optional<uint32_t> after_key(std::string_view s, uint32_t i) {
  bool marked = false;
  i = skip_spaces(s, i);
  uint32_t j = i;
  char32_t c = i < s.size() ? next_code_point(s, j) : 0;
  if (c == U']' || c == U'】') {
    marked = true;
    i = skip_spaces(s, j);
    j = i;
    c = i < s.size() ? next_code_point(s, j) : 0;
  }
  if (c == U':' || c == U'：') {
    marked = true;
    i = skip_spaces(s, j);
  }
  if (!marked) return std::nullopt;
  return i;
}

// A metadata line starts with a key, bracketed (`[ 索引号 ]`) or followed by a colon (`发布日期:`),
// maybe after a list bullet (`- 索引号: …`).
bool starts_with_metadata(std::string_view s, const Rules &rules) {
  uint32_t i = bullet(s);
  uint32_t j = i;
  const char32_t c = i < s.size() ? next_code_point(s, j) : 0;
  if (c == U'[' || c == U'【') i = skip_spaces(s, j);
  const uint32_t k = key_at(s.substr(i), rules).length;
  return k > 0 && after_key(s, i + k).has_value();
}

bool is_nav_line(std::string_view s, const Rules &rules) {
  if (rules.nav_separators.empty()) return false;
  uint32_t segments = 0, chars = 0;
  bool separator_seen = false;
  for (uint32_t i = 0; i <= s.size();) {
    char32_t c = 0;
    if (i < s.size()) c = next_code_point(s, i);
    else ++i;
    if (c == 0 || has(rules.nav_separators, c)) {
      separator_seen = separator_seen || c != 0;
      if (chars > 0) ++segments;
      chars = 0;
      continue;
    }
    if (is_clause_punct(c)) return false;
    if (!is_space(c) && ++chars > rules.nav_max_segment_chars) return false;
  }
  return separator_seen && segments >= 2;
}

}  // namespace

bool is_debris(std::string_view text, Span content, const Rules &rules) {
  if (content.empty() || content.size() > rules.debris_max_bytes) return false;
  const std::string_view s = content.in(text);

  bool filler_seen = false, only_filler = true;
  std::string core;  // s without whitespace, filler and brackets, for the "equals" rules
  for (uint32_t i = 0; i < s.size();) {
    const uint32_t at = i;
    const char32_t c = next_code_point(s, i);
    if (has(rules.filler, c)) {
      filler_seen = true;
      continue;
    }
    if (is_space(c)) continue;
    only_filler = false;
    if (!is_bracket(c)) core.append(s.substr(at, i - at));
  }
  if (only_filler && filler_seen) return true;
  for (const std::string &x : rules.debris_contains)
    if (s.find(x) != std::string_view::npos) return true;
  for (const std::string &x : rules.debris_prefixes)
    if (s.substr(0, x.size()) == x) return true;
  for (const std::string &x : rules.debris_equals)
    if (core == x) return true;
  return starts_with_metadata(s, rules) || is_nav_line(s, rules);
}

void read_metadata(std::string_view text, Span content, uint32_t line, const Rules &rules,
                   std::vector<MetaField> &out) {
  const std::string_view s = content.in(text);
  bool boundary = true;  // a key must start the line or follow a space, bracket or bar
  for (uint32_t i = 0; i < s.size();) {
    if (boundary) {
      if (const KeyAt key = key_at(s.substr(i), rules); key.length > 0) {
        const uint32_t k = key.length;
        if (auto v = after_key(s, i + k)) {
          uint32_t e = *v;
          if (key_at(s.substr(e), rules).length == 0) {  // `访问量: 信息来源:…` — 访问量 has no value
            while (e < s.size()) {
              uint32_t j = e;
              const char32_t c = next_code_point(s, j);
              if (is_space(c) || c == U'[' || c == U'【' || c == U'|') break;
              e = j;
            }
          }
          out.push_back(MetaField{*key.key, Span{content.start + *v, content.start + e}, line});
          i = e;
          boundary = true;
          continue;
        }
      }
    }
    const char32_t c = next_code_point(s, i);
    boundary = is_space(c) || c == U'[' || c == U'【' || c == U'|' || c == U']' || c == U'】';
  }
}

namespace {
// A run of Arabic or Chinese digits (年/月/日 parts); returns the offset after it.
uint32_t date_part(std::string_view s, uint32_t i, uint32_t max_chars) {
  uint32_t n = 0;
  while (i < s.size() && n < max_chars) {
    uint32_t j = i;
    const char32_t c = next_code_point(s, j);
    const bool digit = (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19) ||
                       std::u32string_view(U"〇零一二三四五六七八九十").find(c) != std::u32string_view::npos;
    if (!digit) break;
    i = j;
    ++n;
  }
  return n == 0 ? 0 : i;
}
}  // namespace

bool is_date_line(std::string_view s) {
  // Spaces inside (`2021年2月3日 `) are common in pasted pages; drop them first.
  std::string t;
  for (uint32_t i = 0; i < s.size();) {
    const uint32_t at = i;
    if (!is_space(next_code_point(s, i))) t.append(s.substr(at, i - at));
  }
  const std::string_view v = t;
  uint32_t i = date_part(v, 0, 4);
  if (i == 0) return false;
  uint32_t j = i;
  const char32_t sep = next_code_point(v, j);
  const bool cjk = sep == U'年';
  if (!cjk && sep != U'-' && sep != U'.' && sep != U'/') return false;
  i = date_part(v, j, 3);
  if (i == 0) return false;
  j = i;
  if (next_code_point(v, j) != (cjk ? U'月' : sep)) return false;
  i = date_part(v, j, 3);
  if (i == 0) return false;
  if (cjk) {
    j = i;
    if (next_code_point(v, j) != U'日') return false;
    i = j;
  }
  return i == v.size();
}

bool has_no_clause_marks(std::string_view s) {
  for (uint32_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (c != U':' && c != U'：' && is_clause_punct(c)) return false;
  }
  return true;
}

bool is_title_like(std::string_view s, uint32_t max_chars) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < s.size();) {
    if (is_clause_punct(next_code_point(s, i))) return false;
    if (++n > max_chars) return false;
  }
  return n > 0;
}

}  // namespace reportls::report::detail
