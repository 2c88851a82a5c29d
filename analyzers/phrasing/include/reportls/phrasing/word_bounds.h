// reportls/phrasing/word_bounds.h — where words start and end in Chinese text (ICU's dictionary
// segmentation): 法治政府建设工作 is 法治|政府|建设|工作, so a phrase the miner learns starts where
// a writer starts a word.
//
// The miner's only (offline: reportls-phrases, the typing simulation): the first segmentation
// loads ICU's CJK dictionary, +2.5 MB resident, which the interactive analysis process must not
// pay — completion from the document's earlier text bounds its words by the phrases the miner
// learnt instead (earlier_text.h).
//
// One object per thread: it owns an ICU break iterator, which is not thread-safe.
#ifndef REPORTLS_PHRASING_WORD_BOUNDS_H
#define REPORTLS_PHRASING_WORD_BOUNDS_H

#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace reportls::phrasing {

class WordBounds {
 public:
  WordBounds();

  // The last word boundary at or before end in run (end inside it; end itself when it is not).
  size_t end_before(std::string_view run, size_t end);

  // The word boundaries of text, in bytes, ascending (0 and its end included); every code point's
  // start without segmentation.
  std::vector<uint32_t> starts(std::string_view text);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_WORD_BOUNDS_H
