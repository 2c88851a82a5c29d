#include <reportls/phrasing/matcher.h>

#include <algorithm>
#include <optional>

namespace reportls::phrasing {

namespace {

// The continuations of the longest context that stop backing off.  Backing off while fewer than
// the five a user reads continue it saved ~0.7 points more characters in the typing simulation,
// but the shorter contexts' items, ranked after, are then the ones taken in so many accepts that
// the first item is no longer taken in most of them; a context that two phrases continue is
// specific enough to fill the first places itself.
constexpr size_t kEnoughPrefixMatches = 2;

struct Candidate {
  const Phrase *phrase;
  const PinyinKey *key;
  const PhraseSet *set;
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
      return Match{c.phrase, s == 0 ? MatchKind::Prefix : MatchKind::Substring, std::move(*filter), {}, c.set};
  return std::nullopt;
}

// typed (Chinese) where the phrase has it, followed by letters (maybe none) spelling what comes
// next.  Prefix when the phrase starts with it; elsewhere only from 2 characters.
std::optional<Match> match_context(std::string_view typed, bool one_character,
                                   std::string_view letters, const Candidate &c) {
  const std::string_view text = c.phrase->text;
  for (size_t pos = text.find(typed); pos != std::string_view::npos; pos = text.find(typed, pos + 1)) {
    if (pos > 0 && one_character) break;
    const MatchKind kind = pos == 0 ? MatchKind::Prefix : MatchKind::Substring;
    if (letters.empty()) return Match{c.phrase, kind, std::string(text.substr(pos)), {}, c.set};
    if (c.phrase->mined) return std::nullopt;  // no pinyin key
    // The syllable the letters continue with: the first one spelt at or after the typed part
    // (marks like “ in between are skipped).
    const std::vector<uint32_t> &sources = c.key->sources;
    const auto s = std::lower_bound(sources.begin(), sources.end(), pos + typed.size());
    if (s == sources.end()) continue;
    if (auto filter = letters_at(*c.key, s - sources.begin(), letters,
                                 std::string_view(text).substr(pos, typed.size())))
      return Match{c.phrase, kind, std::move(*filter), {}, c.set};
  }
  return std::nullopt;
}

}  // namespace

std::vector<Match> match_phrases(std::string_view text, const Typed &typed,
                                 const std::vector<const PhraseSet *> &sets) {
  const uint32_t cursor = typed.letters.end;
  std::vector<Match> result;
  const std::string_view letters = typed.letters.in(text);
  // Every phrase, for nothing typed and for letters alone.
  auto every = [&] {
    std::vector<Candidate> all;
    for (const PhraseSet *set : sets) {
      // Keys are computed (or read from the table) by the first query that needs them.
      const PinyinKeys *keys = letters.empty() ? nullptr : &set->pinyin();
      for (size_t i = 0; i < set->phrases().size(); ++i)
        all.push_back({&set->phrases()[i], keys ? &(*keys)[i] : nullptr, set});
    }
    return all;
  };
  if (typed.span().empty()) {
    const std::vector<Candidate> all = every();
    // A mined phrase continues what was typed, or follows a clause (the completer's next clause).
    for (const Candidate &c : all)
      if (!c.phrase->mined || !c.phrase->after.empty())
        result.push_back({c.phrase, MatchKind::Prefix, std::string(c.phrase->text), {cursor, cursor}, c.set});
    return result;
  }

  if (!typed.chinese.empty()) {
    // Only phrases with the last typed character can continue any suffix of the characters.
    uint32_t last = typed.chinese.end;
    const char32_t last_char = report::prev_code_point(text, last);
    std::vector<Candidate> candidates;
    for (const PhraseSet *set : sets) {
      const PinyinKeys *keys = letters.empty() ? nullptr : &set->pinyin();
      for (uint32_t i : set->containing(last_char))
        candidates.push_back({&set->phrases()[i], keys ? &(*keys)[i] : nullptr, set});
    }
    // And only those with the last two for a suffix of two or more (a mined set has thousands
    // with the last one).
    uint32_t last_two = last;
    if (last > typed.chinese.start) report::prev_code_point(text, last_two);
    const std::string_view two = text.substr(last_two, typed.chinese.end - last_two);
    std::vector<Candidate> candidates_two;
    if (last_two < last)
      for (const Candidate &c : candidates)
        if (c.phrase->text.find(two) != std::string_view::npos) candidates_two.push_back(c);
    // Longest suffix first: 坚持深入学 should replace 深入学, not only 学.  Once a suffix is
    // contained in phrases, only shorter suffixes that phrases start with are still looked for.
    // Chinese alone backs off to shorter suffixes until kEnoughPrefixMatches phrases continue
    // the text: a long context continued by one phrase only (often the end of a phrase just
    // written) leaves the rest of the list to what the shorter context goes on with.
    bool contained = false;
    size_t prefixes = 0;
    for (uint32_t start = typed.chinese.start; start < typed.chinese.end;) {
      const std::string_view suffix = text.substr(start, typed.chinese.end - start);
      const bool one_character = start == last;
      bool prefix = false;
      for (const Candidate &c : one_character ? candidates : candidates_two)
        if (auto m = match_context(suffix, one_character, letters, c)) {
          if (contained && m->kind != MatchKind::Prefix) continue;
          if (m->kind == MatchKind::Prefix) prefix = true, ++prefixes;
          m->replace = {start, cursor};
          result.push_back(std::move(*m));
        }
      if (prefix && (!letters.empty() || prefixes >= kEnoughPrefixMatches)) return result;
      contained = contained || !result.empty();
      report::next_code_point(text, start);
    }
    if (!result.empty()) return result;
  }
  if (letters.empty()) return result;  // no phrase has what was typed: nothing to replace
  for (const Candidate &c : every())
    if (auto m = c.phrase->mined ? std::nullopt : match_letters(letters, c)) {
      m->replace = {typed.letters.start, cursor};
      result.push_back(std::move(*m));
    }
  return result;
}

}  // namespace reportls::phrasing
