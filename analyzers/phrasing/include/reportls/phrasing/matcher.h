// reportls/phrasing/matcher.h — which phrases match what the user typed.
//
// CJK run: the longest suffix of the run (most recent characters) that some phrase starts with
// or contains (a substring needs 2 characters or more); that suffix is what gets replaced.
// Latin run: the letters are pinyin — a prefix of the phrase's initials (`xjp`) or full pinyin
// (`xijinping`), or, from 2 letters, a substring of the initials or of the full pinyin starting at
// a syllable (the first Latin query computes the sets' keys: PhraseSet::pinyin).  filter_text is
// the matched key from the match on, so an editor that filters by prefix keeps the item while
// typing continues.
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
  report::Span replace;  // the typed characters the items replace
  std::vector<Match> matches;
};

// Empty run: every phrase matches (as Prefix, filter_text the phrase).
Matches match_phrases(std::string_view text, const TypedRun &run,
                      const std::vector<const PhraseSet *> &sets);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_MATCHER_H
