#include <reportls/phrasing/completer.h>
#include <reportls/phrasing/earlier_text.h>
#include <reportls/phrasing/matcher.h>
#include <reportls/phrasing/snippet.h>
#include <reportls/phrasing/structure.h>
#include <reportls/phrasing/typing.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

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

// The order items are shown in (sort_text): the clauses real reports write after the clause before
// the cursor first (most reports first), then the items that continue what was typed (prefix)
// before those that rewrite it (substring: accepting one writes again what was typed), then the
// longer typed context matched (more of what was written continues into the phrase), then the
// evidence — how many times real reports write the phrase, counted twice in the cursor's section
// and four times when the document already writes it shortly before the cursor, and weighed by
// its left context (left_context) — then the longer phrase, then file order.  Curated and mined
// phrases are ranked alike: a curated phrase is no likelier the writer's next words than one many
// reports use; the document's own earlier text (earlier_text.h) is ranked with them, each earlier
// place counting as kEarlierPlaceUses uses.
struct Rank {
  const Match *match;
  uint32_t follows;  // reports that write the phrase right after the clause before the cursor
  bool in_section;
  uint32_t context;  // code points of the typed text the match replaces
  uint32_t length;   // code points of the phrase
  size_t index;

  bool in_document = false;  // the document already writes it shortly before (mark_in_document)
  uint32_t earlier = 0;      // from the document's earlier text: its places (earlier_text.h)
  double left = 1;           // how much likelier the phrase is at its left context (left_context)

  // A phrase of the cursor's section is as likely as one used twice as often elsewhere; one the
  // document already writes as one used four times as often (a report repeats its own wording:
  // its bodies, its programmes).  The count is of uses, not of reports: a phrase that reports
  // write once each is rarer at the cursor than one they write again and again.
  static constexpr uint64_t kSectionFactor = 2;
  static constexpr uint64_t kDocumentFactor = 4;
  // One earlier place of the document's own text is as likely the writer's next words as a phrase
  // real reports write 8 times (a phrase of the cursor's section written 4 times): a report's own
  // names beat all but the common formulas.  Not a sensitive knob: 4 or 16 instead of 8 moved
  // the typing simulation by at most 0.1 point saved and 0.3 point first item taken.
  static constexpr uint32_t kEarlierPlaceUses = 8;
  double evidence() const {
    return double(match->phrase->uses) * double(in_section ? kSectionFactor : 1) *
           double(in_document ? kDocumentFactor : 1) * left;
  }

  // What ranks before the evidence.
  auto placement() const {
    return std::make_tuple(follows == 0, -static_cast<int64_t>(follows), match->kind, -static_cast<int64_t>(context));
  }
  auto key() const {
    return std::tuple_cat(placement(), std::make_tuple(-evidence(), -static_cast<int64_t>(length), index));
  }
};

// Whether a phrase written from `at` starts a clause as the miner counts it (Phrase::starts): only
// spaces between it and a clause mark, a line break or the text's start.
bool starts_clause(std::string_view text, uint32_t at) {
  while (at > 0) {
    const char32_t c = report::prev_code_point(text, at);
    if (c == U'\n' || is_clause_end(c)) return true;
    if (!report::is_space(c)) return false;
  }
  return true;
}

// How much likelier the match's phrase is where it would be written — at a clause's start or
// inside one — than a phrase of its set: its share of uses there (Phrase::starts) against its
// set's, its own pulled towards the set's as if by kPriorUses more uses (a phrase written a few
// times says little).  1 when the phrase does not say, and for a substring match (the text before
// what was typed is not the text before the phrase).
double left_context(const Match &m, std::string_view text) {
  // Not a sensitive knob: 3 or 30 instead of 10 moved the typing simulation by at most 0.06 point
  // saved and 0.15 point first item taken.
  static constexpr double kPriorUses = 10;
  const Phrase &p = *m.phrase;
  const double set_share = m.set ? m.set->start_share() : 0;
  if (p.starts == Phrase::kUnknown || m.kind != MatchKind::Prefix || set_share <= 0 || set_share >= 1) return 1;
  const bool start = starts_clause(text, m.replace.start);
  const double share = start ? set_share : 1 - set_share;
  const double uses = start ? p.starts : p.uses - p.starts;
  return (uses + kPriorUses * share) / ((p.uses + kPriorUses) * share);
}

