// reportls/crossdoc/named_figures.h — a report's figures by what they count: the words that
// describe each one — before it and, up to the next mark, after it (`办理行政复议案件|` of
// `全年共办理行政复议案件48件，其中…`, `择优选聘|县政府法律顾问` of `择优选聘5名县政府法律顾问`) —
// and its unit family (案件).
// Two reports state the same quantity only when both agree: a figure is matched by its description
// and unit family, never by its neighbourhood, and a description the report gives two different
// values is no description of one quantity.  The figure model is the figures analyzer's
// (reportls/figures/paragraph.h); the words before a figure are figures::label_before, normalised
// (fillers like 全年/共 and tails like 达/为 dropped, quotes removed).
#ifndef REPORTLS_CROSSDOC_NAMED_FIGURES_H
#define REPORTLS_CROSSDOC_NAMED_FIGURES_H

#include <reportls/crossdoc/data.h>
#include <reportls/figures/paragraph.h>
#include <reportls/report/document.h>
#include <reportls/report/line_cache.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::crossdoc {

// The normalised description of p.qs[i], `before|after`, or "" when it has none worth matching
// (fewer than FigureData::min_description_chars characters).
std::string describe(const figures::Paragraph &p, size_t i, const FigureData &data);
// The words right after p.qs[i] that still describe it (`县政府法律顾问` of `5名县政府法律顾问，`):
// up to a separator, a terminator, the next figure or a year-on-year cue.
std::string_view words_after(const figures::Paragraph &p, size_t i, const FigureData &data);

struct NamedFigure {
  std::string description;
  std::string family;
  figures::Decimal value;
  std::string number_text;  // the number as written: `48`, `2966.3万`
  std::string written;      // with its unit: `48件`
  report::Span number;      // the number in the document
  report::Span sentence;    // the sentence that states it
  uint32_t line = 0;        // its line (0-based)
};

// The quantities of line i of a document (a prose line), extracted once per line text (looked up
// through the pass of the analysis, when there is one).
using QuantityCache = report::LineCache<std::vector<figures::Quantity>>;
std::vector<figures::Quantity> quantities(const report::Document &doc, uint32_t i, const figures::Data &fdata,
                                          QuantityCache::Pass *cache);

class FigureIndex {
 public:
  // Every exact count of the document's prose with a description.
  FigureIndex(const report::Document &doc, const figures::Data &fdata, const FigureData &data,
              QuantityCache::Pass *cache = nullptr);

  // The figure the document states for (description, family) when every statement of it gives
  // the same value; nullptr when none does or two disagree.
  const NamedFigure *unique(const std::string &description, const std::string &family) const;
  const std::vector<NamedFigure> &all() const { return figures_; }

 private:
  std::vector<NamedFigure> figures_;
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_name_;
};

// The sentence of text[within] that holds offset (or the whole span).
report::Span sentence_at(std::string_view text, report::Span within, uint32_t offset);

}  // namespace reportls::crossdoc

#endif  // REPORTLS_CROSSDOC_NAMED_FIGURES_H
