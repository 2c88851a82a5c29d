#include <reportls/phrasing/completer.h>
#include <reportls/phrasing/miner.h>
#include <reportls/phrasing/typing.h>
#include <reportls/phrasing/word_bounds.h>
#include <reportls/report/document.h>
#include <reportls/report/text.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace reportls::phrasing {

namespace {

using Clause = ReadReport::Clause;
constexpr uint8_t kNoSection = ReadReport::kNoSection;

// Figures and years belong to one report, never to a set phrase.
bool has_digit(std::string_view s) {
  for (uint32_t i = 0; i < s.size();) {
    const char32_t c = report::next_code_point(s, i);
    if ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９')) return true;
  }
  return false;
}

// Every prose line's clauses, in document order.
std::vector<Clause> clauses_of(const report::Document &doc, const PhraseSet &vocabulary) {
  std::vector<Clause> out;
  for (const report::Line &line : doc.lines) {
    if (!report::is_prose(line.kind) || line.content.empty()) continue;
    const SectionDef *def = cursor_section(doc, line.content.start, vocabulary);
    const uint8_t section =
        def ? static_cast<uint8_t>(def - vocabulary.sections().data()) : kNoSection;
    uint32_t start = line.content.start;
    for (uint32_t i = start; i <= line.content.end;) {
      uint32_t next = i;
      const bool end = i == line.content.end || is_clause_end(report::next_code_point(doc.text, next));
      if (end) {
        const report::Span span = report::trim(doc.text, {start, i});
        if (!span.empty()) out.push_back({doc.str(span), section});
        start = next;
      }
      if (i == line.content.end) break;
      i = next;
    }
  }
  return out;
}

// The longest start of text that carries no half of a pair of marks.
std::string_view balanced(std::string_view text) {
  static constexpr std::pair<char32_t, char32_t> pairs[] = {
      {U'《', U'》'}, {U'“', U'”'}, {U'‘', U'’'}, {U'（', U'）'}, {U'(', U')'}, {U'【', U'】'},
      {U'〔', U'〕'}, {U'[', U']'}, {U'「', U'」'}, {U'〈', U'〉'}};
  std::vector<std::pair<char32_t, uint32_t>> open;  // closer wanted, where its opener is
  for (uint32_t i = 0; i < text.size();) {
    const uint32_t at = i;
    const char32_t c = report::next_code_point(text, i);
    for (const auto &[opener, closer] : pairs) {
      if (c == closer) {
        if (open.empty() || open.back().first != closer) return text.substr(0, at);
        open.pop_back();
      } else if (c == opener) {
        open.emplace_back(closer, at);
      }
    }
  }
  return open.empty() ? text : text.substr(0, open.front().second);
}

// A run of a clause: from a Chinese character (what a user types and completion matches).
struct Entry {
  std::string_view run;  // at most max_chars code points
  uint32_t report;
  uint8_t section;
  bool clause_start;  // the run starts its clause
};

// Common prefix of a and b in bytes, cut back to a code point boundary.
size_t common_prefix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t k = 0;
  while (k < n && a[k] == b[k]) ++k;
  while (k > 0 && k < a.size() && (static_cast<unsigned char>(a[k]) & 0xC0) == 0x80) --k;
  return k;
}

std::vector<std::string> sections_of(const std::vector<uint32_t> &uses, const PhraseSet &vocabulary) {
  uint32_t total = 0;
  for (uint32_t n : uses) total += n;
  std::vector<std::string> out;
  for (size_t s = 0; s < uses.size(); ++s)
    if (uses[s] > 0 && uses[s] * 3 >= total) out.push_back(vocabulary.sections()[s].id);
  return out;
}

class ExpressionMiner {
 public:
  ExpressionMiner(std::vector<Entry> entries, size_t reports, size_t sections,
                  const MinerOptions &options)
      : entries_(std::move(entries)), seen_(reports, UINT32_MAX), sections_(sections),
        options_(options) {}

