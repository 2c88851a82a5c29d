#include "lsp/host/worker_client.h"

#include "lsp/host/memory.h"
#include "lsp/host/own_executable.h"
#include "lsp/host/result_reuse.h"
#include "lsp/host/worker_process.h"
#include "lsp/host/worker_protocol.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

namespace reportls::lsp {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char *kWorkerName = "(分析进程)";
// Time a process may take to load plugins (their rule data), at start-up or for a deferred plugin.
constexpr std::chrono::milliseconds kLoadTime = 15s;

class WorkerClient final : public AnalysisHost {
 public:
  WorkerClient(const PluginHostOptions &plugins, const WorkerHostOptions &worker) : options_(worker) {
    argv_ = {worker.executable, "--analysis-worker"};
    for (const std::string &d : plugins.plugin_dirs) argv_.insert(argv_.end(), {"--plugin-dir", d});
    for (const std::string &d : plugins.data_dirs) argv_.insert(argv_.end(), {"--data-dir", d});
    if (plugins.capabilities != ~0u) argv_.insert(argv_.end(), {"--capabilities", std::to_string(plugins.capabilities)});
    if (worker.batch) argv_.push_back("--batch");
    environment_ = analysis_environment(worker.batch);
    thread_ = std::thread([this] { serve(); });
  }

  ~WorkerClient() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    process_.reset();  // kills and reaps it
    for (auto &[key, slot] : slots_)
      for (Waiting &w : slot.jobs) w.drop();
  }

  void loaded(std::function<void(const std::vector<PluginInfo> &)> then) override {
    std::unique_lock lock(mutex_);
    if (!infos_known_) return on_loaded_.push_back(std::move(then));
    lock.unlock();
    then(infos_);
  }

  void analyze(Job job, uint32_t capabilities, Done<AnalysisResult> done) override {
    std::string key = "analyze " + std::to_string(capabilities);
    submit(std::move(key), std::move(job), std::move(done), "analyze", {{"capabilities", capabilities}},
           [](const json &result) { return worker::decode_analysis(result, spent_result()); });
  }
  void complete(Job job, uint32_t offset, Done<CompletionResult> done) override {
    submit("complete", std::move(job), std::move(done), "complete", {{"offset", offset}}, worker::decode_completion);
  }
  void hover(Job job, uint32_t offset, Done<HoverResult> done) override {
    submit("hover", std::move(job), std::move(done), "hover", {{"offset", offset}}, worker::decode_hover);
  }

  void close(const std::string &uri) override {
    {
      std::lock_guard lock(mutex_);
      closed_.push_back(uri);
    }
    wake_.notify_all();
  }

 private:
  struct Waiting {
    std::function<void()> run;   // on the client thread: send, await, answer
    std::function<void()> drop;  // superseded or shut down: answer empty
  };
  // The jobs of one document and kind waiting to be sent, all for one text: a job for another
  // text supersedes them, one for the same text joins them (an editor asks for completion and for
  // ghost text at the same keystroke, and both must be answered).
  struct Slot {
    const char *text = nullptr;
    size_t bytes = 0;
    int64_t version = 0;
    std::vector<Waiting> jobs;
    bool holds(const DocumentInput &doc) const {
      return text == doc.text.data() && bytes == doc.text.size() && version == doc.version;
    }
  };
  struct Outcome {
    // Resend: the process no longer holds the text the request's change applies to.
    enum Kind { Ok, Fault, Abandoned, Resend } kind = Abandoned;
    json result;
    std::string plugin;  // running when the fault happened; empty: none was
    std::string why;
  };

