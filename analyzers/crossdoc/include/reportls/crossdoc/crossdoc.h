// reportls/crossdoc/crossdoc.h — the cross-document analyzer: a report against the same body's
// report of the previous year and its companion report of the same year.
//
//   Analyzer a(data, figure_data, profiles);
//   Result r = a.analyze(doc, settings_json, related);   // related: the host's, parsed
//
// The identity facts (identity.h) are reported for every report, related documents or not; the
// checks run only with the related documents the host gave.  Immutable; thread-safe.
#ifndef REPORTLS_CROSSDOC_CROSSDOC_H
#define REPORTLS_CROSSDOC_CROSSDOC_H

#include <reportls/crossdoc/checks.h>
#include <reportls/crossdoc/data.h>
#include <reportls/figures/data.h>
#include <reportls/report/document.h>
#include <reportls/report/profile.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace reportls::crossdoc {

// A related document, parsed.
struct RelatedReport {
  std::string role;  // kPrevious, kCompanion (others are ignored)
  std::string uri;
  const report::Document *doc = nullptr;
};

struct Result {
  std::vector<std::pair<std::string, std::string>> facts;  // related.* (empty: not a report)
  Findings findings;
};

class Analyzer {
 public:
  Analyzer(Data data, figures::Data figure_data, report::Profiles profiles)
      : data_(std::move(data)), figures_(std::move(figure_data)), profiles_(std::move(profiles)) {}

  // `uri` names the document for the paragraph cache: its entries (of this document's and its
  // related documents' paragraphs) live until the next finished analysis of the uri, or close().
  Result analyze(const report::Document &doc, std::string_view settings, const std::vector<RelatedReport> &related,
                 const std::function<bool()> &cancelled = {}, std::string_view uri = {}) const;
  // The document was closed: the paragraphs only it held are forgotten.
  void close(std::string_view uri) const { cache_.forget(uri); }

  const report::Profiles &profiles() const { return profiles_; }

 private:
  Data data_;
  figures::Data figures_;
  report::Profiles profiles_;
  mutable QuantityCache cache_;  // per paragraph text, for this year's and last year's reports alike (line_cache.h)
};

// The notes whose range holds offset (hover).
std::vector<Note> notes_at(const Findings &findings, uint32_t offset);

}  // namespace reportls::crossdoc

#endif  // REPORTLS_CROSSDOC_CROSSDOC_H
