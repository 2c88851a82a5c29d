// plan.follow-up: last year's plan items that this year's results never speak of.
#include <reportls/crossdoc/checks.h>

#include <algorithm>
#include <set>

namespace reportls::crossdoc {

namespace {

using report::Span;

bool listed(const std::vector<std::string> &ids, const std::string &id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The headings (indexes into doc.headings) of the profile items listed in ids.
std::vector<uint32_t> item_headings(const report::Document &doc, const report::Profile *profile,
                                    const std::vector<std::string> &ids) {
  std::vector<uint32_t> out;
  if (!profile) return out;
  for (const report::ItemMatch &m : report::match_items(*profile, doc))
    if (m.status == report::ItemStatus::Heading && m.heading >= 0 && listed(ids, profile->items[m.item].id))
      out.push_back(static_cast<uint32_t>(m.heading));
  return out;
}

struct Item {
  Span text;     // what the item says it will do: a sub-heading's title, or the clause after 一是
  uint32_t line = 0;
};

// The items of the plan section h: its sub-headings, or failing those its 一是/二是 clauses.
std::vector<Item> plan_items(const report::Document &doc, uint32_t h) {
  std::vector<Item> items;
  for (uint32_t s = 0; s < doc.sections.size(); ++s)
    if (doc.sections[s].parent == static_cast<int32_t>(h))
      items.push_back({doc.headings[doc.sections[s].heading].title, doc.headings[doc.sections[s].heading].line});
  if (!items.empty()) return items;
  const report::Section &section = doc.sections[h];
  for (const report::Enumeration &e : doc.enumerations) {
    if (e.line <= section.first_line || e.line > section.last_line) continue;
    const std::string_view rest = doc.str({e.marker.end, doc.lines[e.line].content.end});
    size_t end = rest.size();
    for (const char *stop : {"。", "；", ";"}) end = std::min(end, rest.find(stop));
    items.push_back({{e.marker.end, e.marker.end + static_cast<uint32_t>(end)}, e.line});
  }
  return items;
}

// The runs of ideographs of s that say what it is about: quotes and punctuation end a run,
// generic words (加强, 推进, 工作…) are cut out.
std::vector<std::vector<std::string>> content_runs(std::string_view s, const PlanData &plan) {
  std::vector<std::vector<std::string>> runs(1);
  auto end_run = [&] {
    if (!runs.back().empty()) runs.emplace_back();
  };
  for (uint32_t i = 0; i < s.size();) {
    if (auto g = figures::starts_with_any(s.substr(i), plan.generic_words); !g.empty()) {
      end_run();
      i += static_cast<uint32_t>(g.size());
      continue;
    }
    const uint32_t at = i;
    if (report::is_cjk_ideograph(report::next_code_point(s, i)))
      runs.back().emplace_back(s.substr(at, i - at));
    else
      end_run();
  }
  return runs;
}

// How much of an item the results speak of: the share of its content characters (in runs of two
// or more) that lie in a pair of characters the results also have; and how many there are.
std::pair<double, uint32_t> coverage(std::string_view item, const std::set<std::string> &mentioned, const PlanData &plan) {
  uint32_t total = 0, covered = 0;
  for (const std::vector<std::string> &run : content_runs(item, plan)) {
    if (run.size() < 2) continue;
    std::vector<bool> in(run.size(), false);
    for (size_t k = 0; k + 1 < run.size(); ++k)
      if (mentioned.count(run[k] + run[k + 1])) in[k] = in[k + 1] = true;
    total += static_cast<uint32_t>(run.size());
    covered += static_cast<uint32_t>(std::count(in.begin(), in.end(), true));
  }
  return {total ? static_cast<double>(covered) / total : 1.0, total};
}

// Every two-ideograph run of the text: what the results mention.
std::set<std::string> all_bigrams(std::string_view s) {
  std::set<std::string> out;
  std::string_view last;
  for (uint32_t i = 0; i < s.size();) {
    const uint32_t at = i;
    if (!report::is_cjk_ideograph(report::next_code_point(s, i))) {
      last = {};
      continue;
    }
    const std::string_view ch = s.substr(at, i - at);
    if (!last.empty()) out.insert(std::string(last) + std::string(ch));
    last = ch;
  }
  return out;
}

}  // namespace

void check_plan(const Context &c, const Other &previous, Findings &out) {
  if (c.year != 0 && previous.year != 0 && previous.year + 1 != c.year) return;
  const PlanData &plan = c.data.plan;
  const std::vector<uint32_t> plans = item_headings(previous.doc, previous.profile, plan.plan_items);
  if (plans.size() != 1) return;
  const std::vector<Item> items = plan_items(previous.doc, plans.front());
  if (items.empty()) return;
  // This year's results: the prose outside its own plan, problems and other sections.
  std::vector<bool> excluded(c.doc.lines.size(), false);
  for (uint32_t h : item_headings(c.doc, c.profile, plan.not_results_items))
    for (uint32_t l = c.doc.sections[h].first_line; l <= c.doc.sections[h].last_line; ++l) excluded[l] = true;
  std::string results;
  for (uint32_t l = 0; l < c.doc.lines.size(); ++l)
    if (report::is_prose(c.doc.lines[l].kind) && !excluded[l]) results.append(c.doc.str(c.doc.lines[l].content)).append("\n");
  const std::set<std::string> mentioned = all_bigrams(results);
  // Where the diagnostics go: the heading of this year's results, else the title.
  Span where{0, 0};
  if (const auto heads = item_headings(c.doc, c.profile, plan.results_items); !heads.empty())
    where = c.doc.headings[heads.front()].title;
  else if (c.doc.title)
    where = c.doc.title->text;
  else
    return;
  for (const Item &item : items) {
    const auto [share, chars] = coverage(previous.doc.str(item.text), mentioned, plan);
    // Too few words of its own to look for, or spoken of.
    if (chars < plan.min_chars || share >= plan.followed_share) continue;
    const std::string quoted = excerpt(previous.doc, item.text, item.text, plan.quote_chars);
    plugin::Diagnostic d;
    d.start = where.start;
    d.end = where.end;
    d.severity = REPORTLS_SEVERITY_INFO;
    d.code = "plan.follow-up";
    d.message = previous.name + "第" + std::to_string(item.line + 1) + "行的工作安排“" + quoted +
                "”在本年度报告的工作情况中未见相应内容：是否已经落实，宜作交代。";
    out.notes.push_back({where, "**上年工作安排**：“" + quoted + "”\n\n" + link(previous, item.line)});
    out.diagnostics.push_back(std::move(d));
  }
}

}  // namespace reportls::crossdoc
