#include <reportls/numbering/numbering.h>
#include <reportls/report/diagnostic.h>
#include <reportls/report/ordinal.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace reportls::numbering {

namespace {

using report::Document;
using report::Heading;
using report::OrdinalStyle;

using report::make_diagnostic;

std::string quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

const char *const kLevels = "公文各级标题序号依次为“一、”“（一）”“1.”“（1）”";

// The ordinal of h as it would read with value v, e.g. `(三)`.
std::string spelt(const Document &doc, const Heading &h, uint32_t v) {
  return report::ordinal_with_value(doc.text, h.ordinal, v);
}

void check_format(const Document &doc, const Heading &h, std::vector<plugin::Diagnostic> &out) {
  if (h.ordinal.canonical || h.ordinal.style == OrdinalStyle::Orphan ||
      h.ordinal.style == OrdinalStyle::Markdown)
    return;
  const std::string canon = report::canonical_ordinal(doc.text, h.ordinal);
  const std::string_view written = doc.str(h.ordinal.span);
  if (canon.empty() || canon == written) return;  // only the bracket width differs
  auto d = make_diagnostic(h.ordinal.span, REPORTLS_SEVERITY_WARNING, "numbering.format",
                "序号" + quoted(written) + "的标点不规范，应写作" + quoted(canon) + "：" + kLevels +
                    "，括号后不再加“、”，阿拉伯数字后用“.”。");
  d.fixes.push_back({"改为" + quoted(canon), {{h.ordinal.span.start, h.ordinal.span.end, canon}}, true});
  out.push_back(std::move(d));
}

struct Siblings {
  uint32_t first = 0;  // heading index of the first sibling
  uint32_t last_value = 0;
  uint32_t count = 0;
  uint32_t gaps = 0;
  // The edits that renumber the whole level, computed once: the first gaps of the level offer
  // them (kRenumberingOffers).
  std::optional<std::vector<report::TextEdit>> renumbering;
};

// A level with more gaps than this is numbered by some other scheme (or is many reports pasted
// together): offering the whole level's renumbering at every gap would make the output grow with
// the square of the headings.
constexpr uint32_t kRenumberingOffers = 8;

// Heading levels run 1…6 (heading.h); 0 is left unused.
constexpr int kLevelSlots = 7;

void check_headings(const Document &doc, std::vector<plugin::Diagnostic> &out) {
  // The siblings of each (parent section, level), found by the parent's index + 1 (0 at the top)
  // and the level: a long report has thousands of headings, and a map's node for each group was
  // most of this check's time.
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> group_of((doc.headings.size() + 1) * kLevelSlots, kNone);
  std::vector<Siblings> groups;
  std::array<uint32_t, kLevelSlots> last_at_level{};  // for numbers running on across parents
  // A report may use only some levels (`一、` then `1.`): a level is skipped only when the
  // document uses it elsewhere.
  std::array<bool, kLevelSlots> used{};
  for (const Heading &hd : doc.headings)
    if (hd.ordinal.style != OrdinalStyle::Markdown && hd.ordinal.style != OrdinalStyle::Orphan)
      used[std::clamp(hd.level, 0, kLevelSlots - 1)] = true;
  auto skips_used_level = [&](int parent_level, int level) {
    for (int l = std::max(parent_level + 1, 0); l < std::min(level, kLevelSlots); ++l)
      if (used[l]) return true;
    return false;
  };
  for (uint32_t h = 0; h < doc.headings.size(); ++h) {
    const Heading &hd = doc.headings[h];
    if (hd.ordinal.style == OrdinalStyle::Markdown) continue;
    check_format(doc, hd, out);
    const int32_t parent = doc.sections[h].parent;
    const int level = std::clamp(hd.level, 0, kLevelSlots - 1);
    uint32_t &group = group_of[static_cast<size_t>(parent + 1) * kLevelSlots + level];
    const bool fresh = group == kNone;
    if (fresh) {
      group = static_cast<uint32_t>(groups.size());
      groups.push_back(Siblings{h, 0, 0, 0, std::nullopt});
    }
    Siblings &g = groups[group];
    const uint32_t expected = g.last_value + 1;

    if (fresh && parent >= 0 && skips_used_level(doc.headings[parent].level, hd.level))
      out.push_back(make_diagnostic(hd.ordinal.span, REPORTLS_SEVERITY_WARNING, "numbering.sequence",
                         "标题跳级：" + quoted(doc.str(doc.headings[parent].ordinal.span)) + "下直接出现" +
                             quoted(doc.str(hd.ordinal.span)) + "，缺少中间一级：" + kLevels + "。"));

    if (hd.ordinal.style == OrdinalStyle::Orphan) {
      // Certain when no numbered sibling after it claims the number.
      bool certain = true;
      for (uint32_t k = h + 1; k < doc.headings.size() && doc.headings[k].level >= hd.level; ++k)
        if (doc.headings[k].level == hd.level && doc.sections[k].parent == parent &&
            doc.headings[k].ordinal.style != OrdinalStyle::Orphan)
          certain = certain && doc.headings[k].ordinal.value > expected;
      const bool full = doc.str(hd.ordinal.close) == "）";
      const std::string restored = std::string(full ? "（" : "(") + report::chinese_numeral(expected);
      auto d = make_diagnostic(hd.ordinal.span, REPORTLS_SEVERITY_WARNING, "numbering.format",
                    "标题序号残缺：只剩“" + std::string(doc.str(hd.ordinal.span)) + "”，序号“" + restored +
                        "”丢失；按同级标题顺序，此处应为" + quoted(restored + std::string(doc.str(hd.ordinal.span))) + "。");
      d.fixes.push_back({"恢复序号" + quoted(restored + std::string(doc.str(hd.ordinal.span))),
                         {{hd.ordinal.span.start, hd.ordinal.span.start, restored}}, certain});
      out.push_back(std::move(d));
      g.last_value = expected;
      ++g.count;
      continue;
    }

    const uint32_t v = hd.ordinal.value;
    const bool runs_on = g.count == 0 && last_at_level[level] + 1 == v;
    if (v != expected && !runs_on) {
      std::string why;
      if (g.count == 0)
        why = "同级第一个标题应从" + quoted(spelt(doc, hd, 1)) + "开始";
      else if (v == g.last_value)
        why = "与前一个同级标题序号重复";
      else if (v > expected)
        why = "前一个同级标题是" + quoted(spelt(doc, hd, g.last_value)) + "，此处应为" +
              quoted(spelt(doc, hd, expected)) + "，中间缺号";
      else
        why = "前一个同级标题是" + quoted(spelt(doc, hd, g.last_value)) + "，序号倒退，此处应为" +
              quoted(spelt(doc, hd, expected));
      auto d = make_diagnostic(hd.ordinal.span, REPORTLS_SEVERITY_WARNING, "numbering.sequence",
                    "序号" + quoted(doc.str(hd.ordinal.span)) + "不连续：" + why + "。");
      if (g.gaps++ < kRenumberingOffers) {
        plugin::Fix fix{"重新编号本级标题", {}, false};
        if (!g.renumbering) g.renumbering = report::renumber_siblings(doc, g.first, 1);
        for (const report::TextEdit &e : *g.renumbering) fix.edits.push_back({e.span.start, e.span.end, e.text});
        if (!fix.edits.empty()) d.fixes.push_back(std::move(fix));
      }
      out.push_back(std::move(d));
    }
    g.last_value = v;
    ++g.count;
    last_at_level[level] = v;
  }
}

// 一是/二是 runs per section; a list may continue on the next line (a broken paragraph), and a
// new 一是 starts a new list.
void check_enumerations(const Document &doc, std::vector<plugin::Diagnostic> &out) {
  // The last value per section: its heading's index + 1, 0 before the first heading.
  std::vector<uint32_t> last(doc.headings.size() + 1, 0);
  for (const report::Enumeration &en : doc.enumerations) {
    uint32_t &prev = last.at(static_cast<size_t>(en.section + 1));
    if (en.value != 1 && en.value != prev + 1) {
      // Written into one string: a long report's broken lists give hundreds per keystroke.
      std::string message = "分项“";
      message.reserve(112);
      message += doc.str(en.marker);
      message += "”不连续：";
      if (prev == 0) {
        message += "本节在它之前没有“一是”";
      } else if (en.value == prev) {
        message += "与前一项“";
        message += report::chinese_numeral(prev);
        message += "是”重复";
      } else {
        message += "前一项是“";
        message += report::chinese_numeral(prev);
        message += "是”，此处应为“";
        message += report::chinese_numeral(prev + 1);
        message += "是”";
      }
      message += "。";
      out.push_back(make_diagnostic(en.marker, REPORTLS_SEVERITY_WARNING, "numbering.sequence", std::move(message)));
    }
    prev = en.value;
  }
}

}  // namespace


std::vector<plugin::Diagnostic> check(const Document &doc) {
  std::vector<plugin::Diagnostic> found;
  check_headings(doc, found);
  check_enumerations(doc, found);
  // In text order: their places are sorted, and each diagnostic (strings, fixes) moved once.
  std::vector<uint32_t> order(found.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return found[a].start < found[b].start; });
  std::vector<plugin::Diagnostic> out;
  out.reserve(found.size());
  for (uint32_t i : order) out.push_back(std::move(found[i]));
  return out;
}

}  // namespace reportls::numbering
