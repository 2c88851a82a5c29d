// reportls/phrasing/miner.h — phrasing learnt from real reports: the expressions and clauses that
// recur across several reports, with the section they occur in and how many reports use them,
// and which clause follows which (the next-clause model).
//
// A report's prose lines are cut into clauses at ，。；：！？ (and their ASCII forms).  An
// expression is a run of at least min_chars characters inside a clause, starting with a Chinese
// character where a word of the clause starts (ICU's segmentation: never 治政府建设 out of
// 法治政府建设), that min_reports reports or more use and that is closed: no longer run starting the
// same way is used by as many reports (so 依法行 is kept only when it continues in different
// ways), cut back to a word boundary of the clause it comes from (ICU's segmentation).  Its weight is the number of reports that use it — the evidence completion ranks by.
// A run never carries half a pair of marks: it is cut before a closing mark it has not opened and
// before an opening mark it does not close (`信息公开条例》(` → `信息公开条例`).
// Its left context is counted too: how many of its uses start their clause.
// A transition is a pair of whole clauses, the second right after the first in one paragraph, that
// min_reports reports or more write.
//
// Pure: no file access, no checks of the wording (reportls-phrases, tools/phrases/, runs the
// analyzers over the result and drops what they flag).  Thread-compatible.
#ifndef REPORTLS_PHRASING_MINER_H
#define REPORTLS_PHRASING_MINER_H

#include <reportls/phrasing/phrase_set.h>
#include <reportls/report/document.h>
#include <reportls/report/markdown.h>
#include <reportls/report/rules.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace reportls::phrasing {

struct MinerText {
  std::string text;
  report::Format format = report::Format::Text;
};

struct MinerOptions {
  uint32_t min_reports = 2;  // an expression is kept when this many reports use it
  uint32_t min_chars = 4;    // characters (code points) of an expression, at least
  uint32_t max_chars = 24;   // and at most (a longer clause is a sentence, not a set phrase)
  uint32_t max_phrases = 12000;  // the best by weight, then length (PhraseSet::kMaxPhrases)
};

struct MinedPhrase {
  std::string text;
  std::vector<std::string> sections;  // vocabulary ids where at least a third of its uses are
  uint32_t reports = 0;               // how many reports use it (its weight)
  uint32_t uses = 0;                  // how many times they write it, all reports together
  uint32_t starts = 0;                // how many of those uses start a clause (Phrase::starts)
  // The clauses it follows as a whole clause, with how many reports write that pair.
  std::vector<std::pair<std::string, uint32_t>> after;
};

// One report read for mining: parsed and cut into clauses, each with its section (an index into
// the vocabulary's sections, or kNoSection).  Reading is the costly part: a report read once can
// be mined with many others (the benchmark's leave-one-out).
struct ReadReport {
  struct Clause {
    std::string_view text;  // trimmed, into doc's text
    uint8_t section;
  };
  static constexpr uint8_t kNoSection = 0xff;
  std::shared_ptr<const report::Document> doc;
  std::vector<Clause> clauses;
};
// The text is read with its marks made full-width (full_width_marks).
ReadReport read_report(const MinerText &text, const PhraseSet &vocabulary, const report::Rules &rules);

// vocabulary: the section definitions (the bundled phrase set's; the reports were read with it).
// Ordered by reports (most first), then length (longest first), then text.
std::vector<MinedPhrase> mine(const std::vector<const ReadReport *> &reports, const PhraseSet &vocabulary,
                              const MinerOptions &options = {});

// text with its ASCII marks , ; : ! ? ( ) next to a Chinese character or mark made full-width, as a
// draft has them (published pages often have them half-width).
std::string full_width_marks(std::string_view text);

// The phrase file (reportls-phrases JSON, one phrase a line) of phrases, at most max_bytes each:
// as many files as it takes, in order.
std::vector<std::string> phrase_files(const std::vector<MinedPhrase> &phrases,
                                      size_t max_bytes = PhraseSet::kMaxFileBytes - 4096);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_MINER_H
