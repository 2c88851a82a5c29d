// reportls/crossdoc/checks.h — the checks of one report against a related one: last year's report
// of the same body (figures.yoy, plan.follow-up, copy.previous-year) and the companion report of
// the same year (figures.companion).  Each check says nothing when in doubt: a figure is compared
// only when its description and unit family agree in both reports and the other report gives it
// one value.
#ifndef REPORTLS_CROSSDOC_CHECKS_H
#define REPORTLS_CROSSDOC_CHECKS_H

#include <reportls/crossdoc/data.h>
#include <reportls/crossdoc/named_figures.h>
#include <reportls/plugin.hpp>
#include <reportls/report/document.h>
#include <reportls/report/profile.h>

#include <string>
#include <vector>

namespace reportls::crossdoc {

// The related report as the checks see it.
struct Other {
  const report::Document &doc;
  std::string uri;
  uint32_t year = 0;                        // 0: unknown
  std::string name;                         // in messages: 上年（2023年）报告
  const report::Profile *profile = nullptr;
};

// What a hover shows on a span: the other report's sentence and a link to its line.
struct Note {
  report::Span range;
  std::string markdown;
};

struct Findings {
  std::vector<plugin::Diagnostic> diagnostics;
  std::vector<Note> notes;
};

// The report being checked.
struct Context {
  const report::Document &doc;
  uint32_t year = 0;  // 0: unknown
  const report::Profile *profile = nullptr;
  const figures::Data &fdata;
  const Data &data;
  QuantityCache::Pass *cache = nullptr;
};

// figures.yoy: `N件，同比增长P%` / `同比增加D件` / `较上年的M件` / `较2023年增长P%`, with N described
// as a figure of last year's report is, checked against that figure.
void check_year_on_year(const Context &c, const Other &previous, const FigureIndex &theirs, Findings &out);
// figures.companion: a figure both reports of one body and year state, with two values.
void check_companion(const Context &c, const Other &companion, const FigureIndex &mine, const FigureIndex &theirs,
                     Findings &out);
// copy.previous-year: sentences of at least Data::copy_min_chars characters that last year's report
// has word for word (or with only its years moved on), and a year of last year's text left in them.
void check_copies(const Context &c, const Other &previous, Findings &out);
// plan.follow-up: each item of last year's plan that no part of this year's results speaks of.
void check_plan(const Context &c, const Other &previous, Findings &out);

// A piece of other's text for a message: the sentence, shortened around focus to about max_chars.
std::string excerpt(const report::Document &doc, report::Span sentence, report::Span focus, uint32_t max_chars = 60);
// A Markdown link that opens the other report at a line (0-based): [上年（2023年）报告第13行](uri#L13).
std::string link(const Other &other, uint32_t line);

}  // namespace reportls::crossdoc

#endif  // REPORTLS_CROSSDOC_CHECKS_H
