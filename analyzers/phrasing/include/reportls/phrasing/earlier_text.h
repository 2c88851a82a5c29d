// reportls/phrasing/earlier_text.h — completion from the document's own earlier text (what
// editors call buffer-word completion): a report names its own places, bodies and programmes
// again and again (秀山县人民政府, 行政复议案件), which no model of other reports can write.
//
// The typed Chinese (Typed::chinese; nothing offered while pinyin letters follow it) is looked
// for in the kEarlierWindowBytes before it: each earlier place of its last 2 characters or more is
// a continuation, what follows that place up to the next clause mark or line end (at most
// kMaxEarlierChars characters, 2 at least).  Only the places of the longest typed context found
// count (the most specific).  Offered, each with the number of places whose continuation starts
// with it:
//   - the longest start, of 2 characters or more, that continuations share (a name before what
//     each place says of it: 县人民政府 of 县人民政府高度重视 and 县人民政府召开常务会议);
//   - each continuation's first word, 2 to 4 characters long and ending before its end: up to the
//     first place in that range where a phrase of the model (sets) starts or ends — the miner
//     cuts its phrases at word boundaries, so 成立秀山 + 县法治政府建设 is 成立秀山县法治 when the
//     model has 政府建设 — else its first 2 characters when both are Han.  Not ICU's
//     word break iterator: it faults ICU's CJK dictionary into the interactive analysis process
//     (+2.5 MB resident); it wrote 0.1–0.2 point more of the text in the typing simulation.
// Never what a place writes whole up to its clause mark: offered too, whole continuations wrote
// slightly more in the typing simulation (+0.0–0.3 points of characters saved) but took the first
// place from items writers took more often (first item taken −5 to −6 points, below half of
// accepts).
//
// Only text before the typed text is read, never what the writer has not written yet.  The cost
// is bounded whatever the document's size: one memmem pass over the window, and for each distinct
// continuation a lookup of the phrases starting in its first ≤ 16 + 4 characters.  Pure function
// of its arguments; any thread.
#ifndef REPORTLS_PHRASING_EARLIER_TEXT_H
#define REPORTLS_PHRASING_EARLIER_TEXT_H

#include <reportls/phrasing/phrase_set.h>
#include <reportls/phrasing/typing.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::phrasing {

// How far back the document is read.  A report repeats its names within a few pages; 16 KB is
// about 5 000 characters, the whole of a typical report (the corpus ones are 11–20 KB).
inline constexpr uint32_t kEarlierWindowBytes = 16384;
inline constexpr uint32_t kMaxEarlierChars = 24;  // of a continuation: a clause's length

struct EarlierContinuation {
  std::string text;       // the typed context, then what follows it earlier
  report::Span replace;   // the typed context (ends at the cursor)
  uint32_t places;        // earlier places whose continuation starts this way
};

// By text, ascending.  sets: the phrase model whose phrases bound words (PhraseSet::known).
std::vector<EarlierContinuation> earlier_continuations(std::string_view text, const Typed &typed,
                                                       const std::vector<const PhraseSet *> &sets);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_EARLIER_TEXT_H
