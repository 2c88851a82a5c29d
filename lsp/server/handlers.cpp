// The session's document and feature handlers: typed params in, engine calls, LSP JSON out.
#include "lsp/protocol/convert.h"
#include "lsp/protocol/json_text.h"
#include "lsp/server/session.h"

#include <reportls/plugin.h>

namespace reportls::lsp {

using nlohmann::json;

int run_server(const ServerOptions &options) {
  Session session(options);
  return session.run();
}

std::shared_ptr<const TextDocument> Session::document(const std::string &uri) const {
  auto doc = engine_.document(uri);
  if (!doc) throw proto::InvalidParams("params.textDocument.uri", "文档未打开: " + uri);
  return doc;
}

// A request whose token was cancelled meanwhile (by $/cancelRequest, or superseded in its
// analysis process's slot) answers with the token's reason instead.
bool Session::refused_as_cancelled(const Reply &reply) {
  if (!reply->token.cancelled()) return false;
  reply->error(reply->token.reason(), "请求已取消");
  return true;
}

void Session::answer(const Reply &reply, json result) {
  if (!refused_as_cancelled(reply)) reply->ok(std::move(result));
}

void Session::answer_text(const Reply &reply, std::string_view result_json) {
  if (!refused_as_cancelled(reply)) reply->ok_text(result_json);
}

// ---- documents -------------------------------------------------------------------------------

void Session::on_did_open(const proto::DidOpenParams &params) {
  const proto::TextDocumentItem &d = params.document;
  engine_.open(std::make_shared<const TextDocument>(d.uri, d.language_id, d.version, d.text));
}

void Session::on_did_change(const proto::DidChangeParams &params) {
  auto doc = engine_.document(params.uri);
  if (!doc) return log(2, "didChange 针对未打开的文档，已忽略: " + params.uri);
  std::vector<TextChange> changes;
  for (const proto::ContentChange &c : params.changes) changes.push_back({c.range, c.text});
  int64_t version = params.version.value_or(doc->version() + 1);
  if (version <= doc->version())
    log(2, "文档版本倒退 (" + std::to_string(doc->version()) + " → " + std::to_string(version) + "): " + params.uri);
  engine_.update(doc->apply(version, changes, encoding_));
}

void Session::on_did_close(const proto::DocumentParams &params) {
  engine_.close(params.uri);
  facts_.erase(params.uri);
  if (!client_.pull_diagnostics)
    send(notification("textDocument/publishDiagnostics", {{"uri", params.uri}, {"diagnostics", json::array()}}));
}

void Session::on_did_save(const proto::DocumentParams &params) { engine_.saved(params.uri); }

void Session::on_analysis(const Analysis &a) {
  if (!client_.pull_diagnostics) {
    // Written as text on the writer thread: a 1 MB report has thousands of diagnostics.
    off_main([this, a, form = diagnostic_form()] {
      std::string text = notification_head("textDocument/publishDiagnostics");
      text += "{\"diagnostics\":";
      append_diagnostics_text(text, *a.result, *a.doc, form, *a.settings, a.settings->max_diagnostics);
      text += ",\"uri\":";
      append_json_string(text, a.doc->uri());
      text += ",\"version\":" + std::to_string(a.doc->version()) + "}}";  // the params, the notification
      writer_.write(text);
    });
  }
  auto &last = facts_[a.doc->uri()];
  if (a.result->facts != last) {
    last = a.result->facts;
    send(notification("reportls/documentStatus", {{"uri", a.doc->uri()}, {"facts", last}}));
  }
}

void Session::on_problem(const std::string &uri, const PluginProblem &p) {
  if (!p.disabled) return log(1, "插件 " + p.plugin + ": " + p.message + "：" + uri);
  // A crashed or hung plugin, now off for this document: worth a pop-up.
  std::string text = "插件 " + p.plugin + " " + p.message + "：" + uri;
  log(1, text);
  send(notification("window/showMessage", {{"type", 1}, {"message", text}}));
}

// ---- requests answered from analysis ---------------------------------------------------------

void Session::on_document_symbol(const proto::DocumentParams &params, Reply reply) {
  document(params.uri);
  engine_.outline(params.uri, reply->token, [this, reply](const Analysis &a) {
    answer_text(reply, document_symbols_text(*a.result, *a.doc, client_));
  });
}

void Session::on_folding_range(const proto::DocumentParams &params, Reply reply) {
  document(params.uri);
  engine_.outline(params.uri, reply->token,
                  [reply](const Analysis &a) { answer(reply, folding_ranges_json(*a.result, *a.doc)); });
}

void Session::on_pull_diagnostics(const proto::DocumentDiagnosticParams &params, Reply reply) {
  document(params.uri);
  engine_.when_current(params.uri, [this, reply, previous = params.previous_result_id](const Analysis *a) {
    if (!a) return reply->error(error_code::ContentModified, "文档已关闭");
    // A new number for every result, a settings-only re-analysis included: "unchanged" is said
    // only of the very result the client holds.
    std::string id = std::to_string(a->result_id);
    if (id == previous) return reply->ok({{"kind", "unchanged"}, {"resultId", id}});
    off_main([reply, id, a = *a, form = diagnostic_form()] {
      std::string report = "{\"items\":";
      append_diagnostics_text(report, *a.result, *a.doc, form, *a.settings, a.settings->max_diagnostics);
      report += ",\"kind\":\"full\",\"resultId\":\"" + id + "\"}";
      reply->ok_text(report);
    });
  });
}

void Session::on_code_action(const proto::CodeActionParams &params, Reply reply) {
  auto doc = document(params.uri);
  // Fix-all re-analyses the fixed text: only when asked for by kind (Source Action…,
  // editor.codeActionsOnSave), never for the light bulb at every cursor move.
  const bool fix_all = !params.only.empty() && kind_wanted(kFixAllKind, params.only);
  // The fixes the diagnostics process left without edits are asked for only where the selection is.
  const auto selection = selection_bytes(*doc, params.range, encoding_);
  engine_.with_fix_edits(params.uri, selection, reply->token, [this, reply, params, doc, fix_all](const Analysis *a) {
    // Fixes are byte edits of the analysed snapshot: never offer them for another version.
    if (!a || a->doc != doc) return reply->ok(json::array());
    json actions = code_actions_json(*a->result, *a->doc, diagnostic_form(), *a->settings, params.range, params.only);
    if (!fix_all) return reply->ok(std::move(actions));
    engine_.fix_all(params.uri, {}, reply->token,
                    [this, reply, actions](std::vector<Edit> edits, const TextDocument &d) mutable {
                      if (!edits.empty()) actions.push_back(fix_all_action_json(edits, d, encoding_));
                      answer(reply, std::move(actions));
                    });
  });
}

// Format Document and Format Selection: the certain typography fixes (Engine::fix_all).
void Session::on_formatting(const proto::FormattingParams &params, Reply reply) {
  auto doc = document(params.uri);
  FixRequest request{true, std::nullopt};
  if (params.range)
    request.range = std::pair{doc->lines().offset(params.range->start, encoding_),
                              doc->lines().offset(params.range->end, encoding_)};
  engine_.fix_all(params.uri, request, reply->token, [this, reply](std::vector<Edit> edits, const TextDocument &d) {
    answer(reply, text_edits_json(edits, d, encoding_));
  });
}

void Session::on_execute_command(const proto::ExecuteCommandParams &params, Reply reply) {
  if (params.command != kDisableRuleCommand)
    throw proto::InvalidParams("params.command", "未知命令: " + params.command);
  const std::vector<proto::Field> arguments = proto::Field(params.arguments, "params.arguments").elements();
  if (arguments.empty()) throw proto::InvalidParams("params.arguments", "应为 [{\"uri\": …, \"rule\": …}]");
  const std::string uri = arguments[0]["uri"].string(), rule = arguments[0]["rule"].string();
  try {
    const std::string file = engine_.disable_rule(uri, rule);
    show(3, "已在 " + file + " 中关闭规则 " + rule);
    reply->ok(nullptr);
  } catch (const std::runtime_error &e) {
    show(1, e.what());
    reply->error(error_code::InternalError, e.what());
  }
}

void Session::on_completion(const proto::PositionParams &params, Reply reply) {
  auto doc = document(params.uri);
  engine_.complete(params.uri, doc->lines().offset(params.position, encoding_), reply->token,
                   [this, reply](const CompletionResult &r, const TextDocument &d) {
                     answer_text(reply, completion_list_text(r, d, client_));
                   });
}

// Ghost text: the completion items the plugins are sure of, from the same completion call (a
// cancelled or superseded request answers its token's error, as completion does).  A position
// past the last line is the client's mistake, said as such; past a line's end it is clamped.
void Session::on_inline_completion(const proto::InlineCompletionParams &params, Reply reply) {
  auto doc = document(params.uri);
  const LineIndex &lines = doc->lines();
  if (params.position.line >= lines.line_count())
    throw proto::InvalidParams("params.position.line", "超出文档范围: 第 " + std::to_string(params.position.line) +
                                                           " 行，文档共 " + std::to_string(lines.line_count()) + " 行（从 0 数起）");
  std::optional<Edit> selected;
  if (params.selected)
    selected = Edit{lines.offset(params.selected->range.start, encoding_), lines.offset(params.selected->range.end, encoding_),
                    params.selected->text};
  engine_.complete(params.uri, lines.offset(params.position, encoding_), reply->token,
                   [this, reply, selected](const CompletionResult &r, const TextDocument &d) {
                     answer(reply, inline_completions_json(r, d, encoding_, selected));
                   });
}

void Session::on_completion_resolve(const proto::CompletionItemParams &params, Reply reply) {
  reply->ok(resolved_completion_json(params.item, params.documentation, client_));
}

void Session::on_hover(const proto::PositionParams &params, Reply reply) {
  auto doc = document(params.uri);
  engine_.hover(params.uri, doc->lines().offset(params.position, encoding_), reply->token,
                [this, reply](const HoverResult &r, const TextDocument &d) { answer(reply, hover_json(r, d, client_)); });
}

}  // namespace reportls::lsp
