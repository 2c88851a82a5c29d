// The dates analyzer plugin: a thin shell over reportls_dates_lib.
#include <reportls/dates/dates.h>
#include <reportls/report/report_year.h>
#include <reportls/report/table_plugin.h>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

struct DatesChecker {
  static constexpr report::Scope scope = report::Scope::Report;
  using Tables = reportls::dates::Tables;
  static Tables load(const std::string &dir, const std::vector<std::string> &data_dirs,
                     std::vector<std::string> &errors) {
    return reportls::dates::load(dir, data_dirs, errors);
  }
  static void report(const report::Document &doc, const Tables &tables, const plugin::Document &document,
                     const std::function<bool()> &cancelled, const report::Emit &emit) {
    reportls::dates::report(doc, tables, report::report_year(doc, document.settings), cancelled, document.uri, emit);
  }
  static void close(const Tables &tables, std::string_view uri) { reportls::dates::forget(tables, uri); }
};

using DatesPlugin = report::TablePlugin<DatesChecker>;

}  // namespace

REPORTLS_DEFINE_PLUGIN(DatesPlugin, "dates", "0.1.0", "年份与日期：报告年度、计划年份、落款日期、相对时间",
                       REPORTLS_CAP_DIAGNOSTICS)
