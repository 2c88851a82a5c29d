// reportls/sections/sections.h — diagnostics for a report's required items (its profile):
//   sections.missing   a required item (for the report's year) has no heading (on the title or first content line), with a
//                      fix inserting the item's skeleton at its place and renumbering what follows;
//   sections.folded    the item appears only as a sub-point (information);
//   sections.no-cause  the problems section has no cause analysis (information);
//   sections.order     an item out of the profile's fixed order (ordered profiles only);
//   sections.wording   an item's heading that is not the format's fixed heading (profiles with
//                      fixed_headings only), with a fix.
#ifndef REPORTLS_SECTIONS_SECTIONS_H
#define REPORTLS_SECTIONS_SECTIONS_H

#include <reportls/plugin.hpp>
#include <reportls/report/profile.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace reportls::sections {

// report_year: the year the report covers; items whose required_from is later are not checked.
// Unknown (nullopt): every item is.
std::vector<plugin::Diagnostic> check(const report::Document &doc, const report::Profile &profile,
                                      std::optional<uint32_t> report_year);

}  // namespace reportls::sections

#endif  // REPORTLS_SECTIONS_SECTIONS_H
