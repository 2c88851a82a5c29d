// session.h — one LSP session: the binding of the protocol (protocol/) to the engine (engine/).
// Private to server/; run_server (server.h) is its only user.
//
// Threads (ARCHITECTURE.md): a reader thread cuts frames and parses JSON, then posts each message
// to main; main (one io_context) runs every handler, owns the session state and the engine, and
// never blocks; a writer thread serialises outgoing frames.  Handlers get typed params
// (protocol/types.h): a wrong type was already answered InvalidParams with its field path.
// Requests answer through a Reply exactly once (a Reply dropped unanswered answers InternalError);
// an exception in a handler answers InternalError and the session goes on.
#pragma once

#include "lsp/engine/engine.h"
#include "lsp/protocol/capabilities.h"
#include "lsp/protocol/convert.h"
#include "lsp/protocol/jsonrpc.h"
#include "lsp/protocol/transport.h"
#include "lsp/protocol/types.h"
#include "lsp/server/server.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace reportls::lsp {

// Answers one request exactly once, from any thread.
class ReplyState {
 public:
  ReplyState(nlohmann::json id, std::function<void(std::string)> send) : id_(std::move(id)), send_(std::move(send)) {}
  ~ReplyState();
  void ok(nlohmann::json result);
  void ok_text(std::string_view result_json);  // a result already written as JSON text
  void error(int code, std::string_view message);
  CancelToken token;

 private:
  nlohmann::json id_;
  std::function<void(std::string)> send_;
  std::atomic<bool> sent_{false};
};
using Reply = std::shared_ptr<ReplyState>;

class Session {
 public:
  explicit Session(const ServerOptions &options);
  ~Session();
  int run();

 private:
  // The reader thread's way in: cleared when the session ends, so a read that completes later
  // (the reader may stay blocked in read() until the process exits) posts nowhere.
  struct Inlet {
    std::mutex mutex;
    Session *session = nullptr;
  };
  static void read_loop(std::shared_ptr<Inlet> inlet, int fd);

  void send(std::string body);
  // Runs `work` on the writer thread, before the frames queued after it: building a large answer
  // (the diagnostics of a big report) off the main thread.
  void off_main(std::function<void()> work);
  void stop(int code);
  void log(int type, const std::string &message);

  // dispatch (server.cpp)
  void handle(Incoming message);
  void notify(const Incoming &message);
  void request(const Incoming &message);
  void remember(const nlohmann::json &id, const Reply &reply);
  template <class P>
  void on(const std::string &method, void (Session::*handler)(const P &));
  template <class P>
  void on(const std::string &method, void (Session::*handler)(const P &, Reply));

  // lifecycle (server.cpp)
  struct NoParams {
    static NoParams from_json(const proto::Field &) { return {}; }
  };
  void on_initialize(const proto::InitializeParams &params, Reply reply);
  void on_initialized(const NoParams &) {}
  void on_shutdown(const NoParams &, Reply reply);
  void on_cancel(const proto::CancelParams &params);
  void on_did_change_configuration(const proto::DidChangeConfigurationParams &params);

  // documents and features (handlers.cpp)
  void on_did_open(const proto::DidOpenParams &params);
  void on_did_change(const proto::DidChangeParams &params);
  void on_did_close(const proto::DocumentParams &params);
  void on_did_save(const proto::DocumentParams &params);
  void on_document_symbol(const proto::DocumentParams &params, Reply reply);
  void on_folding_range(const proto::DocumentParams &params, Reply reply);
  void on_pull_diagnostics(const proto::DocumentDiagnosticParams &params, Reply reply);
  void on_code_action(const proto::CodeActionParams &params, Reply reply);
  void on_formatting(const proto::FormattingParams &params, Reply reply);
  void on_execute_command(const proto::ExecuteCommandParams &params, Reply reply);
  void on_completion(const proto::PositionParams &params, Reply reply);
  void on_inline_completion(const proto::InlineCompletionParams &params, Reply reply);
  void on_completion_resolve(const proto::CompletionItemParams &params, Reply reply);
  void on_hover(const proto::PositionParams &params, Reply reply);
  void on_analysis(const Analysis &a);
  void on_problem(const std::string &uri, const PluginProblem &p);
  // The mistakes in a settings object from the client (settings_check.h), logged and shown.
  void check_client_settings(const nlohmann::json &settings, const std::string &source);
  void show(int type, const std::string &message);
  std::shared_ptr<const TextDocument> document(const std::string &uri) const;  // throws InvalidParams
  static void answer(const Reply &reply, nlohmann::json result);  // or the token's error
  static void answer_text(const Reply &reply, std::string_view result_json);  // the same, as JSON text
  static bool refused_as_cancelled(const Reply &reply);  // answers the token's error if it was cancelled

  ServerOptions options_;
  // Declared before main_: handlers still queued on main when the session ends hold Replies, whose
  // destructors send (into write_ctx_, never run by then).
  boost::asio::io_context write_ctx_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> write_guard_;
  std::thread write_thread_;
  FrameWriter writer_;
  std::atomic<unsigned> writes_queued_{0};  // frames sent and not yet written
  boost::asio::io_context main_;
  std::shared_ptr<Inlet> inlet_ = std::make_shared<Inlet>();
  Engine engine_;  // after main_, which it posts to

  std::map<std::string, std::function<void(const nlohmann::json &)>> notifications_;
  std::map<std::string, std::function<void(const nlohmann::json &, Reply)>> requests_;
  bool initialized_ = false;
  bool shutdown_ = false;
  int exit_code_ = 1;
  proto::ClientCapabilities client_;  // read once in initialize, kept for the session
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  DiagnosticForm diagnostic_form_;  // made from client_ in initialize; copied to the threads that write
  const DiagnosticForm &diagnostic_form() const { return diagnostic_form_; }
  std::map<std::string, std::weak_ptr<ReplyState>> pending_;
  std::map<std::string, std::map<std::string, std::string>> facts_;
};

}  // namespace reportls::lsp
