#include <reportls/report/document.h>

#include <cstring>
#include <deque>
#include <mutex>

namespace reportls::report {
namespace {

// A parsed snapshot that owns the text its Document points into.
struct Parsed {
  std::shared_ptr<const std::string> rules;
  std::string text;
  Document doc;
};

// Enough for the analyzers of a snapshot and its predecessor, across a few open documents, while
// a batch of huge files cannot pin more than this many bytes.
constexpr size_t kMaxEntries = 4;
constexpr size_t kMaxBytes = size_t{64} << 20;

std::mutex mutex;
std::deque<std::shared_ptr<const Parsed>> recent;  // most recently used first

bool same(const Parsed &p, std::string_view text, const Rules &rules) {
  return p.text.size() == text.size() && (p.rules == rules.canonical || *p.rules == *rules.canonical) &&
         std::memcmp(p.text.data(), text.data(), text.size()) == 0;
}

}  // namespace

std::shared_ptr<const Document> shared_parse(std::string_view text, const Rules &rules) {
  if (rules.canonical) {
    std::lock_guard lock(mutex);
    for (auto it = recent.begin(); it != recent.end(); ++it) {
      if (!same(**it, text, rules)) continue;
      std::shared_ptr<const Parsed> hit = *it;
      recent.erase(it);
      recent.push_front(hit);
      return {hit, &hit->doc};
    }
  }
  // Parsed outside the lock: another thread may be parsing another document meanwhile.
  auto parsed = std::make_shared<Parsed>();
  parsed->rules = rules.canonical;
  parsed->text.assign(text);
  parsed->doc = parse(std::string_view(parsed->text), rules);
  if (rules.canonical) {
    std::lock_guard lock(mutex);
    recent.push_front(parsed);
    size_t bytes = 0, kept = 0;
    for (const auto &p : recent) {
      bytes += p->text.size();
      if (kept > 0 && (kept >= kMaxEntries || bytes > kMaxBytes)) break;
      ++kept;
    }
    recent.resize(kept);
  }
  return {parsed, &parsed->doc};
}

}  // namespace reportls::report
