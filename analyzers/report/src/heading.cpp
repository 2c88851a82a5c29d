#include <reportls/report/heading.h>
#include <reportls/report/sentences.h>

namespace reportls::report {

std::string Ordinal::punctuation(std::string_view text) const {
  std::string out(open.in(text));
  out += close.in(text);
  out += trailing.in(text);
  return out;
}

namespace {

struct Cursor {
  std::string_view text;
  uint32_t pos;
  uint32_t end;

  char32_t peek(uint32_t *after = nullptr) const {
    if (pos >= end) return 0;
    uint32_t j = pos;
    const char32_t c = next_code_point(text, j);
    if (after) *after = j > end ? end : j;
    return c;
  }
  std::string_view rest() const { return Span{pos, end}.in(text); }
};

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19); }
bool is_open(char32_t c) { return c == U'(' || c == U'（'; }
bool is_close(char32_t c) { return c == U')' || c == U'）'; }

// Fills title and run_in from text: a run-in heading `（二）标题。正文…` has its first sentence as
// its title; a heading line with nothing after its first sentence is a standalone heading.
void split_title(std::string_view text, Heading &h) {
  h.title = h.text;
  h.run_in = false;
  for (uint32_t i = h.text.start; i < h.text.end;) {
    const uint32_t at = i;
    const char32_t c = next_code_point(text, i);
    if (!is_sentence_terminator(c)) continue;
    const Span title = trim(text, Span{h.text.start, at});
    if (title.empty()) return;
    h.title = title;
    // Anything after the terminator run (`。`, `。”`) is body text.
    while (i < h.text.end) {
      uint32_t j = i;
      const char32_t d = next_code_point(text, j);
      if (!is_sentence_terminator(d) && !is_closing_mark(d) && !is_space(d)) break;
      i = j;
    }
    h.run_in = i < h.text.end;
    return;
  }
}

}  // namespace

std::optional<Heading> parse_heading(std::string_view text, Span content) {
  if (content.end > text.size() || content.empty()) return std::nullopt;
  Heading h;
  Ordinal &o = h.ordinal;
  Cursor cur{text, content.start, content.end};
  uint32_t after = 0;
  const char32_t c0 = cur.peek(&after);

  if (c0 == U'#') {
    uint32_t hashes = 0;
    while (cur.peek(&after) == U'#' && hashes < 7) {
      cur.pos = after;
      ++hashes;
    }
    if (hashes > 6 || !is_space(cur.peek())) return std::nullopt;
    o.style = OrdinalStyle::Markdown;
    o.number = Span{content.start, cur.pos};
    o.canonical = true;
    h.level = static_cast<int>(hashes);
  } else if (is_open(c0)) {
    o.open = Span{cur.pos, after};
    cur.pos = after;
    if (auto n = chinese_numeral_prefix(cur.rest()); n && n->value > 0) {
      o.style = OrdinalStyle::ChineseParen;
      o.value = n->value;
      h.level = 2;
      o.number = Span{cur.pos, cur.pos + n->length};
    } else if (auto a = arabic_number_prefix(cur.rest(), 3); a && a->value > 0) {
      o.style = OrdinalStyle::ArabicParen;
      o.value = a->value;
      h.level = 4;
      o.number = Span{cur.pos, cur.pos + a->length};
    } else {
      return std::nullopt;
    }
    cur.pos = o.number.end;
    const char32_t close = cur.peek(&after);
    if (!is_close(close)) return std::nullopt;
    o.close = Span{cur.pos, after};
    cur.pos = after;
    if (cur.peek(&after) == U'、') {
      o.trailing = Span{cur.pos, after};
      cur.pos = after;
    }
    const bool open_fw = c0 == U'（', close_fw = close == U'）';
    o.full_width = open_fw && close_fw;
    o.canonical = open_fw == close_fw && o.trailing.empty();
  } else if (is_close(c0)) {
    uint32_t next = 0;
    Cursor probe{text, after, content.end};
    if (!is_cjk_ideograph(probe.peek(&next))) return std::nullopt;
    o.style = OrdinalStyle::Orphan;
    o.close = Span{cur.pos, after};
    o.full_width = c0 == U'）';
    h.level = 2;
    cur.pos = after;
  } else if (auto n = chinese_numeral_prefix(cur.rest()); n && n->value > 0 && c0 != U'两') {
    o.style = OrdinalStyle::Chinese;
    o.value = n->value;
    o.number = Span{cur.pos, cur.pos + n->length};
    h.level = 1;
    cur.pos = o.number.end;
    const char32_t sep = cur.peek(&after);
    if (is_close(sep)) {
      // `一)` — the opening bracket of `(一)` was lost: still a level-2 ordinal.
      o.style = OrdinalStyle::ChineseParen;
      h.level = 2;
    } else if (sep != U'、' && sep != U'.' && sep != U'．') {
      return std::nullopt;
    }
    o.close = Span{cur.pos, after};
    cur.pos = after;
    if (sep != U'、' && is_digit(cur.peek())) return std::nullopt;
    o.full_width = sep != U'.' && sep != U')';
    o.canonical = sep == U'、';
  } else if (auto a = arabic_number_prefix(cur.rest(), 3); a && a->value > 0) {
    o.value = a->value;
    o.number = Span{cur.pos, cur.pos + a->length};
    cur.pos = o.number.end;
    const char32_t sep = cur.peek(&after);
    if (sep == U'.' || sep == U'．' || sep == U'、') {
      o.style = OrdinalStyle::Arabic;
      h.level = 3;
      o.canonical = sep != U'、';
    } else if (is_close(sep)) {
      o.style = OrdinalStyle::ArabicParen;  // `1)` — half a bracket pair
      h.level = 4;
    } else {
      return std::nullopt;
    }
    o.full_width = sep != U'.' && sep != U')';
    o.close = Span{cur.pos, after};
    cur.pos = after;
    if (is_digit(cur.peek())) return std::nullopt;  // 1.5亿元, 1、2号
  } else {
    return std::nullopt;
  }

  o.span = Span{content.start, cur.pos};
  h.text = trim(text, Span{cur.pos, content.end});
  if (h.text.empty()) return std::nullopt;
  split_title(text, h);
  return h;
}

}  // namespace reportls::report
