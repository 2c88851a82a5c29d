#include "lsp/protocol/convert.h"

#include "lsp/engine/catalog.h"
#include "lsp/engine/suppressions.h"
#include "lsp/protocol/json_text.h"
#include "lsp/protocol/markup.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace reportls::lsp {

using nlohmann::json;

namespace {

// {"end":{"character":…,"line":…},"start":{…}} into a buffer of at least kRangeTextBytes, as
// nlohmann dumps to_json's Range; returns the end of what was written.
constexpr std::string_view kRangeKeys[] = {"{\"end\":{\"character\":", ",\"line\":", "},\"start\":{\"character\":",
                                           ",\"line\":", "}}"};
constexpr size_t kRangeTextBytes = [] {
  size_t n = 4 * 10;  // four numbers of up to 10 digits
  for (std::string_view k : kRangeKeys) n += k.size();
  return n;
}();
char *write_range(char *p, const Range &range) {
  const uint32_t numbers[] = {range.end.character, range.end.line, range.start.character, range.start.line};
  for (size_t i = 0; i < 4; ++i) {
    p = std::copy(kRangeKeys[i].begin(), kRangeKeys[i].end(), p);
    p = std::to_chars(p, p + 10, numbers[i]).ptr;
  }
  return std::copy(kRangeKeys[4].begin(), kRangeKeys[4].end(), p);
}

json position_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

json edits_json(const std::vector<Edit> &edits, const TextDocument &doc, PositionEncoding e) {
  json out = json::array();
  for (const Edit &edit : edits)
    out.push_back({{"range", to_json(doc.lines(), edit.start, edit.end, e)},
                   {"newText", edit.new_text}});
  return out;
}

json action_json(const Fix &fix, const TextDocument &doc, PositionEncoding e, json diagnostics) {
  json action = {{"title", fix.title},
                 {"kind", diagnostics.empty() ? "source" : "quickfix"},
                 {"edit", {{"changes", {{doc.uri(), edits_json(fix.edits, doc, e)}}}}}};
  if (!diagnostics.empty()) action["diagnostics"] = std::move(diagnostics);
  if (fix.preferred) action["isPreferred"] = true;
  return action;
}

}  // namespace

std::string docs_url_for(const Diagnostic &d) {
  if (!d.docs_url.empty()) return d.docs_url;
  const Catalog &catalog = Catalog::bundled();
  return catalog.documents(d.code) ? catalog.docs_url(d.code) : std::string();
}

std::string link_for(const Diagnostic &d, const DiagnosticForm &form) {
  if (!form.links) return {};
  if (const auto &own = form.client_rule_docs; own && std::binary_search(own->begin(), own->end(), d.code)) return {};
  return docs_url_for(d);
}

bool kind_wanted(const std::string &kind, const std::vector<std::string> &only) {
  if (only.empty()) return true;
  return std::any_of(only.begin(), only.end(), [&](const std::string &o) {
    return kind == o || (kind.size() > o.size() && kind.starts_with(o) && kind[o.size()] == '.');
  });
}

json to_json(const LineIndex &lines, uint32_t start, uint32_t end, PositionEncoding e) {
  return {{"start", position_json(lines.position(start, e))},
          {"end", position_json(lines.position(end, e))}};
}

json diagnostic_json(const Diagnostic &d, Severity severity, const TextDocument &doc, DiagnosticForm form) {
  json out = {{"range", to_json(doc.lines(), d.start, d.end, form.encoding)},
              {"severity", static_cast<int>(severity)},
              {"code", d.code},
              {"source", "reportls"},
              {"message", d.message}};
  if (std::string href = link_for(d, form); !href.empty()) out["codeDescription"] = {{"href", href}};
  return out;
}