  template <class Result, class Decode>
  void submit(const std::string &kind, Job job, Done<Result> done, const char *method, json request, Decode decode) {
    const std::string key = std::string(job.input.uri) + '\n' + kind;
    auto shared = std::make_shared<std::pair<Job, Done<Result>>>(std::move(job), std::move(done));
    Waiting waiting;
    waiting.run = [this, shared, method, request = std::move(request), decode]() mutable {
      Result result;
      try {
        result = call<Result>(method, std::move(request), shared->first, decode);
      } catch (const std::exception &e) {
        result.problems.push_back({kWorkerName, std::string("内部错误: ") + e.what()});
      }
      shared->second(std::move(result));
    };
    waiting.drop = [shared] {
      shared->first.token.cancel(cancel_reason::ContentModified);
      shared->second(Result{});
    };
    const DocumentInput &doc = shared->first.input;
    std::vector<Waiting> superseded;
    {
      std::lock_guard lock(mutex_);
      auto [it, fresh] = slots_.try_emplace(key);
      Slot &slot = it->second;
      if (fresh) order_.push_back(key);
      if (!slot.holds(doc)) {
        superseded.swap(slot.jobs);
        slot.text = doc.text.data();
        slot.bytes = doc.text.size();
        slot.version = doc.version;
      }
      slot.jobs.push_back(std::move(waiting));
    }
    for (Waiting &w : superseded) w.drop();
    wake_.notify_all();
  }

