#include "lsp/engine/engine.h"

#include "lsp/engine/catalog.h"
#include "lsp/engine/fix_all.h"
#include "lsp/engine/suppressions.h"
#include "lsp/host/result_reuse.h"

#include <reportls/plugin.h>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <reportls/plugin.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace reportls::lsp {

namespace asio = boost::asio;
namespace fs = std::filesystem;

namespace {

// Prefixes of the said_ entries of settings-file mistakes and of plugin problems (no uri starts
// with a line break).
const std::string kSettingsKey = "\nsettings\n";
const std::string kProblemKey = "\nproblem\n";

Scheduler::Task start_timer(asio::io_context &main, std::chrono::milliseconds delay, Scheduler::Task task) {
  auto timer = std::make_shared<asio::steady_timer>(main, delay);
  timer->async_wait([timer, task = std::move(task)](boost::system::error_code ec) {
    if (!ec) task();
  });
  return [timer] { timer->cancel(); };
}

}  // namespace

// One outline job and the requests waiting for it; its result is kept while it is the
// document's newest.
struct Engine::Outline {
  std::shared_ptr<const TextDocument> doc;
  std::shared_ptr<const Settings> settings;
  RelatedSnapshots related;
  // The job's own: one request's $/cancelRequest must not cancel the others' answer.
  CancelToken token;
  std::shared_ptr<const AnalysisResult> result;  // null while the job runs
  std::vector<std::pair<CancelToken, std::function<void(const Analysis &)>>> waiting;
};

Engine::Engine(asio::io_context &main, EngineOptions options, EngineEvents events)
    : main_(main),
      options_(std::move(options)),
      events_(std::move(events)),
      pool_(std::clamp(std::thread::hardware_concurrency(), 1u, 4u)),
      scheduler_(
          Scheduler::Env{
              [&main](std::chrono::milliseconds delay, Scheduler::Task task) { return start_timer(main, delay, std::move(task)); },
              [this](const std::shared_ptr<const TextDocument> &doc, const std::shared_ptr<const Settings> &settings,
                     const CancelToken &token, Scheduler::Finished finished) {
                RelatedSnapshots related = related_for(doc->uri());
                given_[doc->uri()] = related;
                Job diagnostics = job(doc, *settings, token, related);
                diagnostics.input.defer_fix_edits = true;  // asked for when shown (with_fix_edits)
                hosts_.diagnostics->analyze(std::move(diagnostics), kDiagnosticsCapabilities,
                                            [this, doc, uri = doc->uri(), silenced = silences(*doc),
                                             finished = std::move(finished)](AnalysisResult r) mutable {
                                              if (silenced) drop_suppressed(doc->text(), r.diagnostics);
                                              auto result = shared_result(std::move(r));
                                              on_main([this, uri, result, finished = std::move(finished)] {
                                                report(uri, result->problems);
                                                finished(result);
                                              });
                                            });
              }},
          [this](const Analysis &a) {
            learn(a.doc->uri(), *a.result);
            if (events_.analysis) events_.analysis(a);
          }) {}

Engine::~Engine() { shutdown(); }

// Runs f on main later, unless the engine is gone by then; an exception is logged, never lost.
template <class F>
void Engine::on_main(F &&f) {
  asio::post(main_, [this, alive = std::weak_ptr<bool>(alive_), f = std::forward<F>(f)]() mutable {
    if (alive.expired()) return;
    try {
      f();
    } catch (const std::exception &e) {
      if (events_.log) events_.log(1, std::string("内部错误: ") + e.what());
    }
    sweep();
  });
}

void Engine::start(Settings user, std::vector<std::string> workspace_roots,
                   std::function<void(const std::vector<PluginInfo> &)> ready) {
  for (const std::string &root : workspace_roots)
    if (auto path = path_from_uri(root)) roots_.push_back(fs::path(*path).lexically_normal().string());
  workspace_ = WorkspaceSettings(std::move(workspace_roots));
  user_ = std::make_shared<const Settings>(std::move(user));
  load(std::move(ready));
}

