// plugins_fuzz: every bundled analyzer through the plugin ABI, with the in-process plugin host.
//
// The input, made valid UTF-8 as TextDocument does, is the document; an offset derived from its
// last bytes (anywhere in the text, possibly inside a character) is where complete and hover are
// asked.  The host sanitises what plugins return, so every span must lie within the text on
// character boundaries, every parent index must be earlier, and no plugin may report a problem
// (an exception or error status on some input is a bug too).
#include "fuzz_util.h"

#include "lsp/host/plugin_host.h"
#include "lsp/engine/text_document.h"

#include <cstdio>

using namespace reportls::lsp;
using reportls::fuzz::is_boundary;

namespace {

const PluginHost &host() {
  static const std::unique_ptr<PluginHost> h = [] {
    PluginHostOptions options;
    options.plugin_dirs.push_back(REPORTLS_FUZZ_PLUGIN_DIR);
    auto made = make_in_process_host(options);
    size_t active = 0;
    for (const PluginInfo &p : made->plugins()) {
      if (!p.active) std::fprintf(stderr, "plugins_fuzz: %s: %s\n", p.path.c_str(), p.error.c_str());
      FUZZ_CHECK(p.active);
      ++active;
    }
    FUZZ_CHECK(active > 0);
    return made;
  }();
  return *h;
}

struct Checker {
  std::string_view text;
  void operator()(uint32_t start, uint32_t end) const {
    FUZZ_CHECK(start <= end && end <= text.size());
    FUZZ_CHECK(is_boundary(text, start) && is_boundary(text, end));
  }
};

void no_problems(const std::vector<PluginProblem> &problems) {
  for (const PluginProblem &p : problems)
    std::fprintf(stderr, "plugins_fuzz: problem in %s: %s\n", p.plugin.c_str(), p.message.c_str());
  FUZZ_CHECK(problems.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const PluginHost &plugins = host();
  std::string text(reinterpret_cast<const char *>(data), size);
  sanitize_utf8(text);
  Checker check{text};

  DocumentInput doc;
  doc.uri = "file:///fuzz/report.txt";
  doc.text = text;
  doc.version = 1;
  CancelToken token;

  AnalysisResult r = plugins.analyze(doc, token);
  no_problems(r.problems);
  for (const Diagnostic &d : r.diagnostics) {
    check(d.start, d.end);
    FUZZ_CHECK(!d.source.empty());
    for (const Fix &f : d.fixes)
      for (const Edit &e : f.edits) {
        check(e.start, e.end);
        FUZZ_CHECK(reportls::fuzz::valid_utf8(e.new_text));
      }
    FUZZ_CHECK(reportls::fuzz::valid_utf8(d.message));
  }
  for (const Action &a : r.actions) {
    check(a.start, a.end);
    for (const Edit &e : a.fix.edits) check(e.start, e.end);
  }
  for (size_t i = 0; i < r.symbols.size(); ++i) {
    const Symbol &s = r.symbols[i];
    check(s.start, s.end);
    check(s.selection_start, s.selection_end);
    FUZZ_CHECK(s.parent >= -1 && s.parent < static_cast<int32_t>(r.symbols.size()));
    FUZZ_CHECK(s.parent != static_cast<int32_t>(i));
    FUZZ_CHECK(reportls::fuzz::valid_utf8(s.name));
  }
  for (const Fold &f : r.folds) check(f.start, f.end);

  uint32_t offset = 0;
  for (size_t i = 0; i < size && i < 4; ++i) offset = offset * 131 + data[size - 1 - i];
  offset = offset % (static_cast<uint32_t>(text.size()) + 2);  // sometimes past the end

  CompletionResult c = plugins.complete(doc, offset, token);
  no_problems(c.problems);
  for (const Completion &item : c.items) {
    check(item.replace_start, item.replace_end);
    FUZZ_CHECK(reportls::fuzz::valid_utf8(item.label));
  }
  HoverResult h = plugins.hover(doc, offset, token);
  no_problems(h.problems);
  for (const Hover &hv : h.hovers) {
    check(hv.start, hv.end);
    FUZZ_CHECK(reportls::fuzz::valid_utf8(hv.markdown));
  }
  return 0;
}
