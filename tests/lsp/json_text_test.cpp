// JSON written as text (json_text.h, append_diagnostics_text, completion_list_text,
// document_symbols_text) against the nlohmann DOM it stands for.
#include "lsp/engine/text_document.h"
#include "lsp/protocol/convert.h"
#include "lsp/protocol/json_text.h"
#include "lsp/protocol/jsonrpc.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace reportls::lsp;
using nlohmann::json;

namespace {
std::string dumped(const json &j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }
}  // namespace

TEST_CASE("a string is escaped as nlohmann dumps it") {
  for (const std::string &s : std::vector<std::string>{"", "plain ascii", "全角“引号”与 \"quotes\"", "back\\slash / slash", "tab\tnew\nline\r",
                              std::string("nul\0and\x01\x1f\x7f", 10), "𠮷😀", "\b\f"}) {
    CAPTURE(s);
    std::string out;
    append_json_string(out, s);
    CHECK(out == dumped(json(s)));
  }
  std::string out;
  append_json_string(out, "a\xE4\xB8" "b\xFF");  // ill-formed: one U+FFFD per maximal subpart
  CHECK(out == "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
}

TEST_CASE("random texts, ill-formed ones too, are escaped as the dump of their repaired text") {
  // Pieces that meet at every boundary: ASCII (runs of eight and more, read eight at a time), the
  // escaped bytes, CJK and full-width marks, characters outside the BMP, and the ill-formed
  // sequences sanitize_utf8 repairs.
  const std::vector<std::string> pieces = {"a", "Z9 ", "eight+ ASCII bytes", "全面推进依法行政", "\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f",
                                           "报告", "，", "“", "𠮷", "😀", "\xE4\xB8", "\xFF", "\xC0\xAF",
                                           "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE4"};
  std::mt19937 random(18);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    // One in four long enough for whole 64-byte blocks, mostly of text that stays as it is.
    const bool long_text = round % 4 == 0;
    const std::vector<std::string> plain = {"eight+ ASCII bytes", "全面推进依法行政", "报告", "，", "“"};
    for (int n = std::uniform_int_distribution<int>(0, long_text ? 60 : 12)(random); n > 0; --n)
      text += long_text && random() % 8 ? plain[random() % plain.size()]
                                        : pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(random)];
    std::string repaired = text;
    sanitize_utf8(repaired);
    std::string out;
    append_json_string(out, text);
    REQUIRE(out == dumped(json(repaired)));
  }
}

TEST_CASE("diagnostics written as text are the dumps of diagnostic_json, rules turned off dropped") {
  const TextDocument doc("file:///a.txt", "plaintext", 3, "一、总体情况\r\n共有“𠮷”12件，\"其中\"3件。\n");
  AnalysisResult r;
  r.diagnostics.push_back({0, 6, Severity::Warning, "sections.missing", "缺少“第一责任人”一节", "sections", "", {}});
  r.diagnostics.push_back({14, 22, Severity::Error, "figures.sum", "3 ≠ 12\n（“分项”）", "figures", "https://x/y?a=\"1\"",
                           {{"改为", {{14, 15, "x"}}, true}}});
  r.diagnostics.push_back({20, 21, Severity::Information, "terms.misuse", "tab\there", "terms", "", {}});
  // A code seen before, after others: written as the first one of its kind was.
  r.diagnostics.push_back({22, 28, Severity::Warning, "sections.missing", "又缺一节", "sections", "", {}});
  const Settings settings = Settings::from_json({{"rules", {{"terms", "off"}, {"figures.sum", "hint"}}}});
  for (auto e : {PositionEncoding::Utf16, PositionEncoding::Utf8})
    for (bool links : {true, false})
      for (bool own_docs : {false, true}) {
        // A client that shows figures.sum's documentation itself (clientRuleDocs).
        const DiagnosticForm form{e, links, own_docs ? std::make_shared<const std::vector<std::string>>(
                                                           std::vector<std::string>{"a.rule", "figures.sum", "z.rule"})
                                                     : nullptr};
        json expected = json::array();
        for (const Diagnostic &d : r.diagnostics)
          if (auto severity = settings.severity_for(d.code, d.severity))
            expected.push_back(diagnostic_json(d, *severity, doc, form));
        CHECK(expected.size() == 3);
        // A client that did not say it reads codeDescription gets no link, not even the plugin's own;
        // one that shows a rule's documentation itself gets none for that rule, and the others' still.
        CHECK(expected[1].contains("codeDescription") == (links && !own_docs));
        if (links && !own_docs) CHECK(expected[1]["codeDescription"]["href"] == "https://x/y?a=\"1\"");
        CHECK(expected[0].contains("codeDescription") == links);
        std::string out = "x";
        append_diagnostics_text(out, r, doc, form, settings);
        CHECK(out.starts_with("x"));  // appended after what out held
        CHECK(out.substr(1) == dumped(expected));
        CHECK((out.find("codeDescription") != std::string::npos) == links);
        CHECK((out.find("https://x/y") != std::string::npos) == (links && !own_docs));
      }
  std::string none;
  append_diagnostics_text(none, AnalysisResult{}, doc, DiagnosticForm{}, settings);
  CHECK(none == "[]");
}

