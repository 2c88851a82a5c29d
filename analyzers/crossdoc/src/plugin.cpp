// The crossdoc analyzer: this year's report against last year's and against its companion report
// (plugin.h, "Related documents").
#include <reportls/crossdoc/crossdoc.h>
#include <reportls/plugin.hpp>
#include <reportls/report/plugin_support.h>

#include <memory>
#include <string>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;
namespace crossdoc = reportls::crossdoc;

class CrossdocPlugin {
 public:
  // The bundled data must load (create fails otherwise); a broken user file is a load warning.
  explicit CrossdocPlugin(const plugin::Config &config)
      : reader_(config),
        analyzer_(report::load_with_warnings(config, crossdoc::load_all),
                  report::load_with_warnings(config, reportls::figures::load_all), reader_.profiles()) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    crossdoc::Result r;
    if (!run(document, sink, r)) return REPORTLS_CANCELLED;
    for (const auto &[key, value] : r.facts) sink.fact(key, value);
    for (const plugin::Diagnostic &d : r.findings.diagnostics) sink.diagnostic(d);
    return REPORTLS_OK;
  }

  reportls_status hover(const plugin::Document &document, uint32_t offset, plugin::Sink &sink) const {
    crossdoc::Result r;
    if (!run(document, sink, r)) return REPORTLS_CANCELLED;
    for (const crossdoc::Note &n : crossdoc::notes_at(r.findings, offset)) sink.hover(n.range.start, n.range.end, n.markdown);
    return REPORTLS_OK;
  }

  void close(std::string_view uri) const { analyzer_.close(uri); }

 private:
  // The analysis of the document with its related documents; false when cancelled.
  bool run(const plugin::Document &document, const plugin::Sink &sink, crossdoc::Result &out) const {
    const auto parsed = reader_.parse(document);
    std::vector<std::shared_ptr<const report::Document>> keep;  // the related parses live as long as the analysis
    std::vector<crossdoc::RelatedReport> related;
    for (const plugin::Related &r : document.related) {
      keep.push_back(reader_.parse(r));
      related.push_back({std::string(r.role), std::string(r.uri), keep.back().get()});
    }
    out = analyzer_.analyze(*parsed, document.settings, related, [&] { return sink.cancelled(); }, document.uri);
    return !sink.cancelled();
  }

  report::ReportReader reader_;
  crossdoc::Analyzer analyzer_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(CrossdocPlugin, "crossdoc", "0.1.0",
                       "上年报告与同年报告对照：同比数字、上年工作安排的落实、照搬上年的句子、两份报告的同一数字",
                       REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_HOVER | REPORTLS_CAP_RELATED)
