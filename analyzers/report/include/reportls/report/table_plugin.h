// reportls/report/table_plugin.h — the plugin shell shared by analyzers that parse the report and
// run one check over their data tables (dates, punctuation, terms).
//
// Checker is a type with
//   static constexpr Scope scope = …;                   // the documents it checks (profile.h)
//   using Tables = …;                                   // immutable after load
//   static Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
//                      std::vector<std::string> &errors);  // bundled data must load (throws);
//                                                          // a broken user file → errors
//   static void report(const Document &, const Tables &, const plugin::Document &,
//                      const std::function<bool()> &cancelled, const Emit &emit);  // diagnostic.h
//   static void close(const Tables &, std::string_view uri);  // optional: a document was closed
// Use with REPORTLS_DEFINE_PLUGIN(reportls::report::TablePlugin<Checker>, …).  Load errors of user
// files are load warnings (plugin.h, create; plugin_support.h).  Thread-safe as plugin.h requires.
#ifndef REPORTLS_REPORT_TABLE_PLUGIN_H
#define REPORTLS_REPORT_TABLE_PLUGIN_H

#include <reportls/plugin.hpp>
#include <reportls/report/diagnostic.h>
#include <reportls/report/plugin_support.h>

#include <string_view>

namespace reportls::report {

template <class Checker>
class TablePlugin {
 public:
  explicit TablePlugin(const plugin::Config &config)
      : reader_(config), tables_(load_with_warnings(config, Checker::load)) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const Document &doc = *parsed;
    if (!reader_.profiles().applies(Checker::scope, doc, document.settings)) return REPORTLS_OK;
    Checker::report(doc, tables_, document, [&] { return sink.cancelled(); },
                    [&](const plugin::Diagnostic &d, uint32_t shift) { sink.diagnostic(d, shift); });
    return sink.cancelled() ? REPORTLS_CANCELLED : REPORTLS_OK;
  }

  void close(std::string_view uri) const {
    if constexpr (requires { Checker::close(tables_, uri); }) Checker::close(tables_, uri);
  }

 private:
  ReportReader reader_;
  typename Checker::Tables tables_;
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_TABLE_PLUGIN_H
