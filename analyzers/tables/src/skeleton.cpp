#include <reportls/tables/tables.h>

#include <algorithm>

namespace reportls::tables {

namespace {

// Column headings as a converted table writes them (`法人或其他组织/商业企业`), without a group
// every column of the part shares (`申请人情况`).
std::vector<std::string> headings(const Part &part) {
  std::vector<std::string> out;
  for (const Column &c : part.columns) out.push_back(c.path());
  const size_t slash = out.front().find('/');
  if (slash == std::string::npos) return out;
  const std::string shared = out.front().substr(0, slash + 1);
  if (std::all_of(out.begin(), out.end(), [&](const std::string &h) { return h.rfind(shared, 0) == 0; }))
    for (std::string &h : out) h.erase(0, shared.size());
  return out;
}

std::string row_line(const std::vector<std::string> &cells) {
  std::string line = "|";
  for (const std::string &c : cells) line += " " + c + (c.empty() ? "|" : " |");
  return line;
}

}  // namespace

std::string markdown_skeleton(const Template &tpl) {
  std::string out;
  for (const Part &part : tpl.parts) {
    const bool labelled = std::any_of(part.rows.begin(), part.rows.end(),
                                      [&](uint32_t r) { return !tpl.rows[r].label.empty(); });
    std::vector<std::string> header;
    if (labelled) header.push_back(part.heading.empty() ? part.corner : part.heading);
    for (std::string &h : headings(part)) header.push_back(std::move(h));
    if (!out.empty()) out += "\n\n";
    out += row_line(header);
    out += '\n';
    out += row_line(std::vector<std::string>(header.size(), "---"));
    for (uint32_t r : part.rows) {
      std::vector<std::string> cells;
      if (labelled) cells.push_back(tpl.rows[r].label);
      cells.resize(header.size());
      out += '\n';
      out += row_line(cells);
    }
  }
  return out;
}

}  // namespace reportls::tables