SentDiagnostics sent_diagnostics(const std::vector<std::optional<Severity>> &severities, size_t limit) {
  size_t shown[5] = {0};
  for (const std::optional<Severity> &s : severities)
    if (s) ++shown[static_cast<int>(*s)];
  // Past the limit, the order VS Code keeps a file's markers in when it has too many: errors,
  // then warnings, information and hints, each in text order.
  const size_t total = shown[1] + shown[2] + shown[3] + shown[4];
  int last_severity = 4;  // the last severity sent at all …
  size_t quota = total;   // … of which this many
  const bool over = limit && total > limit;
  if (over) {
    size_t before = 0;
    for (last_severity = 1; before + shown[last_severity] < limit; ++last_severity) before += shown[last_severity];
    quota = limit - before;
  }
  SentDiagnostics out{std::vector<bool>(severities.size()), over ? total - limit : 0};
  for (size_t i = 0; i < severities.size(); ++i) {
    if (!severities[i]) continue;
    const int severity = static_cast<int>(*severities[i]);
    if (severity > last_severity) continue;
    if (severity == last_severity) {
      if (quota == 0) continue;
      --quota;
    }
    out.sent[i] = true;
  }
  return out;
}

void append_diagnostics_text(std::string &out, const AnalysisResult &result, const TextDocument &doc,
                             DiagnosticForm form, const Settings &settings, size_t limit) {
  const PositionEncoding e = form.encoding;
  // Keys in the order nlohmann's std::map gives diagnostic_json's: code, codeDescription, message,
  // range (end, start; character, line), severity, source.
  size_t room = 2;  // each element: its texts, and about 240 bytes of keys, range, link and source
  for (const Diagnostic &d : result.diagnostics) room += 240 + 2 * d.code.size() + d.message.size();
  out.reserve(out.size() + std::min(room, limit ? 2 + 640 * (limit + 1) : room));
  // What depends only on the code (and the plugin's severity and link): the severity the settings
  // give it and the element's opening, code and link written out — made once per kind, as a
  // report's diagnostics, in text order, interleave a handful of codes.
  struct Kind {
    const Diagnostic *like;
    std::optional<Severity> severity;
    std::string opening;
  };
  std::vector<Kind> kinds;
  size_t kind = 0;
  const auto kind_of = [&](const Diagnostic &d) {
    const auto same = [&d](const Kind &k) {
      return k.like->code == d.code && k.like->severity == d.severity && k.like->docs_url == d.docs_url;
    };
    if (kinds.empty() || !same(kinds[kind])) {
      kind = static_cast<size_t>(std::find_if(kinds.begin(), kinds.end(), same) - kinds.begin());
      if (kind == kinds.size()) {
        std::string opening = "{\"code\":";
        append_json_string(opening, d.code);
        if (std::string href = link_for(d, form); !href.empty()) {
          opening += ",\"codeDescription\":{\"href\":";
          append_json_string(opening, href);
          opening += '}';
        }
        opening += ",\"message\":";
        kinds.push_back({&d, settings.severity_for(d.code, d.severity), std::move(opening)});
      }
    }
    return kind;
  };
  // Each diagnostic's kind and the severity the settings give it.
  std::vector<uint32_t> kind_index(result.diagnostics.size());
  std::vector<std::optional<Severity>> severities(result.diagnostics.size());
  for (size_t i = 0; i < result.diagnostics.size(); ++i) {
    kind_index[i] = static_cast<uint32_t>(kind_of(result.diagnostics[i]));
    severities[i] = kinds[kind_index[i]].severity;
  }
  const auto [sent, left_out] = sent_diagnostics(severities, limit);
  out += '[';
  bool first = true;
  uint32_t near = 0;  // the last diagnostic's line: each plugin's come in text order
  const auto write = [&](const Diagnostic &d, const Kind &k) {
    if (!std::exchange(first, false)) out += ',';
    out += k.opening;
    append_json_string(out, d.message);
    // The rest is numbers between fixed keys: written into a buffer, appended once.
    const Range range = doc.lines().range(d.start, d.end, e, &near);
    char tail[kRangeTextBytes + 64];
    char *p = tail;
    const auto put = [&p](std::string_view text) { p = std::copy(text.begin(), text.end(), p); };
    put(",\"range\":");
    p = write_range(p, range);
    put(",\"severity\":");
    p = std::to_chars(p, p + 10, static_cast<uint32_t>(*k.severity)).ptr;
    put(",\"source\":\"reportls\"}");
    out.append(tail, p);
  };
  for (size_t i = 0; i < result.diagnostics.size(); ++i)
    if (sent[i]) write(result.diagnostics[i], kinds[kind_index[i]]);
  if (left_out) {
    // Said where the document starts, since what is left out is anywhere in it.
    const Diagnostic notice{0, 0, Severity::Information, kDiagnosticLimitCode,
                            "另有 " + std::to_string(left_out) + " 处问题未列出：编辑器中每个文档最多列出 " +
                                std::to_string(limit) + " 处（错误、警告在先），可在设置 maxDiagnostics 中调整；" +
                                "命令行 reportls check 列出全部",
                            "", "", {}};
    const Kind &k = kinds[kind_of(notice)];
    if (k.severity) write(notice, k);
  }
  out += ']';
}

