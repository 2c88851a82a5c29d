// The session's threads, dispatch and lifecycle.  Document and feature handlers: handlers.cpp.
#include "lsp/server/session.h"

#include "lsp/engine/settings_check.h"
#include "lsp/host/memory.h"

#include <boost/asio/post.hpp>

#include <iostream>
#include <utility>

namespace reportls::lsp {

namespace asio = boost::asio;
using nlohmann::json;

static_assert(cancel_reason::RequestCancelled == error_code::RequestCancelled &&
              cancel_reason::ContentModified == error_code::ContentModified);

ReplyState::~ReplyState() {
  if (!sent_.exchange(true)) send_(error_response(id_, error_code::InternalError, "request dropped without a reply"));
}

void ReplyState::ok(json result) {
  if (!sent_.exchange(true)) send_(response(id_, std::move(result)));
}

void ReplyState::ok_text(std::string_view result_json) {
  if (!sent_.exchange(true)) send_(response_text(id_, result_json));
}

void ReplyState::error(int code, std::string_view message) {
  if (!sent_.exchange(true)) send_(error_response(id_, code, message));
}

Session::Session(const ServerOptions &options)
    : options_(options),
      write_guard_(asio::make_work_guard(write_ctx_)),
      writer_(options.output_fd),
      engine_(main_, EngineOptions{options.plugin_dirs, options.isolate_plugins, analysis_executable(), options.files},
              EngineEvents{[this](const Analysis &a) { on_analysis(a); },
                           [this](const std::string &uri, const PluginProblem &p) { on_problem(uri, p); },
                           [this](int type, const std::string &m) { log(type, m); },
                           [this](const std::string &m) { show(2, m); }}) {
  inlet_->session = this;
  on("initialize", &Session::on_initialize);
  on("shutdown", &Session::on_shutdown);
  on("textDocument/documentSymbol", &Session::on_document_symbol);
  on("textDocument/foldingRange", &Session::on_folding_range);
  on("textDocument/diagnostic", &Session::on_pull_diagnostics);
  on("textDocument/codeAction", &Session::on_code_action);
  on("textDocument/formatting", &Session::on_formatting);
  on("textDocument/rangeFormatting", &Session::on_formatting);
  on("workspace/executeCommand", &Session::on_execute_command);
  on("textDocument/completion", &Session::on_completion);
  on("completionItem/resolve", &Session::on_completion_resolve);
  on("textDocument/inlineCompletion", &Session::on_inline_completion);
  on("textDocument/hover", &Session::on_hover);
  on("initialized", &Session::on_initialized);
  on("textDocument/didOpen", &Session::on_did_open);
  on("textDocument/didChange", &Session::on_did_change);
  on("textDocument/didClose", &Session::on_did_close);
  on("textDocument/didSave", &Session::on_did_save);
  on("workspace/didChangeConfiguration", &Session::on_did_change_configuration);
  on("$/cancelRequest", &Session::on_cancel);
}

Session::~Session() {
  {
    std::lock_guard lock(inlet_->mutex);
    inlet_->session = nullptr;
  }
  engine_.shutdown();
  // Flush every queued frame (the shutdown reply, final diagnostics) before the process ends.
  write_guard_.reset();
  if (write_thread_.joinable()) write_thread_.join();
}

int Session::run() {
  write_thread_ = std::thread([this] { write_ctx_.run(); });
  std::thread(read_loop, inlet_, options_.input_fd).detach();
  auto guard = asio::make_work_guard(main_);
  main_.run();
  return exit_code_;
}

// ---- threads ---------------------------------------------------------------------------------

void Session::read_loop(std::shared_ptr<Inlet> inlet, int fd) {
  FrameReader reader(fd);
  auto post = [&inlet](auto handler) {
    std::lock_guard lock(inlet->mutex);
    if (!inlet->session) return false;
    asio::post(inlet->session->main_, [s = inlet->session, handler = std::move(handler)]() mutable { handler(*s); });
    return true;
  };
  for (;;) {
    FrameReader::Frame frame = reader.next();
    if (frame.kind == FrameReader::Frame::Eof) {
      post([](Session &s) { s.stop(s.shutdown_ ? 0 : 1); });
      return;
    }
    bool posted = frame.kind == FrameReader::Frame::Error
                      ? post([why = frame.error](Session &s) {
                          s.log(1, "无法读取消息: " + why);
                          s.send(error_response(nullptr, error_code::ParseError, why));
                        })
                      : post([message = parse_message(frame.body)](Session &s) mutable { s.handle(std::move(message)); });
    if (!posted) return;
  }
}

void Session::send(std::string body) {
  ++writes_queued_;
  asio::post(write_ctx_, [this, body = std::move(body)]() mutable {
    writer_.write(std::exchange(body, {}));
    // The last answer of a burst is written: the pages freed meanwhile go back to the system,
    // or every keystroke's snapshot, result and JSON leaves its holes resident.
    if (--writes_queued_ == 0) release_free_memory();
  });
}

void Session::off_main(std::function<void()> work) { asio::post(write_ctx_, std::move(work)); }

void Session::stop(int code) {
  exit_code_ = code;
  main_.stop();
}

// type: 1 error, 2 warning, 3 info (MessageType).
void Session::log(int type, const std::string &message) {
  std::cerr << "reportls: " << message << '\n';
  if (initialized_) send(notification("window/logMessage", {{"type", type}, {"message", message}}));
}

// ---- dispatch (main thread) --------------------------------------------------------------------

template <class P>
void Session::on(const std::string &method, void (Session::*handler)(const P &)) {
  notifications_[method] = [this, handler](const json &params) {
    (this->*handler)(P::from_json(proto::Field(params, "params")));
  };
}

template <class P>
void Session::on(const std::string &method, void (Session::*handler)(const P &, Reply)) {
  requests_[method] = [this, handler](const json &params, Reply reply) {
    (this->*handler)(P::from_json(proto::Field(params, "params")), std::move(reply));
  };
}

void Session::handle(Incoming message) {
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

void Session::notify(const Incoming &message) {
  if (message.method == "exit") return stop(shutdown_ ? 0 : 1);
  // The spec drops notifications before initialize; after shutdown only exit counts.
  if (!initialized_ || shutdown_) return;
  auto it = notifications_.find(message.method);
  if (it == notifications_.end()) return;  // unknown notifications are ignored
  try {
    it->second(message.params);
  } catch (const std::exception &e) {
    log(1, message.method + ": " + e.what());
  }
}

void Session::request(const Incoming &message) {
  Reply reply = std::make_shared<ReplyState>(message.id, [this](std::string body) { send(std::move(body)); });
  if (message.method != "initialize" && !initialized_)
    return reply->error(error_code::ServerNotInitialized, "服务器尚未初始化");
  if (message.method == "initialize" && initialized_)
    return reply->error(error_code::InvalidRequest, "initialize 只能调用一次");
  if (shutdown_) return reply->error(error_code::InvalidRequest, "服务器正在关闭");
  auto it = requests_.find(message.method);
  if (it == requests_.end()) return reply->error(error_code::MethodNotFound, "未知方法: " + message.method);
  remember(message.id, reply);
  try {
    it->second(message.params, reply);
  } catch (const proto::InvalidParams &e) {
    reply->error(error_code::InvalidParams, e.what());
  } catch (const std::exception &e) {
    reply->error(error_code::InternalError, e.what());
  }
}

// Requests that may still be answered later, by id, for $/cancelRequest.
void Session::remember(const json &id, const Reply &reply) {
  if (pending_.size() > 256) std::erase_if(pending_, [](const auto &p) { return p.second.expired(); });
  pending_[id.dump()] = reply;
}

void Session::on_cancel(const proto::CancelParams &params) {
  auto it = pending_.find(params.id.dump());
  if (it == pending_.end()) return;
  if (Reply reply = it->second.lock()) {
    reply->token.cancel(error_code::RequestCancelled);
    reply->error(error_code::RequestCancelled, "请求已取消");
  }
  pending_.erase(it);
}

// ---- lifecycle -------------------------------------------------------------------------------

void Session::on_initialize(const proto::InitializeParams &params, Reply reply) {
  client_ = params.capabilities;
  encoding_ = client_.encoding();
  diagnostic_form_ = {encoding_, client_.code_descriptions,
                      std::make_shared<const std::vector<std::string>>(client_.client_rule_docs)};
  Settings settings = Settings::from_json(params.initialization_options);
  initialized_ = true;
  // The answer names the plugins' completion triggers: it waits (in the engine, not on main) for
  // the analysis process to say which plugins it loaded.  The settings are checked then, when the
  // plugins whose rules they may name are known.
  engine_.start(std::move(settings), params.workspace_roots,
                [this, reply, options = params.initialization_options](const std::vector<PluginInfo> &plugins) {
    check_client_settings(options, "initializationOptions");
    proto::ServerCapabilities caps{encoding_, client_.pull_diagnostics, {}, client_.inline_completion};
    for (const PluginInfo &p : plugins)
      if (p.active)
        for (const std::string &c : p.trigger_characters)
          if (std::find(caps.trigger_characters.begin(), caps.trigger_characters.end(), c) == caps.trigger_characters.end())
            caps.trigger_characters.push_back(c);
    reply->ok({{"capabilities", caps.to_json()}, {"serverInfo", {{"name", "reportls"}, {"version", REPORTLS_VERSION}}}});
  });
}

void Session::on_shutdown(const NoParams &, Reply reply) {
  shutdown_ = true;
  engine_.shutdown();
  reply->ok(nullptr);
}

void Session::on_did_change_configuration(const proto::DidChangeConfigurationParams &params) {
  // Some clients (eglot) announce a change with no settings at all: that is not "reset
  // everything", so the settings in force stay.
  if (params.settings.is_null()) return;
  check_client_settings(params.settings, "设置（workspace/didChangeConfiguration）");
  engine_.configure(Settings::from_json(params.settings));
}

void Session::check_client_settings(const json &settings, const std::string &source) {
  for (const SettingProblem &p : check_settings(settings, Catalog::bundled(), engine_.plugin_names()))
    show(2, describe(p, source));
}

// type: 1 error, 2 warning (MessageType).  Logged too: a pop-up is gone once closed.
void Session::show(int type, const std::string &message) {
  log(type, message);
  if (initialized_) send(notification("window/showMessage", {{"type", type}, {"message", "reportls: " + message}}));
}

}  // namespace reportls::lsp
