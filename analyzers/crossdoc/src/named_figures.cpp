#include <reportls/crossdoc/named_figures.h>
#include <reportls/report/sentences.h>

#include <algorithm>

namespace reportls::crossdoc {

namespace {

std::string_view drop_prefixes(std::string_view s, const std::vector<std::string> &words) {
  for (bool again = true; again;) {
    again = false;
    if (auto w = figures::starts_with_any(s, words); !w.empty()) s.remove_prefix(w.size()), again = true;
  }
  return s;
}

std::string_view drop_suffixes(std::string_view s, const std::vector<std::string> &words) {
  for (bool again = true; again;) {
    again = false;
    if (auto w = figures::ends_with_any(s, words); !w.empty() && w.size() < s.size()) s.remove_suffix(w.size()), again = true;
  }
  return s;
}

// Without spaces (layout) and quotes (the author's choice of emphasis).
std::string plain(std::string_view s, const FigureData &data) {
  std::string out;
  for (uint32_t k = 0; k < s.size();) {
    const uint32_t at = k;
    const char32_t c = report::next_code_point(s, k);
    if (report::is_space(c)) continue;
    const std::string_view ch = s.substr(at, k - at);
    if (std::find(data.quote_marks.begin(), data.quote_marks.end(), ch) == data.quote_marks.end()) out.append(ch);
  }
  return out;
}

}  // namespace

std::string_view words_after(const figures::Paragraph &p, size_t i, const FigureData &data) {
  const uint32_t next = i + 1 < p.qs.size() ? p.qs[i + 1].span.start : p.line.end;
  std::string_view after = p.between(p.qs[i].span.end, next);
  size_t end = after.size();
  for (const auto *stops : {&p.data.separators, &p.data.terminators, &data.previous_year})
    for (const std::string &stop : *stops) end = std::min(end, after.find(stop));
  return after.substr(0, end);
}

std::string describe(const figures::Paragraph &p, size_t i, const FigureData &data) {
  const std::string before = plain(figures::label_before(p, i), data), after = plain(words_after(p, i, data), data);
  const std::string_view b = drop_suffixes(drop_prefixes(before, data.description_fillers), data.description_tails);
  if (report::code_point_count(b) + report::code_point_count(after) < data.min_description_chars) return "";
  return std::string(b) + "|" + after;
}

report::Span sentence_at(std::string_view text, report::Span within, uint32_t offset) {
  for (const report::Span &s : report::split_sentences(text, within))
    if (offset < s.end) return s;
  return within;
}

std::vector<figures::Quantity> quantities(const report::Document &doc, uint32_t i, const figures::Data &fdata,
                                          QuantityCache::Pass *cache) {
  const report::Line &line = doc.lines[i];
  if (!cache) return figures::extract(doc.text, line.content, fdata);
  // Cached with offsets from the paragraph's start; shifted back into the document.
  const std::string_view part = doc.str(line.content);
  std::vector<figures::Quantity> qs = cache->get(doc, i, 0, [&] {
    return figures::extract(part, report::Span{0, static_cast<uint32_t>(part.size())}, fdata);
  });
  const uint32_t by = line.content.start;
  for (figures::Quantity &q : qs)
    for (report::Span *s : {&q.span, &q.number, &q.digits, &q.unit_span, &q.below, &q.about, &q.above, &q.after_unit})
      *s = {s->start + by, s->end + by};
  return qs;
}

FigureIndex::FigureIndex(const report::Document &doc, const figures::Data &fdata, const FigureData &data,
                         QuantityCache::Pass *cache) {
  for (uint32_t l = 0; l < doc.lines.size(); ++l) {
    const report::Line &line = doc.lines[l];
    if (!report::is_prose(line.kind)) continue;
    const std::vector<figures::Quantity> qs = quantities(doc, l, fdata, cache);
    const figures::Paragraph p{doc.text, line.content, qs, fdata};
    for (size_t i = 0; i < qs.size(); ++i) {
      if (!figures::usable_count(p, qs[i])) continue;
      std::string description = describe(p, i, data);
      if (description.empty()) continue;
      NamedFigure f{std::move(description), qs[i].family, qs[i].value, figures::number_text(p, qs[i]),
                    figures::number_text(p, qs[i]) + qs[i].unit, qs[i].number,
                    sentence_at(doc.text, line.content, qs[i].number.start), l};
      by_name_[{f.description, f.family}].push_back(figures_.size());
      figures_.push_back(std::move(f));
    }
  }
}

const NamedFigure *FigureIndex::unique(const std::string &description, const std::string &family) const {
  auto it = by_name_.find({description, family});
  if (it == by_name_.end()) return nullptr;
  const NamedFigure &first = figures_[it->second.front()];
  for (size_t k : it->second)
    if (!(figures_[k].value == first.value)) return nullptr;
  return &first;
}

}  // namespace reportls::crossdoc
