// The phrasing analyzer: completions of standard phrasing, enumeration markers and missing
// required headings.  Data files are loaded at create; workspace phrase folders and the pinyin keys
// the generated table lacks are loaded on first use (phrasebook.h).
#include <reportls/phrasing/completer.h>
#include <reportls/phrasing/phrasebook.h>
#include <reportls/phrasing/typing.h>
#include <reportls/plugin.hpp>
#include <reportls/report/plugin_support.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace {

namespace report = reportls::report;
namespace plugin = reportls::plugin;
namespace phrasing = reportls::phrasing;

struct Settings {
  std::string profile;
  std::optional<int> year;
};

// Wrong types are ignored: settings are the user's, and completion must still work.
Settings read_settings(std::string_view text) {
  Settings s;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return s;
  if (auto it = j.find("profile"); it != j.end() && it->is_string()) s.profile = it->get<std::string>();
  if (auto it = j.find("reportYear"); it != j.end()) {
    if (it->is_number_integer()) s.year = it->get<int>();
    if (it->is_string() && !it->get<std::string>().empty() &&
        it->get<std::string>().find_first_not_of("0123456789") == std::string::npos &&
        it->get<std::string>().size() == 4)
      s.year = std::stoi(it->get<std::string>());
  }
  return s;
}

class PhrasingPlugin {
 public:
  // Broken data files do not stop the plugin: they are load warnings.
  explicit PhrasingPlugin(const plugin::Config &config)
      : reader_(config), phrasebook_(config.plugin_dir, report::data_folders(config.plugin_dir, config.data_dirs)) {
    for (const std::string &e : phrasebook_.errors()) config.warn(e);
  }

  // Completion only; analyze is required by the ABI.
  reportls_status analyze(const plugin::Document &, plugin::Sink &) const { return REPORTLS_OK; }

  static constexpr const char *completion_triggers = "。，、：";

  reportls_status complete(const plugin::Document &document, uint32_t offset,
                           plugin::Sink &sink) const {
    const auto parsed = reader_.parse(document);
    const report::Document &doc = *parsed;
    const Settings settings = read_settings(document.settings);
    const phrasing::Phrasebook::Sets sets = phrasebook_.for_document(document.path);
    // A broken workspace phrase file: said on every completion; the host tells the user once.
    for (const std::string &e : sets.errors) sink.error(e);
    const phrasing::Request request{doc, offset, phrasing::report_year(doc, settings.year),
                                    reader_.profiles().choose(doc, settings.profile)};
    const phrasing::Result result = phrasing::complete(request, sets.sets);
    for (const phrasing::Item &item : result.items) {
      plugin::Completion c;
      c.label = item.label;
      c.insert_text = item.insert_text;
      c.snippet = item.snippet;
      c.replace_start = item.replace.start;
      c.replace_end = item.replace.end;
      c.filter_text = item.filter_text;
      c.sort_text = item.sort_text;
      c.detail = item.detail;
      c.documentation = item.documentation;
      c.preselected = item.preselected;
      c.kind = item.kind == phrasing::ItemKind::Snippet   ? REPORTLS_COMPLETION_SNIPPET
               : item.kind == phrasing::ItemKind::Keyword ? REPORTLS_COMPLETION_KEYWORD
                                                          : REPORTLS_COMPLETION_TEXT;
      sink.completion(c, result.incomplete);
    }
    return REPORTLS_OK;
  }

 private:
  report::ReportReader reader_;
  phrasing::Phrasebook phrasebook_;
};

}  // namespace

REPORTLS_DEFINE_PLUGIN(PhrasingPlugin, "phrasing", "0.1.0",
                       "规范表述补全：按章节排序、支持拼音首字母与全拼、占位符片段、二是与缺少的必备章节",
                       REPORTLS_CAP_COMPLETION)
