// reportls/report/line_cache.h — remembers what a line-local check found in a line's text, so
// that re-analysing a document after one keystroke re-checks only the lines that changed.
//
// Values are keyed by the line's bytes plus a salt (anything else the result depends on, e.g. the
// report year) and must hold offsets relative to the line's start.  The key kept is their 128-bit
// digest (line_digest.h), not a copy of the line: the caches of one process would otherwise hold
// the open documents' text once per analyzer.
//
// Bounded by what is open, not by how long a session ran.  An analysis of one document (its uri)
// looks lines up through a Pass; when the pass finishes, the lines it used become that document's,
// and entries that no document's latest finished pass used any more are dropped — so a keystroke
// replaces one line's entry instead of adding one, and the cache holds the distinct lines of the
// documents analysed, once each.  A pass that ends unfinished (cancelled, failed) keeps nothing it
// added.  forget() drops a closed document's lines (those another document still uses stay).  A
// cache built with a limit of documents also lets go the lines of the document whose pass finished
// longest ago once more documents than that have finished passes: for results asked for now and
// then (a hover), which should not keep every document ever asked about.
//
// A pass takes over the uses of the document's previous finished pass while it runs: when its k-th
// use is the line the previous pass's k-th was (every line before an edit, and after it unless the
// edit added or removed lines), the entry passes over as it is — no hashing, no lock, no count
// taken and given back — which is most of what a keystroke in a long report costs each analyzer.
// A pass keeps its uses' keys side by side, and knows which of them hold an empty value (V's
// empty(), when it has one): taking over a line, and recalling that it had nothing, reads no entry
// — a long report's thousands of entries lie all over the heap, and reading each of them at every
// keystroke, once per analyzer, was most of what recalling them cost.
//
// Values are handed out by reference, valid while the Pass that returned them lives: it holds a
// count on every entry it used until it ends.
// Thread-safe: analyses of several snapshots and documents may share one cache; make() runs
// without the lock held.  Entries are shared, so a pass of one document reuses what another found.
// Two passes of one document at once are fine: the second finds no previous uses to take over.
#ifndef REPORTLS_REPORT_LINE_CACHE_H
#define REPORTLS_REPORT_LINE_CACHE_H

#include <reportls/report/document.h>
#include <reportls/report/line_digest.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace reportls::report {

template <class V>
class LineCache {
  struct Entry {
    V value;
    uint32_t holders = 0;  // uses by documents' latest finished passes and by running passes
  };
  using Map = std::unordered_map<LineDigest, Entry, LineDigestHash>;
  using Node = typename Map::value_type;  // stable while the entry exists
  // One use of an entry, holding one count (a repeated line, twice); node() null: none.  Whether
  // the value is V's empty one rides in the node pointer's low bit: 24 bytes a line, kept for every
  // line of every open document by each analyzer's cache.
  class Use {
   public:
    Use() = default;
    Use(const LineDigest &key, Node *node, bool empty) : key(key), bits_(reinterpret_cast<uintptr_t>(node) | empty) {}
    LineDigest key;
    Node *node() const { return reinterpret_cast<Node *>(bits_ & ~uintptr_t{1}); }
    bool empty() const { return bits_ & 1; }

   private:
    static_assert(alignof(Node) > 1);
    uintptr_t bits_ = 0;
  };
  using Held = std::vector<Use>;

  static bool is_empty(const V &v) {
    if constexpr (requires { v.empty(); })
      return v.empty();
    else
      return false;
  }
  static const V &empty_value() {
    static const V value{};
    return value;
  }

 public:
  explicit LineCache(size_t max_documents = SIZE_MAX) : max_documents_(max_documents) {}

  // One analysis of one document; one thread.
  class Pass {
   public:
    Pass(LineCache &cache, std::string_view document)
        : cache_(cache), document_(document), previous_(cache_.take_previous(document_)) {
      held_.reserve(previous_.size());  // kept as the document's: no room to spare after a keystroke
    }
    Pass(const Pass &) = delete;
    Pass &operator=(const Pass &) = delete;
    // A finished pass's lines become the document's (the ones of its previous pass are let go);
    // an unfinished one keeps nothing it added.
    ~Pass() {
      if (finished_)
        cache_.adopt(document_, std::move(held_), previous_);
      else
        cache_.abandon(document_, held_, previous_);
    }

