#include <reportls/report/sentences.h>

#include <algorithm>

namespace reportls::report {

bool is_sentence_terminator(char32_t c, bool semicolons) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'!': case U'?': return true;
    case U'；': case U';': return semicolons;
    default: return false;
  }
}

bool is_closing_mark(char32_t c) {
  switch (c) {
    case U'”': case U'’': case U'」': case U'』': case U'）': case U')': case U'》': case U'】':
    case U'"': case U'\'':
      return true;
    default:
      return false;
  }
}

std::vector<Span> split_sentences(std::string_view text, Span within, bool semicolons) {
  std::vector<Span> out;
  within.end = std::min<uint32_t>(within.end, static_cast<uint32_t>(text.size()));
  uint32_t start = std::min(within.start, within.end);
  auto emit = [&](uint32_t end) {
    Span s = trim(text, Span{start, end});
    if (!s.empty()) out.push_back(s);
    start = end;
  };
  uint32_t i = start;
  while (i < within.end) {
    uint32_t j = i;
    const char32_t c = next_code_point(text, j);
    j = std::min(j, within.end);
    if (c == U'\n' || c == U'\r') {
      emit(i);
      start = j;
      i = j;
      continue;
    }
    if (!is_sentence_terminator(c, semicolons)) {
      i = j;
      continue;
    }
    // Swallow `。”` `?!` `。)`: the sentence ends after the last terminator or closing mark.
    while (j < within.end) {
      uint32_t k = j;
      const char32_t d = next_code_point(text, k);
      if (!is_sentence_terminator(d, semicolons) && !is_closing_mark(d)) break;
      j = std::min(k, within.end);
    }
    emit(j);
    i = j;
  }
  emit(within.end);
  return out;
}

}  // namespace reportls::report
