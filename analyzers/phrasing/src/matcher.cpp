#include <reportls/phrasing/matcher.h>

#include <algorithm>
#include <optional>

namespace reportls::phrasing {

namespace {

struct Candidate {
  const Phrase *phrase;
  const PinyinKey *key;
};

// letters at syllable s of k, by initials or by full pinyin: the match's filter text after
// `before` (what was typed before the letters), or nullopt.
std::optional<std::string> letters_at(const PinyinKey &k, size_t s, std::string_view letters,
                                      std::string_view before) {
  auto spelt = [&](const std::string &key, uint32_t pos) -> std::optional<std::string> {
    if (!pinyin_at(key, pos, letters)) return std::nullopt;
    return std::string(before) + std::string(letters) + key.substr(pos + letters.size());
  };
  if (auto filter = spelt(k.initials, k.initial_starts[s])) return filter;
  return spelt(k.full, k.syllable_starts[s]);
}

// Letters alone: from the first syllable (Prefix) or, from 2 letters, a later one (Substring).
std::optional<Match> match_letters(std::string_view letters, const Candidate &c) {
  const size_t syllables = c.key->syllable_starts.size();
  for (size_t s = 0; s < syllables && (s == 0 || letters.size() >= 2); ++s)
    if (auto filter = letters_at(*c.key, s, letters, ""))
      return Match{c.phrase, s == 0 ? MatchKind::Prefix : MatchKind::Substring, std::move(*filter)};
  return std::nullopt;
}

// typed (Chinese) where the phrase has it, followed by letters (maybe none) spelling what comes
// next.  Prefix when the phrase starts with it; elsewhere only from 2 characters.
std::optional<Match> match_context(std::string_view typed, bool one_character,
                                   std::string_view letters, const Candidate &c) {
  const std::string &text = c.phrase->text;
  for (size_t pos = text.find(typed); pos != std::string::npos; pos = text.find(typed, pos + 1)) {
    if (pos > 0 && one_character) break;
    const MatchKind kind = pos == 0 ? MatchKind::Prefix : MatchKind::Substring;
    if (letters.empty()) return Match{c.phrase, kind, text.substr(pos)};
    // The syllable the letters continue with: the first one spelt at or after the typed part
    // (marks like “ in between are skipped).
    const std::vector<uint32_t> &sources = c.key->sources;
    const auto s = std::lower_bound(sources.begin(), sources.end(), pos + typed.size());
    if (s == sources.end()) continue;
    if (auto filter = letters_at(*c.key, s - sources.begin(), letters,
                                 std::string_view(text).substr(pos, typed.size())))
      return Match{c.phrase, kind, std::move(*filter)};
  }
  return std::nullopt;
}

}  // namespace

Matches match_phrases(std::string_view text, const Typed &typed,
                      const std::vector<const PhraseSet *> &sets) {
  const uint32_t cursor = typed.letters.end;
  Matches result{{cursor, cursor}, {}};
  const std::string_view letters = typed.letters.in(text);
  std::vector<Candidate> all;
  for (const PhraseSet *set : sets) {
    // Keys are computed (or read from the table) by the first query that needs them.
    const std::vector<PinyinKey> *keys = letters.empty() ? nullptr : &set->pinyin();
    for (size_t i = 0; i < set->phrases().size(); ++i)
      all.push_back({&set->phrases()[i], keys ? &(*keys)[i] : nullptr});
  }
  if (typed.span().empty()) {
    for (const Candidate &c : all) result.matches.push_back({c.phrase, MatchKind::Prefix, c.phrase->text});
    return result;
  }

  if (!typed.chinese.empty()) {
    // Only phrases with the last typed character can continue any suffix of the characters.
    uint32_t last = typed.chinese.end;
    report::prev_code_point(text, last);
    const std::string_view last_char = text.substr(last, typed.chinese.end - last);
    std::vector<Candidate> candidates;
    for (const Candidate &c : all)
      if (c.phrase->text.find(last_char) != std::string::npos) candidates.push_back(c);
    // Longest suffix first: 坚持深入学 should replace 深入学, not only 学.
    for (uint32_t start = typed.chinese.start; start < typed.chinese.end;) {
      const std::string_view suffix = text.substr(start, typed.chinese.end - start);
      const bool one_character = start == last;
      for (const Candidate &c : candidates)
        if (auto m = match_context(suffix, one_character, letters, c)) result.matches.push_back(std::move(*m));
      if (!result.matches.empty()) {
        result.replace.start = start;
        return result;
      }
      report::next_code_point(text, start);
    }
  }
  if (letters.empty()) return result;  // no phrase has what was typed: nothing to replace
  for (const Candidate &c : all)
    if (auto m = match_letters(letters, c)) result.matches.push_back(std::move(*m));
  if (!result.matches.empty()) result.replace.start = typed.letters.start;
  return result;
}

}  // namespace reportls::phrasing