TEST_CASE("past the limit, errors and warnings are written first, each in text order, and the rest counted") {
  const TextDocument doc("file:///a.txt", "plaintext", 1, "第一行𠮷\n第二行\n第三行\n");
  AnalysisResult r;
  const auto add = [&r](uint32_t at, Severity s, const std::string &code) {
    r.diagnostics.push_back({at, at + 3, s, code, code + "@" + std::to_string(at), "p", "", {}});
  };
  add(0, Severity::Hint, "h.one");
  add(3, Severity::Warning, "w.one");
  add(13, Severity::Information, "i.one");
  add(14, Severity::Error, "e.one");
  add(24, Severity::Warning, "w.two");
  add(27, Severity::Warning, "off.rule");  // turned off: neither written nor counted
  add(28, Severity::Warning, "w.three");
  add(31, Severity::Error, "e.two");
  const Settings settings = Settings::from_json({{"rules", {{"off", "off"}}}});
  const auto written = [&](size_t limit) {
    std::string out;
    append_diagnostics_text(out, r, doc, DiagnosticForm{}, settings, limit);
    return json::parse(out);
  };
  const auto messages = [](const json &items) {
    std::vector<std::string> out;
    for (const json &d : items) out.push_back(d["message"]);
    return out;
  };
  // Four of seven: both errors and the first two warnings, in text order; then the notice.
  const json four = written(4);
  REQUIRE(four.size() == 5);
  CHECK(messages(json(std::vector<json>(four.begin(), four.end() - 1))) ==
        std::vector<std::string>{"w.one@3", "e.one@14", "w.two@24", "e.two@31"});
  CHECK(four[0] == diagnostic_json(r.diagnostics[1], Severity::Warning, doc, DiagnosticForm{}));
  const json &notice = four.back();
  CHECK(notice["code"] == kDiagnosticLimitCode);
  CHECK(notice["severity"] == 3);
  CHECK(notice["range"] == json{{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}});
  CHECK(notice["message"].get<std::string>().starts_with("另有 3 处问题未列出：编辑器中每个文档最多列出 4 处"));
  // A limit met exactly by a severity: none of the next.
  CHECK(messages(written(5)) == std::vector<std::string>{"w.one@3", "e.one@14", "w.two@24", "w.three@28", "e.two@31",
                                                         written(5).back()["message"]});
  CHECK(written(1)[0]["message"] == "e.one@14");
  // Within the limit, or none: every diagnostic the settings leave on, and no notice.
  for (size_t limit : {size_t{0}, size_t{7}, size_t{100}}) {
    CAPTURE(limit);
    const json all = written(limit);
    CHECK(all.size() == 7);
    CHECK(all.back()["message"] == "e.two@31");
  }
}

