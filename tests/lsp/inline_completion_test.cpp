// Inline (ghost-text) completion at the protocol edge: which completion items become
// InlineCompletionItems (convert.h: inline_completions_json), their ranges in UTF-16, and the
// preselected flag's way from a plugin's result through the analysis process's codec.
#include "lsp/host/result_codec.h"
#include "lsp/protocol/convert.h"

#include <doctest/doctest.h>

using namespace reportls::lsp;
using nlohmann::json;

namespace {

// An item replacing [start, end) of text with insert.
Completion item(uint32_t start, uint32_t end, std::string insert, bool preselected = true) {
  Completion c;
  c.label = c.insert_text = std::move(insert);
  c.replace_start = start;
  c.replace_end = end;
  c.preselected = preselected;
  return c;
}

json range(uint32_t line, uint32_t start, uint32_t end) {
  return {{"start", {{"line", line}, {"character", start}}}, {"end", {{"line", line}, {"character", end}}}};
}

}  // namespace

TEST_CASE("a preselected item becomes ghost text: its own text and range, in UTF-16") {
  // 𠮷 is two UTF-16 units (four bytes); 推进严格 starts at byte 4 + 3 = 7 of line 1.
  const std::string text = "一、总体要求\n𠮷我推进严格";
  const TextDocument doc("file:///a.txt", "plaintext", 1, text);
  const uint32_t line1 = static_cast<uint32_t>(text.find('\n')) + 1, end = static_cast<uint32_t>(text.size());
  CompletionResult r;
  r.items = {item(line1 + 7, end, "推进严格规范公正文明执法")};
  const json j = inline_completions_json(r, doc, PositionEncoding::Utf16, std::nullopt);
  REQUIRE(j["items"].size() == 1);
  CHECK(j["items"][0]["insertText"] == "推进严格规范公正文明执法");
  CHECK(j["items"][0]["range"] == range(1, 3, 7));
  // In UTF-8 positions the same range counts bytes.
  CHECK(inline_completions_json(r, doc, PositionEncoding::Utf8, std::nullopt)["items"][0]["range"] == range(1, 7, 19));
}

TEST_CASE("only certain items that extend the typed text become ghost text") {
  const std::string text = "我们依法行政";
  const TextDocument doc("file:///a.txt", "plaintext", 1, text);
  const uint32_t end = static_cast<uint32_t>(text.size());
  CompletionResult r;
  Completion snippet = item(6, end, "依法行政${1:××}");
  snippet.snippet = true;
  r.items = {item(6, end, "依法行政工作", false),  // not certain
             item(6, end, "依法行政"),             // writes nothing more
             item(6, end, "坚持依法行政"),         // the typed text is not its beginning
             snippet};                             // a placeholder to fill in
  CHECK(inline_completions_json(r, doc, PositionEncoding::Utf16, std::nullopt)["items"] == json::array());
  // At most kMaxInlineItems, in the plugins' order.
  r.items.clear();
  for (const char *t : {"依法行政甲", "依法行政乙", "依法行政丙", "依法行政丁"}) r.items.push_back(item(6, end, t));
  const json j = inline_completions_json(r, doc, PositionEncoding::Utf16, std::nullopt);
  REQUIRE(j["items"].size() == kMaxInlineItems);
  CHECK(j["items"][0]["insertText"] == "依法行政甲");
}

TEST_CASE("with an item selected in the completion list, only ghost text extending it") {
  const std::string text = "我们依法行政";
  const TextDocument doc("file:///a.txt", "plaintext", 1, text);
  const uint32_t end = static_cast<uint32_t>(text.size());
  CompletionResult r;
  r.items = {item(6, end, "依法行政工作")};
  CHECK(inline_completions_json(r, doc, PositionEncoding::Utf16, Edit{6, end, "依法行政工"})["items"].size() == 1);
  CHECK(inline_completions_json(r, doc, PositionEncoding::Utf16, Edit{6, end, "依法行政能力"})["items"].empty());
  CHECK(inline_completions_json(r, doc, PositionEncoding::Utf16, Edit{end, end, ""})["items"].empty());
}

TEST_CASE("the preselected flag survives the analysis process's codec, and the list says preselect") {
  CompletionResult r;
  r.items = {item(0, 0, "甲"), item(0, 0, "乙", false)};
  const CompletionResult back = codec::decode_completion(codec::encode(r));
  REQUIRE(back.items.size() == 2);
  CHECK(back.items[0].preselected);
  CHECK_FALSE(back.items[1].preselected);
  const TextDocument doc("file:///a.txt", "plaintext", 1, "");
  const json list = json::parse(completion_list_text(back, doc, {}));
  CHECK(list["items"][0]["preselect"] == true);
  CHECK_FALSE(list["items"][1].contains("preselect"));
}
