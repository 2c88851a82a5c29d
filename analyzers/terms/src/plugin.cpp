// The terms analyzer plugin: a thin shell over reportls_terms_lib.
#include <reportls/report/report_year.h>
#include <reportls/terms/terms.h>
#include <reportls/plugin.hpp>

#include <atomic>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

class TermsPlugin {
 public:
  explicit TermsPlugin(const plugin::Config &config)
      : rules_(report::Rules::load(config.plugin_dir)),
        tables_(reportls::terms::load(config.plugin_dir, config.data_dirs, load_errors_)) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    if (!errors_reported_.exchange(true))
      for (const std::string &e : load_errors_) sink.error(e);
    const report::Document doc = report::parse(document.text, rules_);
    const auto year = report::report_year(doc, document.settings);
    for (const plugin::Diagnostic &d :
         reportls::terms::check(doc, tables_, year, [&] { return sink.cancelled(); }))
      sink.diagnostic(d);
    return sink.cancelled() ? REPORTLS_CANCELLED : REPORTLS_OK;
  }

 private:
  std::vector<std::string> load_errors_;  // declared first: load() fills it
  report::Rules rules_;
  reportls::terms::Tables tables_;
  mutable std::atomic<bool> errors_reported_{false};
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(TermsPlugin, "terms", "0.1.0", "规范用语：过时提法、不规范表述、错别字与重复用词",
                       REPORTLS_CAP_DIAGNOSTICS)
