#include "lsp/host/worker_loop.h"

#include "lsp/host/call_board.h"
#include "lsp/host/memory.h"
#include "lsp/host/worker_protocol.h"
#include "lsp/protocol/transport.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace reportls::lsp {
namespace {

using nlohmann::json;

// The {"id": N, "crashed": true} frame of the request being run, encoded before the plugins are
// called, so the signal handler only has to write() it.
struct CrashFrame {
  char bytes[256];
  std::atomic<size_t> size{0};
  int fd = -1;
};
CrashFrame crash_frame;

void prepare_crash_frame(int64_t id) {
  const std::string body = worker::dump({{"id", id}, {"crashed", true}});
  const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  crash_frame.size.store(0);
  if (frame.size() > sizeof crash_frame.bytes) return;
  std::memcpy(crash_frame.bytes, frame.data(), frame.size());
  crash_frame.size.store(frame.size());
}

void on_fatal_signal(int sig) {
  const size_t n = crash_frame.size.load();
  if (n > 0 && crash_frame.fd >= 0) {
    ssize_t ignored = ::write(crash_frame.fd, crash_frame.bytes, n);
    (void)ignored;
  }
  // Die of the same signal: the default action back (SA_RESETHAND did it already, unless a
  // sanitizer's emulation of sigaction did not), and the signal raised again; it is delivered as
  // soon as this handler returns.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void install_crash_handler(int fd) {
  crash_frame.fd = fd;
  struct sigaction action {};
  action.sa_handler = on_fatal_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(sig, &action, nullptr);
}

// Applies the text of one message of a request's "doc" (the document's or a related document's)
// to the texts the worker holds (its "text" is moved from).  False when it is a change to a text
// no longer held (the host then sends it whole).  Throws json::exception on a malformed doc.
bool apply_text(worker::HeldTexts &texts, const std::string &uri, json &doc) {
  const uint64_t serial = doc.at("serial").get<uint64_t>();
  std::string &middle = doc.at("text").get_ref<std::string &>();
  if (!doc.contains("base")) return texts.hold(uri, serial, std::move(middle)), true;
  worker::HeldTexts::Text *held = texts.find(uri);
  if (!held || held->serial != doc.at("base").get<uint64_t>()) return false;
  const size_t start = doc.at("start").get<size_t>(), end = doc.at("end").get<size_t>();
  if (start > end || end > held->text.bytes.size() ||
      held->text.bytes.size() - (end - start) + middle.size() != doc.at("length").get<size_t>())
    return false;
  worker::HeldTexts::replace(*held, start, end, middle);
  held->serial = serial;
  return true;
}

// The DocumentInput of a request's "doc", its texts (and its related documents') applied to the
// held texts first; nullopt when one of them was a change to a text no longer held.
std::optional<DocumentInput> apply_document(worker::HeldTexts &texts, json &d) {
  const std::string &uri = d.at("uri").get_ref<const std::string &>();
  if (!apply_text(texts, uri, d)) return std::nullopt;
  json &related = d.contains("related") ? d["related"] : d;
  if (related.is_array())
    for (json &r : related)
      if (!apply_text(texts, r.at("uri").get_ref<const std::string &>(), r)) return std::nullopt;
  // Pointers are taken once every text is in place (holding one may drop the least recently used).
  const worker::HeldText &held = texts.find(uri)->text;
  DocumentInput input{uri,           held.bytes, d.at("version").get<int64_t>(), d.at("settings").get<std::string>(),
                      d.value("path", ""), {}, d.value("defer_fix_edits", false), held.origin};
  if (related.is_array())
    for (json &r : related) {
      const std::string ruri = r.at("uri").get<std::string>();
      input.related.push_back({r.at("role").get<std::string>(), ruri, r.value("path", ""),
                               texts.find(ruri)->text.bytes, r.value("version", int64_t{0})});
    }
  return input;
}

}  // namespace

