#include "identities.h"

#include <algorithm>
#include <cmath>

namespace reportls::tables::detail {

namespace {

using report::Document;

std::optional<int64_t> integer_of(std::string_view text) {
  const auto v = report::table_number(text);
  if (!v || std::floor(*v) != *v || std::fabs(*v) > 1e15) return std::nullopt;
  return static_cast<int64_t>(*v);
}

struct Context {
  const Document &doc;
  const Filled &f;
  const Template &tpl;

  // A template row's value in column `column` of its part: its cell's number; a group's empty (or
  // absent) cell is the sum of its sub-rows, when every one of them is known.
  std::optional<int64_t> row_value(size_t row, uint32_t column) const {
    if (const report::TableCell *c = f.cell(doc, static_cast<uint32_t>(row), column)) {
      const std::string_view text = c->span.in(doc.text);
      if (!text.empty()) return integer_of(text);
    }
    if (!tpl.rows[row].group) return std::nullopt;
    int64_t sum = 0;
    bool any = false;
    for (size_t r = 0; r < tpl.rows.size(); ++r) {
      if (tpl.rows[r].parent != static_cast<int32_t>(row)) continue;
      const auto v = row_value(r, column);
      if (!v) return std::nullopt;
      sum += *v;
      any = true;
    }
    return any ? std::optional<int64_t>(sum) : std::nullopt;
  }

  std::optional<int64_t> cell_value(size_t row, uint32_t column) const {
    const report::TableCell *c = f.cell(doc, static_cast<uint32_t>(row), column);
    return c ? integer_of(c->span.in(doc.text)) : std::nullopt;
  }

  const report::TableCell *cell(size_t row, uint32_t column) const {
    return f.cell(doc, static_cast<uint32_t>(row), column);
  }
};

}  // namespace

// A column's label, with its innermost group when another column of the part has the same label
// (`行政复议/总计`, `复议后起诉/总计`).
std::string column_name(const Part &part, size_t column) {
  const Column &c = part.columns[column];
  const bool unique = std::count_if(part.columns.begin(), part.columns.end(),
                                    [&](const Column &o) { return o.label == c.label; }) == 1;
  if (unique || c.group.empty()) return c.label;
  const size_t slash = c.group.rfind('/');
  return (slash == std::string::npos ? c.group : c.group.substr(slash + 1)) + "/" + c.label;
}

int64_t Evaluated::expected() const {
  int64_t v = 0;
  for (const Term &t : plus) v += t.value;
  for (const Term &t : minus) v -= t.value;
  return v;
}

std::string Evaluated::arithmetic() const {
  std::string names, values;
  auto add = [&](const Term &t, const char *op) {
    if (!names.empty() || *op == '-') {
      names += *op == '-' ? " − " : " + ";
      values += *op == '-' ? " − " : " + ";
    }
    names += t.name;
    values += std::to_string(t.value);
  };
  for (const Term &t : plus) add(t, "+");
  for (const Term &t : minus) add(t, "-");
  return names + " = " + values + " = " + std::to_string(expected());
}

std::vector<Evaluated> evaluate(const Document &doc, const Filled &f) {
  const Template &tpl = *f.tpl;
  const Context ctx{doc, f, tpl};
  std::vector<Evaluated> out;
  for (const Identity &id : tpl.identities) {
    const bool report_left = std::find(id.left.begin(), id.left.end(), id.report) != id.left.end();
    const std::vector<std::string> &plus = report_left ? id.right : id.left;
    const std::vector<std::string> &same = report_left ? id.left : id.right;

    if (id.per == Identity::Per::Column) {
      // Rows are the terms.  A group's sum is unsure while a row with numbers is unknown: it may
      // be one of the group's rows under another name.
      const auto index = [&](const std::string &r) { return static_cast<size_t>(tpl.row_index(r)); };
      const bool sums_groups = std::any_of(plus.begin(), plus.end(), [&](const std::string &r) { return tpl.rows[index(r)].group; }) ||
                               std::any_of(same.begin(), same.end(), [&](const std::string &r) { return tpl.rows[index(r)].group; });
      if (sums_groups && !f.unknown.empty()) continue;
      const size_t target = index(id.report);
      const Part &part = tpl.parts[tpl.rows[target].part];
      for (uint32_t c = 0; c < part.columns.size(); ++c) {
        const report::TableCell *cell = ctx.cell(target, c);
        const auto actual = ctx.cell_value(target, c);
        if (!cell || !actual) continue;
        Evaluated e{&id, cell->span, "“" + column_name(part, c) + "”列", tpl.rows[target].name(), *actual, {}, {}};
        bool known = true;
        for (const std::string &r : plus) {
          const auto v = ctx.row_value(index(r), c);
          known = known && v;
          if (v) e.plus.push_back(Term{tpl.rows[index(r)].name(), *v});
        }
        for (const std::string &r : same) {
          if (r == id.report) continue;
          const auto v = ctx.row_value(index(r), c);
          known = known && v;
          if (v) e.minus.push_back(Term{tpl.rows[index(r)].name(), *v});
        }
        if (known) out.push_back(std::move(e));
      }
      continue;
    }

    // Per row: columns are the terms, in every row of the part that has them all.
    const auto [part_index, target] = tpl.column_index(id.report);
    const Part &part = tpl.parts[static_cast<size_t>(part_index)];
    const auto column = [&](const std::string &c) { return static_cast<uint32_t>(tpl.column_index(c).second); };
    for (uint32_t r : part.rows) {
      const report::TableCell *cell = ctx.cell(r, static_cast<uint32_t>(target));
      const auto actual = ctx.cell_value(r, static_cast<uint32_t>(target));
      if (!cell || !actual) continue;
      const Row &row = tpl.rows[r];
      Evaluated e{&id, cell->span, row.label.empty() ? std::string() : "“" + row.name() + "”行",
                  column_name(part, static_cast<size_t>(target)), *actual, {}, {}};
      bool known = true;
      for (const std::string &c : plus) {
        const auto v = ctx.cell_value(r, column(c));
        known = known && v;
        if (v) e.plus.push_back(Term{column_name(part, column(c)), *v});
      }
      for (const std::string &c : same) {
        if (c == id.report) continue;
        const auto v = ctx.cell_value(r, column(c));
        known = known && v;
        if (v) e.minus.push_back(Term{column_name(part, column(c)), *v});
      }
      if (!known) continue;
      // `行政复议/总计应为 结果维持 + …`: the terms without the group they share with the total.
      const size_t slash = e.target.find('/');
      if (slash != std::string::npos) {
        const std::string group = e.target.substr(0, slash + 1);
        auto shares = [&](const Term &t) { return t.name.rfind(group, 0) == 0; };
        if (std::all_of(e.plus.begin(), e.plus.end(), shares) && std::all_of(e.minus.begin(), e.minus.end(), shares)) {
          for (Term &t : e.plus) t.name.erase(0, group.size());
          for (Term &t : e.minus) t.name.erase(0, group.size());
        }
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace reportls::tables::detail
