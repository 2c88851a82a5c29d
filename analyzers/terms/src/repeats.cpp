#include <reportls/report/diagnostic.h>
#include <reportls/terms/repeats.h>

#include <algorithm>
#include <cstdint>

namespace reportls::terms {
namespace {

constexpr uint32_t kMinChars = 6, kMaxChars = 60, kMinIdeographs = 5;
// Candidates come from a repeated run of this many characters (at most kMinChars).
constexpr uint32_t kGram = 4;

uint64_t gram_key(const char32_t *c) {
  uint64_t h = 0;
  for (uint32_t k = 0; k < kGram; ++k) h = (h ^ c[k]) * 0x9E3779B97F4A7C15ull;
  return h;
}

}  // namespace

std::vector<report::Span> repeated_stretches(std::string_view text) {
  // Kept by the thread, as the table below: a report's every line comes through here.
  thread_local std::vector<char32_t> chars;
  thread_local std::vector<uint32_t> at;  // at[k]: the byte offset of chars[k]; at[n]: the text's end
  chars.clear();
  at.clear();
  for (uint32_t i = 0; i < text.size();) {
    at.push_back(i);
    chars.push_back(report::next_code_point(text, i));
  }
  at.push_back(static_cast<uint32_t>(text.size()));
  const uint32_t n = static_cast<uint32_t>(chars.size());
  std::vector<report::Span> out;
  if (n < 2 * kMinChars) return out;
  // The last place of each run of kGram characters, by a hash of it, in a table of fixed size kept
  // by the thread: only the last kMaxChars places matter, and a place another run overwrote (a
  // candidate missed) is rare in 1024 slots.  Slots of earlier calls are told apart by their
  // call's number instead of being cleared.  A candidate is checked character by character.
  struct Slot {
    uint32_t key = 0;
    uint32_t call = 0;
    uint32_t place = 0;
  };
  constexpr size_t kSlots = 1024;
  thread_local std::vector<Slot> last(kSlots);
  thread_local uint32_t calls = 0;
  const uint32_t call = ++calls;
  for (uint32_t i = 0; i + kGram <= n; ++i) {
    const uint64_t hash = gram_key(&chars[i]);
    const auto key = static_cast<uint32_t>(hash >> 32);
    Slot &slot = last[hash & (kSlots - 1)];
    const uint32_t j = slot.key == key && slot.call == call ? slot.place : UINT32_MAX;
    slot = {key, call, i};
    if (j == UINT32_MAX) continue;
    const uint32_t period = i - j;
    if (period < kMinChars || period > kMaxChars || i + period > n) continue;
    if (!std::equal(chars.begin() + j, chars.begin() + i, chars.begin() + i)) continue;
    const auto ideographs = std::count_if(chars.begin() + j, chars.begin() + i, report::is_cjk_ideograph);
    if (ideographs < kMinIdeographs) continue;
    out.push_back({at[i], at[i + period]});
    i += period - 1;  // the next copy starts after this one
  }
  return out;
}

plugin::Diagnostic repeated_stretch_diagnostic(std::string_view text, report::Span second) {
  const std::string copy(second.in(text));
  plugin::Diagnostic d = report::make_diagnostic(
      second, REPORTLS_SEVERITY_WARNING, "terms.misuse",
      "这段文字与紧挨在它前面的一段一字不差，连着写了两遍：" + copy +
          "　像是复制粘贴时多出的一遍：删去它，或改成原本要写的内容");
  d.fixes.push_back({"删去重复的一遍", {{second.start, second.end, ""}}, false});
  return d;
}

}  // namespace reportls::terms
