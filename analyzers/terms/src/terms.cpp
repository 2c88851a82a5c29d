#include <reportls/terms/terms.h>
#include <reportls/report/data_files.h>
#include <reportls/report/diagnostic.h>

#include <algorithm>

namespace reportls::terms {
namespace {

void add_file(const std::string &path, Tables &t) {
  t.rules.add(report::parse_pattern_rules(report::read_data_file(path), path));
}

}  // namespace

Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors) {
  Tables t;
  for (const std::string &path : report::data_files({plugin_dir}, "terms-")) add_file(path, t);
  for (const std::string &path : report::data_files(data_dirs, "terms-")) {
    try {
      Tables scratch;
      add_file(path, scratch);
      t.rules.add(scratch.rules.all());
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  return t;
}

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled, std::string_view document) {
  std::vector<plugin::Diagnostic> out;
  report::PatternHitCache::Pass hits(*t.hits, document);
  for (const report::Line &line : doc.lines) {
    if (line.kind == report::LineKind::Debris || line.kind == report::LineKind::Blank) continue;
    if (cancelled()) return out;
    report::find_pattern_hits(
        doc.text, line.content, t.rules, report_year,
        [&](report::PatternHit &&h) { out.push_back(report::to_diagnostic(std::move(h), "terms")); }, &hits);
  }
  hits.finish();
  std::stable_sort(out.begin(), out.end(),
                   [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
  return out;
}

}  // namespace reportls::terms
