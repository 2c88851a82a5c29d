// The figures analyzer: totals vs parts, rates vs counts, year-on-year changes, number hygiene.
#include <reportls/figures/figures.h>
#include <reportls/plugin.hpp>
#include <reportls/report/plugin_support.h>

#include <stdexcept>
#include <string>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;
namespace figures = reportls::figures;

// The plugin's diagnostics for the checks' findings.
std::vector<plugin::Diagnostic> diagnostics_of(figures::Findings &&found) {
  std::vector<plugin::Diagnostic> out;
  for (figures::Finding &f : found.diagnostics) {
    plugin::Diagnostic &d = out.emplace_back();
    d.start = f.range.start;
    d.end = f.range.end;
    d.severity = static_cast<reportls_severity>(f.severity);
    d.code = std::move(f.code);
    d.message = std::move(f.message);
    for (figures::Fix &fix : f.fixes) {
      plugin::Fix &to = d.fixes.emplace_back(plugin::Fix{std::move(fix.title), {}, fix.preferred});
      for (figures::Edit &e : fix.edits) to.edits.push_back({e.range.start, e.range.end, std::move(e.text)});
    }
  }
  return out;
}

class FiguresPlugin {
 public:
  // The bundled data must load (create fails otherwise); a broken user file is skipped and
  // reported as a load warning.
  explicit FiguresPlugin(const plugin::Config &config)
      : reader_(config), data_(report::load_with_warnings(config, figures::load_all)) {}

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    if (!reader_.profiles().applies(report::Scope::ChineseText, doc, document.settings)) return REPORTLS_OK;
    // Each paragraph's diagnostics as the plugin's, kept and handed over with offsets from its
    // start: after an edit only the changed paragraphs are checked, and nothing is copied.
    LineDiagnostics::Pass pass(diagnostics_, document.uri);
    for (uint32_t i = 0; i < doc.lines.size(); ++i) {
      const report::Line &line = doc.lines[i];
      if (line.kind != report::LineKind::Body && line.kind != report::LineKind::Heading) continue;
      if (sink.cancelled()) return REPORTLS_CANCELLED;
      const auto &found = pass.get(doc, i, 0, [&] {
        return diagnostics_of(figures::analyze_paragraph(line.content.in(doc.text), data_));
      });
      for (const plugin::Diagnostic &d : found) sink.diagnostic(d, line.content.start);
    }
    pass.finish();
    return REPORTLS_OK;
  }

  reportls_status hover(const plugin::Document &document, uint32_t offset, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    if (!reader_.profiles().applies(report::Scope::ChineseText, doc, document.settings)) return REPORTLS_OK;
    figures::ParagraphCache::Pass pass(hover_cache_, document.uri);
    const figures::Findings found = figures::analyze(doc, data_, [&] { return sink.cancelled(); }, &pass);
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    pass.finish();
    for (const figures::Hover &h : figures::hover_at(found, offset)) sink.hover(h.range.start, h.range.end, h.markdown);
    return REPORTLS_OK;
  }

  void close(std::string_view uri) const {
    diagnostics_.forget(uri);
    hover_cache_.forget(uri);
  }

 private:
  report::ReportReader reader_;
  figures::Data data_;
  using LineDiagnostics = report::LineCache<std::vector<plugin::Diagnostic>>;
  mutable LineDiagnostics diagnostics_;  // per paragraph of the open documents
  // Hovers come now and then, document after document: only the last hovered one's paragraphs
  // are kept (every other document's would stay resident until it is closed).
  mutable figures::ParagraphCache hover_cache_{1};
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(FiguresPlugin, "figures", "0.1.0", "数字核对：总数与分项、比率、同比增减、约数与量词",
                       REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_HOVER)
