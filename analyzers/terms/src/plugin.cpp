// The terms analyzer plugin: a thin shell over reportls_terms_lib.
#include <reportls/report/report_year.h>
#include <reportls/report/table_plugin.h>
#include <reportls/terms/terms.h>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

struct TermsChecker {
  static constexpr report::Scope scope = report::Scope::ChineseText;
  using Tables = reportls::terms::Tables;
  static Tables load(const std::string &dir, const std::vector<std::string> &data_dirs,
                     std::vector<std::string> &errors) {
    return reportls::terms::load(dir, data_dirs, errors);
  }
  static void report(const report::Document &doc, const Tables &tables, const plugin::Document &document,
                     const std::function<bool()> &cancelled, const report::Emit &emit) {
    reportls::terms::report(doc, tables, report::report_year(doc, document.settings), cancelled, document.uri, emit);
  }
  static void close(const Tables &tables, std::string_view uri) { tables.found->forget(uri); }
};

using TermsPlugin = report::TablePlugin<TermsChecker>;

}  // namespace

REPORTLS_DEFINE_PLUGIN(TermsPlugin, "terms", "0.1.0", "规范用语：过时提法、不规范表述、错别字与重复用词",
                       REPORTLS_CAP_DIAGNOSTICS)
