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
// Thread-safe: analyses of several snapshots and documents may share one cache; make() runs
// without the lock held.  Entries are shared, so a pass of one document reuses what another found.
#ifndef REPORTLS_REPORT_LINE_CACHE_H
#define REPORTLS_REPORT_LINE_CACHE_H

#include <reportls/report/document.h>
#include <reportls/report/line_digest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reportls::report {

template <class V>
class LineCache {
  struct Entry {
    std::shared_ptr<const V> value;
    uint32_t holders = 0;  // uses by documents' latest finished passes and by running passes
  };
  using Map = std::unordered_map<LineDigest, Entry, LineDigestHash>;
  using Node = typename Map::value_type;  // stable while the entry exists
  using Held = std::vector<Node *>;       // each use holds one count (a repeated line, twice)

 public:
  explicit LineCache(size_t max_documents = SIZE_MAX) : max_documents_(max_documents) {}

  // One analysis of one document; one thread.
  class Pass {
   public:
    Pass(LineCache &cache, std::string_view document) : cache_(cache), document_(document) {}
    Pass(const Pass &) = delete;
    Pass &operator=(const Pass &) = delete;
    ~Pass() {
      if (!finished_) cache_.release(held_);
    }

    // The value for (line, salt), from the cache or from make() (any callable returning a V: a
    // template, not a std::function, which a lambda capturing more than two references makes
    // allocate — at every line of every pass).
    template <class Make>
    std::shared_ptr<const V> get(std::string_view line, uint64_t salt, Make &&make) {
      return cache_.lookup(line_digest(line, salt), make, *this);
    }
    // The same for line i of doc, known by the digest its parse keeps (Document::digests): no
    // analyzer hashes the document's lines again at each keystroke.  A cache is used with one of
    // the two forms only (their keys differ).
    template <class Make>
    std::shared_ptr<const V> get(const Document &doc, size_t i, uint64_t salt, Make &&make) {
      const LineDigest line = i < doc.digests.size() ? doc.digests[i] : line_digest(doc.str(doc.lines[i].span), 0);
      return cache_.lookup(salted(line, salt), make, *this);
    }

    // The lines this pass used are now the document's (the ones of its previous pass are let go).
    void finish() {
      if (finished_) return;
      finished_ = true;
      cache_.adopt(document_, std::move(held_));
    }

   private:
    friend class LineCache;
    LineCache &cache_;
    std::string document_;
    Held held_;
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
  std::shared_ptr<const V> lookup(const LineDigest &key, Make &make, Pass &pass) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = values_.find(key); it != values_.end()) return hold_locked(*it, pass);
    }
    auto value = std::make_shared<const V>(make());
    std::lock_guard lock(mutex_);
    // Another pass may have added the same line meanwhile: either way one entry per key.
    auto it = values_.try_emplace(key, Entry{std::move(value), 0}).first;
    return hold_locked(*it, pass);
  }

  std::shared_ptr<const V> hold_locked(Node &node, Pass &pass) {
    ++node.second.holders;
    pass.held_.push_back(&node);
    return node.second.value;
  }

  void adopt(const std::string &document, Held held) {
    std::lock_guard lock(mutex_);
    auto [it, added] = documents_.try_emplace(document);
    release_locked(it->second.held);
    it->second = {std::move(held), ++finished_};
    if (documents_.size() <= max_documents_) return;
    auto oldest = documents_.begin();
    for (auto d = documents_.begin(); d != documents_.end(); ++d)
      if (d->second.finished < oldest->second.finished) oldest = d;
    release_locked(oldest->second.held);
    documents_.erase(oldest);
  }

  void release(Held &held) {
    std::lock_guard lock(mutex_);
    release_locked(held);
  }

  void release_locked(Held &held) {
    for (Node *node : held)
      if (--node->second.holders == 0) values_.erase(values_.find(node->first));
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
