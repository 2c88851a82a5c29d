// The sections analyzer: required items of the report's profile.
#include <reportls/plugin.hpp>
#include <reportls/report/plugin_support.h>
#include <reportls/report/report_year.h>
#include <reportls/sections/sections.h>

#include <stdexcept>
#include <string>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

class SectionsPlugin {
 public:
  explicit SectionsPlugin(const plugin::Config &config) : reader_(config) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    const std::string wanted = report::profile_setting(document.settings);
    bool unknown = false;
    const report::Profile *profile = reader_.profiles().choose(doc, wanted, &unknown);
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
  report::ReportReader reader_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(SectionsPlugin, "sections", "0.1.0",
                       "必备内容：按报告类型检查缺项、仅作分项、问题原因分析与部分顺序",
                       REPORTLS_CAP_DIAGNOSTICS)