void Engine::load(std::function<void(const std::vector<PluginInfo> &)> ready) {
  PluginHostOptions options;
  options.plugin_dirs.push_back(bundled_plugin_dir());
  for (const std::string &d : options_.plugin_dirs) options.plugin_dirs.push_back(d);
  for (const std::string &d : user_->plugin_dirs) options.plugin_dirs.push_back(d);
  options.data_dirs = user_->data_dirs;
  for (auto *old : {&hosts_.diagnostics, &hosts_.interactive})
    if (*old && std::find(retired_.begin(), retired_.end(), *old) == retired_.end()) retired_.push_back(std::move(*old));
  if (options_.isolate_plugins) {
    WorkerHostOptions worker;
    worker.executable = options_.worker_executable;
    worker.timeout = user_->analysis_timeout;
    // Requests a person waits for (outline, completion, hover) get a process of their own, so they
    // never queue behind a diagnostics run.  Each process creates the plugins of its calls at
    // start and any other only when a call needs it: the hover plugins at the first hover, which
    // most sessions never make (their models would take about 0.9 MB in that process).
    options.capabilities = kDiagnosticsCapabilities;
    hosts_.diagnostics = make_worker_client(options, worker);
    options.capabilities = REPORTLS_CAP_SYMBOLS | REPORTLS_CAP_FOLDING | REPORTLS_CAP_COMPLETION;
    hosts_.interactive = make_worker_client(options, worker);
  } else {
    hosts_.diagnostics = hosts_.interactive = make_pooled_host(options, pool_);
  }
  loaded_ = user_;
  // The plugin list once both hosts have loaded: each plugin as the host that created it says.
  auto lists = std::make_shared<std::vector<std::vector<PluginInfo>>>();
  auto both = [this, lists, hosts = hosts_.diagnostics == hosts_.interactive ? 1u : 2u,
               ready = std::move(ready)](const std::vector<PluginInfo> &infos) {
    on_main([this, lists, hosts, infos, ready] {
      lists->push_back(infos);
      if (lists->size() == hosts) announce(merged(*lists), ready);
    });
  };
  hosts_.diagnostics->loaded(both);
  if (hosts_.interactive != hosts_.diagnostics) hosts_.interactive->loaded(both);
  sweep();
}

std::vector<PluginInfo> Engine::merged(const std::vector<std::vector<PluginInfo>> &lists) {
  std::vector<PluginInfo> out = lists.front();
  for (PluginInfo &p : out) {
    if (!p.deferred) continue;
    for (size_t i = 1; i < lists.size(); ++i)
      for (const PluginInfo &other : lists[i])
        if (other.path == p.path && !other.deferred) p = other;
  }
  return out;
}

void Engine::announce(const std::vector<PluginInfo> &plugins,
                      const std::function<void(const std::vector<PluginInfo> &)> &ready) {
  plugin_names_.clear();
  for (const PluginInfo &p : plugins)
    if (p.active || (p.deferred && !p.name.empty())) plugin_names_.push_back(p.name);
  for (const PluginInfo &p : plugins) {
    if (p.deferred) continue;  // created by no process yet (it announces no capability)
    if (!p.active) {
      events_.log(1, "插件未加载: " + p.path + ": " + p.error);
      continue;
    }
    events_.log(3, "已加载插件 " + p.name + " " + p.version + " (" + p.path + ")");
    for (const std::string &w : p.warnings) events_.log(2, "插件 " + p.name + ": " + w);
  }
  if (ready) ready(plugins);
}

void Engine::configure(Settings user) {
  user_ = std::make_shared<const Settings>(std::move(user));
  if (user_->plugin_dirs != loaded_->plugin_dirs || user_->data_dirs != loaded_->data_dirs ||
      user_->analysis_timeout != loaded_->analysis_timeout)
    load(nullptr);
  refresh_all();
}

void Engine::saved(const std::string &uri) {
  if (!workspace_.is_settings_file(uri)) return;
  workspace_.forget_cache();
  // A file saved again may hold the same mistake again: say it again.
  for (auto it = said_.lower_bound(kSettingsKey); it != said_.end() && it->starts_with(kSettingsKey);) it = said_.erase(it);
  refresh_all();
}

