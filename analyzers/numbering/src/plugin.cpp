// The numbering analyzer: heading ordinals, 一是/二是 enumerations and paragraph hygiene.
#include <reportls/numbering/numbering.h>
#include <reportls/numbering/paragraph.h>
#include <reportls/plugin.hpp>
#include <reportls/report/plugin_support.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;
namespace numbering = reportls::numbering;

class NumberingPlugin {
 public:
  explicit NumberingPlugin(const plugin::Config &config) : reader_(config) {
    try {
      paragraph_ = numbering::ParagraphRules::load(config.plugin_dir);
    } catch (const std::exception &e) {
      config.warn(e.what());
    }
  }

  reportls_status analyze(const plugin::Document &document, plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    if (auto a = numbering::remove_debris(doc)) sink.action(a->start, a->end, a->fix);
    // Numbering and paragraph conventions are those of a report; other texts keep their own.
    if (!reader_.profiles().applies(report::Scope::Report, doc, document.settings)) return REPORTLS_OK;
    for (const plugin::Diagnostic &d : numbering::check(doc)) sink.diagnostic(d);
    if (sink.cancelled()) return REPORTLS_CANCELLED;
    if (paragraph_)
      numbering::check_paragraphs(doc, *paragraph_, paragraphs_, document.uri,
                                  [&](const plugin::Diagnostic &d, uint32_t shift) { sink.diagnostic(d, shift); });
    return REPORTLS_OK;
  }

  void close(std::string_view uri) const { paragraphs_.forget(uri); }

 private:
  report::ReportReader reader_;
  std::optional<numbering::ParagraphRules> paragraph_;
  mutable numbering::ParagraphCache paragraphs_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(NumberingPlugin, "numbering", "0.1.0",
                       "标题序号与段落：序号连续、序号标点、一是/二是分项、段末标点、提示语冒号",
                       REPORTLS_CAP_DIAGNOSTICS)
