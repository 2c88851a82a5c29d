// reportls/phrasing/snippet.h — turning a phrase's placeholders into snippet tab stops.
#ifndef REPORTLS_PHRASING_SNIPPET_H
#define REPORTLS_PHRASING_SNIPPET_H

#include <optional>
#include <string>
#include <string_view>

namespace reportls::phrasing {

struct Insertion {
  std::string label;        // the phrase with the year filled in, placeholders kept: 2023年度…××
  std::string insert_text;  // LSP snippet syntax when snippet, else plain text
  bool snippet = false;     // at least one placeholder became a tab stop
};

// 20×× becomes year + year_offset when year is known, else a tab stop ${n:20××}; ××, × and ……
// become tab stops ${n:××}.  $ } \ in the phrase are escaped in snippets.
Insertion fill_placeholders(std::string_view phrase, std::optional<int> year, int year_offset = 0);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_SNIPPET_H
