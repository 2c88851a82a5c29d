#include <reportls/report/diagnostic.h>
#include <reportls/terms/repeats.h>

#include <cstdint>
#include <cstring>

namespace reportls::terms {
namespace {

constexpr uint32_t kMinChars = 6, kMaxChars = 60, kMinIdeographs = 5;
// A copy holds kMinIdeographs three-byte characters, and at most kMaxChars of up to four bytes.
constexpr uint32_t kMinBytes = 3 * kMinIdeographs, kMaxBytes = 4 * kMaxChars;
// Candidates come from the same kGram bytes at two character starts (kGram ≤ kMinBytes).
constexpr uint32_t kGram = 8;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whether a copy is long enough and holds enough ideographs to be a clause.
bool clause(std::string_view copy) {
  uint32_t chars = 0, ideographs = 0;
  for (uint32_t i = 0; i < copy.size();) {
    ideographs += report::is_cjk_ideograph(report::next_code_point(copy, i));
    ++chars;
  }
  return chars >= kMinChars && chars <= kMaxChars && ideographs >= kMinIdeographs;
}

}  // namespace

std::vector<report::Span> repeated_stretches(std::string_view text) {
  std::vector<report::Span> out;
  if (text.size() < 2 * kMinBytes) return out;
  // Bytes, not characters: two copies that start at character starts are the same characters
  // when they are the same bytes (UTF-8 synchronises).  The last place of each kGram bytes, by a
  // hash of them, in a table of fixed size kept by the thread: only the last kMaxBytes places
  // matter, and a place another run overwrote (a candidate missed) is rare in 1024 slots.  Slots
  // of earlier calls are told apart by their call's number instead of being cleared.  A
  // candidate is compared whole.
  struct Slot {
    uint32_t key = 0, call = 0, place = 0;
  };
  constexpr unsigned kSlotBits = 10;
  constexpr size_t kSlots = size_t{1} << kSlotBits;
  thread_local std::vector<Slot> last(kSlots);
  thread_local uint32_t calls = 0;
  const uint32_t call = ++calls;
  const auto n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i + kGram <= n; ++i) {
    if (continuation(text[i])) continue;
    uint64_t gram;
    std::memcpy(&gram, text.data() + i, kGram);
    const uint64_t hash = gram * 0x9E3779B97F4A7C15ull;
    // The top bits choose the slot; the next 32, which every byte of the gram reaches, tell grams apart.
    Slot &slot = last[hash >> (64 - kSlotBits)];
    const auto key = static_cast<uint32_t>(hash >> (32 - kSlotBits));
    const uint32_t j = slot.key == key && slot.call == call ? slot.place : UINT32_MAX;
    slot = {key, call, i};
    if (j == UINT32_MAX) continue;
    const uint32_t period = i - j;
    if (period < kMinBytes || period > kMaxBytes || period > n - i) continue;
    if (std::memcmp(text.data() + j, text.data() + i, period) != 0 || !clause(text.substr(i, period))) continue;
    out.push_back({i, i + period});
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