  // Walks the intervals of the sorted runs that share a prefix (the LCP-interval tree), children
  // before their parent, and keeps the closed ones used by enough reports.
  template <class Keep>
  void run(Keep keep) {
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry &a, const Entry &b) { return a.run < b.run; });
    struct Open {
      size_t lcp, lb;
      uint32_t child_max;  // the most reports any longer run of this prefix has
    };
    std::vector<Open> stack{{0, 0, 0}};
    for (size_t i = 1; i <= entries_.size(); ++i) {
      const size_t lcp = i < entries_.size() ? common_prefix(entries_[i - 1].run, entries_[i].run) : 0;
      size_t lb = i - 1;
      uint32_t carried = 0;  // the reports of the child just closed, when it is the new one's
      while (lcp < stack.back().lcp) {
        Open top = stack.back();
        stack.pop_back();
        const uint32_t reports = close(top.lcp, top.lb, i - 1, top.child_max, keep);
        lb = top.lb;
        if (lcp <= stack.back().lcp) {
          stack.back().child_max = std::max(stack.back().child_max, reports);
        } else {
          carried = reports;
        }
      }
      if (lcp > stack.back().lcp) stack.push_back({lcp, lb, carried});
    }
  }

 private:
  template <class Keep>
  uint32_t close(size_t lcp, size_t lb, size_t rb, uint32_t child_max, Keep &keep) {
    ++stamp_;
    uint32_t reports = 0, starts = 0;
    std::vector<uint32_t> uses(sections_, 0);
    for (size_t i = lb; i <= rb; ++i) {
      const Entry &e = entries_[i];
      if (seen_[e.report] != stamp_) {
        seen_[e.report] = stamp_;
        ++reports;
      }
      if (e.section != kNoSection) ++uses[e.section];
      starts += e.clause_start;
    }
    const std::string_view run = entries_[lb].run;
    if (reports >= options_.min_reports && reports > child_max &&
        report::code_point_count(run.substr(0, lcp)) >= options_.min_chars && !has_digit(run.substr(0, lcp)))
      keep(run, lcp, reports, static_cast<uint32_t>(rb - lb + 1), starts, uses);
    return reports;
  }

  std::vector<Entry> entries_;
  std::vector<uint32_t> seen_;
  uint32_t stamp_ = 0;
  size_t sections_;
  const MinerOptions &options_;
};

}  // namespace

std::string full_width_marks(std::string_view s) {
  static constexpr std::pair<char, const char *> marks[] = {
      {',', "，"}, {';', "；"}, {':', "："}, {'!', "！"}, {'?', "？"}, {'(', "（"}, {')', "）"}};
  std::string out;
  out.reserve(s.size());
  for (uint32_t i = 0; i < s.size();) {
    const uint32_t at = i;
    const char32_t c = report::next_code_point(s, i);
    const auto *m = std::find_if(std::begin(marks), std::end(marks),
                                 [&](const auto &p) { return static_cast<char32_t>(p.first) == c; });
    if (m != std::end(marks)) {
      uint32_t before = at, after = i;
      const bool beside_chinese = (at > 0 && report::prev_code_point(s, before) >= 0x80) ||
                                  (i < s.size() && report::next_code_point(s, after) >= 0x80);
      if (beside_chinese) {
        out += m->second;
        continue;
      }
    }
    out += s.substr(at, i - at);
  }
  return out;
}

ReadReport read_report(const MinerText &text, const PhraseSet &vocabulary, const report::Rules &rules) {
  ReadReport r;
  // The parse keeps its own copy of the text.
  r.doc = report::shared_parse(full_width_marks(text.text), rules, text.format);
  r.clauses = clauses_of(*r.doc, vocabulary);
  return r;
}

