#include <reportls/phrasing/completer.h>
#include <reportls/phrasing/matcher.h>
#include <reportls/phrasing/snippet.h>
#include <reportls/phrasing/structure.h>
#include <reportls/phrasing/typing.h>

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace reportls::phrasing {

const SectionDef *cursor_section(const report::Document &doc, uint32_t offset,
                                 const PhraseSet &vocabulary) {
  if (doc.lines.empty()) return vocabulary.preface_section();
  const uint32_t line = doc.line_of(offset);
  // Sections are in document order: the last one starting at or before line, by bisection.
  const auto after =
      std::partition_point(doc.sections.begin(), doc.sections.end(),
                           [&](const report::Section &s) { return s.first_line <= line; });
  if (after == doc.sections.begin()) return vocabulary.preface_section();
  int32_t s = static_cast<int32_t>(after - doc.sections.begin()) - 1;
  while (doc.sections[s].parent >= 0) s = doc.sections[s].parent;
  return vocabulary.section_for_heading(doc.str(doc.headings[doc.sections[s].heading].title));
}

namespace {

std::string section_names(const Phrase &p, const PhraseSet &vocabulary) {
  std::string names;
  for (const std::string &id : p.sections) {
    const SectionDef *s = vocabulary.find_section(id);
    if (!names.empty()) names += "、";
    names += s ? s->name : id;
  }
  return names;
}

Item phrase_item(const Match &m, const Request &r, const PhraseSet &vocabulary, bool in_section,
                 size_t index) {
  const Phrase &p = *m.phrase;
  const Insertion ins = fill_placeholders(p.text, r.year, p.year_offset);
  Item item;
  item.label = ins.label;
  item.insert_text = ins.insert_text;
  item.snippet = ins.snippet;
  item.kind = ins.snippet ? ItemKind::Snippet : ItemKind::Text;
  item.filter_text = m.filter_text;
  char sort[32];
  std::snprintf(sort, sizeof sort, "2%d%d%05u%06zu", in_section ? 0 : 1, static_cast<int>(m.kind),
                99999u - std::min(p.weight, 99999u), index);
  item.sort_text = sort;
  const std::string names = section_names(p, vocabulary);
  item.detail = p.topic.empty() ? names : names + " · " + p.topic;
  item.documentation = "**章节**：" + item.detail + "\n\n**来源**：`" + p.source + "`";
  return item;
}

}  // namespace

Result complete(const Request &r, const std::vector<const PhraseSet *> &sets, size_t cap) {
  Result result;
  if (sets.empty()) return result;
  const PhraseSet &vocabulary = *sets.back();
  if (auto e = enumeration_item(r.doc, r.offset)) result.items.push_back(std::move(*e));
  if (r.profile)
    for (Item &h : heading_items(r.doc, r.offset, *r.profile, r.year)) result.items.push_back(std::move(h));

  const SectionDef *section = cursor_section(r.doc, r.offset, vocabulary);
  const Typed typed = typed_before(r.doc.text, r.offset);
  const Matches matches = match_phrases(r.doc.text, typed, sets);
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < matches.matches.size(); ++i) {
    const Match &m = matches.matches[i];
    const bool in_section =
        section && std::find(m.phrase->sections.begin(), m.phrase->sections.end(), section->id) !=
                       m.phrase->sections.end();
    if (typed.span().empty() && !in_section) continue;
    if (!seen.insert(m.phrase->text).second) continue;
    Item item = phrase_item(m, r, vocabulary, in_section, i);
    item.replace = matches.replace;
    result.items.push_back(std::move(item));
  }
  std::sort(result.items.begin(), result.items.end(),
            [](const Item &a, const Item &b) { return a.sort_text < b.sort_text; });
  if (result.items.size() > cap) {
    result.items.resize(cap);
    result.incomplete = true;
  }
  // A client filters a complete list itself as typing goes on.  That is right only for pinyin of
  // kMinCompleteLetters letters or more: the matches of a longer key are among these, and each
  // filter_text starts with what was typed.  Before that (nothing typed, Chinese, one or two
  // letters: substring matches start at two) the client must ask again at the next keystroke.
  if (typed.letters.size() < kMinCompleteLetters) result.incomplete = true;
  return result;
}

}  // namespace reportls::phrasing
