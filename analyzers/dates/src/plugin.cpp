// The dates analyzer plugin: a thin shell over reportls_dates_lib.
#include <reportls/report/report_year.h>
#include <reportls/dates/dates.h>
#include <reportls/plugin.hpp>

#include <atomic>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

class DatesPlugin {
 public:
  explicit DatesPlugin(const plugin::Config &config)
      : rules_(report::Rules::load(config.plugin_dir)),
        tables_(reportls::dates::load(config.plugin_dir, config.data_dirs, load_errors_)) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    if (!errors_reported_.exchange(true))
      for (const std::string &e : load_errors_) sink.error(e);
    const report::Document doc = report::parse(document.text, rules_);
    const auto year = report::report_year(doc, document.settings);
    for (const plugin::Diagnostic &d :
         reportls::dates::check(doc, tables_, year, [&] { return sink.cancelled(); }))
      sink.diagnostic(d);
    return sink.cancelled() ? REPORTLS_CANCELLED : REPORTLS_OK;
  }

 private:
  std::vector<std::string> load_errors_;  // declared first: load() fills it
  report::Rules rules_;
  reportls::dates::Tables tables_;
  mutable std::atomic<bool> errors_reported_{false};
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(DatesPlugin, "dates", "0.1.0", "年份与日期：报告年度、计划年份、落款日期、相对时间",
                       REPORTLS_CAP_DIAGNOSTICS)