void Engine::refresh_settings(const std::string &uri) {
  std::vector<std::string> warnings;
  doc_settings_[uri] = std::make_shared<const Settings>(workspace_.settings_for(uri, *user_, warnings, plugin_names_));
  // Said once per file and mistake, however many documents the file applies to.
  for (const std::string &w : warnings)
    if (said_.insert(kSettingsKey + w).second) {
      if (events_.settings_problem) events_.settings_problem(w);
      else events_.log(2, w);
    }
  // Documents the settings name are read now, so that the analysis finds them.
  std::vector<std::string> named;
  for (const auto &[role, target] : named_related(*doc_settings_[uri], uri))
    if (!snapshot(target))
      if (auto path = path_from_uri(target)) named.push_back(*path);
  if (!named.empty()) read_files(std::move(named));
}

void Engine::refresh_all() {
  for (const auto &[uri, doc] : documents_) {
    refresh_settings(uri);
    scheduler_.update(doc, doc_settings_.at(uri));
  }
}

void Engine::open(std::shared_ptr<const TextDocument> doc) {
  const std::string uri = doc->uri();
  documents_[uri] = doc;
  silences(*doc);
  refresh_settings(uri);
  scheduler_.update(std::move(doc), doc_settings_.at(uri));
}

void Engine::update(std::shared_ptr<const TextDocument> doc) {
  const std::string uri = doc->uri();
  documents_[uri] = doc;
  silences(*doc);  // each snapshot, so that the next one derives its answer from this one's
  outlines_.erase(uri);  // the old snapshot's: answers its waiting requests when done, then goes
  scheduler_.update(doc, doc_settings_.at(uri));
  relate_all();  // the documents this one is related to see the edit
  doc->lines();  // indexed now, while the analysis runs: its publication needs the index
}

void Engine::close(const std::string &uri) {
  documents_.erase(uri);
  doc_settings_.erase(uri);
  given_.erase(uri);
  silencing_.erase(uri);
  if (auto it = outlines_.find(uri); it != outlines_.end()) {
    it->second->token.cancel(cancel_reason::ContentModified);
    outlines_.erase(it);
  }
  scheduler_.close(uri);
  // Closed without saving or not, the file on disk is what related documents see from now on.
  if (related_.forget(uri)) {
    if (auto path = path_from_uri(uri)) read_files({*path});
    relate_all();
  }
  // Reopened, the document starts afresh: plugins disabled for it run again (and a new fault is
  // announced again).
  for (auto it = said_.lower_bound(uri + '\n'); it != said_.end() && it->starts_with(uri + '\n');) it = said_.erase(it);
  hosts_.diagnostics->close(uri);
  if (hosts_.interactive != hosts_.diagnostics) hosts_.interactive->close(uri);
}

std::shared_ptr<const TextDocument> Engine::document(const std::string &uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : it->second;
}

Job Engine::job(const std::shared_ptr<const TextDocument> &doc, const Settings &settings, const CancelToken &token,
                const RelatedSnapshots &related) const {
  DocumentInput input{doc->uri(), doc->text(), doc->version(), settings.raw.dump(), path_from_uri(doc->uri()).value_or(""), {}};
  // The job keeps every snapshot its input points into.
  auto owner = std::make_shared<std::vector<std::shared_ptr<const TextDocument>>>(1, doc);
  for (const auto &[role, r] : related) {
    owner->push_back(r);
    input.related.push_back({role, r->uri(), path_from_uri(r->uri()).value_or(""), r->text(), r->version()});
  }
  const TextDocument::Edit &edit = doc->edit();
  return Job{std::move(owner), std::move(input), token,
             {doc->name(), doc->made_from(), edit.start, edit.old_end, edit.new_end}};
}

