#include "lsp/worker_host.h"

#include "lsp/jsonrpc.h"
#include "lsp/transport.h"
#include "lsp/worker_protocol.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace reportls::lsp {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char *kWorkerName = "(分析进程)";

// What the reader thread hands over.  Shared with the (detached) reader thread, so that a worker
// whose output pipe is somehow kept open never blocks whoever stops it.
struct Inbox {
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<json> messages;
  bool closed = false;  // end of the worker's output, or garbage on it
};

// One running worker process.  Used under the host's mutex only.
class Process {
 public:
  enum class Wait { Message, Closed, Timeout };

  // argv[0] is the executable.  On failure running() is false and `error` says why.
  explicit Process(const std::vector<std::string> &argv) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0) {
      error = std::strerror(errno);
      return;
    }
    if (pipe2(out, O_CLOEXEC) != 0) {
      error = std::strerror(errno);
      ::close(in[0]);
      ::close(in[1]);
      return;
    }
    std::vector<char *> args;
    for (const std::string &a : argv) args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
      // Only async-signal-safe calls until exec: other threads may hold locks.  Pool threads
      // block every signal, and the mask survives exec: clear it.  O_CLOEXEC closes the rest.
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      if (dup2(in[0], STDIN_FILENO) < 0 || dup2(out[1], STDOUT_FILENO) < 0) _exit(127);
      execv(args[0], args.data());
      _exit(127);
    }
    int fork_errno = errno;
    ::close(in[0]);
    ::close(out[1]);
    if (pid < 0) {
      error = std::strerror(fork_errno);
      ::close(in[1]);
      ::close(out[0]);
      return;
    }
    pid_ = pid;
    to_ = in[1];
    writer_ = std::make_unique<FrameWriter>(to_);
    std::thread([inbox = inbox_, fd = out[0]] {
      FrameReader reader(fd);
      for (;;) {
        FrameReader::Frame frame = reader.next();
        json message;
        if (frame.kind == FrameReader::Frame::Message)
          message = worker::parse(frame.body);
        std::lock_guard lock(inbox->mutex);
        if (!message.is_object()) {
          inbox->closed = true;
          inbox->cv.notify_all();
          break;
        }
        inbox->messages.push_back(std::move(message));
        inbox->cv.notify_all();
      }
      ::close(fd);
    }).detach();
  }

  ~Process() { stop(0ms); }

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

  void send(const json &message) { writer_->write(worker::dump(message)); }

  // The next message from the worker, waiting until `deadline`.
  Wait next(json &out, Clock::time_point deadline) {
    std::unique_lock lock(inbox_->mutex);
    inbox_->cv.wait_until(lock, deadline, [&] { return !inbox_->messages.empty() || inbox_->closed; });
    if (!inbox_->messages.empty()) {
      out = std::move(inbox_->messages.front());
      inbox_->messages.pop_front();
      return Wait::Message;
    }
    return inbox_->closed ? Wait::Closed : Wait::Timeout;
  }

  // Lets the worker exit by itself for up to `grace`, then SIGKILLs it; reaps it either way and
  // returns its wait status.
  int stop(std::chrono::milliseconds grace) {
    if (pid_ > 0) {
      int status = 0;
      pid_t r = 0;
      auto until = Clock::now() + grace;
      while ((r = waitpid(pid_, &status, WNOHANG)) == 0 && Clock::now() < until)
        std::this_thread::sleep_for(2ms);
      if (r == 0) {
        ::kill(pid_, SIGKILL);
        while ((r = waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
        }
      }
      status_ = status;
      pid_ = -1;
    }
    if (to_ >= 0) {
      writer_.reset();
      ::close(to_);
      to_ = -1;
    }
    return status_;
  }

  std::string error;

 private:
  pid_t pid_ = -1;
  int to_ = -1;
  int status_ = 0;
  std::unique_ptr<FrameWriter> writer_;
  std::shared_ptr<Inbox> inbox_ = std::make_shared<Inbox>();
};

std::string death_of(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char *name = sigabbrev_np(sig);
    return "崩溃（信号 " + std::to_string(sig) + (name ? std::string("，SIG") + name : "") + "）";
  }
  if (WIFEXITED(status)) return "使分析进程退出（退出码 " + std::to_string(WEXITSTATUS(status)) + "）";
  return "使分析进程异常结束";
}

