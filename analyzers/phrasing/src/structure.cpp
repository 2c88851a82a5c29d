#include <reportls/phrasing/snippet.h>
#include <reportls/phrasing/structure.h>
#include <reportls/report/ordinal.h>

#include <algorithm>
#include <iterator>

namespace reportls::phrasing {

namespace {

bool is_clause_end(char32_t c) {
  return c == U'。' || c == U'；' || c == U';' || c == U'，' || c == U',' || c == U'：' || c == U':';
}

std::string file_name(const std::string &path) { return path.substr(path.find_last_of('/') + 1); }

}  // namespace

std::optional<Item> enumeration_item(const report::Document &doc, uint32_t offset) {
  if (doc.lines.empty()) return std::nullopt;
  const uint32_t line = doc.line_of(offset);
  if (offset > doc.lines[line].span.end) return std::nullopt;  // on a new line after the last
  // Enumerations are in document order: the last one before the cursor is found by bisection.
  const auto after = std::partition_point(
      doc.enumerations.begin(), doc.enumerations.end(), [&](const report::Enumeration &e) {
        return e.line < line || (e.line == line && e.marker.end <= offset);
      });
  if (after == doc.enumerations.begin() || std::prev(after)->line != line) return std::nullopt;
  const report::Enumeration *last = &*std::prev(after);
  const std::string marker = report::chinese_numeral(last->value + 1) + "是";
  // The part of the marker already typed, longest first (`二` of `二是`).
  std::string_view before = doc.text.substr(0, offset);
  uint32_t start = offset;
  for (uint32_t k = static_cast<uint32_t>(marker.size()); k > 0; --k)
    if (before.ends_with(std::string_view(marker).substr(0, k))) {
      start = offset - k;
      break;
    }
  uint32_t i = start;
  if (i <= doc.lines[line].span.start || !is_clause_end(report::prev_code_point(doc.text, i)))
    return std::nullopt;
  Item item;
  item.label = item.insert_text = item.filter_text = marker;
  item.replace = {start, offset};
  item.sort_text = "0";
  item.detail = "段内列举";
  item.kind = ItemKind::Keyword;
  return item;
}

std::vector<Item> heading_items(const report::Document &doc, uint32_t offset,
                                const report::Profile &profile, std::optional<int> year) {
  std::vector<Item> out;
  if (doc.lines.empty()) return out;
  // Past the last line's terminator the cursor is on a line of its own.
  const bool new_line = offset > doc.lines[doc.line_of(offset)].span.end;
  const uint32_t line = new_line ? static_cast<uint32_t>(doc.lines.size()) : doc.line_of(offset);
  const uint32_t start = new_line ? offset : std::min(offset, doc.lines[line].content.start);
  const std::string_view typed = doc.text.substr(start, offset - start);

  int top_level = 7;
  for (const report::Heading &h : doc.headings)
    if (h.ordinal.style != report::OrdinalStyle::Orphan) top_level = std::min(top_level, h.level);
  const report::Heading *previous = nullptr;
  uint32_t count = 0;
  for (const report::Heading &h : doc.headings)
    if (h.line < line && h.level == top_level && h.ordinal.style != report::OrdinalStyle::Orphan) {
      previous = &h;
      ++count;
    }
  if (!previous) return out;
  const uint32_t value = previous->ordinal.value ? previous->ordinal.value + 1 : count + 1;
  const bool numbered = previous->ordinal.style != report::OrdinalStyle::Markdown;
  const std::string ordinal =
      numbered ? report::ordinal_with_value(doc.text, previous->ordinal, value)
               : std::string(doc.str(previous->ordinal.span)) + " ";

  // What typed still fits.  Mid-paragraph that is nothing, and matching the profile against the
  // whole document is skipped.
  struct Offer {
    std::string label, filter_text;
  };
  std::vector<std::optional<Offer>> offers(profile.items.size());
  bool any = false;
  for (size_t i = 0; i < profile.items.size(); ++i) {
    if (profile.items[i].optional) continue;
    const std::string heading = fill_placeholders(profile.items[i].heading, year).label;
    const std::string label = ordinal + heading;
    const bool by_label = label.starts_with(typed);
    if (!by_label && !heading.starts_with(typed)) continue;
    offers[i] = Offer{label, by_label ? label : heading};
    any = true;
  }
  if (!any) return out;

  for (const report::ItemMatch &m : report::match_items(profile, doc)) {
    if (m.status != report::ItemStatus::Missing || !offers[m.item]) continue;
    Item c;
    c.label = c.insert_text = offers[m.item]->label;
    c.filter_text = offers[m.item]->filter_text;
    c.replace = {start, offset};
    c.sort_text = "1" + std::to_string(100 + out.size());
    c.detail = "缺少的必备章节";
    c.documentation = "**" + profile.report_type + "** 的必备内容：" +
                      profile.items[m.item].wording + "\n\n来源：`" + file_name(profile.origin) + "`";
    c.kind = ItemKind::Keyword;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace reportls::phrasing
