// reportls/figures/figures.h — the figures analyzer: all checks over one parsed report.
//
//   Findings f = figures::analyze(doc, data, [&] { return sink.cancelled(); });
//
// Only Body and Heading lines are read (page debris, title and 落款 never carry report figures).
// Linear in the text; returns early (with what it has) when cancelled() turns true.
#ifndef REPORTLS_FIGURES_FIGURES_H
#define REPORTLS_FIGURES_FIGURES_H

#include <reportls/figures/data.h>
#include <reportls/figures/findings.h>
#include <reportls/report/document.h>
#include <reportls/report/line_cache.h>

#include <functional>

namespace reportls::figures {

// Every check is local to one paragraph (line); with a cache pass, the findings of a paragraph
// whose text was analysed before are reused (after an edit only the changed paragraphs are
// checked).  The caller finishes the pass when the analysis was not cancelled.
using ParagraphCache = report::LineCache<Findings>;

Findings analyze(const report::Document &doc, const Data &data, const std::function<bool()> &cancelled = {},
                 ParagraphCache::Pass *cache = nullptr);

// The findings of one paragraph (a line's content), offsets from its start: what analyze() keeps
// per paragraph.
Findings analyze_paragraph(std::string_view paragraph, const Data &data);

// The hover text for a figure at offset that takes part in a relation, or nullopt-like empty
// markdown; range is the figure's span.
struct Hover {
  report::Span range;
  std::string markdown;
};
std::vector<Hover> hover_at(const Findings &findings, uint32_t offset);

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_FIGURES_H