class WorkerHost final : public PluginHost {
 public:
  WorkerHost(const PluginHostOptions &plugins, const WorkerHostOptions &worker) : options_(worker) {
    argv_ = {worker.executable, "--analysis-worker"};
    for (const std::string &d : plugins.plugin_dirs) argv_.insert(argv_.end(), {"--plugin-dir", d});
    for (const std::string &d : plugins.data_dirs) argv_.insert(argv_.end(), {"--data-dir", d});
    std::string why;
    if (!start(why))
      infos_.push_back({"", "", "", worker.executable, 0, false, "无法启动分析进程: " + why});
  }

  const std::vector<PluginInfo> &plugins() const override { return infos_; }

  AnalysisResult analyze(const DocumentInput &doc, const CancelToken &token,
                         uint32_t capabilities) const override {
    AnalysisResult r = call<AnalysisResult>("analyze", doc, {{"capabilities", capabilities}}, token,
                                            worker::decode_analysis);
    r.version = doc.version;
    return r;
  }

  CompletionResult complete(const DocumentInput &doc, uint32_t offset,
                            const CancelToken &token) const override {
    return call<CompletionResult>("complete", doc, {{"offset", offset}}, token, worker::decode_completion);
  }

  HoverResult hover(const DocumentInput &doc, uint32_t offset, const CancelToken &token) const override {
    return call<HoverResult>("hover", doc, {{"offset", offset}}, token, worker::decode_hover);
  }

  // The worker's own copy of the text ages out of its HeldTexts.
  void close(const std::string &uri) const override {
    std::lock_guard lock(busy_);
    sent_.forget(uri);
    disabled_.erase(uri);
  }

 private:
  struct Outcome {
    // Resend: the worker no longer holds the text the request's change applies to.
    enum Kind { Ok, Fault, Abandoned, Resend } kind = Abandoned;
    json result;
    std::string plugin;  // running when the fault happened; empty: none was
    std::string why;
  };

  // Starts a worker and waits for its hello.  Under busy_ (or in the constructor).
  bool start(std::string &why) const {
    auto process = std::make_unique<Process>(argv_);
    if (!process->running()) {
      why = process->error;
      return false;
    }
    // Loading reads every plugin's rule data: allow far more than one plugin call.
    auto deadline = Clock::now() + std::max<std::chrono::milliseconds>(options_.timeout, 15s);
    json hello;
    while (process->next(hello, deadline) == Process::Wait::Message) {
      if (!hello.contains("hello")) continue;
      try {
        std::vector<PluginInfo> infos = worker::decode_plugins(hello["hello"].at("plugins"));
        if (infos_.empty()) infos_ = std::move(infos);
        plugin_count_ = infos_.size();
        process_ = std::move(process);
        sent_.clear();  // a new process holds no text yet
        return true;
      } catch (const std::exception &e) {
        why = e.what();
        return false;
      }
    }
    int status = process->stop(200ms);
    why = "没有收到分析进程的问候消息（" + death_of(status) + "）";
    return false;
  }

  template <class Result, class Decode>
  Result call(const char *method, const DocumentInput &doc, json request, const CancelToken &token,
              Decode decode) const {
    Result result;
    std::unique_lock lock(busy_, std::defer_lock);
    while (!lock.try_lock_for(50ms))
      if (token.cancelled()) return result;
    if (token.cancelled()) return result;
    std::string uri(doc.uri);
    request["method"] = method;
    std::vector<PluginProblem> faults;  // worker failures no plugin can be blamed for
    for (size_t attempt = 0;; ++attempt) {
      if (!process_) {
        std::string why;
        if (!start(why)) {
          faults.push_back({kWorkerName, "无法启动分析进程: " + why});
          break;
        }
      }
      json skip = json::array();
      for (const auto &[plugin, why] : disabled_[uri]) skip.push_back(plugin);
      request["skip"] = std::move(skip);
      request["id"] = ++next_id_;
      request["doc"] = document_message(uri, doc);
      Outcome o = exchange(request, budget(doc.text.size()), token);
      if (o.kind == Outcome::Resend && request["doc"].contains("base")) {
        sent_.forget(uri);
        request["id"] = ++next_id_;
        request["doc"] = document_message(uri, doc);
        o = exchange(request, budget(doc.text.size()), token);
      }
      if (o.kind == Outcome::Resend) o = {Outcome::Fault, {}, "", "分析进程拒绝了完整的文档"};
      if (o.kind == Outcome::Ok) {
        try {
          result = decode(o.result);
          break;
        } catch (const std::exception &e) {
          process_.reset();  // it speaks garbage: start afresh next time
          o = {Outcome::Fault, {}, "", std::string("分析进程的回答无法解析: ") + e.what()};
        }
      }
      if (o.kind == Outcome::Abandoned) {
        if (!o.why.empty()) faults.push_back({kWorkerName, o.why});
        break;
      }
      bool newly_disabled = !o.plugin.empty() && disabled_[uri].emplace(o.plugin, o.why + "，已对此文档停用").second;
      if (o.plugin.empty()) faults.push_back({kWorkerName, o.why + "，已重启分析进程"});
      // Each retry disables one more plugin, so this ends; a fault nobody caused gets one retry.
      bool retry = newly_disabled ? attempt <= plugin_count_ : attempt == 0;
      if (!retry || token.cancelled()) break;
    }
    for (const auto &[plugin, why] : disabled_[uri]) result.problems.push_back({plugin, why, true});
    for (PluginProblem &p : faults) result.problems.push_back(std::move(p));
    return result;
  }