std::string document_symbols_text(const AnalysisResult &result, const TextDocument &doc,
                                  const proto::ClientCapabilities &client) {
  const PositionEncoding e = client.encoding();
  const LineIndex &lines = doc.lines();
  const auto &symbols = result.symbols;
  std::string out = "[";
  out.reserve(symbols.size() * 200 + 2);
  char range[kRangeTextBytes];
  uint32_t near = 0;  // symbols come in text order: each position is looked up from the last
  const auto put_range = [&](std::string_view key, uint32_t start, uint32_t end) {
    out += key;
    out.append(range, write_range(range, lines.range(start, end, e, &near)));
  };
  // Keys in nlohmann's (sorted) order, as the other answers are dumped.
  if (!client.hierarchical_symbols) {
    for (const Symbol &s : symbols) {
      out += out.size() == 1 ? "{" : ",{";
      if (s.parent >= 0 && static_cast<size_t>(s.parent) < symbols.size()) {
        out += "\"containerName\":";
        append_json_string(out, symbols[s.parent].name);
        out += ',';
      }
      out += "\"kind\":" + std::to_string(s.kind) + ",\"location\":{";
      put_range("\"range\":", s.start, s.end);
      out += ",\"uri\":";
      append_json_string(out, doc.uri());
      out += "},\"name\":";
      append_json_string(out, s.name);
      out += '}';
    }
    return out += ']';
  }
  // Children lists in emission order; parents always precede their children.
  std::vector<std::vector<size_t>> children(symbols.size());
  std::vector<size_t> roots;
  for (size_t i = 0; i < symbols.size(); ++i) {
    int32_t p = symbols[i].parent;
    if (p >= 0 && static_cast<size_t>(p) < i)
      children[p].push_back(i);
    else
      roots.push_back(i);
  }
  // A symbol's own fields, after its children ("children" sorts first).
  const auto fields = [&](const Symbol &s) {
    if (!s.detail.empty()) {
      out += "\"detail\":";
      append_json_string(out, s.detail);
      out += ',';
    }
    out += "\"kind\":" + std::to_string(s.kind) + ",\"name\":";
    append_json_string(out, s.name);
    put_range(",\"range\":", s.start, s.end);
    put_range(",\"selectionRange\":", s.selection_start, s.selection_end);
    out += '}';
  };
  // Written depth first without recursion: outlines can be deep and plugins are untrusted.
  std::vector<std::pair<size_t, bool>> stack;  // (symbol, its children are written)
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back({*it, false});
  while (!stack.empty()) {
    const auto [i, closing] = stack.back();
    stack.pop_back();
    if (closing) {
      out += "],";
      fields(symbols[i]);
      continue;
    }
    if (out.back() != '[') out += ',';
    out += '{';
    if (children[i].empty()) {
      fields(symbols[i]);
      continue;
    }
    out += "\"children\":[";
    stack.push_back({i, true});
    for (auto c = children[i].rbegin(); c != children[i].rend(); ++c) stack.push_back({*c, false});
  }
  return out += ']';
}

json folding_ranges_json(const AnalysisResult &result, const TextDocument &doc) {
  json out = json::array();
  const LineIndex &lines = doc.lines();
  for (const Fold &f : result.folds) {
    uint32_t first = lines.line_of(f.start);
    uint32_t last = lines.line_of(f.end);
    // An end at the very start of a line closes the region on the line before.
    if (last > first && lines.line_start(last) == f.end) --last;
    if (last > first) out.push_back({{"startLine", first}, {"endLine", last}});
  }
  return out;
}

