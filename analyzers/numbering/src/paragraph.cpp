#include <reportls/numbering/numbering.h>
#include <reportls/numbering/paragraph.h>
#include <reportls/report/diagnostic.h>
#include <reportls/report/sentences.h>
#include <reportls/report/data_files.h>

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace reportls::numbering {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string &origin, const std::string &reason) {
  throw std::runtime_error(origin + ": " + reason);
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (uint32_t i = 0; i < s.size();) out.push_back(report::next_code_point(s, i));
  return out;
}

// Sentences have clause marks; a title, label, table cell or name on its own line has none, and
// is no paragraph that lost its ending.
bool reads_as_prose(std::string_view text, report::Span before_end, const ParagraphRules &rules) {
  const std::string_view s = before_end.in(text);
  for (uint32_t i = 0; i < s.size();)
    if (rules.clause_marks.find(report::next_code_point(s, i)) != std::u32string::npos) return true;
  return false;
}

// `…。（记者 张三）`, `…。(此件公开发布)`: a bracketed afterword after a complete sentence.
bool ends_with_afterword(std::string_view text, report::Span content, const ParagraphRules &rules) {
  uint32_t i = content.end;
  const char32_t close = report::prev_code_point(text, i);
  if (close != U')' && close != U'）') return false;
  while (i > content.start) {
    const char32_t c = report::prev_code_point(text, i);
    if (c == U')' || c == U'）') return false;
    if (c == U'(' || c == U'（') {
      if (i == content.start) return false;
      return rules.final_marks.find(report::prev_code_point(text, i)) != std::u32string::npos;
    }
  }
  return false;
}

plugin::Diagnostic make(report::Span at, const std::string &code, std::string message) {
  return report::make_diagnostic(at, REPORTLS_SEVERITY_WARNING, code, std::move(message));
}

// The findings of one paragraph: `content` is its text within `line` (offsets from the line's start).
std::vector<plugin::Diagnostic> check_paragraph(std::string_view line, report::Span content,
                                                const ParagraphRules &rules) {
  std::vector<plugin::Diagnostic> out;
  // The last code point that is not a closing quote or bracket: `…报告。”` is complete.
  uint32_t i = content.end, last_start = i;
  char32_t last = 0;
  while (i > content.start) {
    last = report::prev_code_point(line, i);
    last_start = i;
    if (!report::is_closing_mark(last)) break;
  }
  if (rules.final_marks.find(last) != std::u32string::npos) {
    if (last != U'。') return out;
    const std::string_view before = report::Span{content.start, last_start}.in(line);
    for (const std::string &p : rules.prompt_endings)
      if (before.size() >= p.size() && before.substr(before.size() - p.size()) == p &&
          last_start + 3 == content.end) {
        auto d = make({last_start - static_cast<uint32_t>(p.size()), content.end}, "paragraph.prompt-colon",
                      "“" + p + "。”是提示下文的提示语，句末应用冒号：“" + p + rules.prompt_colon + "”。");
        d.fixes.push_back({"改为“" + p + rules.prompt_colon + "”", {{last_start, content.end, rules.prompt_colon}}, true});
        out.push_back(std::move(d));
      }
    return out;
  }
  if (rules.open_endings.find(last) != std::u32string::npos) return out;
  if (!reads_as_prose(line, {content.start, last_start}, rules)) return out;
  if (ends_with_afterword(line, content, rules)) return out;
  const report::Span at{last_start, content.end};
  auto d = make(at, "paragraph.no-final-punctuation",
                "段落末尾缺少句末标点：正文段落应以“。”“！”“？”等结束，此段以“" + std::string(at.in(line)) +
                    "”结尾（可能有文字丢失）。");
  d.fixes.push_back({"在段末加“。”", {{content.end, content.end, "。"}}, false});
  out.push_back(std::move(d));
  return out;
}

}  // namespace

ParagraphRules ParagraphRules::parse(std::string_view text, const std::string &origin) {
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object()) fail(origin, "not a JSON object");
  if (root.value("format", "") != "reportls-paragraph")
    fail(origin, "\"format\" must be \"reportls-paragraph\"");
  ParagraphRules r;
  try {
    r.final_marks = code_points(root.at("final_marks").get<std::string>());
    r.clause_marks = code_points(root.at("clause_marks").get<std::string>());
    r.open_endings = code_points(root.at("open_endings").get<std::string>());
    r.prompt_endings = root.at("prompt_endings").get<std::vector<std::string>>();
    r.prompt_colon = root.at("prompt_colon").get<std::string>();
  } catch (const json::exception &e) {
    fail(origin, e.what());
  }
  return r;
}

ParagraphRules ParagraphRules::load(const std::string &dir) {
  const std::string path = dir + "/paragraph.json";
  return parse(report::read_data_file(path), path);
}

void check_paragraphs(const report::Document &doc, const ParagraphRules &rules, ParagraphCache &cache,
                      std::string_view document, const report::Emit &emit) {
  ParagraphCache::Pass pass(cache, document);
  // A run-in heading (`（一）标题。正文…`) is a paragraph too.
  std::vector<bool> run_in(doc.lines.size(), false);
  for (const report::Heading &h : doc.headings) run_in[h.line] = h.run_in;
  for (uint32_t li = 0; li < doc.lines.size(); ++li) {
    const report::Line &line = doc.lines[li];
    if (line.kind != report::LineKind::Body && !run_in[li]) continue;
    const report::Span content{line.content.start - line.span.start, line.content.end - line.span.start};
    // The content's bounds follow from the line's bytes; keyed on them too, the cache stays right
    // however the parser trims.
    const uint64_t salt = uint64_t{content.start} << 32 | content.end;
    const auto &found = pass.get(doc, li, salt, [&] { return check_paragraph(doc.str(line.span), content, rules); });
    for (const plugin::Diagnostic &d : found) emit(d, line.span.start);
  }
  pass.finish();
}

std::optional<Action> remove_debris(const report::Document &doc) {
  Action a;
  uint32_t n = 0;
  for (uint32_t li = 0; li < doc.lines.size(); ++li) {
    const report::Line &line = doc.lines[li];
    if (line.kind != report::LineKind::Debris) continue;
    // The line with its terminator, so no empty line is left behind.
    const uint32_t end = li + 1 < doc.lines.size() ? doc.lines[li + 1].span.start
                                                   : static_cast<uint32_t>(doc.text.size());
    if (n == 0) a.start = line.span.start;
    a.end = line.span.end;
    a.fix.edits.push_back({line.span.start, end, ""});
    ++n;
  }
  if (n == 0) return std::nullopt;
  a.fix.title = "删除网页残留内容（" + std::to_string(n) + " 行）";
  return a;
}

}  // namespace reportls::numbering