int run_analysis_worker(const PluginHostOptions &base, int call_board_fd, bool batch) {
  // Plugins may print to stdout; only our frames may reach the host.  Keep the pipe on a private
  // descriptor and point stdout at stderr.
  int out = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (out < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 1;
  FrameWriter writer(out);
  std::unique_ptr<CallBoard> board;
  if (call_board_fd >= 0) {
    std::string why;
    board = CallBoard::attach(call_board_fd, why);
    if (!board) {
      std::fprintf(stderr, "reportls-analysis: %s\n", why.c_str());
      return 2;
    }
    fcntl(call_board_fd, F_SETFD, FD_CLOEXEC);  // a plugin's own child processes do not get it
  }

  // The request being run and the plugins' places in the hello, for before_call (main thread only).
  int64_t current = -1;
  std::set<std::string> skip;
  std::map<std::string, uint16_t, std::less<>> index;
  const auto post = [&](const std::string &plugin, bool creating) {
    if (!board) return;
    const auto it = index.find(plugin);
    board->post(static_cast<uint32_t>(current), it == index.end() ? CallBoard::kNoPlugin : it->second, creating);
  };
  PluginHostOptions options = base;
  options.before_call = [&](const std::string &plugin) {
    if (skip.count(plugin)) return false;
    post(plugin, false);
    return true;
  };
  options.before_create = [&](const std::string &plugin) { post(plugin, true); };
  auto host = make_in_process_host(options);
  const std::vector<PluginInfo> &plugins = host->plugins();
  for (size_t i = 0; i < plugins.size() && i < CallBoard::kNoPlugin; ++i)
    index.emplace(plugins[i].name, static_cast<uint16_t>(i));
  install_crash_handler(out);
  writer.write(worker::dump({{"hello", {{"plugins", worker::encode(host->plugins())}}}}));

  worker::HeldTexts texts;
  // Shared with the reader thread.
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<json> requests;
  int64_t running = -1;
  CancelToken running_token;

  std::thread([&] {
    FrameReader reader(STDIN_FILENO, kMaxFrameBody, true);  // its server wrote every frame
    for (;;) {
      FrameReader::Frame frame = reader.next();
      // The host is gone: even a plugin stuck in a loop must not outlive it.
      if (frame.kind == FrameReader::Frame::Eof) _exit(0);
      if (frame.kind != FrameReader::Frame::Message) continue;
      json message = worker::parse(std::move(frame.body));
      if (!message.is_object()) continue;
      std::lock_guard lock(mutex);
      if (message.contains("cancel")) {
        if (message["cancel"] == running) running_token.cancel(cancel_reason::RequestCancelled);
        continue;
      }
      requests.push_back(std::move(message));
      cv.notify_one();
    }
  }).detach();

  // After requests, free pages go back to the system (memory.h) when no request has come for a
  // moment, or before a request for another document: the next keystroke's request for the same
  // document needs the same pages again, and giving them back and faulting them in after every
  // keystroke took a quarter of the process's time on a 1 MB report and half of it on a 20 KB one.
  bool unreleased = false;  // requests served since the last release
  std::string served;       // the document of the last request served
  for (;;) {
    json request;
    CancelToken token;
    {
      std::unique_lock lock(mutex);
      const auto waiting = [&] { return !requests.empty(); };
      if (unreleased && !cv.wait_for(lock, kReleaseWhenIdleFor, waiting)) {
        lock.unlock();
        release_free_memory();
        unreleased = false;
        lock.lock();
      }
      cv.wait(lock, waiting);
      request = std::move(requests.front());
      requests.pop_front();
      running = request.value("id", int64_t{-1});
      running_token = CancelToken();
      token = running_token;
    }
    if (request.contains("close")) {
      const std::string uri = request["close"].is_string() ? request["close"].get<std::string>() : "";
      texts.forget(uri);
      host->close(uri);
      continue;
    }
    current = running;
    prepare_crash_frame(current);
    json result;
    std::optional<std::string> analysis;  // an analyze call's result, already encoded
    try {
      skip = request.value("skip", std::set<std::string>());
      const std::optional<DocumentInput> input = apply_document(texts, request.at("doc"));
      if (!input) {
        writer.write(worker::dump({{"id", current}, {"resend", true}}));
        continue;
      }
      if (unreleased && input->uri != served) release_free_memory();
      served = input->uri;
      unreleased = !batch;
      std::string method = request.at("method");
      if (method == "analyze")
        analysis = host->analyze_encoded(*input, token, request.at("capabilities").get<uint32_t>());
      else if (method == "complete")
        result = worker::encode(host->complete(*input, request.at("offset").get<uint32_t>(), token));
      else if (method == "hover")
        result = worker::encode(host->hover(*input, request.at("offset").get<uint32_t>(), token));
    } catch (const json::exception &) {
      result = nullptr;  // the host cannot decode it and starts afresh
    }
    {  // the result is sent from where it lies, and freed before the process may go idle
      json reply = {{"id", current}};
      if (!analysis) reply["result"] = std::move(result);
      const worker::Body body =
          analysis ? worker::dump_parts(std::move(reply), json::json_pointer("/result"), *analysis, true)
                   : worker::dump_parts(reply);
      writer.write(body.packed, body.attached);
    }
    request = nullptr;
  }
}

}  // namespace reportls::lsp
