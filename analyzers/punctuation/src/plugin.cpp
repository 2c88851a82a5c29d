// The punctuation analyzer plugin: a thin shell over reportls_punctuation_lib.
#include <reportls/punctuation/punctuation.h>
#include <reportls/plugin.hpp>

#include <atomic>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

class PunctuationPlugin {
 public:
  explicit PunctuationPlugin(const plugin::Config &config)
      : rules_(report::Rules::load(config.plugin_dir)),
        tables_(reportls::punctuation::load(config.plugin_dir, config.data_dirs, load_errors_)) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    if (!errors_reported_.exchange(true))
      for (const std::string &e : load_errors_) sink.error(e);
    const report::Document doc = report::parse(document.text, rules_);
    for (const plugin::Diagnostic &d :
         reportls::punctuation::check(doc, tables_, [&] { return sink.cancelled(); }))
      sink.diagnostic(d);
    return sink.cancelled() ? REPORTLS_CANCELLED : REPORTLS_OK;
  }

 private:
  std::vector<std::string> load_errors_;  // declared first: load() fills it
  report::Rules rules_;
  reportls::punctuation::Tables tables_;
  mutable std::atomic<bool> errors_reported_{false};
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(PunctuationPlugin, "punctuation", "0.1.0",
                       "标点：全半角、成对标点、年份区间连接号、多余空格、并列引号间的顿号",
                       REPORTLS_CAP_DIAGNOSTICS)
