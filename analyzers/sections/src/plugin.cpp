// The sections analyzer: required items of the report's profile.
#include <reportls/plugin.hpp>
#include <reportls/report/data_files.h>
#include <reportls/report/report_year.h>
#include <reportls/sections/sections.h>

#include <stdexcept>
#include <string>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

class SectionsPlugin {
 public:
  explicit SectionsPlugin(const plugin::Config &config) {
    rules_ = report::Rules::load_or_defaults(config.plugin_dir, [&](const std::string &e) { config.warn(e); });
    const std::vector<std::string> dirs = report::data_folders(config.plugin_dir, config.data_dirs);
    profiles_ = report::Profiles::load(dirs);
    for (const std::string &e : profiles_.errors()) config.warn(e);
  }

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = report::shared_parse(document.text, rules_, report::format_of(document.uri, document.path),
                                             document.snapshot);
    const report::Document &doc = *parsed;
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    const std::string wanted = report::profile_setting(document.settings);
    bool unknown = false;
    const report::Profile *profile = profiles_.choose(doc, wanted, &unknown);
    // Said on every analysis; the host tells the user once per document.
    if (unknown) sink.error("sections: 未知的报告类型 profile \"" + wanted + "\"（可用的见 *.profile.json）");
    if (!profile) return REPORTLS_OK;
    sink.fact("profile", profile->id);
    for (const plugin::Diagnostic &d :
         reportls::sections::check(doc, *profile, report::report_year(doc, document.settings)))
      sink.diagnostic(d);
    return REPORTLS_OK;
  }

 private:
  report::Rules rules_;
  report::Profiles profiles_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(SectionsPlugin, "sections", "0.1.0",
                       "必备内容：按报告类型检查缺项、仅作分项、问题原因分析与部分顺序",
                       REPORTLS_CAP_DIAGNOSTICS)