// Drops each prefix match whose phrase a longer prefix match of the same kind (curated or mined)
// extends with at least kNearlyAll of its reports: the longer item writes more for nearly every
// writer the shorter one would serve, and the place it frees shows another continuation.
void drop_nearly_covered(std::vector<Rank> &ranks) {
  static constexpr double kNearlyAll = 0.9;
  std::vector<size_t> prefixes;  // by phrase text: a phrase's extensions follow it
  for (size_t i = 0; i < ranks.size(); ++i)
    if (ranks[i].match->kind == MatchKind::Prefix) prefixes.push_back(i);
  auto phrase = [&](size_t i) -> const Phrase & { return *ranks[i].match->phrase; };
  std::sort(prefixes.begin(), prefixes.end(), [&](size_t a, size_t b) { return phrase(a).text < phrase(b).text; });
  std::vector<bool> covered(ranks.size(), false);
  for (size_t k = 0; k < prefixes.size(); ++k) {
    const Phrase &shorter = phrase(prefixes[k]);
    for (size_t j = k + 1; j < prefixes.size() && phrase(prefixes[j]).text.starts_with(shorter.text); ++j) {
      const Phrase &longer = phrase(prefixes[j]);
      if (longer.text.size() > shorter.text.size() && longer.mined == shorter.mined &&
          ranks[prefixes[j]].match->replace.start == ranks[prefixes[k]].match->replace.start &&
          double(longer.weight) >= kNearlyAll * double(shorter.weight)) {
        covered[prefixes[k]] = true;
        break;
      }
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < ranks.size(); ++i)
    if (!covered[i]) ranks[kept++] = ranks[i];
  ranks.resize(kept);
}

// Marks the prefix ranks whose phrase the document already writes in the kRecentBytes before
// the typed Chinese (which starts at typed_start).  Each phrase begins with its matched context,
// so only the places that context occurs at are compared: the cost is bounded by the window,
// whatever the document's size.
void mark_in_document(std::vector<Rank> &ranks, std::string_view text, uint32_t typed_start) {
  static constexpr uint32_t kRecentBytes = 8192;
  const uint32_t from = typed_start > kRecentBytes ? typed_start - kRecentBytes : 0;
  const std::string_view recent = text.substr(from, typed_start - from);
  std::unordered_map<std::string_view, std::vector<size_t>> at;  // context → where recent has it
  for (Rank &rank : ranks) {
    if (rank.match->kind != MatchKind::Prefix || rank.match->replace.empty()) continue;
    const std::string_view context = rank.match->replace.in(text);
    auto [found, added] = at.try_emplace(context);
    if (added)
      for (size_t o = recent.find(context); o != std::string_view::npos; o = recent.find(context, o + 1))
        found->second.push_back(o);
    const std::string_view phrase = rank.match->phrase->text;
    rank.in_document = std::any_of(found->second.begin(), found->second.end(),
                                   [&](size_t o) { return recent.substr(o).starts_with(phrase); });
  }
}

// A phrase typed in full: accepting it writes nothing (it still decides what is certain: a longer
// phrase some reports go on with is not).
bool writes_nothing(const Rank &rank) {
  return rank.match->kind == MatchKind::Prefix && rank.match->replace.size() == rank.match->phrase->text.size();
}

// What accepting the item leaves after the cursor: two items that leave the same text are one
// (a phrase and the document's earlier text with a longer typed context).
std::pair<MatchKind, std::string_view> written(const Rank &rank) {
  const std::string_view text = rank.match->phrase->text;
  return {rank.match->kind, rank.match->kind == MatchKind::Prefix ? text.substr(rank.match->replace.size()) : text};
}

// Whether b continues the same typed text as a, and writes all that a writes and more.
bool goes_on_from(const Rank &b, const Rank &a) {
  const std::string_view longer = b.match->phrase->text, shorter = a.match->phrase->text;
  return a.match->kind == MatchKind::Prefix && b.match->kind == MatchKind::Prefix && a.context == b.context &&
         longer.size() > shorter.size() && longer.starts_with(shorter);
}

// The indexes of the ranks (sorted) that the list shows first: the first kShown that write
// something, each text once.
std::vector<size_t> shown_ranks(const std::vector<Rank> &ranks) {
  std::vector<size_t> shown;
  std::set<std::pair<MatchKind, std::string_view>> seen;
  for (size_t i = 0; i < ranks.size() && shown.size() < kShown; ++i)
    if (!writes_nothing(ranks[i]) && seen.insert(written(ranks[i])).second) shown.push_back(i);
  return shown;
}

// The writer takes the shown item that writes the most right text, so an item is taken only when
// it is right and none of the longer shown items that go on from it is: at equal placement the
// shown items are ordered by their evidence less that of those longer ones (only the nearest: a
// writer of a longer one writes the ones between too).
void order_shown_by_taken(std::vector<Rank> &ranks) {
  const std::vector<size_t> shown = shown_ranks(ranks);
  std::vector<std::pair<size_t, double>> taken;  // a shown rank, its evidence less the longer ones'
  for (const size_t a : shown) {
    double evidence = ranks[a].evidence();
    for (const size_t b : shown) {
      const bool nearest = std::none_of(shown.begin(), shown.end(), [&](size_t c) {
        return goes_on_from(ranks[c], ranks[a]) && goes_on_from(ranks[b], ranks[c]);
      });
      if (goes_on_from(ranks[b], ranks[a]) && nearest) evidence -= ranks[b].evidence();
    }
    taken.emplace_back(a, evidence);
  }
  std::stable_sort(taken.begin(), taken.end(), [&](const auto &x, const auto &y) {
    return std::make_pair(ranks[x.first].placement(), -x.second) < std::make_pair(ranks[y.first].placement(), -y.second);
  });
  std::vector<Rank> ordered;
  for (const auto &[i, evidence] : taken) ordered.push_back(ranks[i]);
  for (size_t k = 0; k < shown.size(); ++k) ranks[shown[k]] = ordered[k];
}

// position: the item's place among the phrase items, which its sort_text keeps.
Item phrase_item(const Rank &rank, size_t position, const Request &r, const PhraseSet &vocabulary) {
  const Match &m = *rank.match;
  const Phrase &p = *m.phrase;
  // The document's own text is written as it is: its ×× or 20×× are no placeholders.
  const Insertion ins = rank.earlier > 0 ? Insertion{std::string(p.text), std::string(p.text), false}
                                         : fill_placeholders(p.text, r.year, p.year_offset);
  Item item;
  item.label = ins.label;
  item.insert_text = ins.insert_text;
  item.snippet = ins.snippet;
  item.kind = ins.snippet ? ItemKind::Snippet : ItemKind::Text;
  item.filter_text = m.filter_text;
  item.replace = m.replace;
  char sort[16];
  std::snprintf(sort, sizeof sort, "2%05zu", position);
  item.sort_text = sort;
  if (rank.earlier > 0) {
    item.detail = "本文前文（" + std::to_string(rank.earlier) + " 处）";
    item.documentation = "**来源**：" + item.detail;
    return item;
  }
  const std::string names = section_names(p, vocabulary);
  item.detail = p.topic.empty() ? names : names + " · " + p.topic;
  if (rank.follows > 0) item.detail = "下一句（" + std::to_string(rank.follows) + " 篇报告）· " + item.detail;
  item.documentation = "**章节**：" + item.detail + "\n\n**来源**：`" + p.source + "`";
  return item;
}

// The document's earlier text as phrases and their matches (earlier_continuations), kept
// alive while the ranks point at them.
struct EarlierText {
  std::vector<EarlierContinuation> found;  // what the phrases' texts view
  std::vector<Phrase> phrases;
  std::vector<Match> matches;
};

// Merges the continuations of the document's earlier text into ranks (sorted by Rank::key).
// index_base: past the phrase matches' indexes (file order).
void add_earlier_text(std::vector<Rank> &ranks, EarlierText &earlier, const Request &r, const Typed &typed,
                      const std::vector<const PhraseSet *> &sets, size_t index_base) {
  earlier.found = earlier_continuations(r.doc.text, typed, sets);
  const std::vector<EarlierContinuation> &found = earlier.found;
  earlier.phrases.reserve(found.size());  // the matches point at the phrases, the ranks at the matches
  earlier.matches.reserve(found.size());
  const size_t sorted = ranks.size();
  for (const EarlierContinuation &e : found) {
    Phrase &p = earlier.phrases.emplace_back();
    p.text = e.text;
    p.uses = e.places * Rank::kEarlierPlaceUses;
    const Match &m = earlier.matches.emplace_back(Match{&p, MatchKind::Prefix, e.text, e.replace});
    Rank &rank = ranks.emplace_back(Rank{&m, 0, false, report::code_point_count(e.replace.in(r.doc.text)),
                                         report::code_point_count(e.text), index_base + earlier.matches.size()});
    rank.earlier = e.places;
  }
  auto by_key = [](const Rank &a, const Rank &b) { return a.key() < b.key(); };
  std::sort(ranks.begin() + static_cast<std::ptrdiff_t>(sorted), ranks.end(), by_key);
  std::inplace_merge(ranks.begin(), ranks.begin() + static_cast<std::ptrdiff_t>(sorted), ranks.end(), by_key);
}

// The phrase sure enough to be preselected (completer.h), among ranks sorted by Rank::key.
const Phrase *certain_phrase(const std::vector<Rank> &ranks, const Typed &typed) {
  if (ranks.empty() || !typed.letters.empty()) return nullptr;
  if (typed.span().empty()) {
    const Rank &top = ranks.front();
    if (top.follows < kMinInlineReports) return nullptr;
    for (const Rank &other : ranks)
      if (other.match->phrase->text != top.match->phrase->text && other.follows >= top.follows) return nullptr;
    return top.match->phrase;
  }
  // Typed Chinese: the phrases that start with the longest context any phrase starts with must
  // all begin with the shortest of them (often the only one); that one is certain.
  uint32_t context = 0;
  for (const Rank &r : ranks)
    if (r.match->kind == MatchKind::Prefix) context = std::max(context, r.context);
  if (context < kMinInlineContext) return nullptr;
  const Rank *shortest = nullptr;
  for (const Rank &r : ranks)
    if (r.match->kind == MatchKind::Prefix && r.context == context &&
        (!shortest || r.match->phrase->text.size() < shortest->match->phrase->text.size()))
      shortest = &r;
  const std::string_view text = shortest->match->phrase->text;
  for (const Rank &r : ranks)
    if (r.match->kind == MatchKind::Prefix && r.context == context && !r.match->phrase->text.starts_with(text))
      return nullptr;
  if (shortest->match->replace.size() >= text.size()) return nullptr;
  return shortest->match->phrase;
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
  const std::vector<Match> matches = match_phrases(r.doc.text, typed, sets);
  // After a clause mark with nothing typed: the clauses real reports write next.
  std::unordered_map<const Phrase *, uint32_t> next;
  if (typed.span().empty())
    if (const auto clause = clause_before(r.doc.text, r.offset))
      for (const PhraseSet *set : sets)
        if (const auto *followers = set->followers(clause->in(r.doc.text)))
          for (const auto &[index, reports] : *followers) next[&set->phrases()[index]] = reports;
  std::vector<Rank> ranks;
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match &m = matches[i];
    const bool in_section =
        section && std::find(m.phrase->sections.begin(), m.phrase->sections.end(), section->id) !=
                       m.phrase->sections.end();
    const auto follows = next.find(m.phrase);
    const uint32_t reports = follows == next.end() ? 0 : follows->second;
    if (typed.span().empty() && !in_section && reports == 0) continue;
    ranks.push_back({&m, reports, in_section, report::code_point_count(m.replace.in(r.doc.text)),
                     report::code_point_count(m.phrase->text), i});
    ranks.back().left = left_context(m, r.doc.text);
  }
  drop_nearly_covered(ranks);
  if (!typed.chinese.empty()) mark_in_document(ranks, r.doc.text, typed.chinese.start);
  // Items are built for the first cap phrases only: a mined set matches thousands.
  std::sort(ranks.begin(), ranks.end(), [](const Rank &a, const Rank &b) { return a.key() < b.key(); });
  // Certainty is the phrase models' alone: ghost text from one earlier place would be a guess.  It
  // is kept by what the phrase writes, which an earlier-text item shown in its place writes too.
  std::optional<std::pair<MatchKind, std::string_view>> certain;
  if (const Phrase *p = certain_phrase(ranks, typed))
    certain = written(*std::find_if(ranks.begin(), ranks.end(), [&](const Rank &rank) { return rank.match->phrase == p; }));
  EarlierText earlier;
  add_earlier_text(ranks, earlier, r, typed, sets, matches.size());
  order_shown_by_taken(ranks);
  std::set<std::pair<MatchKind, std::string_view>> seen;
  size_t phrases = 0;
  for (const Rank &rank : ranks) {
    if (writes_nothing(rank)) continue;
    if (!seen.insert(written(rank)).second) continue;
    if (++phrases > cap) {
      result.incomplete = true;
      break;
    }
    result.items.push_back(phrase_item(rank, phrases, r, vocabulary));
    Item &item = result.items.back();
    item.preselected = certain == written(rank) && !item.snippet;
  }
  std::stable_sort(result.items.begin(), result.items.end(),
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
