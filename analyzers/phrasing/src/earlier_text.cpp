#include <reportls/phrasing/earlier_text.h>
#include <reportls/report/text.h>

#include <algorithm>
#include <map>

namespace reportls::phrasing {

namespace {

// What follows an earlier place ending at from: up to a clause mark, a line end or limit (the
// typed text), at most kMaxEarlierChars characters.
std::string_view continuation_at(std::string_view text, uint32_t from, uint32_t limit) {
  uint32_t end = from;
  for (uint32_t n = 0; end < limit && n < kMaxEarlierChars; ++n) {
    uint32_t next = end;
    const char32_t c = report::next_code_point(text, next);
    if (is_clause_end(c) || c == U'\n' || c == U'\r' || next > limit) break;
    end = next;
  }
  return text.substr(from, end - from);
}

// The longest common start of a and b that ends at a code point boundary.
std::string_view common_start(std::string_view a, std::string_view b) {
  size_t n = std::mismatch(a.begin(), a.begin() + std::min(a.size(), b.size()), b.begin()).first - a.begin();
  while (n > 0 && n < a.size() && (static_cast<unsigned char>(a[n]) & 0xC0) == 0x80) --n;
  return a.substr(0, n);
}

// Bytes of s's first n code points (all of s when shorter).
uint32_t first_chars(std::string_view s, uint32_t n) {
  uint32_t i = 0;
  while (n-- > 0 && i < s.size()) report::next_code_point(s, i);
  return i;
}

// A continuation's first word ends kMinWordChars to kMaxWordChars characters into it: most
// Chinese words are 2 to 4 characters.  In the typing simulation a phrase boundary up to 6 or 24
// characters in offered longer items writers took less often (first item taken −0.2 to −0.6
// point, characters saved unchanged); up to 3, 0.1–0.2 point fewer characters saved.
constexpr uint32_t kMinWordChars = 2;
constexpr uint32_t kMaxWordChars = 4;

// Where a phrase of sets starts or ends in written, by byte (written.size() + 1 of them), for the
// phrases that start at or before last: no other can bound a place up to last.
std::vector<bool> phrase_bounds(std::string_view written, uint32_t last, const std::vector<const PhraseSet *> &sets) {
  std::vector<bool> bound(written.size() + 1, false);
  for (uint32_t s = 0; s <= last && s < written.size(); report::next_code_point(written, s))
    for (uint32_t e = s; e < written.size();) {
      report::next_code_point(written, e);
      PhraseSet::Known known;
      for (const PhraseSet *set : sets) {
        const PhraseSet::Known k = set->known(written.substr(s, e - s));
        known.whole |= k.whole, known.start |= k.start;
      }
      if (known.whole) bound[s] = bound[e] = true;
      if (!known.start) break;
    }
  return bound;
}

// Bytes of rest up to the end of its first word (earlier_text.h), 0 for none.  written: the typed
// context as the document writes it at the earlier place (context bytes), then rest.
uint32_t first_word(std::string_view written, uint32_t context, std::string_view rest,
                    const std::vector<const PhraseSet *> &sets) {
  const uint32_t min_end = context + first_chars(rest, kMinWordChars);
  const uint32_t max_end = context + first_chars(rest, kMaxWordChars);
  const std::vector<bool> bound = phrase_bounds(written, max_end, sets);
  for (uint32_t b = min_end; b <= max_end && b < written.size(); ++b)
    if (bound[b]) return b - context;
  uint32_t end = 0;
  for (uint32_t n = 0; n < kMinWordChars; ++n)
    if (end >= rest.size() || !report::is_cjk_ideograph(report::next_code_point(rest, end))) return 0;
  return end < rest.size() ? end : 0;
}

struct Continuation {
  uint32_t places = 0;
  uint32_t context_at = 0;  // where the typed context starts at one of its places
};

}  // namespace

std::vector<EarlierContinuation> earlier_continuations(std::string_view text, const Typed &typed,
                                                       const std::vector<const PhraseSet *> &sets) {
  if (!typed.letters.empty() || typed.chinese.empty()) return {};
  const uint32_t start = typed.chinese.start, cursor = typed.chinese.end;
  // The last two typed characters: every earlier place of a longer context has them too.
  uint32_t two = cursor;
  report::prev_code_point(text, two);
  if (two <= start) return {};
  report::prev_code_point(text, two);
  const std::string_view last_two = text.substr(two, cursor - two);
  const std::string_view before = text.substr(0, start);

  // Each earlier place: where the typed text it agrees with starts (the longer the context, the
  // smaller), where that agreement starts there, and what follows.
  struct Place {
    uint32_t typed_at, earlier_at;
    std::string_view rest;
  };
  std::vector<Place> places;
  uint32_t longest = cursor;  // the start of the longest typed context found earlier
  for (size_t o = report::find_text(before, last_two, start > kEarlierWindowBytes ? start - kEarlierWindowBytes : 0);
       o != std::string_view::npos; o = report::find_text(before, last_two, o + last_two.size())) {
    uint32_t earlier = static_cast<uint32_t>(o), typed_at = two;
    while (typed_at > start && earlier > 0) {
      uint32_t e = earlier, t = typed_at;
      if (report::prev_code_point(text, e) != report::prev_code_point(text, t)) break;
      earlier = e, typed_at = t;
    }
    const std::string_view rest = continuation_at(text, static_cast<uint32_t>(o + last_two.size()), start);
    if (report::code_point_count(rest) < kMinWordChars) continue;
    places.push_back({typed_at, earlier, rest});
    longest = std::min(longest, typed_at);
  }

  std::map<std::string_view, Continuation> continuations;  // of the longest context, by text
  for (const Place &p : places)
    if (p.typed_at == longest) {
      Continuation &c = continuations[p.rest];
      if (c.places++ == 0) c.context_at = p.earlier_at;
    }
  if (continuations.empty()) return {};
  auto places_starting = [&](std::string_view start_of) {
    uint32_t n = 0;
    for (auto c = continuations.lower_bound(start_of); c != continuations.end() && c->first.starts_with(start_of); ++c)
      n += c->second.places;
    return n;
  };

  std::map<std::string_view, uint32_t> offered;  // start of continuations → places
  // Never what a place writes whole up to its clause mark (earlier_text.h).
  auto offer = [&](std::string_view start_of) {
    if (!continuations.contains(start_of)) offered.emplace(start_of, places_starting(start_of));
  };
  // The longest starts shared: those of neighbours in text order.
  for (auto a = continuations.begin(), b = std::next(a); b != continuations.end(); a = b++) {
    const std::string_view common = common_start(a->first, b->first);
    if (report::code_point_count(common) >= kMinWordChars) offer(common);
  }
  const uint32_t context = cursor - longest;
  for (const auto &[rest, c] : continuations) {
    const std::string_view written = text.substr(c.context_at, context + rest.size());
    if (const uint32_t end = first_word(written, context, rest, sets); end > 0) offer(rest.substr(0, end));
  }

  std::vector<EarlierContinuation> result;
  const std::string_view typed_context = text.substr(longest, context);
  for (const auto &[rest, n] : offered) result.push_back({std::string(typed_context) + std::string(rest), {longest, cursor}, n});
  return result;
}

}  // namespace reportls::phrasing