TEST_CASE("quick fixes are offered only for the diagnostics the limit lets through to the editor") {
  const TextDocument doc("file:///a.txt", "plaintext", 1, "截止目前甲乙\n截止目前丙丁\n");
  AnalysisResult r;
  // A warning on line 0, an error on line 1 (18 bytes in); each with a fix.
  for (const auto &[at, severity] : {std::pair{0u, Severity::Warning}, std::pair{19u, Severity::Error}})
    r.diagnostics.push_back({at, at + 12, severity, "terms.outdated", "截止目前", "terms", "",
                             {Fix{"改为“截至目前”", {{at, at + 6, "截至"}}, true, false}}});
  const auto titles = [&](size_t limit, uint32_t line) {
    Settings settings;
    settings.max_diagnostics = limit;
    std::vector<std::string> out;
    const Range range{{line, 1}, {line, 1}};
    for (const json &a : code_actions_json(r, doc, DiagnosticForm{}, settings, range)) out.push_back(a["title"]);
    return out;
  };
  // The error is sent first: with a limit of one, the warning has no squiggle and no fix.
  CHECK(titles(1, 0).empty());
  CHECK(titles(1, 1) == std::vector<std::string>{"改为“截至目前”", "在工作区关闭规则 terms.outdated（写入 .reportls.json）"});
  CHECK(titles(2, 0).size() == 2);
  CHECK(titles(0, 0).size() == 2);
}

TEST_CASE("a response or notification around JSON text is the DOM one's bytes") {
  const json result = {{"items", json::array({1, "二"})}, {"kind", "full"}, {"resultId", "7"}};
  CHECK(response_text(42, dumped(result)) == response(42, result));
  CHECK(response_text("id-1", dumped(result)) == response("id-1", result));
  CHECK(notification_head("textDocument/publishDiagnostics") + dumped(result) + "}" ==
        notification("textDocument/publishDiagnostics", result));
}

TEST_CASE("a completion list written as text is the dump of the CompletionList it stands for") {
  // 𠮷 is two UTF-16 units: the item on line 1 replaces 依法 at characters 2–4 (bytes 4–10).
  const std::string text = "标题\n𠮷依法";
  const TextDocument doc("file:///a.txt", "plaintext", 1, text);
  const auto line1 = static_cast<uint32_t>(text.find('\n')) + 1;
  Completion plain;
  plain.label = plain.insert_text = "依法行政";
  plain.filter_text = "yifa";
  plain.sort_text = "200001";
  plain.detail = "章节：\"总体要求\"";
  plain.documentation = "**来源**：`a.phrases.json`";
  plain.source = "phrasing";
  plain.replace_start = line1 + 4;
  plain.replace_end = line1 + 10;
  plain.preselected = true;
  Completion snippet;
  snippet.label = "20××年";
  snippet.insert_text = "${1:20××}年";
  snippet.snippet = true;
  snippet.kind = 15;
  snippet.source = "phrasing";
  CompletionResult r;
  r.items = {plain, snippet};
  r.incomplete = true;
  const auto range = [](uint32_t line, uint32_t start, uint32_t end) {
    return json{{"start", {{"line", line}, {"character", start}}}, {"end", {{"line", line}, {"character", end}}}};
  };
  const json first = {{"label", "依法行政"},
                      {"kind", 1},
                      {"insertTextFormat", 1},
                      {"textEdit", {{"range", range(1, 2, 4)}, {"newText", "依法行政"}}},
                      {"filterText", "yifa"},
                      {"sortText", "200001"},
                      {"detail", "章节：\"总体要求\""},
                      {"data", {{"source", "phrasing"}, {"documentation", "**来源**：`a.phrases.json`"}}},
                      {"preselect", true}};
  const auto second = [&](bool snippets) {
    return json{{"label", "20××年"},
                {"kind", 15},
                {"insertTextFormat", snippets ? 2 : 1},
                {"textEdit", {{"range", range(0, 0, 0)}, {"newText", snippets ? "${1:20××}年" : "20××年"}}},
                {"data", {{"source", "phrasing"}, {"documentation", ""}}}};
  };
  for (const bool snippets : {false, true}) {
    CAPTURE(snippets);
    proto::ClientCapabilities client;
    client.snippets = snippets;
    const json expected = {{"isIncomplete", true}, {"items", {first, second(snippets)}}};
    CHECK(completion_list_text(r, doc, client) == dumped(expected));
  }
  CHECK(completion_list_text(CompletionResult{}, doc, {}) == R"({"isIncomplete":false,"items":[]})");
}