std::pair<uint32_t, uint32_t> selection_bytes(const TextDocument &doc, Range range, PositionEncoding e) {
  const uint32_t from = doc.lines().offset(range.start, e);
  return {from, std::max(from, doc.lines().offset(range.end, e))};
}

json code_actions_json(const AnalysisResult &result, const TextDocument &doc, DiagnosticForm form,
                       const Settings &settings, Range range, const std::vector<std::string> &only) {
  const PositionEncoding e = form.encoding;
  const auto [from, to] = selection_bytes(doc, range, e);
  const bool quickfix = kind_wanted("quickfix", only);
  const bool is_file = doc.uri().starts_with("file:");
  const bool markdown = doc.language_id() == "markdown";
  json out = json::array();
  // Only for the diagnostics the editor was sent: a fix without its squiggle would puzzle.  Which
  // ones the limit lets through is worked out only when there are more than it (at every cursor
  // move, a large report's thousands).
  const size_t limit = settings.max_diagnostics;
  std::vector<std::optional<Severity>> severities;  // every diagnostic's, only when the limit needs them
  std::vector<bool> sent;
  if (quickfix && limit && result.diagnostics.size() > limit) {
    severities.reserve(result.diagnostics.size());
    for (const Diagnostic &d : result.diagnostics) severities.push_back(settings.severity_for(d.code, d.severity));
    sent = sent_diagnostics(severities, limit).sent;
  }
  for (size_t i = 0; i < result.diagnostics.size(); ++i) {
    const Diagnostic &d = result.diagnostics[i];
    if (!quickfix || (!sent.empty() && !sent[i]) || !touches(d.start, d.end, from, to)) continue;
    const auto severity = severities.empty() ? settings.severity_for(d.code, d.severity) : severities[i];
    if (!severity) continue;
    const json diagnostics = json::array({diagnostic_json(d, *severity, doc, form)});
    for (const Fix &fix : d.fixes)
      if (!fix.edits_deferred) out.push_back(action_json(fix, doc, e, diagnostics));
    if (d.code.empty()) continue;  // no rule to silence
    // Silencing a rule is never the preferred action.
    if (is_file)
      out.push_back({{"title", "在工作区关闭规则 " + d.code + "（写入 .reportls.json）"},
                     {"kind", "quickfix"},
                     {"diagnostics", diagnostics},
                     {"command", {{"title", "关闭规则 " + d.code},
                                  {"command", kDisableRuleCommand},
                                  {"arguments", json::array({{{"uri", doc.uri()}, {"rule", d.code}}})}}}});
    if (markdown) {
      const uint32_t line_start = doc.lines().line_start(doc.lines().line_of(d.start));
      const std::string &text = doc.text();
      const size_t indent_end = text.find_first_not_of(" \t", line_start);
      const std::string indent = text.substr(line_start, std::min(indent_end, text.size()) - line_start);
      Fix directive{"在此行关闭规则 " + d.code + "（HTML 注释）",
                    {{line_start, line_start, indent + disable_next_line_directive(d.code)}}, false};
      out.push_back(action_json(directive, doc, e, diagnostics));
    }
  }
  if (kind_wanted("source", only))
    for (const Action &a : result.actions)
      if (touches(a.start, a.end, from, to)) out.push_back(action_json(a.fix, doc, e, json::array()));
  return out;
}

json text_edits_json(const std::vector<Edit> &edits, const TextDocument &doc, PositionEncoding e) {
  return edits_json(edits, doc, e);
}

json fix_all_action_json(const std::vector<Edit> &edits, const TextDocument &doc, PositionEncoding e) {
  return {{"title", "reportls：应用全部确定的修正（" + std::to_string(edits.size()) + " 处）"},
          {"kind", kFixAllKind},
          {"edit", {{"changes", {{doc.uri(), edits_json(edits, doc, e)}}}}}};
}

