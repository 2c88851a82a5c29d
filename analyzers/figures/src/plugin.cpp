// The figures analyzer: totals vs parts, rates vs counts, year-on-year changes, number hygiene.
#include <reportls/figures/figures.h>
#include <reportls/plugin.hpp>
#include <reportls/report/data_files.h>
#include <reportls/report/profile.h>

#include <stdexcept>
#include <string>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;
namespace figures = reportls::figures;

figures::Data load(const plugin::Config &config) {
  std::vector<std::string> errors;
  figures::Data data = figures::load_all(config.plugin_dir, config.data_dirs, errors);
  for (const std::string &e : errors) config.warn(e);
  return data;
}

class FiguresPlugin {
 public:
  // The bundled files must load (create fails otherwise); a broken user file is skipped and
  // reported as a load warning.
  explicit FiguresPlugin(const plugin::Config &config)
      : rules_(report::Rules::load(config.plugin_dir)),
        data_(load(config)),
        profiles_(report::Profiles::load(report::data_folders(config.plugin_dir, config.data_dirs))) {
    for (const std::string &e : profiles_.errors()) config.warn(e);
  }

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = report::shared_parse(document.text, rules_, report::format_of(document.uri, document.path),
                                             document.snapshot);
    const report::Document &doc = *parsed;
    if (!profiles_.applies(report::Scope::ChineseText, doc, document.settings)) return REPORTLS_OK;
    figures::Findings found = findings(cache_, doc, document, sink, false);
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    for (figures::Finding &f : found.diagnostics) {
      plugin::Diagnostic d;
      d.start = f.range.start;
      d.end = f.range.end;
      d.severity = static_cast<reportls_severity>(f.severity);
      d.code = std::move(f.code);
      d.message = std::move(f.message);
      for (figures::Fix &fix : f.fixes) {
        plugin::Fix out{std::move(fix.title), {}, fix.preferred};
        for (figures::Edit &e : fix.edits) out.edits.push_back({e.range.start, e.range.end, std::move(e.text)});
        d.fixes.push_back(std::move(out));
      }
      sink.diagnostic(d);
    }
    return REPORTLS_OK;
  }

  reportls_status hover(const plugin::Document &document, uint32_t offset, plugin::Sink &sink) const {
    const auto parsed = report::shared_parse(document.text, rules_, report::format_of(document.uri, document.path),
                                             document.snapshot);
    const report::Document &doc = *parsed;
    if (!profiles_.applies(report::Scope::ChineseText, doc, document.settings)) return REPORTLS_OK;
    const figures::Findings found = findings(hover_cache_, doc, document, sink, true);
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    for (const figures::Hover &h : figures::hover_at(found, offset)) sink.hover(h.range.start, h.range.end, h.markdown);
    return REPORTLS_OK;
  }

  void close(std::string_view uri) const {
    cache_.forget(uri);
    hover_cache_.forget(uri);
  }

 private:
  figures::Findings findings(figures::ParagraphCache &cache, const report::Document &doc,
                             const plugin::Document &document, const plugin::Sink &sink, bool notes) const {
    figures::ParagraphCache::Pass pass(cache, document.uri);
    figures::Findings found = figures::analyze(doc, data_, [&] { return sink.cancelled(); }, &pass, notes);
    if (!sink.cancelled()) pass.finish();
    return found;
  }

  report::Rules rules_;
  figures::Data data_;
  report::Profiles profiles_;
  mutable figures::ParagraphCache cache_;  // findings per paragraph of the open documents
  // Hovers come now and then, document after document: only the last hovered one's paragraphs
  // are kept (every other document's would stay resident until it is closed).
  mutable figures::ParagraphCache hover_cache_{1};
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(FiguresPlugin, "figures", "0.1.0", "数字核对：总数与分项、比率、同比增减、约数与量词",
                       REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_HOVER)
