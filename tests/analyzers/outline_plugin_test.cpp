// The outline plugin through its C ABI, loaded with dlopen as the host loads it.
#include "test_util.h"

#include <reportls/plugin.h>

#include <doctest/doctest.h>

#include <dlfcn.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

struct Collected {
  struct Sym {
    std::string name, detail;
    int kind;
    uint32_t start, end, sel_start, sel_end;
    int32_t parent;
  };
  std::vector<Sym> symbols;
  std::vector<std::pair<uint32_t, uint32_t>> folds;
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<std::string> errors;
  int diagnostics = 0;
};

reportls_sink make_sink(Collected &c) {
  reportls_sink s{};
  s.struct_size = sizeof s;
  s.ctx = &c;
  s.diagnostic = [](void *ctx, const reportls_diagnostic *) { ++static_cast<Collected *>(ctx)->diagnostics; };
  s.symbol = [](void *ctx, const reportls_symbol *v) {
    static_cast<Collected *>(ctx)->symbols.push_back({v->name, v->detail ? v->detail : "", v->kind, v->start,
                                                      v->end, v->selection_start, v->selection_end, v->parent});
  };
  s.fold = [](void *ctx, const reportls_fold *f) { static_cast<Collected *>(ctx)->folds.emplace_back(f->start, f->end); };
  s.fact = [](void *ctx, const char *k, const char *v) { static_cast<Collected *>(ctx)->facts.emplace_back(k, v); };
  s.is_cancelled = [](void *) { return 0; };
  s.error = [](void *ctx, const char *m) { static_cast<Collected *>(ctx)->errors.emplace_back(m); };
  return s;
}

const reportls_plugin_descriptor *load_outline() {
  void *lib = dlopen(REPORTLS_OUTLINE_PLUGIN, RTLD_NOW | RTLD_LOCAL);
  REQUIRE_MESSAGE(lib, dlerror());
  auto entry = reinterpret_cast<reportls_plugin_entry_fn>(dlsym(lib, REPORTLS_PLUGIN_ENTRY_SYMBOL));
  REQUIRE((entry != nullptr));
  return entry();
}

}  // namespace

TEST_CASE("outline plugin: descriptor, symbols, folds and the title fact") {
  const reportls_plugin_descriptor *d = load_outline();
  CHECK(d->abi_major == REPORTLS_ABI_MAJOR);
  CHECK(std::string(d->name) == "outline");
  CHECK(d->capabilities == (REPORTLS_CAP_SYMBOLS | REPORTLS_CAP_FOLDING));
  CHECK((d->complete == nullptr));  // parenthesised: doctest cannot print function pointers
  CHECK((d->hover == nullptr));

  const std::string dir = std::filesystem::path(REPORTLS_OUTLINE_PLUGIN).parent_path().string();
  reportls_config config{sizeof config, dir.c_str(), nullptr, 0, nullptr, nullptr};
  char error[256] = "";
  void *instance = d->create(&config, error, sizeof error);
  REQUIRE_MESSAGE(instance, error);

  const std::string text = test::corpus("xiushan-county-2023");
  reportls_document doc{sizeof doc, "file:///xiushan.txt", text.data(), text.size(), 1, "{}", "/xiushan.txt", nullptr, 0, 0, 0, 0, 0, 0, 0};
  Collected c;
  const reportls_sink sink = make_sink(c);
  CHECK(d->analyze(instance, &doc, &sink) == REPORTLS_OK);
  CHECK(c.errors.empty());
  CHECK(c.diagnostics == 0);
  REQUIRE(c.symbols.size() == 25);  // as in outline/xiushan-county-2023.outline
  CHECK(c.symbols[0].name == "秀山土家族苗族自治县2023年度法治政府建设情况报告");
  CHECK(c.symbols[0].kind == REPORTLS_SYMBOL_FILE);
  CHECK(c.symbols[1].name == "一、法治政府建设工作成效");
  CHECK(c.symbols[1].kind == REPORTLS_SYMBOL_NAMESPACE);
  CHECK(c.symbols[1].parent == -1);
  CHECK(c.symbols[2].kind == REPORTLS_SYMBOL_MODULE);
  CHECK(c.symbols[2].parent == 1);
  for (size_t i = 0; i < c.symbols.size(); ++i) {
    const auto &s = c.symbols[i];
    CAPTURE(s.name);
    CHECK(s.start <= s.sel_start);
    CHECK(s.sel_end <= s.end);
    CHECK(s.sel_start < s.sel_end);
    CHECK(s.parent < static_cast<int32_t>(i));
    CHECK(s.end <= text.size());
  }
  bool orphan = false;
  for (const auto &s : c.symbols) orphan = orphan || (s.name == ")依法决策仍存在短板" && s.detail == "序号缺失");
  CHECK(orphan);
  CHECK_FALSE(c.folds.empty());
  REQUIRE(c.facts.size() == 1);
  CHECK(c.facts[0].first == "title");
  CHECK(c.facts[0].second == "秀山土家族苗族自治县2023年度法治政府建设情况报告");

  // Empty and invalid input.
  for (const std::string &s : {std::string(), std::string("\xff\xfe\r\r\n(\xE4")}) {
    reportls_document e{sizeof e, "file:///e.txt", s.data(), s.size(), 1, "{}", nullptr, nullptr, 0, 0, 0, 0, 0, 0, 0};
    Collected ce;
    const reportls_sink se = make_sink(ce);
    CHECK(d->analyze(instance, &e, &se) == REPORTLS_OK);
    CHECK(ce.symbols.empty());
  }
  d->destroy(instance);
}

TEST_CASE("outline plugin: a missing rules file still starts, with a load warning") {
  const reportls_plugin_descriptor *d = load_outline();
  std::vector<std::string> warnings;
  auto warn = [](void *ctx, const char *message) { static_cast<std::vector<std::string> *>(ctx)->push_back(message); };
  reportls_config config{sizeof config, "/nonexistent-dir", nullptr, 0, warn, &warnings};
  char error[256] = "";
  void *instance = d->create(&config, error, sizeof error);
  REQUIRE(instance);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("report-rules.json") != std::string::npos);
  const std::string text = "一、甲\n(一)乙\n";
  reportls_document doc{sizeof doc, "file:///a.txt", text.data(), text.size(), 1, "{}", "/a.txt", nullptr, 0, 0, 0, 0, 0, 0, 0};
  Collected c;
  const reportls_sink s = make_sink(c);
  CHECK(d->analyze(instance, &doc, &s) == REPORTLS_OK);
  CHECK(c.errors.empty());  // said once, at create: not on every analysis
  CHECK(c.symbols.size() == 2);
  d->destroy(instance);

  // An ABI 1.0 host (a config without the warning callback) still gets a working plugin.
  reportls_config old{offsetof(reportls_config, warning), "/nonexistent-dir", nullptr, 0, nullptr, nullptr};
  instance = d->create(&old, error, sizeof error);
  REQUIRE(instance);
  d->destroy(instance);
}
