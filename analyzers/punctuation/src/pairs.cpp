// unbalanced: paired marks that do not pair within a paragraph, and “ nested in “.
#include "rules.h"

#include <algorithm>

namespace reportls::punctuation {
namespace {

using report::Span;

struct Open {
  size_t family;
  Span mark;
  bool matched = false;
  bool holds_nested = false;  // a same-family pair was opened and closed inside it
};

std::string utf8(char32_t c) {
  std::string s;
  report::append_utf8(s, c);
  return s;
}

Unpaired unbalanced(Span mark, std::string message, bool stray_closer = false) {
  plugin::Diagnostic d;
  d.start = mark.start;
  d.end = mark.end;
  d.code = "punctuation.unbalanced";
  d.severity = REPORTLS_SEVERITY_ERROR;
  d.message = std::move(message);
  return {std::move(d), stray_closer};
}

}  // namespace

void find_unpaired(std::string_view s, Span content, const Tables &t, const Marks &marks, LineFindings &found) {
  std::vector<Unpaired> &out = found.unpaired;
  std::vector<Open> opens;   // every opener seen, in order
  std::vector<size_t> stack; // indices into opens
  struct Nested { size_t outer; Span open, close; };
  std::vector<Nested> nested;
  auto report_open = [&](const Open &o) {
    const PairFamily &f = t.pairs[o.family];
    std::string m = "“" + std::string(o.mark.in(s)) + "”在本段没有配对的“" + utf8(f.close.front()) + "”：成对的" +
                    f.name + "应在同一段内配对（GB/T 15834-2011）";
    if (o.holds_nested && f.nested_open)
      m += "；其中的内层引号应改用“" + utf8(f.nested_open) + utf8(f.nested_close) + "”";
    out.push_back(unbalanced(o.mark, std::move(m)));
  };
  for_each_in(s, content.start, content.end, marks.paired, [&](uint32_t at, uint32_t i, char32_t c) {
    for (size_t fi = 0; fi < t.pairs.size(); ++fi) {
      const PairFamily &f = t.pairs[fi];
      if (std::find(f.open.begin(), f.open.end(), c) != f.open.end()) {
        opens.push_back({fi, {at, i}});
        stack.push_back(opens.size() - 1);
        break;
      }
      if (std::find(f.close.begin(), f.close.end(), c) == f.close.end()) continue;
      auto top = std::find_if(stack.rbegin(), stack.rend(), [&](size_t o) { return opens[o].family == fi; });
      if (top == stack.rend()) {
        out.push_back(unbalanced({at, i},
                                 "“" + std::string(s.substr(at, i - at)) + "”在本段前面没有配对的“" +
                                     utf8(f.open.front()) + "”：成对的" + f.name + "应在同一段内配对（GB/T 15834-2011）",
                                 true));
        break;
      }
      const size_t inner = *top;
      // Openers above the matching one were never closed.
      for (auto it = stack.rbegin(); it != top; ++it) report_open(opens[*it]);
      stack.erase(top.base() - 1, stack.end());
      opens[inner].matched = true;
      auto outer = std::find_if(stack.rbegin(), stack.rend(), [&](size_t o) { return opens[o].family == fi; });
      if (outer != stack.rend() && f.nested_open) {
        opens[*outer].holds_nested = true;
        nested.push_back({*outer, opens[inner].mark, {at, i}});
      }
      break;
    }
  });
  for (size_t o : stack) report_open(opens[o]);
  for (const Nested &n : nested) {
    if (!opens[n.outer].matched) continue;
    const PairFamily &f = t.pairs[opens[n.outer].family];
    Unpaired u = unbalanced(
        n.open, f.name + "里面又用了" + f.name + "：外层用" + utf8(f.open.front()) + utf8(f.close.front()) + "，里层应改用" +
                    utf8(f.nested_open) + utf8(f.nested_close) + "（GB/T 15834-2011）");
    u.diagnostic.severity = REPORTLS_SEVERITY_WARNING;
    u.diagnostic.fixes.push_back({"内层改用" + utf8(f.nested_open) + utf8(f.nested_close),
                                  {{n.open.start, n.open.end, utf8(f.nested_open)},
                                   {n.close.start, n.close.end, utf8(f.nested_close)}},
                                  true});
    out.push_back(std::move(u));
  }
}

std::vector<Span> orphan_ordinals(const report::Document &doc) {
  std::vector<Span> out;
  for (const report::Heading &h : doc.headings)
    if (h.ordinal.style == report::OrdinalStyle::Orphan) out.push_back(h.ordinal.span);
  return out;
}

}  // namespace reportls::punctuation