std::shared_ptr<const TextDocument> Engine::snapshot(const std::string &uri) const {
  if (auto it = documents_.find(uri); it != documents_.end()) return it->second;
  if (auto it = files_.find(uri); it != files_.end() && !is_open_file(*path_from_uri(uri))) return it->second;
  // A uri spelt otherwise (a setting's path, an editor's percent-encoding).
  for (const auto &[open, doc] : documents_)
    if (same_file(open, uri)) return doc;
  const auto path = path_from_uri(uri);
  auto it = path ? files_.find(uri_from_path(*path)) : files_.end();
  return it == files_.end() ? nullptr : it->second;
}

Engine::RelatedSnapshots Engine::related_for(const std::string &uri) const {
  RelatedSnapshots out;
  Resolution wanted = related_.resolve(uri);
  auto settings = doc_settings_.find(uri);
  if (settings != doc_settings_.end())
    for (auto &[role, target] : named_related(*settings->second, uri)) wanted[role] = std::move(target);
  for (const auto &[role, target] : wanted)
    if (auto doc = snapshot(target)) out[role] = std::move(doc);
  return out;
}

bool Engine::is_open_file(const std::string &path) const {
  const std::string uri = uri_from_path(path);
  for (const auto &[open, doc] : documents_)
    if (same_file(open, uri)) return true;
  return false;
}

// The related.* facts of an open document's newest analysis.  Called from the scheduler's
// listener, so what it changes is acted on after the scheduler is done with this result.
void Engine::learn(const std::string &uri, const AnalysisResult &result) {
  if (related_.record(uri, RelatedFacts::from(result.facts), true) && !relating_) {
    relating_ = true;
    on_main([this] {
      relating_ = false;
      relate_all();
    });
  }
  if (related_.wants_anything(uri)) look_around(uri);
}

// Every open document whose related documents are no longer the ones its newest analysis got is
// analysed again.
void Engine::relate_all() {
  for (const auto &[uri, doc] : documents_) {
    RelatedSnapshots now = related_for(uri);
    auto it = given_.find(uri);
    if (it == given_.end() ? now.empty() : it->second == now) continue;
    given_[uri] = std::move(now);
    scheduler_.update(doc, doc_settings_.at(uri));
  }
}

// The files of the document's workspace folder (or its own folder) and below, read once.
void Engine::look_around(const std::string &uri) {
  const auto path = path_from_uri(uri);
  if (!path) return;
  std::string folder = fs::path(*path).parent_path().lexically_normal().string();
  for (const std::string &root : roots_)
    if (folder == root || folder.starts_with(root + '/')) folder = root;
  if (!scanned_.insert(folder).second) return;
  asio::post(pool_, [this, alive = std::weak_ptr<bool>(alive_), folder] {
    if (alive.expired()) return;
    std::vector<std::string> files = candidate_files(folder, options_.files.accepts);
    on_main([this, files = std::move(files)]() mutable {
      std::erase_if(files, [&](const std::string &f) { return is_open_file(f); });
      read_files(std::move(files));
    });
  });
}

// Reads files on the pool, keeps them as snapshots (version 0) and learns their related.* facts
// from an analysis with only REPORTLS_CAP_RELATED.
void Engine::read_files(std::vector<std::string> paths) {
  std::erase_if(paths, [&](const std::string &p) { return !reading_.insert(p).second; });
  if (paths.empty()) return;
  asio::post(pool_, [this, alive = std::weak_ptr<bool>(alive_), paths = std::move(paths)] {
    if (alive.expired()) return;
    std::vector<std::shared_ptr<const TextDocument>> read;
    for (const std::string &p : paths)
      if (auto text = options_.files.read(p)) read.push_back(std::make_shared<const TextDocument>(uri_from_path(p), "plaintext", 0, std::move(*text)));
    on_main([this, paths, read = std::move(read)] {
      for (const std::string &p : paths) {
        reading_.erase(p);
        // Gone or unreadable now: no longer a related document.
        const std::string uri = uri_from_path(p);
        if (std::none_of(read.begin(), read.end(), [&](const auto &d) { return d->uri() == uri; }) && files_.erase(uri))
          related_.forget(uri);
      }
      for (const auto &doc : read) {
        files_[doc->uri()] = doc;
        std::vector<std::string> ignored;  // said when the folder's documents are opened
        const Settings settings = workspace_.settings_for(doc->uri(), *user_, ignored);
        hosts_.diagnostics->analyze(job(doc, settings, CancelToken(), {}), REPORTLS_CAP_RELATED, [this, doc](AnalysisResult r) {
          on_main([this, doc, facts = RelatedFacts::from(r.facts)] {
            if (files_.count(doc->uri()) && files_[doc->uri()] == doc && related_.record(doc->uri(), facts, false)) relate_all();
          });
        });
      }
      relate_all();  // a document named by the settings may be among them
    });
  });
}

