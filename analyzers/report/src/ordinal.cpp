#include <reportls/report/ordinal.h>

namespace reportls::report {

std::string chinese_numeral(uint32_t v) {
  static const char *const digit[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (v == 0 || v > 999) return std::to_string(v);
  std::string out;
  const uint32_t h = v / 100, t = v / 10 % 10, u = v % 10;
  if (h) out += std::string(digit[h]) + "百";
  if (t) out += std::string(t == 1 && !h ? "" : digit[t]) + "十";
  else if (h && u) out += "零";
  if (u) out += digit[u];
  return out;
}

std::string numeral_for(const Ordinal &o, uint32_t value) {
  return o.style == OrdinalStyle::Chinese || o.style == OrdinalStyle::ChineseParen
             ? chinese_numeral(value)
             : std::to_string(value);
}

std::string ordinal_with_value(std::string_view text, const Ordinal &o, uint32_t value) {
  return std::string(Span{o.span.start, o.number.start}.in(text)) + numeral_for(o, value) +
         std::string(Span{o.number.end, o.span.end}.in(text));
}

std::string canonical_ordinal(std::string_view text, const Ordinal &o) {
  const std::string num(o.number.in(text));
  const bool fw = o.full_width;
  switch (o.style) {
    case OrdinalStyle::Chinese:
      return num + "、";
    case OrdinalStyle::Arabic:
      return num + (o.close.in(text) == "．" ? "．" : ".");
    case OrdinalStyle::ChineseParen:
    case OrdinalStyle::ArabicParen: {
      const std::string_view close = o.close.in(text);
      const bool full = close == "）" || (close.empty() && fw);
      std::string open(o.open.in(text));
      if (open.empty()) open = full ? "（" : "(";
      return open + num + (close == "）" || close == ")" ? std::string(close) : full ? "）" : ")");
    }
    default:
      return {};
  }
}

std::vector<TextEdit> renumber_siblings(const Document &doc, uint32_t first, uint32_t start) {
  std::vector<TextEdit> out;
  const Heading &head = doc.headings[first];
  const int32_t parent = doc.sections[first].parent;
  uint32_t value = start;
  for (uint32_t h = first; h < doc.headings.size(); ++h) {
    const Heading &hd = doc.headings[h];
    if (hd.level < head.level) break;
    if (hd.level != head.level || doc.sections[h].parent != parent) continue;
    if (hd.ordinal.style != head.ordinal.style) continue;
    if (hd.ordinal.value != value)
      out.push_back({hd.ordinal.number, numeral_for(hd.ordinal, value)});
    ++value;
  }
  return out;
}

}  // namespace reportls::report
