// reportls/crossdoc/identity.h — which report a document is: its type (profile), the body that
// issued it and the year it covers; and the related.* facts that let the host find the same body's
// report of the previous year and its companion report of the same year (plugin.h, "Related
// documents").
//
//   秀山土家族苗族自治县2023年度法治政府建设情况报告 → fazhi-annual | 秀山县 | 2023
//   key  "fazhi-annual|秀山县|2023"
//   want previous  "fazhi-annual|秀山县|2022",  companion "info-disclosure-annual|秀山县|2023"
//
// The body comes from the title (the words before its year: `静海区2023年度…`), a line of the
// title block that names a body (`天津市静海区人民政府` above `关于2024年…的报告`), the 落款, or the
// page's metadata (发布机构), in that order, and is normalised so that the names one body goes by
// agree: `中共…委` and `人民政府` dropped, `土家族苗族自治县` → `县`, and the names of the units
// above it dropped (`重庆市秀山县` → `秀山县`, `西安市临潼区人民政府` → `临潼区`), while a
// department keeps its place (`广东省公安厅`).  A report whose body or year cannot be told has no key.
#ifndef REPORTLS_CROSSDOC_IDENTITY_H
#define REPORTLS_CROSSDOC_IDENTITY_H

#include <reportls/crossdoc/data.h>
#include <reportls/report/document.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportls::crossdoc {

// The roles of the related documents (the ROLE of related.want.ROLE).
inline constexpr const char *kPrevious = "previous";    // the same body's report of the year before
inline constexpr const char *kCompanion = "companion";  // its report of the other type, same year

struct Identity {
  std::string profile;  // report profile id
  std::string body;     // normalised; "" when unknown
  uint32_t year = 0;    // 0 when unknown

  bool complete() const { return !profile.empty() && !body.empty() && year != 0; }
  std::string key() const { return profile + "|" + body + "|" + std::to_string(year); }
};

// A body's name with the variants one body goes by made equal; "" when nothing is left.
std::string normalise_body(std::string_view name, const IdentityData &data);
// The normalised body that issued the report; "" when the text does not say.
std::string issuing_body(const report::Document &doc, const IdentityData &data);

// The related.* facts of a report: its key and the keys of the documents it wants (none when the
// identity is incomplete).
std::vector<std::pair<std::string, std::string>> related_facts(const Identity &id, const Data &data);

}  // namespace reportls::crossdoc

#endif  // REPORTLS_CROSSDOC_IDENTITY_H
