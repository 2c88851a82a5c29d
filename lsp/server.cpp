#include "lsp/server.h"

#include "lsp/jsonrpc.h"
#include "lsp/plugin_host.h"
#include "lsp/protocol.h"
#include "lsp/scheduler.h"
#include "lsp/settings.h"
#include "lsp/text_document.h"
#include "lsp/transport.h"
#include "lsp/worker_host.h"
#include "lsp/workspace_settings.h"

#include <reportls/plugin.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <thread>

namespace reportls::lsp {
namespace {

namespace asio = boost::asio;
using nlohmann::json;

// Thrown by handlers on malformed params; the dispatcher answers InvalidParams.
struct InvalidParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json &member(const json &params, const char *key) {
  if (!params.is_object() || !params.contains(key))
    throw InvalidParams(std::string("缺少参数 \"") + key + "\"");
  return params[key];
}

std::string string_member(const json &params, const char *key) {
  const json &v = member(params, key);
  if (!v.is_string()) throw InvalidParams(std::string("参数 \"") + key + "\" 应为字符串");
  return v.get<std::string>();
}

std::string uri_of(const json &params) {
  return string_member(member(params, "textDocument"), "uri");
}

class Session;

// Answers one request exactly once, from any thread.  Dropping it unanswered answers
// InternalError, so a handler bug can never leave the client waiting.
class ReplyState {
 public:
  ReplyState(json id, std::function<void(std::string)> send) : id_(std::move(id)), send_(std::move(send)) {}
  ~ReplyState() {
    if (!sent_.exchange(true))
      send_(error_response(id_, error_code::InternalError, "request dropped without a reply"));
  }
  void ok(json result) {
    if (!sent_.exchange(true)) send_(response(id_, std::move(result)));
  }
  void error(int code, std::string_view message) {
    if (!sent_.exchange(true)) send_(error_response(id_, code, message));
  }
  CancelToken token;

 private:
  json id_;
  std::function<void(std::string)> send_;
  std::atomic<bool> sent_{false};
};
using Reply = std::shared_ptr<ReplyState>;

class Session {
 public:
  explicit Session(const ServerOptions &options)
      : options_(options),
        writer_(options.output_fd),
        pool_(std::clamp(std::thread::hardware_concurrency(), 1u, 4u)),
        scheduler_(main_, pool_, [this](const Analysis &a) { on_analysis(a); }) {}

  int run() {
    write_thread_ = std::thread([this] { write_ctx_.run(); });
    std::thread([this, fd = options_.input_fd] { read_loop(fd); }).detach();
    auto guard = asio::make_work_guard(main_);
    main_.run();
    // Flush every queued frame (the shutdown reply, final diagnostics) before the process ends.
    write_guard_.reset();
    write_thread_.join();
    return exit_code_;
  }

 private:
  // ---- threads -------------------------------------------------------------------------------

  void read_loop(int fd) {
    FrameReader reader(fd);
    for (;;) {
      FrameReader::Frame frame = reader.next();
      if (frame.kind == FrameReader::Frame::Eof) {
        asio::post(main_, [this] { stop(shutdown_ ? 0 : 1); });
        return;
      }
      if (frame.kind == FrameReader::Frame::Error) {
        asio::post(main_, [this, why = frame.error] {
          log(1, "无法读取消息: " + why);
          send(error_response(nullptr, error_code::ParseError, why));
        });
        continue;
      }
      Incoming message = parse_message(frame.body);
      asio::post(main_, [this, message = std::move(message)]() mutable { handle(std::move(message)); });
    }
  }

  void send(std::string body) {
    asio::post(write_ctx_, [this, body = std::move(body)] { writer_.write(body); });
  }

  void stop(int code) {
    exit_code_ = code;
    scheduler_.cancel_all();
    main_.stop();
  }

  // ---- dispatch (main thread) ----------------------------------------------------------------

