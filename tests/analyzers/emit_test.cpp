// Diagnostics kept with offsets from their line's start, reported where the line is: through the
// C++ helper's sink (plugin.hpp) and through report::collect.
#include <reportls/plugin.hpp>
#include <reportls/report/diagnostic.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace plugin = reportls::plugin;

namespace {

// What a host got through its C sink: offsets and the strings, copied during the call.
struct Received {
  uint32_t start = 0, end = 0;
  std::string code, message;
  std::vector<std::string> fix_titles;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> edits;
  std::vector<std::vector<std::string>> new_texts;
};

void on_diagnostic(void *ctx, const reportls_diagnostic *d) {
  Received r{d->start, d->end, d->code, d->message, {}, {}, {}};
  for (size_t i = 0; i < d->fix_count; ++i) {
    r.fix_titles.push_back(d->fixes[i].title);
    r.edits.emplace_back();
    r.new_texts.emplace_back();
    for (size_t k = 0; k < d->fixes[i].edit_count; ++k) {
      r.edits.back().push_back({d->fixes[i].edits[k].start, d->fixes[i].edits[k].end});
      r.new_texts.back().push_back(d->fixes[i].edits[k].new_text);
    }
  }
  static_cast<std::vector<Received> *>(ctx)->push_back(std::move(r));
}

plugin::Diagnostic kept() {
  plugin::Diagnostic d;
  d.start = 3;
  d.end = 9;
  d.code = "terms.misuse";
  d.message = "“截至目前”指代不明";
  d.fixes.push_back({"改为“2023年”", {{3, 9, "2023年"}, {12, 12, "底"}}, true});
  d.fixes.push_back({"删除", {{3, 9, ""}}, false});
  return d;
}

}  // namespace

TEST_CASE("a kept diagnostic handed to the sink with a shift arrives there, fixes and all") {
  std::vector<Received> got;
  reportls_sink c{};
  c.struct_size = sizeof c;
  c.ctx = &got;
  c.diagnostic = on_diagnostic;
  const plugin::Sink sink(c);
  const plugin::Diagnostic d = kept();
  sink.diagnostic(d, 1000);
  sink.diagnostic(d);  // no shift: where it is
  REQUIRE(got.size() == 2);
  CHECK(got[0].start == 1003);
  CHECK(got[0].end == 1009);
  CHECK(got[0].code == "terms.misuse");
  CHECK(got[0].message == d.message);
  REQUIRE(got[0].edits.size() == 2);
  CHECK(got[0].fix_titles == std::vector<std::string>{"改为“2023年”", "删除"});
  CHECK(got[0].edits[0] == std::vector<std::pair<uint32_t, uint32_t>>{{1003, 1009}, {1012, 1012}});
  CHECK(got[0].edits[1] == std::vector<std::pair<uint32_t, uint32_t>>{{1003, 1009}});
  CHECK(got[0].new_texts[0] == std::vector<std::string>{"2023年", "底"});
  CHECK(got[1].start == 3);
  CHECK(got[1].edits[0][1] == std::pair<uint32_t, uint32_t>{12, 12});
  CHECK(d.start == 3);  // the kept one is left as it was
}

TEST_CASE("collect places each emitted diagnostic by its shift, in the order emitted") {
  const plugin::Diagnostic d = kept();
  const std::vector<plugin::Diagnostic> placed = reportls::report::collect([&](const reportls::report::Emit &emit) {
    emit(d, 0);
    emit(d, 50);
  });
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].start == 3);
  CHECK(placed[1].start == 53);
  CHECK(placed[1].end == 59);
  CHECK(placed[1].fixes[0].edits[1].start == 62);
  CHECK(placed[1].fixes[1].edits[0].end == 59);
  CHECK(placed[1].message == d.message);
}
