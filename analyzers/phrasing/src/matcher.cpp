#include <reportls/phrasing/matcher.h>

#include <algorithm>
#include <cctype>

namespace reportls::phrasing {

namespace {

void match_cjk(std::string_view query, const Phrase &p, std::vector<Match> &out) {
  size_t pos = p.text.find(query);
  if (pos == std::string::npos) return;
  if (pos == 0) {
    out.push_back({&p, MatchKind::Prefix, p.text});
    return;
  }
  if (report::code_point_count(query) >= 2) out.push_back({&p, MatchKind::Substring, p.text.substr(pos)});
}

// The first position of query in key where accept(pos) holds, or npos.
template <class Accept>
size_t find_if_at(const std::string &key, std::string_view query, Accept accept) {
  for (size_t pos = key.find(query); pos != std::string::npos; pos = key.find(query, pos + 1))
    if (accept(pos)) return pos;
  return std::string::npos;
}

void match_latin(std::string_view query, const Phrase &p, const PinyinKey &k,
                 std::vector<Match> &out) {
  if (k.initials.starts_with(query)) return out.push_back({&p, MatchKind::Prefix, k.initials});
  if (k.full.starts_with(query)) return out.push_back({&p, MatchKind::Prefix, k.full});
  if (query.size() < 2) return;
  if (size_t pos = k.initials.find(query); pos != std::string::npos)
    return out.push_back({&p, MatchKind::Substring, k.initials.substr(pos)});
  size_t pos = find_if_at(k.full, query, [&](size_t at) {
    return std::binary_search(k.syllable_starts.begin(), k.syllable_starts.end(), at);
  });
  if (pos != std::string::npos) out.push_back({&p, MatchKind::Substring, k.full.substr(pos)});
}

}  // namespace

Matches match_phrases(std::string_view text, const TypedRun &run,
                      const std::vector<const PhraseSet *> &sets) {
  Matches result{run.span, {}};
  std::string_view typed = run.span.in(text);
  if (typed.empty()) {
    for (const PhraseSet *set : sets)
      for (const Phrase &p : set->phrases()) result.matches.push_back({&p, MatchKind::Prefix, p.text});
    return result;
  }
  if (run.latin) {
    std::string query(typed);
    for (char &c : query) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const PhraseSet *set : sets) {
      const std::vector<PinyinKey> &keys = set->pinyin();
      for (size_t i = 0; i < keys.size(); ++i)
        match_latin(query, set->phrases()[i], keys[i], result.matches);
    }
    return result;
  }
  // Longest suffix first: 坚持深入学 should replace 深入学, not only 学.
  for (uint32_t start = run.span.start; start < run.span.end;) {
    std::string_view query = text.substr(start, run.span.end - start);
    for (const PhraseSet *set : sets)
      for (const Phrase &p : set->phrases()) match_cjk(query, p, result.matches);
    if (!result.matches.empty()) {
      result.replace.start = start;
      return result;
    }
    report::next_code_point(text, start);
  }
  result.replace.start = run.span.end;  // nothing matched: nothing to replace
  return result;
}

}  // namespace reportls::phrasing