  void handle(Incoming message) {
    switch (message.kind) {
      case Incoming::Invalid:
        log(1, "无效消息: " + message.error);
        send(error_response(message.id, message.error_code, message.error));
        return;
      case Incoming::Response:
        return;  // answers to our own requests: none need handling yet
      case Incoming::Notification:
        return notify(message);
      case Incoming::Request:
        return request(message);
    }
  }

  void notify(const Incoming &message) {
    if (message.method == "exit") return stop(shutdown_ ? 0 : 1);
    if (!initialized_) return;  // the spec drops notifications before initialize
    static const std::map<std::string, void (Session::*)(const json &)> handlers = {
        {"initialized", &Session::on_initialized},
        {"textDocument/didOpen", &Session::on_did_open},
        {"textDocument/didChange", &Session::on_did_change},
        {"textDocument/didClose", &Session::on_did_close},
        {"textDocument/didSave", &Session::on_did_save},
        {"workspace/didChangeConfiguration", &Session::on_did_change_configuration},
        {"$/cancelRequest", &Session::on_cancel},
    };
    auto it = handlers.find(message.method);
    if (it == handlers.end()) return;  // unknown notifications are ignored
    try {
      (this->*(it->second))(message.params);
    } catch (const std::exception &e) {
      log(1, message.method + ": " + e.what());
    }
  }

  void request(const Incoming &message) {
    Reply reply = std::make_shared<ReplyState>(message.id, [this](std::string body) { send(std::move(body)); });
    if (message.method != "initialize" && !initialized_)
      return reply->error(error_code::ServerNotInitialized, "服务器尚未初始化");
    if (message.method == "initialize" && initialized_)
      return reply->error(error_code::InvalidRequest, "initialize 只能调用一次");
    if (shutdown_) return reply->error(error_code::InvalidRequest, "服务器正在关闭");
    static const std::map<std::string, void (Session::*)(const json &, Reply)> handlers = {
        {"initialize", &Session::on_initialize},
        {"shutdown", &Session::on_shutdown},
        {"textDocument/documentSymbol", &Session::on_document_symbol},
        {"textDocument/foldingRange", &Session::on_folding_range},
        {"textDocument/diagnostic", &Session::on_pull_diagnostics},
        {"textDocument/codeAction", &Session::on_code_action},
        {"textDocument/completion", &Session::on_completion},
        {"completionItem/resolve", &Session::on_completion_resolve},
        {"textDocument/hover", &Session::on_hover},
    };
    auto it = handlers.find(message.method);
    if (it == handlers.end())
      return reply->error(error_code::MethodNotFound, "未知方法: " + message.method);
    remember(message.id, reply);
    try {
      (this->*(it->second))(message.params, reply);
    } catch (const InvalidParams &e) {
      reply->error(error_code::InvalidParams, e.what());
    } catch (const std::exception &e) {
      reply->error(error_code::InternalError, e.what());
    }
  }

  // Requests that may still be answered later, by id, for $/cancelRequest.
  void remember(const json &id, const Reply &reply) {
    if (pending_.size() > 256)
      std::erase_if(pending_, [](const auto &p) { return p.second.expired(); });
    pending_[id.dump()] = reply;
  }