std::vector<MinedPhrase> mine(const std::vector<const ReadReport *> &reports, const PhraseSet &vocabulary,
                              const MinerOptions &options) {
  const size_t n_sections = vocabulary.sections().size();
  std::vector<const std::vector<Clause> *> clauses;
  for (const ReadReport *r : reports) clauses.push_back(&r->clauses);

  // Runs start and end at word boundaries of their clause: 法治政府建设工作虽 ends before 虽 and no
  // run starts with the 治 of 法治 — a phrase starts where a writer starts a word.
  WordBounds words;
  std::vector<Entry> entries;
  for (uint32_t r = 0; r < clauses.size(); ++r)
    for (const Clause &c : *clauses[r])
      for (const uint32_t i : words.starts(c.text)) {
        uint32_t end = i;
        if (i >= c.text.size() || !report::is_cjk_ideograph(report::next_code_point(c.text, end))) continue;
        for (uint32_t n = 1; n < options.max_chars && end < c.text.size(); ++n)
          report::next_code_point(c.text, end);
        entries.push_back({c.text.substr(i, end - i), r, c.section, i == 0});
      }

  std::vector<MinedPhrase> out;
  std::unordered_map<std::string, size_t> index;
  ExpressionMiner(std::move(entries), reports.size(), n_sections, options)
      .run([&](std::string_view run, size_t end, uint32_t users, uint32_t occurrences, uint32_t starts,
               const std::vector<uint32_t> &uses) {
        const std::string_view text = balanced(run.substr(0, words.end_before(run, end)));
        if (report::code_point_count(text) < options.min_chars) return;
        auto [it, added] = index.emplace(std::string(text), out.size());
        if (added) {
          out.push_back({std::string(text), sections_of(uses, vocabulary), users, occurrences, starts, {}});
        } else {
          MinedPhrase &p = out[it->second];
          p.reports = std::max(p.reports, users);
          if (occurrences > p.uses) p.uses = occurrences, p.starts = starts;
        }
      });

  // Transitions: pairs of whole clauses, by the set of reports that write them (each use of a
  // whole clause starts one).
  std::map<std::pair<std::string_view, std::string_view>, std::set<uint32_t>> pairs;
  std::map<std::string_view, std::vector<uint32_t>> next_sections;
  for (uint32_t r = 0; r < clauses.size(); ++r)
    for (size_t i = 1; i < clauses[r]->size(); ++i) {
      const Clause &next = (*clauses[r])[i];
      const uint32_t chars = report::code_point_count(next.text);
      if (chars < options.min_chars || chars > options.max_chars || has_digit(next.text)) continue;
      pairs[{(*clauses[r])[i - 1].text, next.text}].insert(r);
      std::vector<uint32_t> &uses = next_sections[next.text];
      uses.resize(n_sections, 0);
      if (next.section != kNoSection) ++uses[next.section];
    }
  for (const auto &[pair, users] : pairs) {
    if (users.size() < options.min_reports) continue;
    const std::string next(pair.second);
    auto [it, added] = index.emplace(next, out.size());
    if (added)
      out.push_back({next, sections_of(next_sections[pair.second], vocabulary), static_cast<uint32_t>(users.size()),
                     static_cast<uint32_t>(users.size()), static_cast<uint32_t>(users.size()), {}});
    out[it->second].after.emplace_back(std::string(pair.first), static_cast<uint32_t>(users.size()));
  }

  std::sort(out.begin(), out.end(), [](const MinedPhrase &a, const MinedPhrase &b) {
    if (a.reports != b.reports) return a.reports > b.reports;
    if (a.text.size() != b.text.size()) return a.text.size() > b.text.size();
    return a.text < b.text;
  });
  if (out.size() > options.max_phrases) out.resize(options.max_phrases);
  return out;
}

std::vector<std::string> phrase_files(const std::vector<MinedPhrase> &phrases, size_t max_bytes) {
  const std::string head = "{\"format\": \"reportls-phrases\", \"version\": 1, \"mined\": true, \"phrases\": [\n";
  const std::string tail = "\n]}\n";
  std::vector<std::string> files;
  std::string body;
  auto flush = [&] {
    files.push_back(head + body + tail);
    body.clear();
  };
  for (const MinedPhrase &p : phrases) {
    nlohmann::ordered_json j = {{"text", p.text}, {"sections", p.sections}, {"weight", p.reports}, {"uses", p.uses}, {"starts", p.starts}};
    if (!p.after.empty()) {
      nlohmann::ordered_json after = nlohmann::ordered_json::object();
      for (const auto &[clause, reports] : p.after) after[clause] = reports;
      j["after"] = after;
    }
    const std::string line = j.dump();
    if (!body.empty() && head.size() + body.size() + 2 + line.size() + tail.size() > max_bytes) flush();
    if (!body.empty()) body += ",\n";
    body += line;
  }
  if (!body.empty() || files.empty()) flush();
  return files;
}

}  // namespace reportls::phrasing
