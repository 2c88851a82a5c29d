// figures_fuzz: the figure model — figures::extract and figures::analyze on report::parse of any
// bytes, and hover_at at an offset taken from the input.
//
// Invariants: every quantity's spans lie within the paragraph and in order; every finding, fix
// edit, note member and hover range lies within the text (and on character boundaries when the
// input is valid UTF-8); percentages never overflow the arithmetic (UBSan).
#include "fuzz_util.h"

#include <reportls/figures/data.h>
#include <reportls/figures/figures.h>
#include <reportls/figures/quantity.h>
#include <reportls/report/document.h>
#include <reportls/report/rules.h>

using namespace reportls;
using reportls::fuzz::is_boundary;

namespace {

const report::Rules &rules() {
  static const report::Rules r = report::Rules::load(REPORTLS_FUZZ_REPORT_RULES_DIR);
  return r;
}
const figures::Data &data() {
  static const figures::Data d = figures::Data::load(REPORTLS_FUZZ_FIGURES_DIR);
  return d;
}

struct Checker {
  std::string_view text;
  bool utf8;
  void operator()(report::Span s) const {
    FUZZ_CHECK(s.start <= s.end && s.end <= text.size());
    if (utf8) FUZZ_CHECK(is_boundary(text, s.start) && is_boundary(text, s.end));
  }
};

void within(report::Span inner, report::Span outer) {
  if (inner.empty()) return;
  FUZZ_CHECK(inner.start >= outer.start && inner.end <= outer.end);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data_, size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data_), size);
  Checker check{text, fuzz::valid_utf8(text)};
  report::Document doc = report::parse(text, rules());

  // The quantities of every line, as the checks see them.
  for (const report::Line &line : doc.lines) {
    uint32_t prev = line.content.start;
    for (const figures::Quantity &q : figures::extract(text, line.content, data())) {
      for (report::Span s : {q.span, q.number, q.digits, q.unit_span, q.below, q.about, q.above,
                             q.after_unit}) {
        check(s);
        within(s, line.content);
      }
      within(q.number, q.span);
      within(q.digits, q.number);
      FUZZ_CHECK(q.span.start >= prev);
      prev = q.span.start;
      (void)q.value.str();
    }
  }

  figures::Findings f = figures::analyze(doc, data());
  for (const figures::Finding &d : f.diagnostics) {
    check(d.range);
    FUZZ_CHECK(!d.code.empty() && !d.message.empty());
    for (const figures::Fix &fix : d.fixes)
      for (const figures::Edit &e : fix.edits) check(e.range);
  }
  for (const figures::Note &n : f.notes)
    for (report::Span s : n.members) check(s);

  uint32_t offset = 0;
  for (size_t i = 0; i < size && i < 4; ++i) offset = offset * 131 + data_[size - 1 - i];
  offset = size ? offset % (static_cast<uint32_t>(size) + 1) : 0;
  for (const figures::Hover &h : figures::hover_at(f, offset)) {
    check(h.range);
    FUZZ_CHECK(!h.markdown.empty());
  }
  return 0;
}
