// reportls/report/line_cache.h — remembers what a line-local check found in a line's text, so
// that re-analysing a document after one keystroke re-checks only the lines that changed.
//
// Values are keyed by the line's bytes plus a salt (anything else the result depends on, e.g. the
// report year) and must hold offsets relative to the line's start.  Thread-safe: analyses of
// several snapshots may share one cache.  Bounded: past `capacity` entries it starts afresh.
#ifndef REPORTLS_REPORT_LINE_CACHE_H
#define REPORTLS_REPORT_LINE_CACHE_H

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace reportls::report {

template <class V>
class LineCache {
 public:
  explicit LineCache(size_t capacity = 1u << 16) : capacity_(capacity) {}

  // The value for (line, salt), from the cache or from make() (run without the lock held).
  V get(std::string_view line, uint64_t salt, const std::function<V()> &make) {
    std::string key(line);
    key.append(reinterpret_cast<const char *>(&salt), sizeof salt);
    {
      std::lock_guard lock(mutex_);
      if (auto it = values_.find(key); it != values_.end()) return it->second;
    }
    V value = make();
    std::lock_guard lock(mutex_);
    if (values_.size() >= capacity_) values_.clear();
    values_.emplace(std::move(key), value);
    return value;
  }

 private:
  size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, V> values_;
};

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_LINE_CACHE_H
