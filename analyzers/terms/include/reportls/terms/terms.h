// reportls/terms/terms.h — official terms and wording: outdated, nonstandard and misused words.
//
// Every table is data: terms-*.json files (format described in reportls/report/pattern_rules.h),
// one per topic, in the plugin folder and in every data folder.  A rule's "rule" gives the code
// terms.<rule>; its "years" limit it to reports of those years (the report year comes from the
// settings' reportYear or the report itself, see reportls/report/report_year.h).
#ifndef REPORTLS_TERMS_TERMS_H
#define REPORTLS_TERMS_TERMS_H

#include <reportls/plugin.hpp>
#include <reportls/report/document.h>
#include <reportls/report/pattern_rules.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reportls::terms {

struct Tables {
  report::PatternRules rules;
  // What the rules found in each line of the open documents: after an edit only changed lines are
  // searched.
  std::shared_ptr<report::PatternHitCache> hits = std::make_shared<report::PatternHitCache>();
};

// Loads the bundled terms-*.json (a broken one throws std::runtime_error) and then each data
// folder's (a broken one is skipped, its "<file>: <reason>" added to errors).
Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors);

// The diagnostics for doc (page-debris lines skipped), sorted by position.  `document` (the uri)
// owns the lines it leaves in tables.hits (line_cache.h).
std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &tables,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled, std::string_view document = {});

}  // namespace reportls::terms

#endif  // REPORTLS_TERMS_TERMS_H