  void on_cancel(const json &params) {
    auto it = pending_.find(member(params, "id").dump());
    if (it == pending_.end()) return;
    if (Reply reply = it->second.lock()) {
      reply->token.cancel(error_code::RequestCancelled);
      reply->error(error_code::RequestCancelled, "请求已取消");
    }
    pending_.erase(it);
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  void on_initialize(const json &params, Reply reply) {
    if (!params.is_object()) throw InvalidParams("initialize 的参数应为对象");
    const json caps = params.value("capabilities", json::object());
    json encodings = json::array();
    if (caps.is_object() && caps.contains("general") && caps["general"].is_object())
      encodings = caps["general"].value("positionEncodings", json::array());
    encoding_ = PositionEncoding::Utf16;
    if (encodings.is_array())
      for (const json &e : encodings)
        if (e == "utf-8") encoding_ = PositionEncoding::Utf8;
    if (caps.is_object() && caps.contains("textDocument") && caps["textDocument"].is_object())
      pull_diagnostics_ = caps["textDocument"].contains("diagnostic");
    workspace_ = WorkspaceSettings(workspace_roots(params));

    std::vector<std::string> warnings;
    settings_ = std::make_shared<const Settings>(
        Settings::from_json(params.value("initializationOptions", json::object()), warnings));
    initialized_ = true;

    json capabilities = {
        {"positionEncoding", encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"documentSymbolProvider", true},
        {"foldingRangeProvider", true},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source"}}}},
        {"completionProvider", {{"resolveProvider", true}, {"triggerCharacters", json::array({"。", "，", "、", "："})}}},
        {"hoverProvider", true},
    };
    if (pull_diagnostics_)
      capabilities["diagnosticProvider"] = {{"interFileDependencies", false},
                                            {"workspaceDiagnostics", false}};
    reply->ok({{"capabilities", capabilities},
               {"serverInfo", {{"name", "reportls"}, {"version", REPORTLS_VERSION}}}});
    for (const std::string &w : warnings) log(2, w);
    load_plugins();
  }

  static std::vector<std::string> workspace_roots(const json &params) {
    std::vector<std::string> roots;
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array())
      for (const json &f : params["workspaceFolders"])
        if (f.is_object() && f.contains("uri") && f["uri"].is_string())
          roots.push_back(f["uri"].get<std::string>());
    if (roots.empty() && params.contains("rootUri") && params["rootUri"].is_string())
      roots.push_back(params["rootUri"].get<std::string>());
    return roots;
  }

  void on_initialized(const json &) {}

  void on_shutdown(const json &, Reply reply) {
    shutdown_ = true;
    scheduler_.cancel_all();
    reply->ok(nullptr);
  }

  void load_plugins() {
    PluginHostOptions options;
    options.plugin_dirs.push_back(bundled_plugin_dir());
    for (const std::string &d : options_.plugin_dirs) options.plugin_dirs.push_back(d);
    for (const std::string &d : settings_->plugin_dirs) options.plugin_dirs.push_back(d);
    options.data_dirs = settings_->data_dirs;
    host_ = make_host(options, options_.isolate_plugins, settings_->analysis_timeout);
    // Requests a person waits for (outline, completion, hover) get a host of their own, so they
    // never queue behind a diagnostics run in the single analysis process.
    if (options_.isolate_plugins)
      interactive_host_ = make_host(options, true, settings_->analysis_timeout);
    else
      interactive_host_ = host_;
    for (const PluginInfo &p : host_->plugins()) {
      if (p.active)
        log(3, "已加载插件 " + p.name + " " + p.version + " (" + p.path + ")");
      else
        log(1, "插件未加载: " + p.path + ": " + p.error);
    }
    loaded_ = settings_;
  }

  void on_did_change_configuration(const json &params) {
    json incoming = params.is_object() ? params.value("settings", json()) : json();
    if (incoming.is_object() && incoming.contains("reportls")) incoming = incoming["reportls"];
    // Some clients (eglot) announce a change with no settings at all: that is not "reset
    // everything", so the settings in force stay.
    if (!incoming.is_object() || incoming.empty()) return;
    std::vector<std::string> warnings;
    settings_ = std::make_shared<const Settings>(Settings::from_json(incoming, warnings));
    for (const std::string &w : warnings) log(2, w);
    if (settings_->plugin_dirs != loaded_->plugin_dirs || settings_->data_dirs != loaded_->data_dirs ||
        settings_->analysis_timeout != loaded_->analysis_timeout)
      load_plugins();
    refresh_all();
  }

  // ---- documents -----------------------------------------------------------------------------

