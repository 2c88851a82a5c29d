// Internal: the identities of a filled template, evaluated — for tables.sum and for the hover.
#ifndef REPORTLS_TABLES_IDENTITIES_H
#define REPORTLS_TABLES_IDENTITIES_H

#include <reportls/tables/match.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reportls::tables::detail {

struct Term {
  std::string name;  // `（一）予以公开`, `自然人`
  int64_t value = 0;
};

// One identity in one column (per Column) or one row (per Row), all of its terms known.
struct Evaluated {
  const Identity *identity = nullptr;
  report::Span cell;          // the cell it reports on
  std::string where;          // `“自然人”列`, `“（一）予以公开”行`
  std::string target;         // the reported term's name
  int64_t actual = 0;         // the reported cell's value
  std::vector<Term> plus;     // expected = Σ plus − Σ minus
  std::vector<Term> minus;
  int64_t expected() const;
  bool holds() const { return expected() == actual; }
  // `（一）予以公开 + （二）部分公开 = 3 + 17 = 20` (with − for minus terms).
  std::string arithmetic() const;
};

// A column's label, with its innermost group when another column of the part has the same label
// (`行政复议/总计`, `复议后起诉/总计`).
std::string column_name(const Part &part, size_t column);

// Every identity of f that can be evaluated, in every column or row its terms are filled in.
std::vector<Evaluated> evaluate(const report::Document &doc, const Filled &f);

}  // namespace reportls::tables::detail

#endif  // REPORTLS_TABLES_IDENTITIES_H
