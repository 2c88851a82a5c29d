// The outline analyzer: document symbols and folding ranges from the report's headings.
#include <reportls/outline/outline.h>
#include <reportls/plugin.hpp>
#include <reportls/report/data_files.h>
#include <reportls/report/profile.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;

class OutlinePlugin {
 public:
  // A broken report-rules.json must not stop the outline: headings need no rules.  The failure is
  // a load warning (plugin.h, create).
  explicit OutlinePlugin(const plugin::Config &config) {
    rules_ = report::Rules::load_or_defaults(config.plugin_dir, [&](const std::string &e) { config.warn(e); });
    profiles_ = report::Profiles::load(report::data_folders(config.plugin_dir, config.data_dirs));
    for (const std::string &e : profiles_.errors()) config.warn(e);
  }

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = report::shared_parse(document.text, rules_, report::format_of(document.uri, document.path),
                                             document.snapshot);
    const report::Document &doc = *parsed;
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    // Other texts keep the editor's own outline (the built-in Markdown one).
    if (!profiles_.applies(report::Scope::Report, doc, document.settings)) return REPORTLS_OK;
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
  report::Rules rules_;
  report::Profiles profiles_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(OutlinePlugin, "outline", "0.1.0", "报告大纲与折叠：标题、一、（一）、1. 各级标题",
                       REPORTLS_CAP_SYMBOLS | REPORTLS_CAP_FOLDING)