TEST_CASE("an outline written as text is the dump of the DocumentSymbol tree, or of the flat list") {
  // 𠮷 is two UTF-16 units: the heading on line 2 starts at character 0 and ends at 4.
  const std::string text = "报告\n一、总体\n𠮷依法\n二、计划\n";
  const TextDocument doc("file:///a.txt", "plaintext", 1, text);
  const auto at = [&](std::string_view s) { return static_cast<uint32_t>(text.find(s)); };
  AnalysisResult r;
  const auto add = [&](std::string name, std::string detail, int kind, std::string_view from, std::string_view to,
                       int32_t parent) {
    r.symbols.push_back({std::move(name), std::move(detail), kind, at(from), at(to),
                         at(from), at(from) + static_cast<uint32_t>(std::string_view("一、").size()), parent});
  };
  add("报告", "", 1, "报告", "\n一、", -1);
  add("一、总体", "一级", 5, "一、", "二、", 0);
  add("𠮷依法", "", 13, "𠮷", "\n二、", 1);
  add("二、计划", "", 5, "二、", "计划", 7);  // a parent that does not come before it: a root
  const auto range = [](uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
    return json{{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
  };
  json leaf = {{"name", "𠮷依法"}, {"kind", 13}, {"range", range(2, 0, 2, 4)}, {"selectionRange", range(2, 0, 2, 2)}};
  json first = {{"name", "一、总体"},
                {"detail", "一级"},
                {"kind", 5},
                {"range", range(1, 0, 3, 0)},
                {"selectionRange", range(1, 0, 1, 2)},
                {"children", {leaf}}};
  json title = {{"name", "报告"}, {"kind", 1}, {"range", range(0, 0, 0, 2)}, {"selectionRange", range(0, 0, 0, 2)},
                {"children", {first}}};
  json second = {{"name", "二、计划"}, {"kind", 5}, {"range", range(3, 0, 3, 2)}, {"selectionRange", range(3, 0, 3, 2)}};
  proto::ClientCapabilities client;
  client.hierarchical_symbols = true;
  CHECK(document_symbols_text(r, doc, client) == dumped(json{title, second}));
  // Without hierarchical support: SymbolInformation, the parent's name as containerName.
  client.hierarchical_symbols = false;
  const auto info = [&](const json &node, const char *container) {
    json j = {{"name", node["name"]}, {"kind", node["kind"]},
              {"location", {{"uri", "file:///a.txt"}, {"range", node["range"]}}}};
    if (container) j["containerName"] = container;
    return j;
  };
  CHECK(document_symbols_text(r, doc, client) ==
        dumped(json{info(title, nullptr), info(first, "报告"), info(leaf, "一、总体"), info(second, nullptr)}));
  CHECK(document_symbols_text(AnalysisResult{}, doc, client) == "[]");
  // A chain of 100,000 nested symbols is written without recursion.
  AnalysisResult deep;
  for (int32_t i = 0; i < 100000; ++i) deep.symbols.push_back({"x", "", 5, 0, 1, 0, 1, i - 1});
  client.hierarchical_symbols = true;
  const std::string nested = document_symbols_text(deep, doc, client);
  CHECK(nested.starts_with("[{\"children\":[{\"children\":["));
  CHECK(json::accept(nested));
}
