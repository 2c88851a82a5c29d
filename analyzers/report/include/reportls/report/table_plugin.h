// reportls/report/table_plugin.h — the plugin shell shared by analyzers that parse the report and
// run one check over their data tables (dates, punctuation, terms).
//
// Checker is a type with
//   static constexpr Scope scope = …;                   // the documents it checks (profile.h)
//   using Tables = …;                                   // immutable after load
//   static Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
//                      std::vector<std::string> &errors);  // bundled data must load (throws);
//                                                          // a broken user file → errors
//   static std::vector<plugin::Diagnostic> check(const Document &, const Tables &,
//                                                const plugin::Document &,
//                                                const std::function<bool()> &cancelled);
// Use with REPORTLS_DEFINE_PLUGIN(reportls::report::TablePlugin<Checker>, …).  Load errors of user
// files are reported once, through the first analyze call.  Thread-safe as plugin.h requires.
#ifndef REPORTLS_REPORT_TABLE_PLUGIN_H
#define REPORTLS_REPORT_TABLE_PLUGIN_H

#include <reportls/plugin.hpp>
#include <reportls/report/data_files.h>
#include <reportls/report/document.h>
#include <reportls/report/profile.h>
#include <reportls/report/rules.h>

#include <atomic>
#include <string>
#include <vector>

namespace reportls::report {

template <class Checker>
class TablePlugin {
 public:
  explicit TablePlugin(const plugin::Config &config)
      : rules_(Rules::load(config.plugin_dir)),
        tables_(Checker::load(config.plugin_dir, config.data_dirs, load_errors_)),
        profiles_(Profiles::load(data_folders(config.plugin_dir, config.data_dirs))) {
    load_errors_.insert(load_errors_.end(), profiles_.errors().begin(), profiles_.errors().end());
  }

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    if (!errors_reported_.exchange(true))
      for (const std::string &e : load_errors_) sink.error(e);
    const auto parsed = shared_parse(document.text, rules_);
    const Document &doc = *parsed;
    if (!profiles_.applies(Checker::scope, doc, document.settings)) return REPORTLS_OK;
    for (const plugin::Diagnostic &d :
         Checker::check(doc, tables_, document, [&] { return sink.cancelled(); }))
      sink.diagnostic(d);
    return sink.cancelled() ? REPORTLS_CANCELLED : REPORTLS_OK;
  }

 private:
  std::vector<std::string> load_errors_;  // declared first: load() fills it
  Rules rules_;
  typename Checker::Tables tables_;
  Profiles profiles_;
  mutable std::atomic<bool> errors_reported_{false};
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_TABLE_PLUGIN_H