  // The per-plugin budget grows with the text beyond 1 MiB: analyzers are linear, and a 50 MB
  // document legitimately takes them seconds; a real hang is still caught.
  std::chrono::milliseconds budget(size_t bytes) const {
    return options_.timeout * static_cast<int64_t>(std::max<size_t>(1, (bytes + (1u << 20) - 1) >> 20));
  }

  // The "doc" of a request (worker_protocol.h): the whole text, or its change since the text this
  // worker last got for the uri.  Remembers what was sent.  Under busy_.
  json document_message(const std::string &uri, const DocumentInput &doc) const {
    json d = {{"uri", uri}, {"version", doc.version}, {"settings", doc.settings}, {"serial", ++next_serial_}};
    if (const worker::HeldTexts::Text *held = sent_.find(uri)) {
      const worker::Splice s = worker::splice_between(held->text, doc.text);
      d["base"] = held->serial;
      d["start"] = s.start;
      d["end"] = held->text.size() - s.suffix;
      d["length"] = doc.text.size();
      d["text"] = doc.text.substr(s.start, doc.text.size() - s.start - s.suffix);
    } else {
      d["text"] = doc.text;
    }
    sent_.hold(uri, next_serial_, std::string(doc.text));
    return d;
  }

  // Sends one request and waits for its answer.  Under busy_, with a running process_.
  Outcome exchange(const json &request, std::chrono::milliseconds budget, const CancelToken &token) const {
    const int64_t id = request["id"];
    process_->send(request);
    std::string plugin;
    auto deadline = Clock::now() + budget;
    bool cancel_sent = false;
    for (;;) {
      if (token.cancelled() && !cancel_sent) {
        process_->send({{"cancel", id}});
        cancel_sent = true;
      }
      json message;
      // Wake up now and then to pass on a cancellation.
      auto wake = std::min(deadline, Clock::now() + 50ms);
      Process::Wait w = process_->next(message, wake);
      if (w == Process::Wait::Message) {
        if (message.value("id", json()) != id) continue;
        if (message.contains("plugin") && message["plugin"].is_string()) {
          plugin = message["plugin"];
          deadline = Clock::now() + budget;  // the budget is per plugin call
        } else if (message.contains("result")) {
          return {Outcome::Ok, std::move(message["result"]), "", ""};
        } else if (message.contains("resend")) {
          return {Outcome::Resend, {}, "", ""};
        }
        continue;
      }
      if (w == Process::Wait::Closed) {
        // End of output first, exit status a moment later: give it time to finish dying.
        int status = process_->stop(1000ms);
        process_.reset();
        return {Outcome::Fault, {}, plugin, death_of(status)};
      }
      if (Clock::now() >= deadline) {
        process_->stop(0ms);
        process_.reset();
        return {Outcome::Fault, {}, plugin,
                "超过 " + std::to_string(budget.count()) + " 毫秒未返回（已终止）"};
      }
    }
  }

  WorkerHostOptions options_;
  std::vector<std::string> argv_;
  // Everything below is touched only under busy_ (or in the constructor).
  mutable std::timed_mutex busy_;
  mutable std::unique_ptr<Process> process_;
  mutable std::vector<PluginInfo> infos_;
  mutable size_t plugin_count_ = 0;
  mutable int64_t next_id_ = 0;
  // uri -> plugin -> why it is off for that document.
  mutable std::map<std::string, std::map<std::string, std::string>> disabled_;
  // The texts the running worker process was sent, the last per uri (worker_protocol.h).
  mutable worker::HeldTexts sent_;
  mutable uint64_t next_serial_ = 0;
};

