// The tables analyzer: the fixed tables of a report profile (政府信息公开工作年度报告): their
// arithmetic, their shape, the figures the text quotes from them, and the hover on a total.
#include <reportls/plugin.hpp>
#include <reportls/report/plugin_support.h>
#include <reportls/report/report_year.h>
#include <reportls/tables/tables.h>

#include <string>
#include <vector>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;
namespace tables = reportls::tables;

class TablesPlugin {
 public:
  // The bundled data must load (create fails otherwise); a broken user file is skipped and
  // reported as a load warning.
  explicit TablesPlugin(const plugin::Config &config)
      : reader_(config), templates_(report::load_with_warnings(config, tables::load_templates)) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    const report::Profile *profile = nullptr;
    const tables::Templates *set = templates_for(doc, document.settings, &profile);
    if (!set) return REPORTLS_OK;
    const tables::Findings found = tables::check(doc, *set, profile, report::report_year(doc, document.settings));
    for (const plugin::Diagnostic &d : found.diagnostics) sink.diagnostic(d);
    for (const tables::Action &a : found.actions) sink.action(a.range.start, a.range.end, a.fix);
    return sink.cancelled() ? REPORTLS_CANCELLED : REPORTLS_OK;
  }

  reportls_status hover(const plugin::Document &document, uint32_t offset, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    const report::Profile *profile = nullptr;
    const tables::Templates *set = templates_for(doc, document.settings, &profile);
    if (!set) return REPORTLS_OK;
    for (const tables::Hover &h : tables::hover_at(doc, *set, profile, report::report_year(doc, document.settings), offset))
      sink.hover(h.range.start, h.range.end, h.markdown);
    return REPORTLS_OK;
  }

 private:
  // The templates of the document's report profile; nullptr for any other document (only reports
  // of a profile with tables are checked).
  const tables::Templates *templates_for(const report::Document &doc, std::string_view settings,
                                         const report::Profile **profile) const {
    *profile = reader_.profiles().for_document(doc, settings);
    if (!*profile) return nullptr;
    for (const tables::Templates &t : templates_)
      if (t.profile == (*profile)->id) return &t;
    return nullptr;
  }

  report::ReportReader reader_;
  std::vector<tables::Templates> templates_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(TablesPlugin, "tables", "0.1.0",
                       "表格核对：政府信息公开年报三张固定表格的勾稽关系、行列与正文数字",
                       REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_HOVER)