std::string completion_list_text(const CompletionResult &result, const TextDocument &doc,
                                 const proto::ClientCapabilities &client) {
  const PositionEncoding e = client.encoding();
  // Keys in nlohmann's (sorted) order: data (documentation, source), detail, filterText,
  // insertTextFormat, kind, label, preselect, sortText, textEdit (newText, range).
  std::string out = "{\"isIncomplete\":";
  out += result.incomplete ? "true" : "false";
  out += ",\"items\":[";
  uint32_t near = 0;
  for (size_t i = 0; i < result.items.size(); ++i) {
    const Completion &c = result.items[i];
    // Without snippet support the placeholders are inserted as they read (××, 20××).
    const bool snippet = c.snippet && client.snippets;
    if (i > 0) out += ',';
    // Documentation is sent on completionItem/resolve; data carries it there.
    out += "{\"data\":{\"documentation\":";
    append_json_string(out, c.documentation);
    out += ",\"source\":";
    append_json_string(out, c.source);
    out += '}';
    const auto optional = [&out](std::string_view key, const std::string &value) {
      if (value.empty()) return;
      out += key;
      append_json_string(out, value);
    };
    optional(",\"detail\":", c.detail);
    optional(",\"filterText\":", c.filter_text);
    out += snippet ? ",\"insertTextFormat\":2,\"kind\":" : ",\"insertTextFormat\":1,\"kind\":";
    out += std::to_string(c.kind);
    out += ",\"label\":";
    append_json_string(out, c.label);
    if (c.preselected) out += ",\"preselect\":true";
    optional(",\"sortText\":", c.sort_text);
    out += ",\"textEdit\":{\"newText\":";
    append_json_string(out, c.snippet && !snippet ? plain_from_snippet(c.insert_text) : c.insert_text);
    char range[kRangeTextBytes];
    out += ",\"range\":";
    out.append(range, write_range(range, doc.lines().range(c.replace_start, c.replace_end, e, &near)));
    out += "}}";
  }
  out += "]}";
  return out;
}

json inline_completions_json(const CompletionResult &result, const TextDocument &doc, PositionEncoding e,
                             const std::optional<Edit> &selected) {
  const std::string &text = doc.text();
  json items = json::array();
  for (const Completion &c : result.items) {
    if (!c.preselected || c.snippet || items.size() == kMaxInlineItems) continue;
    const std::string_view typed = std::string_view(text).substr(c.replace_start, c.replace_end - c.replace_start);
    if (c.insert_text.size() <= typed.size() || !c.insert_text.starts_with(typed)) continue;
    // The spec wants the range on one line; a line break in the typed text would also show nothing.
    if (typed.find('\n') != std::string_view::npos) continue;
    if (selected && (selected->start != c.replace_start || selected->end != c.replace_end ||
                     !c.insert_text.starts_with(selected->new_text)))
      continue;
    items.push_back({{"insertText", c.insert_text}, {"range", to_json(doc.lines(), c.replace_start, c.replace_end, e)}});
  }
  return {{"items", std::move(items)}};
}

json resolved_completion_json(json item, const std::string &documentation,
                              const proto::ClientCapabilities &client) {
  if (documentation.empty()) return item;
  if (client.markdown_completion_docs)
    item["documentation"] = {{"kind", "markdown"}, {"value", documentation}};
  else
    item["documentation"] = {{"kind", "plaintext"}, {"value", plain_from_markdown(documentation)}};
  return item;
}

json hover_json(const HoverResult &result, const TextDocument &doc,
                const proto::ClientCapabilities &client) {
  const PositionEncoding e = client.encoding();
  if (result.hovers.empty()) return nullptr;
  std::string markdown;
  uint32_t start = result.hovers.front().start, end = result.hovers.front().end;
  for (const Hover &h : result.hovers) {
    if (!markdown.empty()) markdown += "\n\n---\n\n";
    markdown += h.markdown;
    start = std::min(start, h.start);
    end = std::max(end, h.end);
  }
  const json contents = client.markdown_hover
                            ? json{{"kind", "markdown"}, {"value", markdown}}
                            : json{{"kind", "plaintext"}, {"value", plain_from_markdown(markdown)}};
  return {{"contents", contents}, {"range", to_json(doc.lines(), start, end, e)}};
}

}  // namespace reportls::lsp
