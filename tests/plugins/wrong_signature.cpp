// Not built: compiled by the tests plugin_hpp_* (tests/plugins/CMakeLists.txt).  A complete() that
// forgot its offset must not compile into a plugin that silently offers no completion.
#include <reportls/plugin.hpp>

namespace plugin = reportls::plugin;

struct Phrases {
  explicit Phrases(const plugin::Config &) {}
  reportls_status analyze(const plugin::Document &, plugin::Sink &) const { return REPORTLS_OK; }
#ifdef RIGHT_SIGNATURE
  reportls_status complete(const plugin::Document &, uint32_t, plugin::Sink &) const { return REPORTLS_OK; }
#else
  reportls_status complete(const plugin::Document &, plugin::Sink &) const { return REPORTLS_OK; }
#endif
};

REPORTLS_DEFINE_PLUGIN(Phrases, "phrases", "0.0.1", "test", REPORTLS_CAP_COMPLETION)
