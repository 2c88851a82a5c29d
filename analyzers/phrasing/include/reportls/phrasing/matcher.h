// reportls/phrasing/matcher.h — which phrases match what the user typed, and what an accepted
// item replaces.
//
// Chinese only: the longest suffix of the typed characters that some phrase starts with or
// contains (a substring needs 2 characters or more).
// Letters only: pinyin — a prefix of the phrase's initials (`xjp`) or full pinyin (`xijinping`,
// `lvxing` with v for ü), or, from 2 letters, the same from a later syllable.
// Chinese then letters (`坚持以xjp`, `深入学习贯彻xjpfz`): the longest suffix of the characters
// that some phrase starts with (or contains, from 2 characters) where the pinyin of the rest of the
// phrase starts with the letters; only when no phrase continues any suffix are the letters matched
// alone.
// The matched suffix and the letters are what the items replace, so accepting a phrase never
// writes twice what was already typed.  filter_text starts with exactly what was typed (the
// characters, then the letters as typed) and goes on with the phrase's text or key, so an editor
// that filters its list by prefix keeps the item while typing goes on.
#ifndef REPORTLS_PHRASING_MATCHER_H
#define REPORTLS_PHRASING_MATCHER_H

#include <reportls/phrasing/phrase_set.h>
#include <reportls/phrasing/typing.h>

#include <string>
#include <string_view>
#include <vector>

namespace reportls::phrasing {

enum class MatchKind { Prefix = 0, Substring = 1 };

struct Match {
  const Phrase *phrase = nullptr;
  MatchKind kind = MatchKind::Prefix;
  std::string filter_text;
};

struct Matches {
  report::Span replace;  // what every item replaces: ends at the cursor; empty when nothing matched
  std::vector<Match> matches;
};

// Nothing typed: every phrase matches (as Prefix, filter_text the phrase).
Matches match_phrases(std::string_view text, const Typed &typed,
                      const std::vector<const PhraseSet *> &sets);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_MATCHER_H
