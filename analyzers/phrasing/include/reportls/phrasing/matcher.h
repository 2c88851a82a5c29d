// reportls/phrasing/matcher.h — which phrases match what the user typed, and what an accepted
// item replaces.
//
// Chinese only: the longest suffix of the typed characters that some phrase starts with or
// contains (a substring needs 2 characters or more); when that suffix is only contained, also the
// longest shorter suffix that phrases start with (`我们坚持习近平法`: 习近平法 inside 深入学习贯彻习近平法治思想,
// and 法 starting 法治政府…); and while fewer than 2 phrases start with the suffixes
// matched so far, also the phrases that start with shorter suffixes (`贯彻落实党的二十`: after
// the few that go on from 党的二十, those that go on from 的二十 and 二十) — the completer ranks
// the longer context first.
// Phrases learnt from reports (Phrase::mined) match typed Chinese only, never letters.
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
  report::Span replace;  // what the item replaces: the matched typed text, ending at the cursor
  const PhraseSet *set = nullptr;  // the set the phrase is from
};

// Nothing typed: every phrase matches (as Prefix, filter_text the phrase, replacing nothing) but the
// mined ones that follow no clause.
std::vector<Match> match_phrases(std::string_view text, const Typed &typed,
                                 const std::vector<const PhraseSet *> &sets);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_MATCHER_H
