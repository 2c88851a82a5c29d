// The outline analyzer: document symbols and folding ranges from the report's headings.
#include <reportls/outline/outline.h>
#include <reportls/plugin.hpp>
#include <reportls/report/plugin_support.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

class OutlinePlugin {
 public:
  // A broken report-rules.json does not stop the outline: headings need no rules (ReportReader).
  explicit OutlinePlugin(const plugin::Config &config) : reader_(config) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    // Other texts keep the editor's own outline (the built-in Markdown one).
    if (!reader_.profiles().applies(report::Scope::Report, doc, document.settings)) return REPORTLS_OK;
    reportls::outline::Outline outline = reportls::outline::build(doc);
    for (auto &s : outline.symbols) {
      plugin::Symbol v;
      v.name = std::move(s.name);  // a long report has thousands: moved, not copied
      v.detail = std::move(s.detail);
      v.kind = static_cast<reportls_symbol_kind>(s.kind);
      v.start = s.range.start;
      v.end = s.range.end;
      v.selection_start = s.selection.start;
      v.selection_end = s.selection.end;
      v.parent = s.parent;
      sink.symbol(v);
    }
    for (const auto &f : outline.folds) sink.fold(f.start, f.end);
    if (doc.title) sink.fact("title", std::string(doc.str(doc.title->text)));
    return REPORTLS_OK;
  }

 private:
  report::ReportReader reader_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(OutlinePlugin, "outline", "0.1.0", "报告大纲与折叠：标题、一、（一）、1. 各级标题",
                       REPORTLS_CAP_SYMBOLS | REPORTLS_CAP_FOLDING)
