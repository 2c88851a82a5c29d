// reportls/phrasing/structure.h — completions of the report's structure: the next in-paragraph
// enumeration marker and the missing required level-1 headings.
#ifndef REPORTLS_PHRASING_STRUCTURE_H
#define REPORTLS_PHRASING_STRUCTURE_H

#include <reportls/phrasing/item.h>
#include <reportls/report/document.h>
#include <reportls/report/profile.h>

#include <optional>
#include <vector>

namespace reportls::phrasing {

// After `一是……。` (or ；，：) in the cursor's paragraph: `二是`, the value after the last marker
// before the cursor.  Characters of the marker already typed (`二`) are replaced.
std::optional<Item> enumeration_item(const report::Document &doc, uint32_t offset);

// At the start of a line — nothing before the cursor but an ordinal or the start of a heading
// being typed (`三、党政`) — the profile's required items that match_items reports Missing, as
// level-1 headings with the next ordinal in the style of the previous level-1 heading
// (`三、党政主要负责人履行推进法治建设第一责任人职责情况`).  Empty before the first heading.
std::vector<Item> heading_items(const report::Document &doc, uint32_t offset,
                                const report::Profile &profile, std::optional<int> year);

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_STRUCTURE_H
