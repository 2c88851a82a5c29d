// The punctuation analyzer plugin: a thin shell over reportls_punctuation_lib.
#include <reportls/punctuation/punctuation.h>
#include <reportls/report/table_plugin.h>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

struct PunctuationChecker {
  static constexpr report::Scope scope = report::Scope::ChineseText;
  using Tables = reportls::punctuation::Tables;
  static Tables load(const std::string &dir, const std::vector<std::string> &data_dirs,
                     std::vector<std::string> &errors) {
    return reportls::punctuation::load(dir, data_dirs, errors);
  }
  static void report(const report::Document &doc, const Tables &tables, const plugin::Document &document,
                     const std::function<bool()> &cancelled, const report::Emit &emit) {
    for (const plugin::Diagnostic &d :
         reportls::punctuation::check(doc, tables, cancelled, document.uri, document.defer_fix_edits))
      emit(d, 0);
  }
  static void close(const Tables &tables, std::string_view uri) { reportls::punctuation::forget(tables, uri); }
};

using PunctuationPlugin = report::TablePlugin<PunctuationChecker>;

}  // namespace

REPORTLS_DEFINE_PLUGIN(PunctuationPlugin, "punctuation", "0.1.0",
                       "标点：全半角、成对标点、年份区间连接号、多余空格、并列引号间的顿号",
                       REPORTLS_CAP_DIAGNOSTICS)