// Applies a request's "doc" to the texts the worker holds (its "text" is moved from) and returns
// the document's text, or nullptr when doc is a change to a text no longer held (the host then
// sends it whole).  Throws json::exception on a malformed doc.
const std::string *apply_document(worker::HeldTexts &texts, const std::string &uri, json &doc) {
  const uint64_t serial = doc.at("serial").get<uint64_t>();
  std::string &middle = doc.at("text").get_ref<std::string &>();
  if (!doc.contains("base")) return &texts.hold(uri, serial, std::move(middle)).text;
  worker::HeldTexts::Text *held = texts.find(uri);
  if (!held || held->serial != doc.at("base").get<uint64_t>()) return nullptr;
  const size_t start = doc.at("start").get<size_t>(), end = doc.at("end").get<size_t>();
  if (start > end || end > held->text.size() ||
      held->text.size() - (end - start) + middle.size() != doc.at("length").get<size_t>())
    return nullptr;
  held->text.replace(start, end - start, middle);
  held->serial = serial;
  return &held->text;
}

}  // namespace

std::unique_ptr<PluginHost> make_worker_host(const PluginHostOptions &plugins,
                                             const WorkerHostOptions &worker) {
  return std::make_unique<WorkerHost>(plugins, worker);
}

std::unique_ptr<PluginHost> make_host(const PluginHostOptions &options, bool isolated,
                                      std::chrono::milliseconds timeout) {
  if (!isolated) return make_in_process_host(options);
  WorkerHostOptions worker;
  worker.timeout = timeout;
  return make_worker_host(options, worker);
}

int run_analysis_worker(const PluginHostOptions &base) {
  // Plugins may print to stdout; only our frames may reach the host.  Keep the pipe on a private
  // descriptor and point stdout at stderr.
  int out = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (out < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 1;
  FrameWriter writer(out);

  // The request being run, for before_call (main thread only).
  int64_t current = -1;
  std::set<std::string> skip;
  PluginHostOptions options = base;
  options.before_call = [&](const std::string &plugin) {
    if (skip.count(plugin)) return false;
    writer.write(worker::dump({{"id", current}, {"plugin", plugin}}));
    return true;
  };
  auto host = make_in_process_host(options);
  writer.write(worker::dump({{"hello", {{"plugins", worker::encode(host->plugins())}}}}));

  worker::HeldTexts texts;
  // Shared with the reader thread.
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<json> requests;
  int64_t running = -1;
  CancelToken running_token;

  std::thread([&] {
    FrameReader reader(STDIN_FILENO);
    for (;;) {
      FrameReader::Frame frame = reader.next();
      // The host is gone: even a plugin stuck in a loop must not outlive it.
      if (frame.kind == FrameReader::Frame::Eof) _exit(0);
      if (frame.kind != FrameReader::Frame::Message) continue;
      json message = worker::parse(frame.body);
      if (!message.is_object()) continue;
      std::lock_guard lock(mutex);
      if (message.contains("cancel")) {
        if (message["cancel"] == running) running_token.cancel(error_code::RequestCancelled);
        continue;
      }
      requests.push_back(std::move(message));
      cv.notify_one();
    }
  }).detach();

  for (;;) {
    json request;
    CancelToken token;
    {
      std::unique_lock lock(mutex);
      cv.wait(lock, [&] { return !requests.empty(); });
      request = std::move(requests.front());
      requests.pop_front();
      running = request.value("id", int64_t{-1});
      running_token = CancelToken();
      token = running_token;
    }
    current = running;
    json result;
    try {
      skip = request.value("skip", std::set<std::string>());
      json &d = request.at("doc");
      std::string uri = d.at("uri"), settings = d.at("settings");
      const std::string *text = apply_document(texts, uri, d);
      if (!text) {
        writer.write(worker::dump({{"id", current}, {"resend", true}}));
        continue;
      }
      DocumentInput input{uri, *text, d.at("version").get<int64_t>(), settings};
      std::string method = request.at("method");
      if (method == "analyze")
        result = worker::encode(host->analyze(input, token, request.at("capabilities").get<uint32_t>()));
      else if (method == "complete")
        result = worker::encode(host->complete(input, request.at("offset").get<uint32_t>(), token));
      else if (method == "hover")
        result = worker::encode(host->hover(input, request.at("offset").get<uint32_t>(), token));
    } catch (const json::exception &) {
      result = nullptr;  // the host cannot decode it and starts afresh
    }
    writer.write(worker::dump({{"id", current}, {"result", result}}));
  }
}

}  // namespace reportls::lsp
