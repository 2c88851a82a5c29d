// reportls/terms/terms.h — official terms and wording: outdated, nonstandard and misused words.
//
// Every table is data: terms-*.json files (format described in reportls/report/pattern_rules.h),
// one per topic, in the plugin folder and in every data folder; what counts as a clause written
// twice, repeats.json (reportls/terms/repeats.h).  A rule's "rule" gives the code
// terms.<rule>; its "years" limit it to reports of those years (the report year comes from the
// settings' reportYear or the report itself, see reportls/report/report_year.h).
#ifndef REPORTLS_TERMS_TERMS_H
#define REPORTLS_TERMS_TERMS_H

#include <reportls/plugin.hpp>
#include <reportls/report/diagnostic.h>
#include <reportls/report/document.h>
#include <reportls/report/line_cache.h>
#include <reportls/report/pattern_rules.h>
#include <reportls/terms/repeats.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reportls::terms {

// One line's diagnostics, offsets from the line content's start, in text order.
using LineDiagnostics = report::LineCache<std::vector<plugin::Diagnostic>>;

struct Tables {
  report::PatternRules rules;
  ClauseLimits repeats;
  // What the rules found in each line of the open documents: after an edit only changed lines are
  // searched.
  std::shared_ptr<LineDiagnostics> found = std::make_shared<LineDiagnostics>();
};

// Loads the bundled terms-*.json and repeats.json (a broken or missing one throws
// std::runtime_error) and then each data folder's (a broken one is skipped, its "<file>: <reason>"
// added to errors).
Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors);

// The diagnostics for doc (page-debris lines skipped), in text order, to emit as tables.found
// keeps them (report/diagnostic.h).  `document` (the uri) owns the lines it leaves in
// tables.found (line_cache.h).  Stops when cancelled() turns true.
void report(const report::Document &doc, const Tables &tables, std::optional<uint32_t> report_year,
            const std::function<bool()> &cancelled, std::string_view document, const report::Emit &emit);
// The same, collected.
std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &tables,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled, std::string_view document = {});

}  // namespace reportls::terms

#endif  // REPORTLS_TERMS_TERMS_H
