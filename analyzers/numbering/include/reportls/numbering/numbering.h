// reportls/numbering/numbering.h — heading ordinals and the 一是/二是 enumeration:
//   numbering.sequence  gaps, duplicates, restarts and skipped levels, at every heading level and in
//                       the in-paragraph enumeration (which may continue across a broken paragraph);
//                       headings come with a fix renumbering their whole level;
//   numbering.format    wrong punctuation after an ordinal (1、 → 1.) and the orphan `)` whose
//                       ordinal was lost, restored when its place in the sequence fixes the number.
// Debris lines are never headings, so they are never diagnosed here.
#ifndef REPORTLS_NUMBERING_NUMBERING_H
#define REPORTLS_NUMBERING_NUMBERING_H

#include <reportls/plugin.hpp>
#include <reportls/report/document.h>

#include <string>
#include <vector>

namespace reportls::numbering {

std::vector<plugin::Diagnostic> check(const report::Document &doc);


}  // namespace reportls::numbering

#endif  // REPORTLS_NUMBERING_NUMBERING_H
