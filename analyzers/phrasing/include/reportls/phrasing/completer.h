// reportls/phrasing/completer.h — all completion items at a cursor, ranked.
//
// Ranking (sort_text): the next enumeration marker, then missing required headings, then
// phrases — the clauses real reports write after the one before the cursor first, then those that
// continue what was typed before those that rewrite it, the longer typed context matched first,
// then by evidence (how many times real reports write the phrase, Phrase::uses, doubled in the
// cursor's section, quadrupled when the document already writes it in the 8 KB before the typed
// text, and weighed by its left context: how much likelier the phrase is at a clause's start, or
// inside one, wherever the typed context stands, than the phrases of its set — Phrase::starts
// against PhraseSet::start_share), the longer phrase first, then file order.  The continuations of
// the document's own earlier text (earlier_text.h) are ranked with the prefix phrases, each
// earlier place counting as 8 uses, detail 本文前文（N 处）; of items that would write the same
// text after the cursor only the first is offered.  A prefix item is dropped when a longer one
// extends it with at least 90 % of its reports, and a phrase typed in full (it would write
// nothing) is not offered.  Last, the first kShown items are ordered, at equal typed context, by
// how likely each is taken: its evidence less that of the nearest longer shown items of the same
// typed context that go on from it (a writer takes the item that writes the most right text).
//
// Certainty (Item::preselected, at most one item; the editor preselects it and the server offers
// it as inline ghost text — precision first, since ghost text is intrusive):
//   - the next clause: nothing typed after a clause mark, and the phrase is the one at least
//     kMinInlineReports real reports write right after the clause before the cursor, strictly
//     more than write any other phrase there;
//   - typed Chinese: of the phrases that start with the longest typed context any phrase starts
//     with (kMinInlineContext characters or more), the shortest, when every other one begins with
//     it (all the phrasing real reports continue that context with agrees on it) and it goes on
//     beyond what is typed.
// Only the phrase models decide it, never the document's earlier text (one earlier place is a
// guess).  Never a snippet with a placeholder left (the writer still has to fill it in), never
// pinyin (the letters are not a prefix of the phrase), never the enumeration marker or a heading.
#ifndef REPORTLS_PHRASING_COMPLETER_H
#define REPORTLS_PHRASING_COMPLETER_H

#include <reportls/phrasing/item.h>
#include <reportls/phrasing/phrase_set.h>
#include <reportls/report/document.h>
#include <reportls/report/profile.h>

#include <optional>
#include <vector>

namespace reportls::phrasing {

struct Request {
  const report::Document &doc;
  uint32_t offset = 0;
  std::optional<int> year;                    // report_year()
  const report::Profile *profile = nullptr;   // null: no heading completions
};

struct Result {
  std::vector<Item> items;
  // The list was cut at the cap, or the key is too short for the client to filter the list
  // itself as typing goes on (fewer than kMinCompleteLetters pinyin letters): it must ask again.
  bool incomplete = false;
};
inline constexpr size_t kMinCompleteLetters = 3;
inline constexpr size_t kShown = 5;  // the handful of items a user reads
inline constexpr uint32_t kMinInlineReports = 2;
inline constexpr uint32_t kMinInlineContext = 4;

// The section the cursor is in: the enclosing top-level heading's section per vocabulary
// (section_for_heading), the preface section before the first heading.
const SectionDef *cursor_section(const report::Document &doc, uint32_t offset,
                                 const PhraseSet &vocabulary);

// sets: the phrase sets to offer, the last one also giving the section vocabulary.  With nothing
// typed, only the phrases of the cursor's section are offered.
Result complete(const Request &request, const std::vector<const PhraseSet *> &sets,
                size_t cap = 50);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_COMPLETER_H