  void on_did_open(const json &params) {
    const json &td = member(params, "textDocument");
    std::string uri = string_member(td, "uri");
    std::string text = string_member(td, "text");
    int64_t version = td.value("version", json(0)).is_number_integer() ? td["version"].get<int64_t>() : 0;
    std::string language = td.contains("languageId") && td["languageId"].is_string()
                               ? td["languageId"].get<std::string>()
                               : "plaintext";
    auto doc = std::make_shared<const TextDocument>(uri, language, version, std::move(text));
    documents_[uri] = doc;
    refresh_settings(uri);
    schedule(doc);
  }

  void on_did_change(const json &params) {
    const json &td = member(params, "textDocument");
    std::string uri = string_member(td, "uri");
    auto it = documents_.find(uri);
    if (it == documents_.end()) return log(2, "didChange 针对未打开的文档，已忽略: " + uri);
    const json &changes = member(params, "contentChanges");
    if (!changes.is_array()) throw InvalidParams("contentChanges 应为数组");
    std::vector<TextChange> parsed;
    for (const json &c : changes) {
      if (!c.is_object() || !c.contains("text") || !c["text"].is_string())
        throw InvalidParams("contentChanges 中的项缺少 text");
      TextChange change;
      change.text = c["text"].get<std::string>();
      if (c.contains("range")) {
        change.range = range_from_json(c["range"]);
        if (!change.range) throw InvalidParams("contentChanges 中的 range 无效");
      }
      parsed.push_back(std::move(change));
    }
    int64_t version = td.contains("version") && td["version"].is_number_integer()
                          ? td["version"].get<int64_t>()
                          : it->second->version() + 1;
    if (version <= it->second->version())
      log(2, "文档版本倒退 (" + std::to_string(it->second->version()) + " → " +
                 std::to_string(version) + "): " + uri);
    it->second = it->second->apply(version, parsed, encoding_);
    schedule(it->second);
  }

