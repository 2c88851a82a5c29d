#include <reportls/report/data_files.h>
#include <reportls/report/diagnostic.h>
#include <reportls/terms/repeats.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <stdexcept>

namespace reportls::terms {
namespace {

// Candidates come from the same kGram bytes at two character starts: a copy holds at least
// kMinIdeographs three-byte characters, so kGram ≤ 3 × kMinIdeographs.
constexpr uint32_t kGram = 8, kMinIdeographs = 3;
// Each candidate is compared whole, up to 4 × max_chars bytes: the cap keeps the work per character
// of a megabyte paragraph bounded (a pasted paragraph of a few hundred characters is still found).
constexpr uint32_t kMaxChars = 500;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whether a copy is long enough and holds enough ideographs to be a clause.
bool clause(std::string_view copy, const ClauseLimits &limits) {
  uint32_t chars = 0, ideographs = 0;
  for (uint32_t i = 0; i < copy.size();) {
    ideographs += report::is_cjk_ideograph(report::next_code_point(copy, i));
    ++chars;
  }
  return chars >= limits.min_chars && chars <= limits.max_chars && ideographs >= limits.min_ideographs;
}

}  // namespace

void merge_clause_limits(const std::string &path, ClauseLimits &limits) try {
  auto fail = [&](const std::string &why) { throw std::runtime_error(path + ": " + why); };
  const nlohmann::json root = nlohmann::json::parse(report::read_data_file(path), nullptr, false);
  if (!root.is_object() || root.value("format", "") != "reportls-terms-repeats")
    fail("not a reportls-terms-repeats file (\"format\")");
  if (root.value("version", 0) != 1) fail("unsupported \"version\" (1 is read)");
  for (const auto &[key, value] : root.items())
    if (key != "format" && key != "version" && key != "note" && key != "clause") fail("unknown key \"" + key + "\"");
  ClauseLimits merged = limits;
  if (root.contains("clause")) {
    const nlohmann::json &c = root["clause"];
    if (!c.is_object()) fail("\"clause\" must be an object");
    for (const auto &[key, value] : c.items()) {
      uint32_t *field = key == "min_chars"        ? &merged.min_chars
                        : key == "max_chars"      ? &merged.max_chars
                        : key == "min_ideographs" ? &merged.min_ideographs
                                                  : nullptr;
      if (!field) fail("clause: unknown key \"" + key + "\"");
      if (!value.is_number_unsigned()) fail("clause." + key + " must be a whole number");
      *field = value.get<uint32_t>();
    }
  }
  if (merged.min_ideographs < kMinIdeographs)
    fail("clause.min_ideographs must be at least " + std::to_string(kMinIdeographs));
  if (merged.max_chars > kMaxChars) fail("clause.max_chars must be at most " + std::to_string(kMaxChars));
  if (merged.min_chars > merged.max_chars || merged.min_ideographs > merged.max_chars)
    fail("clause: min_chars and min_ideographs must not exceed max_chars");
  limits = merged;
} catch (const nlohmann::json::exception &e) {  // a wrongly typed "format" or "version": name the file
  throw std::runtime_error(path + ": " + e.what());
}

std::vector<report::Span> repeated_stretches(std::string_view text, const ClauseLimits &limits) {
  std::vector<report::Span> out;
  // A copy holds min_ideographs three-byte characters, and at most max_chars of up to four bytes.
  const uint32_t min_bytes = 3 * limits.min_ideographs, max_bytes = 4 * limits.max_chars;
  if (min_bytes < kGram || text.size() < 2 * min_bytes) return out;
  // Bytes, not characters: two copies that start at character starts are the same characters
  // when they are the same bytes (UTF-8 synchronises).  The last place of each kGram bytes, by a
  // hash of them, in a table of fixed size kept by the thread: only the last max_bytes places
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
    if (period < min_bytes || period > max_bytes || period > n - i) continue;
    if (std::memcmp(text.data() + j, text.data() + i, period) != 0 || !clause(text.substr(i, period), limits)) continue;
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