  // The client thread.
  void serve() {
    std::string why;
    if (!start(why)) {
      PluginInfo failed;
      failed.path = options_.executable;
      failed.error = "无法启动分析进程: " + why;
      publish_infos({failed});
    }
    for (;;) {
      Slot slot;
      std::vector<std::string> closed;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !order_.empty() || !closed_.empty(); });
        if (stopping_) return;
        closed.swap(closed_);
        if (!order_.empty()) {
          auto it = slots_.find(order_.front());
          order_.pop_front();
          slot = std::move(it->second);
          slots_.erase(it);
        }
      }
      for (const std::string &uri : closed) {
        sent_.forget(uri);
        disabled_.erase(uri);
        // Between jobs: the process drops the text and the plugins what they keep for it.
        if (process_) process_->send({{"close", uri}});
      }
      // Shutting down between two jobs of a slot: the rest are answered empty, like the waiting ones.
      for (Waiting &w : slot.jobs) (stopping() ? w.drop : w.run)();
    }
  }

  void publish_infos(std::vector<PluginInfo> infos) {
    std::vector<std::function<void(const std::vector<PluginInfo> &)>> waiting;
    {
      std::lock_guard lock(mutex_);
      if (infos_known_) return;
      infos_ = std::move(infos);
      infos_known_ = true;
      waiting.swap(on_loaded_);
    }
    for (auto &then : waiting) then(infos_);
  }

  // Starts a process and waits for its hello.  Client thread.
  bool start(std::string &why) {
    auto process = std::make_unique<WorkerProcess>(argv_, environment_);
    if (!process->running()) {
      why = process->error();
      return false;
    }
    // Loading reads every plugin's rule data: allow far more than one plugin call.
    auto deadline = Clock::now() + std::max<std::chrono::milliseconds>(options_.timeout, kLoadTime);
    json hello;
    while (process->next(hello, deadline) == WorkerProcess::Wait::Message) {
      if (!hello.contains("hello")) continue;
      try {
        std::vector<PluginInfo> infos = worker::decode_plugins(hello["hello"].at("plugins"));
        plugin_count_ = infos.size();
        plugin_names_.clear();
        for (const PluginInfo &p : infos) plugin_names_.push_back(p.name);
        process_ = std::move(process);
        sent_.clear();  // a new process holds no text yet
        publish_infos(std::move(infos));
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

  bool stopping() {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

  template <class Result, class Decode>
  Result call(const char *method, json request, const Job &job, Decode decode) {
    Result result;
    if (job.token.cancelled()) return result;
    const DocumentInput &doc = job.input;
    std::string uri(doc.uri);
    request["method"] = method;
    std::vector<PluginProblem> faults;  // process failures no plugin can be blamed for
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
      std::string_view text;  // the document's, sent beside the request
      request["doc"] = document_message(uri, job, text);
      Outcome o = exchange(request, text, budget(doc.text.size()), job.token);
      if (o.kind == Outcome::Resend && sent_changes(request["doc"])) {
        sent_.forget(uri);
        for (const RelatedInput &r : doc.related) sent_.forget(r.uri);
        request["id"] = ++next_id_;
        request["doc"] = document_message(uri, job, text);
        o = exchange(request, text, budget(doc.text.size()), job.token);
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
      if (!retry || job.token.cancelled()) break;
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

  // The "doc" of a request (worker_protocol.h): the texts of the document and of its related
  // documents, each whole or as its change since the text this process last got for that uri.
  // The document's own text is left null in it and given in `text`, to be sent from where it lies
  // (a whole text is megabytes).
  json document_message(const std::string &uri, const Job &job, std::string_view &text) {
    const DocumentInput &doc = job.input;
    json d = {{"uri", uri}, {"path", doc.path}, {"version", doc.version}, {"settings", doc.settings}};
    if (doc.defer_fix_edits) d["defer_fix_edits"] = true;
    text = add_text(d, uri, doc.text, job.owner, job.origin);
    d["text"] = nullptr;
    if (!doc.related.empty()) {
      json related = json::array();
      for (const RelatedInput &r : doc.related) {
        json one = {{"role", r.role}, {"uri", r.uri}, {"path", r.path}, {"version", r.version}};
        one["text"] = add_text(one, r.uri, r.text, job.owner);
        related.push_back(std::move(one));
      }
      d["related"] = std::move(related);
    }
    return d;
  }

  // Puts the text of uri into message m: "serial", and "base", "start", "end", "length" when
  // it is sent as a change; returns what goes in m's "text": the whole text, or the changed
  // middle.  Remembers what was sent: a view that owner keeps alive.  The change is the origin's
  // when the text was made from the one last sent (named alike), and found by comparing the two
  // otherwise.
  std::string_view add_text(json &m, const std::string &uri, std::string_view text,
                            const std::shared_ptr<const void> &owner, const TextOrigin &origin = {}) {
    m["serial"] = ++next_serial_;
    std::string_view sent = text;
    if (const worker::SentTexts::Text *held = sent_.find(uri)) {
      const std::string_view before = held->text.view;
      const bool known = origin.from != 0 && held->text.name == origin.from && origin.start <= origin.old_end &&
                         origin.old_end <= before.size() && origin.start <= origin.new_end &&
                         origin.new_end <= text.size() && text.size() - origin.new_end == before.size() - origin.old_end;
      const worker::Splice s = known ? worker::Splice{origin.start, before.size() - origin.old_end}
                                     : worker::splice_between(before, text);
      m["base"] = held->serial;
      m["start"] = s.start;
      m["end"] = before.size() - s.suffix;
      m["length"] = text.size();
      sent = text.substr(s.start, text.size() - s.start - s.suffix);
    }
    if (owner) {
      sent_.hold(uri, next_serial_, {owner, text, origin.name});
    } else {  // a job whose views end with the call (make_blocking_host): remember a copy
      std::string room = huge_room(text.size());
      auto copy = std::make_shared<const std::string>(std::move(room.append(text)));
      sent_.hold(uri, next_serial_, {copy, *copy, origin.name});
    }
    return sent;
  }

  // Whether a "doc" carries any text as a change (the process may have dropped its base).
  static bool sent_changes(const json &doc) {
    if (doc.contains("base")) return true;
    if (auto it = doc.find("related"); it != doc.end())
      for (const json &r : *it)
        if (r.contains("base")) return true;
    return false;
  }

  // How the process ended, once it is known to be ending: after its {"crashed"} frame or the end
  // of its output it is given all the time it needs to die (a sanitizer may be writing a report).
  Outcome died(const std::string &plugin) {
    int status = process_->stop(30s);
    process_.reset();
    return {Outcome::Fault, {}, plugin, death_of(status)};
  }

  // Sends one request, with the document's `text` (null in it), and waits for its answer, with a
  // running process_.
  Outcome exchange(const json &request, std::string_view text, std::chrono::milliseconds budget,
                   const CancelToken &token) {
    const int64_t id = request["id"];
    process_->send(request, json::json_pointer("/doc/text"), text);
    std::string plugin;
    auto deadline = Clock::now() + budget;
    // The plugin the process runs for this request, from its call board, each call with its own
    // budget (a deferred plugin being created, a start-up's).
    CallBoard::Post seen;
    const auto look = [&] {
      const CallBoard::Post now = process_->board();
      if (now.request != static_cast<uint32_t>(id) || now == seen) return;
      seen = now;
      plugin = now.plugin < plugin_names_.size() ? plugin_names_[now.plugin] : "";
      deadline = Clock::now() + (now.creating ? std::max<std::chrono::milliseconds>(budget, kLoadTime) : budget);
    };
    bool cancel_sent = false;
    for (;;) {
      if (token.cancelled() && !cancel_sent) {
        process_->send({{"cancel", id}});
        cancel_sent = true;
      }
      if (stopping()) {
        process_.reset();
        return {Outcome::Abandoned, {}, "", ""};
      }
      json message;
      // Wake up now and then to pass on a cancellation and to read the call board.
      auto wake = std::min(deadline, Clock::now() + 50ms);
      WorkerProcess::Wait w = process_->next(message, wake);
      look();
      if (w == WorkerProcess::Wait::Message) {
        if (message.value("id", json()) != id) continue;
        if (message.contains("result")) {
          return {Outcome::Ok, std::move(message["result"]), "", ""};
        } else if (message.contains("resend")) {
          return {Outcome::Resend, {}, "", ""};
        } else if (message.contains("crashed")) {
          return died(plugin);
        }
        continue;
      }
      if (w == WorkerProcess::Wait::Closed) return died(plugin);
      if (Clock::now() >= deadline) {
        // Over budget and still alive as far as we can see: SIGKILL.  If it was in fact already
        // dying of a signal of its own, its wait status says so and it is reported as a crash.
        int status = process_->stop(0ms);
        process_.reset();
        if (!killed_by_us(status)) return {Outcome::Fault, {}, plugin, death_of(status)};
        return {Outcome::Fault, {}, plugin, "超过 " + std::to_string(budget.count()) + " 毫秒未返回（已终止）"};
      }
    }
  }

  WorkerHostOptions options_;
  std::vector<std::string> argv_;
  std::vector<std::string> environment_;

  // Shared between callers and the client thread, under mutex_.
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, Slot> slots_;  // uri + '\n' + kind
  std::deque<std::string> order_;      // slots in the order they were filled
  std::vector<std::string> closed_;    // uris closed since the client thread last looked
  bool infos_known_ = false;
  std::vector<PluginInfo> infos_;      // immutable once infos_known_
  std::vector<std::function<void(const std::vector<PluginInfo> &)>> on_loaded_;

  // The client thread's own (and the destructor's, after the join).
  std::unique_ptr<WorkerProcess> process_;
  size_t plugin_count_ = 0;
  std::vector<std::string> plugin_names_;  // the running process's, in its hello's order
  int64_t next_id_ = 0;
  // uri -> plugin -> why it is off for that document.
  std::map<std::string, std::map<std::string, std::string>> disabled_;
  // The texts the running process was sent, the last per uri (worker_protocol.h).
  worker::SentTexts sent_;
  uint64_t next_serial_ = 0;
  std::thread thread_;  // last: started once everything above exists
};

}  // namespace

std::string analysis_executable() {
  return (own_executable().parent_path() / "reportls-analysis").string();
}

std::shared_ptr<AnalysisHost> make_worker_client(const PluginHostOptions &plugins, const WorkerHostOptions &worker) {
  return std::make_shared<WorkerClient>(plugins, worker);
}

std::unique_ptr<PluginHost> make_worker_host(const PluginHostOptions &plugins, const WorkerHostOptions &worker) {
  return make_blocking_host(make_worker_client(plugins, worker));
}

std::unique_ptr<PluginHost> make_host(const PluginHostOptions &options, bool isolated,
                                      std::chrono::milliseconds timeout) {
  if (!isolated) return make_in_process_host(options);
  WorkerHostOptions worker;
  worker.timeout = timeout;
  worker.batch = true;
  return make_worker_host(options, worker);
}

}  // namespace reportls::lsp
