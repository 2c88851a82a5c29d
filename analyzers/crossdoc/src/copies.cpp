// copy.previous-year: sentences carried over from last year's report, and the years left in them.
#include <reportls/crossdoc/checks.h>
#include <reportls/report/sentences.h>

#include <cctype>
#include <optional>
#include <unordered_map>

namespace reportls::crossdoc {

namespace {

using report::Span;

// A sentence as copying leaves it: no spaces, and the ASCII marks of a normalised page read as the
// full-width ones (one year's page may be NFKC-normalised, the other not).
std::string comparable(std::string_view s) {
  static const std::pair<char, const char *> kWide[] = {{',', "，"}, {':', "："}, {';', "；"}, {'(', "（"},
                                                        {')', "）"}, {'!', "！"}, {'?', "？"}};
  std::string out;
  for (uint32_t i = 0; i < s.size();) {
    const uint32_t at = i;
    const char32_t c = report::next_code_point(s, i);
    if (report::is_space(c)) continue;
    const char *wide = nullptr;
    for (const auto &[ascii, full] : kWide)
      if (c == static_cast<char32_t>(ascii)) wide = full;
    if (wide) out += wide;
    else out.append(s.substr(at, i - at));
  }
  return out;
}

// Where `YYYY年` with YYYY == year starts in s (digits not part of a longer number), for each year.
std::vector<uint32_t> year_positions(std::string_view s, uint32_t year) {
  std::vector<uint32_t> out;
  const std::string needle = std::to_string(year) + "年";
  for (size_t at = s.find(needle); at != s.npos; at = s.find(needle, at + 1))
    if (at == 0 || !(s[at - 1] >= '0' && s[at - 1] <= '9')) out.push_back(static_cast<uint32_t>(at));
  return out;
}

// s with its report's year and the year before written as placeholders, so that a sentence
// copied with its years moved on (2023年 → 2024年) still reads as the same sentence.
std::string years_abstracted(std::string s, uint32_t year) {
  if (year == 0) return s;
  for (const auto &[y, mark] : {std::pair{year, "〈本年〉"}, std::pair{year - 1, "〈上年〉"}}) {
    const std::string needle = std::to_string(y) + "年";
    const std::vector<uint32_t> at = year_positions(s, y);
    for (auto p = at.rbegin(); p != at.rend(); ++p) s.replace(*p, needle.size(), mark);
  }
  return s;
}

// Characters that carry content: ideographs, letters and digits.
uint32_t letters(std::string_view s) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < s.size();) {
    const char32_t c = report::next_code_point(s, i);
    if (report::is_cjk_ideograph(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)))) ++n;
  }
  return n;
}

struct Place {
  uint32_t line = 0;
  Span sentence;
};

// The sentences of a document's body text: its body paragraphs, and what follows the title of a
// heading run into its paragraph (`2.深入推进…专项整治。将专项整治列入…`), with their lines.
std::vector<Place> body_sentences(const report::Document &doc) {
  std::vector<uint32_t> title_end(doc.lines.size(), 0);
  for (const report::Heading &h : doc.headings) title_end[h.line] = h.title.end;
  std::vector<Place> out;
  for (uint32_t l = 0; l < doc.lines.size(); ++l) {
    const report::Line &line = doc.lines[l];
    if (!report::is_prose(line.kind)) continue;
    for (const Span &s : report::split_sentences(doc.text, line.content))
      if (line.kind == report::LineKind::Body || s.start >= title_end[l]) out.push_back({l, s});
  }
  return out;
}

}  // namespace

void check_copies(const Context &c, const Other &previous, Findings &out) {
  const uint32_t min_chars = c.data.copy_min_chars;
  const bool consecutive = c.year != 0 && (previous.year == 0 || previous.year + 1 == c.year);
  std::unordered_map<std::string, Place> verbatim, moved_on;
  for (const Place &place : body_sentences(previous.doc)) {
    const std::string_view text = previous.doc.str(place.sentence);
    if (letters(text) < min_chars) continue;
    const std::string key = comparable(text);
    verbatim.emplace(key, place);
    if (consecutive) moved_on.emplace(years_abstracted(key, previous.year ? previous.year : c.year - 1), place);
  }
  if (verbatim.empty()) return;
  // Copied sentences next to one another in a paragraph make one diagnostic.
  struct Run {
    Span span;
    Place first;        // where last year's report has the first of them
    uint32_t line = 0;  // this report's paragraph
    uint32_t sentences = 0;
    bool years_moved = false;  // some sentence matched only with its years moved on
  };
  auto flush = [&](std::optional<Run> &run) {
    if (!run) return;
    plugin::Diagnostic d;
    d.start = run->span.start;
    d.end = run->span.end;
    d.severity = REPORTLS_SEVERITY_INFO;
    d.code = "copy.previous-year";
    d.message = (run->sentences > 1 ? "这" + std::to_string(run->sentences) + "句与" + previous.name + "第" +
                                          std::to_string(run->first.line + 1) + "行起的文字相同"
                                    : "这句与" + previous.name + "第" + std::to_string(run->first.line + 1) + "行的文字相同") +
                (run->years_moved ? "（只改了年份）" : "") + "：照搬上年报告的内容，应按本年度的情况改写。";
    out.notes.push_back({run->span, "**与上年报告相同**\n\n> " +
                                        excerpt(previous.doc, run->first.sentence, run->first.sentence, 120) + "\n\n" +
                                        link(previous, run->first.line)});
    out.diagnostics.push_back(std::move(d));
    run.reset();
  };
  std::optional<Run> run;
  for (const Place &place : body_sentences(c.doc)) {
    if (run && run->line != place.line) flush(run);
    const Span s = place.sentence;
    const std::string_view text = c.doc.str(s);
    const std::string key = letters(text) >= min_chars ? comparable(text) : "";
    auto same = key.empty() ? verbatim.end() : verbatim.find(key);
    if (same != verbatim.end() && consecutive) {
      // Word for word, so a year of last year's report in it was never updated.
      const std::vector<uint32_t> stale = year_positions(text, c.year - 1);
      for (uint32_t at : stale) {
        plugin::Diagnostic d;
        d.start = s.start + at;
        d.end = s.start + at + 7;  // YYYY年
        d.severity = REPORTLS_SEVERITY_INFO;
        d.code = "copy.previous-year";
        d.message = "“" + std::to_string(c.year - 1) + "年”未随年度更新：这句与" + previous.name + "第" +
                    std::to_string(same->second.line + 1) + "行的文字相同，而本报告是" + std::to_string(c.year) + "年度的报告。";
        out.notes.push_back({{d.start, d.end}, "**上年报告的原句**\n\n> " +
                                                   excerpt(previous.doc, same->second.sentence, same->second.sentence, 120) +
                                                   "\n\n" + link(previous, same->second.line)});
        out.diagnostics.push_back(std::move(d));
      }
      if (!stale.empty()) {
        flush(run);
        continue;
      }
    }
    const Place *from = same != verbatim.end() ? &same->second : nullptr;
    bool moved = false;
    if (!from && consecutive && !key.empty())
      if (auto m = moved_on.find(years_abstracted(key, c.year)); m != moved_on.end()) from = &m->second, moved = true;
    if (!from) {
      flush(run);
      continue;
    }
    if (!run) run = Run{s, *from, place.line, 0};
    run->span.end = s.end;
    ++run->sentences;
    run->years_moved |= moved;
  }
  flush(run);
}

}  // namespace reportls::crossdoc