    // The value for (line, salt), from the cache or from make() (any callable returning a V: a
    // template, not a std::function, which a lambda capturing more than two references makes
    // allocate — at every line of every pass).
    template <class Make>
    const V &get(std::string_view line, uint64_t salt, Make &&make) {
      return use(line_digest(line, salt), make);
    }
    // The same for line i of doc, known by the digest its parse keeps (Document::digests): no
    // analyzer hashes the document's lines again at each keystroke.  A cache is used with one of
    // the two forms only (their keys differ).
    template <class Make>
    const V &get(const Document &doc, size_t i, uint64_t salt, Make &&make) {
      const LineDigest line = i < doc.digests.size() ? doc.digests[i] : line_digest(doc.str(doc.lines[i].span), 0);
      return use(salted(line, salt), make);
    }

    // The pass went through: when it ends, the lines it used become the document's.
    void finish() { finished_ = true; }

   private:
    friend class LineCache;
    template <class Make>
    const V &use(const LineDigest &key, Make &make) {
      // The previous pass's use at this point, when it is this line: its count passes over.  The
      // node cannot go while a count is held, and its key and value never change.
      const size_t k = held_.size();
      if (k < previous_.size() && previous_[k].node() && previous_[k].key == key) {
        const Use u = std::exchange(previous_[k], Use{});
        held_.push_back(u);
        return u.empty() ? empty_value() : u.node()->second.value;
      }
      return cache_.lookup(key, make, *this);
    }

    LineCache &cache_;
    std::string document_;
    Held held_;
    // The document's previous pass's uses, in order, each with its count; none where this pass
    // took it over (at the same index of held_).
    Held previous_;
    bool finished_ = false;
  };

  // The document was closed: its lines are dropped unless another document uses them.
  void forget(std::string_view document) {
    std::lock_guard lock(mutex_);
    auto it = documents_.find(document);
    if (it == documents_.end()) return;
    release_locked(it->second.held);
    documents_.erase(it);
  }

  // Entries held (distinct lines), for tests.
  size_t size() const {
    std::lock_guard lock(mutex_);
    return values_.size();
  }

 private:
  template <class Make>
  const V &lookup(const LineDigest &key, Make &make, Pass &pass) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = values_.find(key); it != values_.end()) return hold_locked(*it, pass);
    }
    V value = make();
    std::lock_guard lock(mutex_);
    // Another pass may have added the same line meanwhile: either way one entry per key.
    auto it = values_.try_emplace(key, Entry{std::move(value), 0}).first;
    return hold_locked(*it, pass);
  }

  const V &hold_locked(Node &node, Pass &pass) {
    ++node.second.holders;
    const bool empty = is_empty(node.second.value);
    pass.held_.push_back({node.first, &node, empty});
    return empty ? empty_value() : node.second.value;
  }

  // The document's latest finished pass's uses, for a new pass to take over (none when another
  // pass has them).
  Held take_previous(const std::string &document) {
    std::lock_guard lock(mutex_);
    auto it = documents_.find(document);
    return it == documents_.end() ? Held() : std::exchange(it->second.held, Held());
  }

  void adopt(const std::string &document, Held held, Held &previous) {
    std::lock_guard lock(mutex_);
    release_locked(previous);  // what the pass did not take over
    auto [it, added] = documents_.try_emplace(document);
    release_locked(it->second.held);  // another pass's, finished meanwhile
    it->second = {std::move(held), ++finished_};
    if (documents_.size() <= max_documents_) return;
    auto oldest = documents_.begin();
    for (auto d = documents_.begin(); d != documents_.end(); ++d)
      if (d->second.finished < oldest->second.finished) oldest = d;
    release_locked(oldest->second.held);
    documents_.erase(oldest);
  }

  // An unfinished pass: what it added goes, and what it took over goes back to the document (unless
  // the document was closed meanwhile, or another pass's uses are its own now).
  void abandon(const std::string &document, Held &held, Held &previous) {
    std::lock_guard lock(mutex_);
    for (size_t k = 0; k < held.size() && k < previous.size(); ++k)
      if (!previous[k].node()) previous[k] = std::exchange(held[k], Use{});
    release_locked(held);
    auto it = documents_.find(document);
    if (it != documents_.end() && it->second.held.empty())
      it->second.held = std::move(previous);
    else
      release_locked(previous);
  }

  void release_locked(Held &held) {
    for (const Use &u : held)
      if (u.node() && --u.node()->second.holders == 0) values_.erase(u.key);
    held.clear();
  }

  struct DocumentLines {
    Held held;              // the lines of its latest finished pass
    uint64_t finished = 0;  // when that pass finished, in passes
  };

  const size_t max_documents_;
  mutable std::mutex mutex_;
  Map values_;
  std::map<std::string, DocumentLines, std::less<>> documents_;
  uint64_t finished_ = 0;
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_LINE_CACHE_H
