#include <reportls/terms/terms.h>
#include <reportls/report/data_files.h>
#include <reportls/report/diagnostic.h>

#include <algorithm>

namespace reportls::terms {

Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors) {
  // Every rule first, then one filter over all of them (PatternRules::add builds it).
  std::vector<report::PatternRule> rules;
  auto append = [&](const std::string &path) {
    for (report::PatternRule &r : report::parse_pattern_rules(report::read_data_file(path), path))
      rules.push_back(std::move(r));
  };
  for (const std::string &path : report::data_files({plugin_dir}, "terms-")) append(path);
  for (const std::string &path : report::data_files(data_dirs, "terms-")) {
    try {
      append(path);  // parsed whole before any rule is kept: a broken file adds nothing
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  Tables t;
  t.rules.add(std::move(rules));
  return t;
}

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled, std::string_view document) {
  std::vector<plugin::Diagnostic> out;
  report::PatternHitCache::Pass hits(*t.hits, document);
  for (uint32_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].kind == report::LineKind::Debris || doc.lines[i].kind == report::LineKind::Blank) continue;
    if (cancelled()) return out;
    report::find_pattern_hits(
        doc, i, t.rules, report_year,
        [&](report::PatternHit &&h) { out.push_back(report::to_diagnostic(std::move(h), "terms")); }, hits);
  }
  hits.finish();
  std::stable_sort(out.begin(), out.end(),
                   [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
  return out;
}

}  // namespace reportls::terms
