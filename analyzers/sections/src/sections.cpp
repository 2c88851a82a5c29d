#include <reportls/report/diagnostic.h>
#include <reportls/report/ordinal.h>
#include <reportls/sections/sections.h>

#include <algorithm>

namespace reportls::sections {

namespace {

using report::Document;
using report::ItemMatch;
using report::ItemStatus;
using report::Profile;

reportls_severity severity(report::ProfileSeverity s) {
  switch (s) {
    case report::ProfileSeverity::Error: return REPORTLS_SEVERITY_ERROR;
    case report::ProfileSeverity::Information: return REPORTLS_SEVERITY_INFO;
    case report::ProfileSeverity::Hint: return REPORTLS_SEVERITY_HINT;
    default: return REPORTLS_SEVERITY_WARNING;
  }
}

using report::make_diagnostic;

// Where a document-level finding goes: the title, else the first content line that is not debris.
report::Span anchor(const Document &doc) {
  if (doc.title) return doc.title->text;
  for (const report::Line &l : doc.lines)
    if (l.kind != report::LineKind::Blank && l.kind != report::LineKind::Debris) return l.content;
  return {};
}

// The same words, spaces and the width or form of commas and brackets aside.
bool same_wording(std::string_view written, std::string_view fixed) {
  auto letters = [](std::string_view s) {
    std::u32string out;
    for (uint32_t i = 0; i < s.size();) {
      char32_t c = report::next_code_point(s, i);
      if (report::is_space(c)) continue;
      if (c == U'，' || c == U',' || c == U'、') c = U'、';
      if (c == U'（') c = U'(';
      if (c == U'）') c = U')';
      out.push_back(c);
    }
    return out;
  };
  return letters(written) == letters(fixed);
}

// Inserts the item's skeleton before the heading of the next present item (in profile order),
// taking its ordinal and renumbering the headings after it; or after the last top-level section.
std::optional<plugin::Fix> skeleton_fix(const Document &doc, const Profile &profile,
                                        const std::vector<ItemMatch> &matches, uint32_t item) {
  int32_t next = -1, last = -1;
  for (const ItemMatch &m : matches) {
    if (m.status != ItemStatus::Heading) continue;
    if (m.item > item && (next < 0 || m.heading < next)) next = m.heading;
    last = std::max(last, m.heading);
  }
  if (last < 0) return std::nullopt;
  const report::ProfileItem &it = profile.items[item];
  std::string body;
  for (const std::string &p : it.skeleton) body += p + "\n";
  plugin::Fix fix;
  fix.title = "插入“" + it.heading + "”部分";
  fix.preferred = false;
  if (next >= 0) {
    const report::Heading &h = doc.headings[next];
    const uint32_t at = doc.lines[h.line].span.start;
    // One edit from the line start through next's numeral, so the insertion and next's new number
    // never touch at the same offset (clients order such edits differently).
    fix.edits.push_back({at, h.ordinal.number.end,
                         report::ordinal_with_value(doc.text, h.ordinal, h.ordinal.value) + it.heading +
                             "\n" + body + std::string(doc.str({at, h.ordinal.number.start})) +
                             report::numeral_for(h.ordinal, h.ordinal.value + 1)});
    for (const report::TextEdit &e : report::renumber_siblings(doc, next, h.ordinal.value + 1))
      if (e.span.start != h.ordinal.number.start) fix.edits.push_back({e.span.start, e.span.end, e.text});
  } else {
    const report::Heading &h = doc.headings[last];
    const uint32_t line_end = doc.lines[doc.sections[last].last_line].span.end;
    fix.edits.push_back({line_end, line_end,
                         "\n" + report::ordinal_with_value(doc.text, h.ordinal, h.ordinal.value + 1) +
                             it.heading + (body.empty() ? "" : "\n" + body.substr(0, body.size() - 1))});
  }
  return fix;
}

}  // namespace

std::vector<plugin::Diagnostic> check(const Document &doc, const Profile &profile,
                                      std::optional<uint32_t> report_year) {
  std::vector<plugin::Diagnostic> out;
  const std::string &basis = profile.basis_for(report_year);
  const std::vector<ItemMatch> matches = report::match_items(profile, doc);
  for (const ItemMatch &m : matches) {
    const report::ProfileItem &it = profile.items[m.item];
    if (report_year && *report_year < it.required_from) continue;
    if (m.status == ItemStatus::Missing && !it.optional) {
      auto d = make_diagnostic(anchor(doc), severity(it.missing_severity), "sections.missing",
                    "缺少“" + it.wording + "”部分：" + basis + "要求" + profile.report_type +
                        "包括此项内容，但没有找到对应的标题（如“" + it.heading + "”）。");
      if (auto fix = skeleton_fix(doc, profile, matches, m.item)) d.fixes.push_back(*fix);
      out.push_back(std::move(d));
    } else if (m.status == ItemStatus::Folded) {
      out.push_back(make_diagnostic(m.where, REPORTLS_SEVERITY_INFO, "sections.folded",
                         "“" + it.wording + "”仅作为分项出现（“" + std::string(doc.str(m.where)) +
                             "”），没有单独成节：" + basis + "将其列为报告的一项内容，建议单列一级标题“" +
                             it.heading + "”。"));
    } else if (m.status == ItemStatus::Heading && profile.fixed_headings &&
               !same_wording(doc.str(m.where), it.heading)) {
      auto d = make_diagnostic(m.where, REPORTLS_SEVERITY_WARNING, "sections.wording",
                               "“" + std::string(doc.str(m.where)) + "”应写作固定标题“" + it.heading + "”：" +
                                   basis + "规定了" + profile.report_type + "各部分的标题。");
      d.fixes.push_back({"改为“" + it.heading + "”", {{m.where.start, m.where.end, it.heading}}, true});
      out.push_back(std::move(d));
    } else if (m.status == ItemStatus::Heading && it.needs_cause && !m.has_cause) {
      out.push_back(make_diagnostic(m.where, REPORTLS_SEVERITY_INFO, "sections.no-cause",
                         "“" + std::string(doc.str(m.where)) + "”部分只列问题，未见原因分析（原因、究其原因、主要原因、根源）：" +
                             basis + "要求报告“" + it.wording + "”。"));
    }
  }
  if (profile.ordered) {
    int32_t latest = -1;
    uint32_t latest_item = 0;
    for (const ItemMatch &m : matches) {
      if (m.status != ItemStatus::Heading) continue;
      if (m.heading < latest) {
        out.push_back(make_diagnostic(m.where, REPORTLS_SEVERITY_WARNING, "sections.order",
                           "“" + profile.items[m.item].wording + "”应位于“" +
                               profile.items[latest_item].wording + "”之后：" + basis +
                               "规定了各部分的固定顺序。"));
      } else {
        latest = m.heading;
        latest_item = m.item;
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const plugin::Diagnostic &a, const plugin::Diagnostic &b) { return a.start < b.start; });
  return out;
}

}  // namespace reportls::sections
