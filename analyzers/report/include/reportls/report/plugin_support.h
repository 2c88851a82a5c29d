// reportls/report/plugin_support.h — what the analyzer plugins that read a report share: the
// parsing rules and report profiles they load at create, the parse of the document the host hands
// them, and data loaded with its problems said as load warnings.
//
// Used in a plugin's constructor (create, on the host's main thread; plugin.h) and its calls.
// A ReportReader is immutable after construction: any thread, as plugin.h requires.
#ifndef REPORTLS_REPORT_PLUGIN_SUPPORT_H
#define REPORTLS_REPORT_PLUGIN_SUPPORT_H

#include <reportls/plugin.hpp>
#include <reportls/report/data_files.h>
#include <reportls/report/document.h>
#include <reportls/report/markdown.h>
#include <reportls/report/profile.h>
#include <reportls/report/rules.h>

#include <memory>
#include <string>
#include <vector>

namespace reportls::report {

// What load(plugin_dir, data_dirs, errors) returns, each error (a broken user file: the bundled
// files must load, and load throws otherwise) said once as a load warning.
template <class Load>
auto load_with_warnings(const plugin::Config &config, Load &&load) {
  std::vector<std::string> errors;
  auto loaded = load(config.plugin_dir, config.data_dirs, errors);
  for (const std::string &e : errors) config.warn(e);
  return loaded;
}

class ReportReader {
 public:
  // The rules of the plugin's folder and the profiles of it and the user's data folders.  Neither
  // stops the plugin: a broken or missing rules file leaves the default rules (headings need
  // none), a broken profile file is skipped; each is a load warning.
  explicit ReportReader(const plugin::Config &config)
      : rules_(Rules::load_or_defaults(config.plugin_dir, [&](const std::string &e) { config.warn(e); })),
        profiles_(Profiles::load(data_folders(config.plugin_dir, config.data_dirs))) {
    for (const std::string &e : profiles_.errors()) config.warn(e);
  }

  // The parse of the analysed document, in its own format (Markdown by its name), shared with the
  // process's other plugins (shared_parse).
  std::shared_ptr<const Document> parse(const plugin::Document &document) const {
    const plugin::Document::Origin &o = document.origin;
    return shared_parse(document.text, rules_, format_of(document.uri, document.path), document.snapshot,
                        {o.from, o.start, o.old_end, o.new_end});
  }
  // The same of a related document (last year's report may be Markdown beside this year's text).
  std::shared_ptr<const Document> parse(const plugin::Related &related) const {
    return shared_parse(related.text, rules_, format_of(related.uri, related.path));
  }

  const Profiles &profiles() const { return profiles_; }

 private:
  Rules rules_;
  Profiles profiles_;
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_PLUGIN_SUPPORT_H
