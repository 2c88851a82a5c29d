#include <reportls/terms/repeats.h>
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
  merge_clause_limits(plugin_dir + "/repeats.json", t.repeats);
  for (const std::string &path : report::data_files(data_dirs, "repeats")) {
    try {
      merge_clause_limits(path, t.repeats);  // leaves the limits as they were when it throws
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  return t;
}

void report(const report::Document &doc, const Tables &t, std::optional<uint32_t> report_year,
            const std::function<bool()> &cancelled, std::string_view document, const report::Emit &emit) {
  LineDiagnostics::Pass found(*t.found, document);
  for (uint32_t i = 0; i < doc.lines.size(); ++i) {
    const report::Line &line = doc.lines[i];
    if (line.kind == report::LineKind::Debris || line.kind == report::LineKind::Blank) continue;
    if (cancelled()) return;
    const std::string_view content = doc.str(line.content);
    if (content.empty()) continue;
    // Searched as a text of its own: the kept offsets are from the line's start.
    // What is found depends on the year and, for repeats, on whether the line is a table's.
    const bool table = line.kind == report::LineKind::Table;
    const uint64_t salt = uint64_t{report_year.value_or(0)} | uint64_t{table} << 32;
    const auto &in_line = found.get(doc, i, salt, [&] {
      std::vector<plugin::Diagnostic> out;
      for (report::PatternHit &h : t.rules.search(content, {0, static_cast<uint32_t>(content.size())}, report_year))
        out.push_back(report::to_diagnostic(std::move(h), "terms"));
      // A table's merged cells come out of Word and web pages as the same text in each cell.
      if (!table)
        for (const report::Span &second : repeated_stretches(content, t.repeats))
          out.push_back(repeated_stretch_diagnostic(content, second));
      std::stable_sort(out.begin(), out.end(),
                       [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
      return out;
    });
    for (const plugin::Diagnostic &d : in_line) emit(d, line.content.start);
  }
  found.finish();
}

std::vector<plugin::Diagnostic> check(const report::Document &doc, const Tables &t,
                                      std::optional<uint32_t> report_year,
                                      const std::function<bool()> &cancelled, std::string_view document) {
  return report::collect([&](const report::Emit &emit) { report(doc, t, report_year, cancelled, document, emit); });
}

}  // namespace reportls::terms
