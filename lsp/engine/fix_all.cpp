#include "lsp/engine/fix_all.h"

#include <algorithm>
#include <tuple>

namespace reportls::lsp {

namespace {

bool conflict(const Edit &a, const Edit &b) {
  if (a.start == a.end && b.start == b.end) return a.start == b.start;  // two insertions: which first?
  return a.start < b.end && b.start < a.end;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One edit replacing before[from, before_end) by after[from', after_end'), trimmed to what differs.
void add_trimmed(std::string_view before, std::string_view after, size_t b0, size_t b1, size_t a0, size_t a1,
                 std::vector<Edit> &out) {
  while (b0 < b1 && a0 < a1 && before[b0] == after[a0]) ++b0, ++a0;
  while (b1 > b0 && a1 > a0 && before[b1 - 1] == after[a1 - 1]) --b1, --a1;
  // Back to character boundaries: a common lead byte may precede different continuation bytes.
  while (b0 > 0 && ((b0 < before.size() && continuation(before[b0])) || (a0 < after.size() && continuation(after[a0]))))
    --b0, --a0;
  while ((b1 < before.size() && continuation(before[b1])) || (a1 < after.size() && continuation(after[a1]))) ++b1, ++a1;
  if (b0 == b1 && a0 == a1) return;
  out.push_back({static_cast<uint32_t>(b0), static_cast<uint32_t>(b1), std::string(after.substr(a0, a1 - a0))});
}

}  // namespace

std::vector<Edit> compose(std::vector<CandidateFix> fixes) {
  std::erase_if(fixes, [](const CandidateFix &c) { return c.fix->edits.empty(); });
  auto first = [](const CandidateFix &c) {
    return std::min_element(c.fix->edits.begin(), c.fix->edits.end(),
                            [](const Edit &a, const Edit &b) { return std::tie(a.start, a.end) < std::tie(b.start, b.end); });
  };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const CandidateFix &a, const CandidateFix &b) {
    const Edit &x = *first(a), &y = *first(b);
    return std::tie(x.start, x.end, a.diagnostic->code, a.fix->title) <
           std::tie(y.start, y.end, b.diagnostic->code, b.fix->title);
  });
  std::vector<Edit> taken;
  for (const CandidateFix &c : fixes) {
    bool fits = true;
    for (size_t i = 0; fits && i < c.fix->edits.size(); ++i) {
      for (size_t j = i + 1; fits && j < c.fix->edits.size(); ++j) fits = !conflict(c.fix->edits[i], c.fix->edits[j]);
      for (const Edit &t : taken) fits = fits && !conflict(c.fix->edits[i], t);
    }
    if (fits) taken.insert(taken.end(), c.fix->edits.begin(), c.fix->edits.end());
  }
  std::sort(taken.begin(), taken.end(), [](const Edit &a, const Edit &b) { return std::tie(a.start, a.end) < std::tie(b.start, b.end); });
  return taken;
}

std::string apply_edits(std::string_view text, const std::vector<Edit> &edits) {
  std::string out;
  size_t at = 0;
  for (const Edit &e : edits) {
    out.append(text.substr(at, e.start - at));
    out += e.new_text;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<Edit> diff_edits(std::string_view before, std::string_view after) {
  const auto a = lines_of(before), b = lines_of(after);
  // Common lines at both ends, then an LCS of the lines between (fixes change few lines, and rarely
  // their number); a middle too large for the table becomes one edit.
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const size_t n = a.size() - head - tail, m = b.size() - head - tail;
  auto offset = [](const std::vector<std::string_view> &lines, size_t k, std::string_view text) {
    return k < lines.size() ? static_cast<size_t>(lines[k].data() - text.data()) : text.size();
  };
  std::vector<Edit> out;
  if (n == 0 && m == 0) return out;
  if (n * m > 4'000'000) {
    add_trimmed(before, after, offset(a, head, before), offset(a, head + n, before), offset(b, head, after),
                offset(b, head + m, after), out);
    return out;
  }
  // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  size_t i = 0, j = 0, i0 = 0, j0 = 0;
  // A run of changed lines: line by line when as many lines replace as many (fixes inside lines),
  // else as one edit.
  auto flush = [&] {
    if (i - i0 == j - j0) {
      for (size_t k = 0; k < i - i0; ++k)
        add_trimmed(before, after, offset(a, head + i0 + k, before), offset(a, head + i0 + k + 1, before),
                    offset(b, head + j0 + k, after), offset(b, head + j0 + k + 1, after), out);
    } else {
      add_trimmed(before, after, offset(a, head + i0, before), offset(a, head + i, before),
                  offset(b, head + j0, after), offset(b, head + j, after), out);
    }
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] == b[head + j]) {
      flush();
      ++i, ++j;
      i0 = i, j0 = j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      ++j;
    } else {
      ++i;
    }
  }
  flush();
  return out;
}

}  // namespace reportls::lsp
