#include <reportls/report/document.h>
#include <reportls/report/markdown.h>

#include "classify.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <mutex>
#include <tuple>
#include <utility>
#include <vector>

namespace reportls::report {
namespace {

// A parsed snapshot that owns the text its Document points into.
struct Parsed {
  std::shared_ptr<const std::string> rules;
  Format format = Format::Text;
  std::string text;    // what doc points into: the caller's text, or its Markdown prose view
  std::string source;  // Markdown: the caller's text, which a lookup compares (no view is built)
  Document doc;
  // The cached parse doc was derived from (reparse), if any.
  std::weak_ptr<const Parsed> base;
  // The name the host gave the text (reportls_document.snapshot) when it was last asked for; 0:
  // none.  Under `mutex`.
  mutable uint64_t snapshot = 0;
  const std::string &key() const { return format == Format::Markdown ? source : text; }
};

// Enough for the analyzers of a snapshot and its predecessor, across a few open documents, while
// a batch of huge files cannot pin more than this many bytes.  Of one document's keystrokes only
// the newest parse and the one it was derived from stay (see shared_parse).
constexpr size_t kMaxEntries = 4;
constexpr size_t kMaxBytes = size_t{64} << 20;

// A cached parse that differs from the text in no more than this many bytes in the middle is the
// one to derive the text's parse from, whatever the others share.
constexpr size_t kCloseEnough = 4096;

std::mutex mutex;
std::deque<std::shared_ptr<const Parsed>> recent;  // most recently used first

bool same_rules(const Parsed &p, const Rules &rules) {
  return p.rules == rules.canonical || *p.rules == *rules.canonical;
}

// Whether p is the parse of text; a text the host named as p's last caller did is p's without
// comparing the bytes (a megabyte per analyzer of each keystroke otherwise).
bool same(const Parsed &p, std::string_view text, const Rules &rules, Format format, uint64_t snapshot) {
  if (p.format != format || p.key().size() != text.size() || !same_rules(p, rules)) return false;
  return (snapshot != 0 && p.snapshot == snapshot) || std::memcmp(p.key().data(), text.data(), text.size()) == 0;
}

// The bytes two texts share at their start and, after that, at their end.
std::pair<size_t, size_t> common_ends(std::string_view a, std::string_view b) {
  // memcmp a block at a time, large blocks first: texts run to megabytes, and one call per 64
  // bytes took twice as long as the comparing.
  const size_t n = std::min(a.size(), b.size());
  size_t prefix = 0, suffix = 0;
  for (const size_t block : {size_t{4096}, size_t{64}})
    while (prefix + block <= n && std::memcmp(a.data() + prefix, b.data() + prefix, block) == 0) prefix += block;
  while (prefix < n && a[prefix] == b[prefix]) ++prefix;
  const char *ae = a.data() + a.size(), *be = b.data() + b.size();
  for (const size_t block : {size_t{4096}, size_t{64}})
    while (suffix + block <= n - prefix && std::memcmp(ae - suffix - block, be - suffix - block, block) == 0)
      suffix += block;
  while (suffix < n - prefix && ae[-1 - static_cast<ptrdiff_t>(suffix)] == be[-1 - static_cast<ptrdiff_t>(suffix)])
    ++suffix;
  return {prefix, suffix};
}

// The cached parse of the text `text` shares most with at its ends (a keystroke's previous
// version), and the bytes they share at the start and at the end; none when they share nothing.
std::pair<std::shared_ptr<const Parsed>, std::pair<size_t, size_t>> closest(
    const std::vector<std::shared_ptr<const Parsed>> &candidates, std::string_view text) {
  std::shared_ptr<const Parsed> base;
  std::pair<size_t, size_t> best{0, 0};
  for (const auto &p : candidates) {  // most recently used first: the previous keystroke's
    auto ends = common_ends(p->text, text);
    if (ends.first + ends.second > best.first + best.second) {
      best = ends;
      base = p;
    }
    // Another candidate could spare re-reading no more than this middle: not worth comparing
    // the megabyte of each.
    if (text.size() - std::min(text.size(), best.first + best.second) <= kCloseEnough) break;
  }
  return {std::move(base), best};
}

}  // namespace

std::shared_ptr<const Document> shared_parse(std::string_view text, const Rules &rules, Format format,
                                             uint64_t snapshot, const TextOrigin &origin) {
  if (rules.canonical) {
    std::lock_guard lock(mutex);
    for (auto it = recent.begin(); it != recent.end(); ++it) {
      if (!same(**it, text, rules, format, snapshot)) continue;
      std::shared_ptr<const Parsed> hit = *it;
      hit->snapshot = snapshot;  // the name its next callers will give
      recent.erase(it);
      recent.push_front(hit);
      return {hit, &hit->doc};
    }
  }
  // Parsed outside the lock: another thread may be parsing another document meanwhile.
  std::vector<std::shared_ptr<const Parsed>> candidates;
  std::shared_ptr<const Parsed> made_from;  // the cached text the host says this one was made from
  if (rules.canonical) {
    std::lock_guard lock(mutex);
    for (const auto &p : recent)
      if (same_rules(*p, rules) && p->format == format) {
        candidates.push_back(p);
        if (origin.from != 0 && p->snapshot == origin.from) made_from = p;
      }
  }
  auto parsed = std::make_shared<Parsed>();
  parsed->rules = rules.canonical;
  parsed->format = format;
  parsed->snapshot = snapshot;
  // A Markdown document is parsed as its prose view (same offsets, markup blanked), derived like
  // any text from the cached view it shares most with.
  if (format == Format::Markdown) parsed->text = markdown_prose(text);
  std::shared_ptr<const Parsed> base;
  std::pair<size_t, size_t> ends;
  // A Markdown view may change beyond the edit (a fence opened blanks what follows), so it is compared.
  if (made_from && format == Format::Text && origin.start <= origin.old_end && origin.old_end <= made_from->text.size() &&
      origin.start <= origin.new_end && origin.new_end <= text.size() &&
      made_from->text.size() - origin.old_end == text.size() - origin.new_end) {
    base = std::move(made_from);
    ends = {origin.start, text.size() - origin.new_end};
  } else {
    std::tie(base, ends) = closest(candidates, format == Format::Markdown ? std::string_view(parsed->text) : text);
  }
  made_from.reset();
  candidates.clear();
  if (base) {
    // The parse the base was derived from goes before this one is made, so that the memory it
    // frees is what this one takes: a document's third parse would otherwise be fresh pages at
    // each of its first keystrokes (about 1.4 MB for a 1 MB report).  Freed after the lock is
    // released: freeing a large report's parse takes tens of µs, which other lookups need not wait.
    std::shared_ptr<const Parsed> older = base->base.lock();
    if (older) {
      std::lock_guard lock(mutex);
      std::erase(recent, older);
    }
  }
  if (format == Format::Markdown)
    parsed->source.assign(text);
  else
    parsed->text.assign(text);
  if (base) {
    parsed->doc = detail::reparse(base->doc, parsed->text, rules, ends.first, ends.second);
    parsed->base = base;
  } else {
    parsed->doc = parse(parsed->text, rules);
  }
  if (rules.canonical) {
    std::vector<std::shared_ptr<const Parsed>> evicted;  // freed after the lock, as above
    std::lock_guard lock(mutex);
    recent.push_front(parsed);
    size_t bytes = 0, kept = 0;
    for (const auto &p : recent) {
      bytes += p->text.size() + p->source.size();
      if (kept > 0 && (kept >= kMaxEntries || bytes > kMaxBytes)) break;
      ++kept;
    }
    evicted.assign(std::make_move_iterator(recent.begin() + static_cast<ptrdiff_t>(kept)),
                   std::make_move_iterator(recent.end()));
    recent.resize(kept);
  }
  return {parsed, &parsed->doc};
}

}  // namespace reportls::report
