// The in-process AnalysisHost (--no-worker) and the blocking adapter over any AnalysisHost.
#include "lsp/host/analysis_host.h"

#include <boost/asio/post.hpp>

#include <future>
#include <map>
#include <mutex>
#include <set>

namespace reportls::lsp {
namespace {

constexpr const char *kHostName = "(服务器)";

class PooledHost final : public AnalysisHost {
 public:
  PooledHost(const PluginHostOptions &options, boost::asio::thread_pool &pool)
      : host_(make_in_process_host(options)), pool_(pool) {}

  void loaded(std::function<void(const std::vector<PluginInfo> &)> then) override { then(host_->plugins()); }

  void analyze(Job job, uint32_t capabilities, Done<AnalysisResult> done) override {
    run(std::move(job), std::move(done), [capabilities](const PluginHost &h, const Job &j) {
      return h.analyze(j.input, j.token, capabilities);
    });
  }
  void complete(Job job, uint32_t offset, Done<CompletionResult> done) override {
    run(std::move(job), std::move(done),
        [offset](const PluginHost &h, const Job &j) { return h.complete(j.input, offset, j.token); });
  }
  void hover(Job job, uint32_t offset, Done<HoverResult> done) override {
    run(std::move(job), std::move(done),
        [offset](const PluginHost &h, const Job &j) { return h.hover(j.input, offset, j.token); });
  }
  // The plugins hear of the close once no job of that document runs any more (plugin.h).
  void close(const std::string &uri) override {
    {
      std::lock_guard lock(mutex_);
      if (running_.count(uri)) {
        closing_.insert(uri);
        return;
      }
    }
    host_->close(uri);
  }

 private:
  // The task holds this host (and so the plugins) until it is done; the exception barrier turns
  // anything thrown into a problem of the result, so `done` is always called.
  template <class Result, class Call>
  void run(Job job, Done<Result> done, Call call) {
    const std::string uri(job.input.uri);
    {
      std::lock_guard lock(mutex_);
      ++running_[uri];
    }
    boost::asio::post(pool_, [self = shared_from_this(), this, uri, job = std::move(job), done = std::move(done), call] {
      Result result;
      try {
        if (!job.token.cancelled()) result = call(*host_, job);
      } catch (const std::exception &e) {
        result.problems.push_back({kHostName, std::string("内部错误: ") + e.what()});
      }
      finished(uri);
      done(std::move(result));
    });
  }

  void finished(const std::string &uri) {
    {
      std::lock_guard lock(mutex_);
      auto it = running_.find(uri);
      if (--it->second > 0) return;
      running_.erase(it);
      if (!closing_.erase(uri)) return;
    }
    host_->close(uri);
  }

  std::unique_ptr<PluginHost> host_;
  boost::asio::thread_pool &pool_;
  std::mutex mutex_;
  std::map<std::string, int> running_;  // uri -> jobs on the pool
  std::set<std::string> closing_;       // closed while a job of theirs ran
};

class BlockingHost final : public PluginHost {
 public:
  // Does not wait for the plugins to load: hosts made one after another start together (an
  // analysis process loads its plugins for about as long as it takes to check a report).
  explicit BlockingHost(std::shared_ptr<AnalysisHost> host) : host_(std::move(host)) {
    auto infos = std::make_shared<std::promise<std::vector<PluginInfo>>>();
    infos_ = infos->get_future().share();
    host_->loaded([infos](const std::vector<PluginInfo> &p) { infos->set_value(p); });
  }

  // Waits for the plugins to load, the first time.
  const std::vector<PluginInfo> &plugins() const override { return infos_.get(); }

  AnalysisResult analyze(const DocumentInput &doc, const CancelToken &token, uint32_t capabilities) const override {
    return wait<AnalysisResult>([&](Job job, Done<AnalysisResult> done) { host_->analyze(std::move(job), capabilities, std::move(done)); }, doc, token);
  }
  CompletionResult complete(const DocumentInput &doc, uint32_t offset, const CancelToken &token) const override {
    return wait<CompletionResult>([&](Job job, Done<CompletionResult> done) { host_->complete(std::move(job), offset, std::move(done)); }, doc, token);
  }
  HoverResult hover(const DocumentInput &doc, uint32_t offset, const CancelToken &token) const override {
    return wait<HoverResult>([&](Job job, Done<HoverResult> done) { host_->hover(std::move(job), offset, std::move(done)); }, doc, token);
  }
  void close(const std::string &uri) const override { host_->close(uri); }

 private:
  // The views of `doc` stay valid: this call does not return before `done` ran.
  template <class Result, class Submit>
  static Result wait(Submit submit, const DocumentInput &doc, const CancelToken &token) {
    auto promise = std::make_shared<std::promise<Result>>();
    auto future = promise->get_future();
    submit(Job{nullptr, doc, token}, [promise](Result r) { promise->set_value(std::move(r)); });
    return future.get();
  }

  std::shared_ptr<AnalysisHost> host_;
  std::shared_future<std::vector<PluginInfo>> infos_;
};

}  // namespace

std::shared_ptr<AnalysisHost> make_pooled_host(const PluginHostOptions &options, boost::asio::thread_pool &pool) {
  return std::make_shared<PooledHost>(options, pool);
}

std::unique_ptr<PluginHost> make_blocking_host(std::shared_ptr<AnalysisHost> host) {
  return std::make_unique<BlockingHost>(std::move(host));
}

}  // namespace reportls::lsp