void Engine::outline(const std::string &uri, const CancelToken &token, std::function<void(const Analysis &)> then) {
  auto doc = document(uri);
  auto settings = doc_settings_.at(uri);
  RelatedSnapshots related = related_for(uri);
  std::shared_ptr<Outline> &kept = outlines_[uri];
  if (!kept || kept->doc != doc || kept->settings != settings || kept->related != related) {
    kept = std::make_shared<Outline>(Outline{doc, settings, std::move(related), {}, nullptr, {}});
    hosts_.interactive->analyze(
        job(doc, *settings, kept->token, kept->related), REPORTLS_CAP_SYMBOLS | REPORTLS_CAP_FOLDING,
        [this, uri, o = kept](AnalysisResult r) {
          auto result = shared_result(std::move(r));
          on_main([this, uri, o, result] {
            report(uri, result->problems);
            auto waiting = std::move(o->waiting);
            const int cancelled = o->token.reason();
            if (!cancelled)
              o->result = result;
            else if (auto it = outlines_.find(uri); it != outlines_.end() && it->second == o)
              outlines_.erase(it);  // superseded or closed: the next request starts afresh
            for (auto &[request, answer] : waiting) {
              if (cancelled) request.cancel(cancelled);
              answer(Analysis{o->doc, o->settings, result, 0});
            }
          });
        });
  }
  if (kept->result) return then(Analysis{kept->doc, kept->settings, kept->result, 0});
  kept->waiting.emplace_back(token, std::move(then));
}

bool Engine::silences(const TextDocument &doc) {
  auto &[name, holds] = silencing_[doc.uri()];
  if (name != doc.name()) {
    const bool derived = name != 0 && name == doc.made_from() && !holds;
    holds = derived ? has_disable_directive_near(doc.text(), doc.edit().start, doc.edit().new_end)
                    : has_disable_directive(doc.text());
    name = doc.name();
  }
  return holds;
}

void Engine::when_current(const std::string &uri, Scheduler::Waiter waiter) {
  scheduler_.when_current(uri, std::move(waiter));
}

namespace {

using Touching = std::optional<std::pair<uint32_t, uint32_t>>;

bool deferred_in(const Diagnostic &d, const Touching &touching) {
  if (touching && !touches(d.start, d.end, touching->first, touching->second)) return false;
  return std::any_of(d.fixes.begin(), d.fixes.end(), [](const Fix &f) { return f.edits_deferred; });
}

// The fix of `full` that a deferred fix of d stands for: same diagnostic code and range, same title.
const Fix *counterpart(const Diagnostic &d, const Fix &deferred, const AnalysisResult &full) {
  for (const Diagnostic &o : full.diagnostics)
    if (o.start == d.start && o.end == d.end && o.code == d.code)
      for (const Fix &f : o.fixes)
        if (f.title == deferred.title && !f.edits_deferred) return &f;
  return nullptr;
}

// `stored` with the deferred fixes of the diagnostics touching `touching` taken from `full`.
AnalysisResult with_edits_of(const AnalysisResult &stored, const AnalysisResult &full, const Touching &touching) {
  AnalysisResult out = stored;
  for (Diagnostic &d : out.diagnostics) {
    if (!deferred_in(d, touching)) continue;
    std::vector<Fix> fixes;
    for (Fix &f : d.fixes) {
      if (!f.edits_deferred) {
        fixes.push_back(std::move(f));
      } else if (const Fix *found = counterpart(d, f, full)) {
        fixes.push_back(*found);
      }
    }
    d.fixes = std::move(fixes);
  }
  return out;
}

}  // namespace