  void on_did_close(const json &params) {
    std::string uri = uri_of(params);
    documents_.erase(uri);
    doc_settings_.erase(uri);
    scheduler_.close(uri);
    // Reopened, the document starts afresh: plugins disabled for it run again (and a new fault is
    // announced again).  The hosts may be busy with another document: not on main.
    for (auto it = logged_.lower_bound(uri + '\n'); it != logged_.end() && it->starts_with(uri + '\n');)
      it = logged_.erase(it);
    if (host_)
      asio::post(pool_, [uri, hosts = std::vector{host_, interactive_host_}] {
        hosts[0]->close(uri);
        if (hosts[1] != hosts[0]) hosts[1]->close(uri);
      });
    if (!pull_diagnostics_)
      send(notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
  }

  void on_did_save(const json &params) {
    // A saved workspace settings file changes the settings of every document below it.
    std::string uri = uri_of(params);
    if (workspace_.is_settings_file(uri)) {
      workspace_.forget_cache();
      refresh_all();
    }
  }

  // The user's settings merged with the document's workspace file, kept until they change.
  void refresh_settings(const std::string &uri) {
    std::vector<std::string> warnings;
    doc_settings_[uri] = std::make_shared<const Settings>(workspace_.settings_for(uri, *settings_, warnings));
    for (const std::string &w : warnings) log_once(2, w);
  }

  // After the settings changed: every open document gets them and is analysed again.
  void refresh_all() {
    for (const auto &[uri, doc] : documents_) {
      refresh_settings(uri);
      schedule(doc);
    }
  }

  void schedule(const std::shared_ptr<const TextDocument> &doc) {
    scheduler_.update(doc, host_, doc_settings_.at(doc->uri()));
  }

  void on_analysis(const Analysis &a) {
    for (const PluginProblem &p : a.result->problems) {
      if (!p.disabled) {
        log_once(1, "插件 " + p.plugin + ": " + p.message);
      } else if (logged_.insert(a.doc->uri() + '\n' + p.plugin).second) {
        // A crashed or hung plugin, now off for this document: worth a pop-up, once.
        std::string text = "插件 " + p.plugin + " " + p.message + "：" + a.doc->uri();
        log(1, text);
        send(notification("window/showMessage", {{"type", 1}, {"message", text}}));
      }
    }
    if (!pull_diagnostics_) {
      // Built in place and moved along: a 1 MB report has thousands of diagnostics.
      json params = {{"uri", a.doc->uri()}, {"version", a.doc->version()}};
      params["diagnostics"] = diagnostics_json(*a.result, *a.doc, encoding_, *a.settings);
      send(notification("textDocument/publishDiagnostics", std::move(params)));
    }
    json facts = a.result->facts;
    auto &last = facts_[a.doc->uri()];
    if (facts != last) {
      last = facts;
      send(notification("reportls/documentStatus", {{"uri", a.doc->uri()}, {"facts", facts}}));
    }
  }

  std::shared_ptr<const TextDocument> document(const json &params) {
    std::string uri = uri_of(params);
    auto it = documents_.find(uri);
    if (it == documents_.end()) throw InvalidParams("文档未打开: " + uri);
    return it->second;
  }

  // ---- requests answered from analysis -------------------------------------------------------

  // Runs `work` on the pool against the snapshot `doc` and answers with what it returns.
  void on_pool(const std::shared_ptr<const TextDocument> &doc, Reply reply,
               std::function<json(const PluginHost &, const DocumentInput &, const CancelToken &)> work) {
    std::string settings = doc_settings_.at(doc->uri())->raw.dump();
    asio::post(pool_, [doc, host = interactive_host_, reply, work = std::move(work), settings = std::move(settings)] {
      if (reply->token.cancelled()) return;
      DocumentInput input{doc->uri(), doc->text(), doc->version(), settings};
      reply->ok(work(*host, input, reply->token));
    });
  }

  // Answers from the newest finished analysis, or runs the analyzers with `capabilities` on the
  // pool right away (symbols must not wait for the diagnostics debounce).
  void with_analysis(const std::shared_ptr<const TextDocument> &doc, uint32_t capabilities, Reply reply,
                     std::function<json(const AnalysisResult &, const TextDocument &)> render) {
    if (const Analysis *a = scheduler_.current(doc->uri()))
      return reply->ok(render(*a->result, *a->doc));
    on_pool(doc, reply, [doc, capabilities, render](const PluginHost &host, const DocumentInput &input,
                                                    const CancelToken &token) {
      return render(host.analyze(input, token, capabilities), *doc);
    });
  }

  // The byte offset of params.position in doc.
  uint32_t offset_of(const json &params, const TextDocument &doc) const {
    auto position = position_from_json(member(params, "position"));
    if (!position) throw InvalidParams("position 无效");
    return doc.lines().offset(*position, encoding_);
  }

  void on_document_symbol(const json &params, Reply reply) {
    with_analysis(document(params), REPORTLS_CAP_SYMBOLS, reply,
                  [e = encoding_](const AnalysisResult &r, const TextDocument &d) {
                    return document_symbols_json(r, d, e);
                  });
  }

  void on_folding_range(const json &params, Reply reply) {
    with_analysis(document(params), REPORTLS_CAP_FOLDING, reply,
                  [](const AnalysisResult &r, const TextDocument &d) { return folding_ranges_json(r, d); });
  }

  void on_pull_diagnostics(const json &params, Reply reply) {
    auto doc = document(params);
    std::string previous = params.is_object() && params.contains("previousResultId") &&
                                   params["previousResultId"].is_string()
                               ? params["previousResultId"].get<std::string>()
                               : "";
    scheduler_.when_current(doc->uri(), [this, reply, previous](const Analysis *a) {
      if (!a) return reply->error(error_code::ContentModified, "文档已关闭");
      std::string id = std::to_string(a->doc->version()) + ":" + std::to_string(reinterpret_cast<uintptr_t>(a->result.get()));
      if (id == previous) return reply->ok({{"kind", "unchanged"}, {"resultId", id}});
      reply->ok({{"kind", "full"},
                 {"resultId", id},
                 {"items", diagnostics_json(*a->result, *a->doc, encoding_, *a->settings)}});
    });
  }

  void on_code_action(const json &params, Reply reply) {
    auto doc = document(params);
    auto range = range_from_json(member(params, "range"));
    if (!range) throw InvalidParams("range 无效");
    scheduler_.when_current(doc->uri(), [this, reply, range = *range, doc](const Analysis *a) {
      // Fixes are byte edits of the analysed snapshot: never offer them for another version.
      if (!a || a->doc != doc) return reply->ok(json::array());
      reply->ok(code_actions_json(*a->result, *a->doc, encoding_, *a->settings, range));
    });
  }

  void on_completion(const json &params, Reply reply) {
    auto doc = document(params);
    uint32_t offset = offset_of(params, *doc);
    on_pool(doc, reply, [doc, offset, e = encoding_](const PluginHost &host, const DocumentInput &input,
                                                     const CancelToken &token) {
      return completion_list_json(host.complete(input, offset, token), *doc, e);
    });
  }

  void on_completion_resolve(const json &params, Reply reply) {
    if (!params.is_object()) throw InvalidParams("completionItem/resolve 的参数应为 CompletionItem");
    json item = params;
    if (item.contains("data") && item["data"].is_object()) {
      const json &data = item["data"];
      if (data.contains("documentation") && data["documentation"].is_string() &&
          !data["documentation"].get<std::string>().empty())
        item["documentation"] = {{"kind", "markdown"}, {"value", data["documentation"]}};
    }
    reply->ok(item);
  }

  void on_hover(const json &params, Reply reply) {
    auto doc = document(params);
    uint32_t offset = offset_of(params, *doc);
    on_pool(doc, reply, [doc, offset, e = encoding_](const PluginHost &host, const DocumentInput &input,
                                                     const CancelToken &token) {
      return hover_json(host.hover(input, offset, token), *doc, e);
    });
  }

  // ---- logging -------------------------------------------------------------------------------

  // type: 1 error, 2 warning, 3 info (MessageType).
  void log(int type, const std::string &message) {
    std::cerr << "reportls: " << message << '\n';
    if (initialized_) send(notification("window/logMessage", {{"type", type}, {"message", message}}));
  }

  // Plugin problems repeat on every keystroke; say each once.
  void log_once(int type, const std::string &message) {
    if (logged_.insert(message).second) log(type, message);
  }

  ServerOptions options_;
  asio::io_context main_;
  asio::io_context write_ctx_;
  asio::executor_work_guard<asio::io_context::executor_type> write_guard_ = asio::make_work_guard(write_ctx_);
  std::thread write_thread_;
  FrameWriter writer_;
  asio::thread_pool pool_;
  Scheduler scheduler_;

  bool initialized_ = false;
  bool shutdown_ = false;
  int exit_code_ = 1;
  bool pull_diagnostics_ = false;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::shared_ptr<const Settings> settings_ = std::make_shared<const Settings>();
  WorkspaceSettings workspace_;
  std::shared_ptr<const PluginHost> host_;              // diagnostics (the scheduler)
  std::shared_ptr<const PluginHost> interactive_host_;  // outline, folding, completion, hover
  std::shared_ptr<const Settings> loaded_;  // the settings the plugins were loaded with
  std::map<std::string, std::shared_ptr<const TextDocument>> documents_;
  std::map<std::string, std::shared_ptr<const Settings>> doc_settings_;  // one per open document
  std::map<std::string, std::weak_ptr<ReplyState>> pending_;
  std::map<std::string, json> facts_;
  std::set<std::string> logged_;
};

}  // namespace

int run_server(const ServerOptions &options) {
  // Deliberately never destroyed: the detached reader thread may still be blocked in read() and
  // worker threads may still be inside a plugin; the process ends right after this returns.
  auto *session = new Session(options);
  return session->run();
}

}  // namespace reportls::lsp
