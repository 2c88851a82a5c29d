#include <reportls/crossdoc/crossdoc.h>
#include <reportls/crossdoc/identity.h>
#include <reportls/report/report_year.h>

namespace reportls::crossdoc {

Result Analyzer::analyze(const report::Document &doc, std::string_view settings, const std::vector<RelatedReport> &related,
                         const std::function<bool()> &cancelled, std::string_view uri) const {
  Result out;
  QuantityCache::Pass pass(cache_, uri);
  const report::Profile *profile = profiles_.for_document(doc, settings);
  if (!profile) return out;
  const uint32_t year = report::report_year(doc, settings).value_or(0);
  out.facts = related_facts(Identity{profile->id, issuing_body(doc, data_.identity), year}, data_);
  const Context c{doc, year, profile, figures_, data_, &pass};
  for (const RelatedReport &r : related) {
    if (!r.doc || (cancelled && cancelled())) continue;
    const report::Profile *theirs = profiles_.for_document(*r.doc, "{}");
    const uint32_t their_year = report::report_year(*r.doc).value_or(0);
    if (r.role == kPrevious) {
      const std::string name = their_year ? "上年（" + std::to_string(their_year) + "年）报告" : std::string("上年报告");
      const Other previous{*r.doc, r.uri, their_year, name, theirs};
      check_year_on_year(c, previous, FigureIndex(*r.doc, figures_, data_.figures, &pass), out.findings);
      check_copies(c, previous, out.findings);
      check_plan(c, previous, out.findings);
    } else if (r.role == kCompanion) {
      const std::string name = theirs ? "同年的" + theirs->report_type : std::string("同年的另一份报告");
      const Other companion{*r.doc, r.uri, their_year, name, theirs};
      check_companion(c, companion, FigureIndex(doc, figures_, data_.figures, &pass),
                      FigureIndex(*r.doc, figures_, data_.figures, &pass), out.findings);
    }
  }
  if (!cancelled || !cancelled()) pass.finish();
  return out;
}

std::vector<Note> notes_at(const Findings &findings, uint32_t offset) {
  std::vector<Note> out;
  for (const Note &n : findings.notes)
    if (n.range.contains(offset)) out.push_back(n);
  return out;
}

}  // namespace reportls::crossdoc