void Engine::with_fix_edits(const std::string &uri, Touching touching, const CancelToken &token,
                            Scheduler::Waiter waiter) {
  when_current(uri, [this, uri, touching, token, waiter = std::move(waiter)](const Analysis *a) {
    if (!a || std::none_of(a->result->diagnostics.begin(), a->result->diagnostics.end(),
                           [&](const Diagnostic &d) { return deferred_in(d, touching); }))
      return waiter(a);
    hosts_.interactive->analyze(job(a->doc, *a->settings, token, related_for(uri)), REPORTLS_CAP_DIAGNOSTICS,
                                [this, stored = *a, touching, waiter](AnalysisResult full) {
                                  auto result = shared_result(
                                      with_edits_of(*stored.result, full, touching));
                                  on_main([this, stored, result, problems = std::move(full.problems), waiter] {
                                    report(stored.doc->uri(), problems);
                                    Analysis filled = stored;
                                    filled.result = result;
                                    waiter(&filled);
                                  });
                                });
  });
}

void Engine::complete(const std::string &uri, uint32_t offset, const CancelToken &token,
                      std::function<void(const CompletionResult &, const TextDocument &)> then) {
  auto doc = document(uri);
  hosts_.interactive->complete(job(doc, *doc_settings_.at(uri), token, related_for(uri)), offset,
                               [this, doc, then = std::move(then)](CompletionResult r) {
                                 on_main([this, doc, r = std::move(r), then] {
                                   report(doc->uri(), r.problems);
                                   then(r, *doc);
                                 });
                               });
}

void Engine::hover(const std::string &uri, uint32_t offset, const CancelToken &token,
                   std::function<void(const HoverResult &, const TextDocument &)> then) {
  auto doc = document(uri);
  hosts_.interactive->hover(job(doc, *doc_settings_.at(uri), token, related_for(uri)), offset,
                            [this, doc, then = std::move(then)](HoverResult r) {
                              on_main([this, doc, r = std::move(r), then] {
                                report(doc->uri(), r.problems);
                                then(r, *doc);
                              });
                            });
}

// ---- fix-all ---------------------------------------------------------------------------------

struct Engine::FixRound {
  std::shared_ptr<const TextDocument> doc;  // the snapshot the edits are for
  std::shared_ptr<const Settings> settings;
  FixRequest request;  // its range moves with the text
  CancelToken token;
  std::function<void(std::vector<Edit>, const TextDocument &)> then;
  std::string text;         // the text once the rounds so far are applied
  std::vector<Edit> first;  // the first round's edits
  int rounds = 0;
  std::string scratch;      // the uri under which the fixed texts are analysed
};

void Engine::fix_all(const std::string &uri, FixRequest request, const CancelToken &token,
                     std::function<void(std::vector<Edit>, const TextDocument &)> then) {
  auto round = std::make_shared<FixRound>();
  round->doc = document(uri);
  round->settings = doc_settings_.at(uri);
  round->request = std::move(request);
  round->token = token;
  round->then = std::move(then);
  round->text = round->doc->text();
  round->scratch = uri + "#reportls-fix-" + std::to_string(++fix_jobs_);
  with_fix_edits(uri, std::nullopt, token, [this, round](const Analysis *a) {
    // Fixes are byte edits of the analysed snapshot: never for another version.
    if (!a || a->doc != round->doc) return round->then({}, *round->doc);
    fix_round(round, a->result);
  });
}

void Engine::fix_round(std::shared_ptr<FixRound> round, std::shared_ptr<const AnalysisResult> result) {
  const Catalog &catalog = Catalog::bundled();
  auto &range = round->request.range;
  std::vector<CandidateFix> candidates;
  // Range formatting takes the edits of a fix that lie in the range: typography fixes are made of
  // independent edits (one mark, one space each), unlike a renumbering.
  std::deque<Fix> parts;
  for (const Diagnostic &d : result->diagnostics) {
    if (!round->settings->severity_for(d.code, d.severity)) continue;
    if (round->request.typography_only && !catalog.formats(d.code)) continue;
    for (const Fix &f : d.fixes) {
      if (!f.preferred) continue;
      if (!range) {
        candidates.push_back({&d, &f});
        continue;
      }
      Fix &part = parts.emplace_back(Fix{f.title, {}, true});
      for (const Edit &e : f.edits)
        if (e.start >= range->first && e.end <= range->second) part.edits.push_back(e);
      candidates.push_back({&d, &part});
    }
  }
  const std::vector<Edit> edits = compose(std::move(candidates));
  if (!edits.empty() && !round->token.cancelled()) {
    if (++round->rounds == 1) round->first = edits;
    if (range)
      for (const Edit &e : edits)
        if (e.end <= range->second) range->second += e.new_text.size() - (e.end - e.start);
    round->text = apply_edits(round->text, edits);
    if (round->rounds < kMaxFixRounds) {
      auto scratch = std::make_shared<const TextDocument>(round->scratch, round->doc->language_id(),
                                                          round->doc->version(), round->text);
      Job j = job(scratch, *round->settings, round->token);
      j.input.path = path_from_uri(round->doc->uri()).value_or("");  // plugins see the real file
      hosts_.interactive->analyze(std::move(j), REPORTLS_CAP_DIAGNOSTICS,
                                  [this, round, scratch](AnalysisResult r) {
                                    drop_suppressed(scratch->text(), r.diagnostics);
                                    auto next = shared_result(std::move(r));
                                    on_main([this, round, next] {
                                      report(round->doc->uri(), next->problems);
                                      fix_round(round, next);
                                    });
                                  });
      return;
    }
  }
  if (round->rounds > 0) hosts_.interactive->close(round->scratch);  // it analysed the fixed text
  round->then(round->rounds <= 1 ? round->first : diff_edits(round->doc->text(), round->text), *round->doc);
}

std::string Engine::disable_rule(const std::string &uri, const std::string &rule) {
  namespace fs = std::filesystem;
  const std::optional<std::string> file = workspace_.file_for(uri);
  if (!file) throw std::runtime_error("只有磁盘上的文件才有工作区设置: " + uri);
  nlohmann::json settings = nlohmann::json::object();
  std::error_code ec;
  if (fs::exists(*file, ec)) {
    std::ifstream in(*file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    settings = nlohmann::json::parse(content.str(), nullptr, false);
    if (!settings.is_object() || (settings.contains("rules") && !settings["rules"].is_object()))
      throw std::runtime_error(*file + " 不是有效的设置文件，未修改");
  }
  settings["rules"][rule] = "off";
  const std::string partial = *file + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << settings.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (!out) throw std::runtime_error("无法写入 " + *file);
  }
  fs::rename(partial, *file, ec);
  if (ec) throw std::runtime_error("无法写入 " + *file + ": " + ec.message());
  workspace_.forget_cache();
  refresh_all();
  return *file;
}

void Engine::report(const std::string &uri, const std::vector<PluginProblem> &problems) {
  if (!documents_.count(uri)) return;  // closed meanwhile: what it said no longer matters
  for (const PluginProblem &p : problems) {
    // A disabled plugin is said once per document (it is off for that document only); anything
    // else a plugin says once per session, however many documents it says it about.
    std::string key = p.disabled ? uri + '\n' + p.plugin : kProblemKey + p.plugin + '\n' + p.message;
    if (said_.insert(std::move(key)).second && events_.problem) events_.problem(uri, p);
  }
}

// Retired hosts are deleted here, on main, once no job holds them any more.
void Engine::sweep() {
  std::erase_if(retired_, [](const std::shared_ptr<AnalysisHost> &h) { return h.use_count() == 1; });
}

void Engine::shutdown() {
  if (stopped_) return;
  stopped_ = true;
  scheduler_.cancel_all();
  pool_.join();  // jobs of the in-process host finish (their results are not handled any more)
  hosts_ = {};   // analysis processes stopped, client threads joined
  outlines_.clear();  // requests still waiting are answered as dropped
  retired_.clear();
  // No thread can post any more: handlers already queued on main will see the engine gone.
  alive_.reset();
}

}  // namespace reportls::lsp
