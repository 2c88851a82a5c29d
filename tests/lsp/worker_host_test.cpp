// The worker host against the real reportls binary and the misbehaving test plugins, and the
// wire format it uses.
#include "lsp/host/worker_client.h"
#include "lsp/host/memory.h"
#include "lsp/host/worker_process.h"
#include "lsp/host/result_codec.h"
#include "lsp/protocol/transport.h"
#include "lsp/host/worker_protocol.h"

#include <doctest/doctest.h>
#include <reportls/plugin.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <future>
#include <random>
#include <set>

using namespace reportls::lsp;

namespace {

const std::string kBinary = REPORTLS_BUILD_DIR "/bin/reportls-analysis";

std::unique_ptr<PluginHost> test_host(std::chrono::milliseconds timeout) {
  PluginHostOptions plugins;
  plugins.plugin_dirs = {REPORTLS_BUILD_DIR "/test-plugins"};
  WorkerHostOptions worker;
  worker.executable = kBinary;
  worker.timeout = timeout;
  return make_worker_host(plugins, worker);
}

// An analysis process of the digest test plugin alone, which reports what text it was given.
std::shared_ptr<AnalysisHost> digest_client() {
  PluginHostOptions plugins;
  plugins.plugin_dirs = {REPORTLS_BUILD_DIR "/test-plugins/digest"};
  WorkerHostOptions worker;
  worker.executable = kBinary;
  return make_worker_client(plugins, worker);
}

bool has_code(const AnalysisResult &r, const std::string &code) {
  for (const Diagnostic &d : r.diagnostics)
    if (d.code == code) return true;
  return false;
}

const PluginProblem *problem_of(const AnalysisResult &r, const std::string &plugin) {
  for (const PluginProblem &p : r.problems)
    if (p.plugin == plugin) return &p;
  return nullptr;
}

// What the digest and related test plugins report of a text: "<version>:<bytes>:<FNV-1a 64>".
std::string digest_of(int64_t version, const std::string &text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%lld:%zu:%016llx", static_cast<long long>(version), text.size(),
                static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

TEST_CASE("worker protocol round-trips an analysis result") {
  AnalysisResult r;
  r.version = 7;
  r.diagnostics.push_back({1, 4, Severity::Error, "a.b", "消息", "p", "https://x", {{"修正", {{1, 2, "新"}}, true}}});
  r.actions.push_back({0, 1, "p", {"t", {{0, 0, "x"}}, false}});
  r.symbols.push_back({"一、", "d", 5, 0, 9, 0, 3, -1});
  r.folds.push_back({2, 8});
  r.facts["profile"] = "法治";
  r.problems.push_back({"p", "坏了", true});
  r.timings.push_back({"p", 1.25});
  AnalysisResult back = worker::decode_analysis(worker::parse(worker::dump(worker::encode(r))));
  CHECK(back.version == 7);
  REQUIRE(back.diagnostics.size() == 1);
  CHECK(back.diagnostics[0].severity == Severity::Error);
  CHECK(back.diagnostics[0].fixes[0].edits[0].new_text == "新");
  CHECK(back.diagnostics[0].fixes[0].preferred);
  CHECK_FALSE(back.diagnostics[0].fixes[0].edits_deferred);
  r.diagnostics[0].fixes[0].edits_deferred = true;
  r.diagnostics[0].fixes[0].preferred = false;
  const Fix deferred = worker::decode_analysis(worker::parse(worker::dump(worker::encode(r)))).diagnostics[0].fixes[0];
  CHECK(deferred.edits_deferred);
  CHECK_FALSE(deferred.preferred);
  CHECK(back.actions[0].fix.title == "t");
  CHECK(back.symbols[0].kind == 5);
  CHECK(back.symbols[0].parent == -1);
  CHECK(back.folds[0].end == 8);
  CHECK(back.facts["profile"] == "法治");
  CHECK(back.problems[0].disabled);
  CHECK(back.timings[0].milliseconds == 1.25);
  CHECK_THROWS(worker::decode_analysis(nlohmann::json::parse(R"({"version": "x"})")));
  CHECK(worker::parse("\xc1 not MessagePack").is_discarded());
  // Every truncation of a valid result is refused, never read past its end.
  const std::string bytes = codec::encode(r);
  for (size_t n = 0; n < bytes.size(); ++n) CHECK_THROWS_AS(codec::decode_analysis(bytes.substr(0, n)), codec::CodecError);
  CHECK_THROWS_AS(codec::decode_analysis(bytes + "x"), codec::CodecError);
  // A count far beyond the bytes that follow is refused before anything is allocated for it.
  CHECK_THROWS_AS(codec::decode_analysis(std::string("\x0e\xff\xff\xff\xff\x0f", 6)), codec::CodecError);
}

TEST_CASE("the encoder writes plugins' reports call by call: parents among the call's own, a failed call taken back") {
  codec::AnalysisEncoder e;
  const codec::EditView edits[] = {{3, 5, "改"}};
  const codec::FixView fix{"修正", edits, true, false};
  auto symbol = [](std::string_view name, int32_t parent) { return codec::SymbolView{name, "", 5, 0, 9, 0, 3, parent}; };
  // Two plugins' outlines: each names its parents among its own symbols.
  e.begin_call();
  e.symbol(symbol("一、", -1));
  e.symbol(symbol("（一）", 0));
  e.diagnostic({1, 2, Severity::Warning, "a.x", "第一个", "a", "", {&fix, 1}});
  e.fact("profile", "甲");
  e.begin_call();
  CHECK(e.call_symbols() == 0);
  e.symbol(symbol("二、", -1));
  e.symbol(symbol("（二）", 0));
  CHECK(e.call_symbols() == 2);
  // A third call reports one of everything, then fails: nothing of it stays, its fact neither.
  e.begin_call();
  e.diagnostic({4, 6, Severity::Error, "c.y", "不该留下", "c", "", {}});
  e.action(0, 1, "c", fix);
  e.symbol(symbol("三、", -1));
  e.fold(0, 9);
  e.fact("profile", "丙");
  e.drop_call();
  e.problem({"c", "analyze 失败", false});
  const AnalysisResult r = codec::decode_analysis(e.finish(3));
  CHECK(r.version == 3);
  REQUIRE(r.symbols.size() == 4);
  CHECK(r.symbols[1].parent == 0);
  CHECK(r.symbols[2].parent == -1);
  CHECK(r.symbols[3].parent == 2);
  CHECK(r.symbols[3].name == "（二）");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "第一个");
  CHECK(r.diagnostics[0].fixes[0].edits[0].new_text == "改");
  CHECK(r.actions.empty());
  CHECK(r.folds.empty());
  CHECK(r.facts.at("profile") == "甲");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].plugin == "c");
}

TEST_CASE("a long text or result travels after the MessagePack part, and comes back where it was") {
  using nlohmann::json;
  const std::string text = std::string(worker::kAttachedFrom, 'a') + "报告𠮷";
  const json request = {{"id", 3}, {"method", "analyze"}, {"doc", {{"uri", "file:///r.txt"}, {"text", text}, {"serial", 9}}}};
  const std::string body = worker::dump(request);
  CHECK(body.ends_with(text));  // raw, not a MessagePack string
  CHECK(worker::parse(std::string(body)) == request);
  // Read back in the body's own memory: the text is not copied out of the frame it came in.
  std::string frame = body;
  const char *frame_memory = frame.data();
  const json read = worker::parse(std::move(frame));
  CHECK(read == request);
  CHECK(read["doc"]["text"].get_ref<const std::string &>().data() == frame_memory);
  // Sent from where it lies: the attachment is a view of the message's own string.
  const worker::Body parts = worker::dump_parts(request);
  CHECK(parts.attached.data() == request["doc"]["text"].get_ref<const std::string &>().data());
  CHECK(parts.packed + std::string(parts.attached) == body);
  const json result = {{"id", 4}, {"result", json::binary(std::vector<uint8_t>(worker::kAttachedFrom + 3, 0xC1))}};
  CHECK(worker::parse(worker::dump(result)) == result);
  // An encoded analysis is attached as it lies, never put in a JSON value, and read back as the
  // same bin value; a short one too.
  for (const size_t size : {worker::kAttachedFrom + 3, size_t{5}}) {
    const std::string encoded(size, '\xC1');
    const worker::Body attached = worker::dump_parts({{"id", 4}}, json::json_pointer("/result"), encoded, true);
    CHECK(attached.attached.data() == encoded.data());
    CHECK(worker::parse(attached.packed + std::string(attached.attached)) ==
          json({{"id", 4}, {"result", json::binary(std::vector<uint8_t>(size, 0xC1))}}));
  }
  // A document's text given beside its request, as the host sends it: the same body as the text
  // in the request, the bytes never copied.
  json head = request;
  head["doc"]["text"] = nullptr;
  const worker::Body beside = worker::dump_parts(head, json::json_pointer("/doc/text"), text, false);
  CHECK(beside.attached.data() == text.data());
  CHECK(beside.packed + std::string(beside.attached) == body);
  const json small = {{"id", 5}, {"doc", {{"text", "短"}}}};  // no attachment
  CHECK(worker::dump(small).size() < 40);
  CHECK(worker::parse(worker::dump(small)) == small);
  // Malformed bodies: a length past the end, bytes after a part that attaches nothing, an
  // attachment whose place is missing or not null.
  std::string too_long = worker::dump(small);
  too_long[0] = static_cast<char>(0x7F);
  CHECK(worker::parse(std::move(too_long)).is_discarded());
  CHECK(worker::parse(worker::dump(small) + "x").is_discarded());
  CHECK(worker::parse(std::string("\x01\x00", 2)).is_discarded());
  head = {{"id", 6}, {"@attached", "/doc/text"}, {"@binary", false}};
  std::string packed;
  json::to_msgpack(head, packed);
  const std::string prefix = {static_cast<char>(packed.size()), 0, 0, 0};
  CHECK(worker::parse(prefix + packed + "raw").is_discarded());
  head["doc"] = {{"text", 1}};
  packed.clear();
  json::to_msgpack(head, packed);
  CHECK(worker::parse(std::string{static_cast<char>(packed.size()), 0, 0, 0} + packed + "raw").is_discarded());
  head["doc"]["text"] = nullptr;
  packed.clear();
  json::to_msgpack(head, packed);
  CHECK(worker::parse(std::string{static_cast<char>(packed.size()), 0, 0, 0} + packed + "raw") ==
        json({{"id", 6}, {"doc", {{"text", "raw"}}}}));
}

TEST_CASE("a fix left without edits for the keystroke's analysis crosses the process as such; asked again it is whole") {
  const std::string punctuation = REPORTLS_BUILD_DIR "/lib/reportls/plugins/punctuation";
  if (!std::filesystem::exists(punctuation)) return;
  PluginHostOptions plugins;
  plugins.plugin_dirs = {punctuation};
  WorkerHostOptions worker;
  worker.executable = kBinary;
  auto host = make_worker_host(plugins, worker);
  std::string text = "关于2023年度法治政府建设情况的报告\n";
  for (int i = 0; i < 40; ++i) text += "推进依法行政(一),落实纲要;加强监督:成效明显!\n";
  auto normalized = [](const AnalysisResult &r) -> const Diagnostic & {
    for (const Diagnostic &d : r.diagnostics)
      if (d.code == "punctuation.normalized-document") return d;
    FAIL("no normalized-document");
    throw;
  };
  DocumentInput input{"file:///nfkc.txt", text, 1};
  input.defer_fix_edits = true;
  const AnalysisResult keystroke = host->analyze(input, CancelToken());
  REQUIRE(normalized(keystroke).fixes.size() == 1);
  CHECK(normalized(keystroke).fixes[0].edits_deferred);
  CHECK(normalized(keystroke).fixes[0].edits.empty());
  CHECK(normalized(keystroke).fixes[0].preferred);
  input.defer_fix_edits = false;
  const AnalysisResult asked = host->analyze(input, CancelToken());
  REQUIRE(normalized(asked).fixes.size() == 1);
  CHECK_FALSE(normalized(asked).fixes[0].edits_deferred);
  CHECK(normalized(asked).fixes[0].edits.size() == 40 * 6);
  CHECK(normalized(asked).fixes[0].title == normalized(keystroke).fixes[0].title);
}

TEST_CASE("splice_between finds the one changed middle part") {
  std::mt19937 rng(3);
  const std::string alphabet[] = {"a", "b", "法", "治", "𠮷", "\n"};
  auto random_text = [&](size_t n) {
    std::string t;
    for (size_t i = 0; i < n; ++i) t += alphabet[rng() % 6];
    return t;
  };
  for (int i = 0; i < 2000; ++i) {
    // Now and then long enough for the comparison by 4 KiB blocks.
    const std::string old_text = random_text(rng() % (i % 8 == 0 ? 6000 : 200));
    std::string new_text = old_text;
    const size_t at = old_text.empty() ? 0 : rng() % old_text.size();
    const size_t erase = old_text.empty() ? 0 : rng() % (old_text.size() - at + 1);
    new_text.replace(at, erase, random_text(rng() % 4));
    const worker::Splice s = worker::splice_between(old_text, new_text);
    REQUIRE(s.start + s.suffix <= std::min(old_text.size(), new_text.size()));
    // Rebuilding new from old and the middle part gives new exactly…
    std::string rebuilt = old_text;
    rebuilt.replace(s.start, old_text.size() - s.suffix - s.start,
                    new_text.substr(s.start, new_text.size() - s.suffix - s.start));
    CHECK(rebuilt == new_text);
    // …and the middle part is no longer than the edit that was made.
    CHECK(new_text.size() - s.start - s.suffix <= new_text.size() - (old_text.size() - erase));
  }
  CHECK(worker::splice_between(std::string(300, 'x'), std::string(300, 'x')).start == 300);
}

TEST_CASE("a held text takes about its length in memory, decoded whole or grown by keystrokes") {
  worker::HeldTexts texts;
  std::string decoded;
  for (int i = 0; i < 20000; ++i) decoded.push_back(static_cast<char>('a' + i % 26));  // as a decoder builds it
  REQUIRE(decoded.capacity() > decoded.size() + decoded.size() / 8);
  worker::HeldTexts::Text &t = texts.hold("file:///r.txt", 1, std::move(decoded));
  const std::string &held = t.text.bytes;
  CHECK(held.capacity() <= held.size() + held.size() / 8);
  std::string expected = held;
  for (int i = 0; i < 5000; ++i) {  // a day of typing in the middle of the report
    const size_t at = expected.size() / 2;
    const std::string_view typed = i % 2 ? "法" : "𠮷";
    worker::HeldTexts::replace(t, at, at, typed);
    expected.insert(at, typed);
    CHECK(held.capacity() <= held.size() + held.size() / 8);
  }
  CHECK(held == expected);
  worker::HeldTexts::replace(t, 10, 20000, "");  // a deletion keeps the rest exact
  CHECK(held == expected.erase(10, 19990));
}

TEST_CASE("related documents reach the plugins exactly, their texts sent as changes like the document's") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/related/related.so")) return;
  PluginHostOptions plugins;
  plugins.plugin_dirs = {REPORTLS_BUILD_DIR "/test-plugins/related", REPORTLS_BUILD_DIR "/test-plugins/old_abi"};
  WorkerHostOptions worker;
  worker.executable = kBinary;
  auto host = make_worker_host(plugins, worker);
  // This year's report typed in while last year's is edited too, and a third document related to
  // both now and then: every call must see the exact texts.
  std::mt19937 rng(5);
  std::string doc(1000, 'd'), previous(3000, 'p'), companion(2000, 'c');
  int64_t version = 0, previous_version = 0;
  for (int step = 0; step < 300; ++step) {
    std::string &t = rng() % 3 == 0 ? doc : rng() % 2 ? previous : companion;
    if (rng() % 4) t.insert(rng() % (t.size() + 1), rng() % 2 ? "法治" : "𠮷\n");
    if (rng() % 3 == 0 && t.size() > 8) t.erase(rng() % t.size(), 1);
    if (&t == &previous) ++previous_version;
    const std::string text = "OLDABI\n" + doc;  // the old plugin's marker, never edited away
    DocumentInput input{"file:///2024.txt", text, ++version};
    input.related.push_back({"previous", "file:///2023.txt", "/2023.txt", previous, previous_version});
    if (step % 5 == 0) input.related.push_back({"companion", "untitled:companion", "", companion, 0});
    AnalysisResult r = host->analyze(input, CancelToken());
    REQUIRE(r.facts["seen.previous"] == "file:///2023.txt " + digest_of(previous_version, previous));
    REQUIRE(r.facts.count("seen.companion") == (step % 5 == 0 ? 1u : 0u));
    if (step % 5 == 0) REQUIRE(r.facts["seen.companion"] == "untitled:companion " + digest_of(0, companion));
    // A plugin of ABI 1.0 beside it still works: it never looks past the fields it knows.
    REQUIRE(has_code(r, "old_abi.seen"));
  }
}

TEST_CASE("the worker is sent changes only and always analyses the exact text") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/digest/digest.so")) return;
  auto host = make_blocking_host(digest_client());
  // More documents than either side keeps, visited at random: changes, whole texts after an
  // eviction, and texts that did not change at all.
  std::mt19937 rng(11);
  std::vector<std::string> texts(24, std::string(4000, 'x'));
  std::vector<int64_t> versions(texts.size(), 0);
  std::set<std::string> snapshots;
  std::vector<std::string> names(texts.size(), "0");  // each document's text's name when last analysed
  int derived = 0;
  for (int step = 0; step < 400; ++step) {
    const size_t i = rng() % texts.size();
    std::string &t = texts[i];
    const std::string before = t;
    if (rng() % 4) t.insert(rng() % (t.size() + 1), rng() % 2 ? "法治" : "𠮷\n");
    if (rng() % 3 == 0 && !t.empty()) t.erase(rng() % t.size(), 1);  // may split a character
    const std::string uri = "file:///doc" + std::to_string(i) + ".txt";
    AnalysisResult r = host->analyze({uri, t, ++versions[i]}, CancelToken());
    REQUIRE(r.facts["digest"] == digest_of(versions[i], t));
    // A name is never given to two texts (ABI 1.5): a text that did not change keeps its own.
    CHECK(r.facts["snapshot"] != "0");
    CHECK((snapshots.insert(r.facts["snapshot"]).second || (t == before && r.facts["snapshot"] == names[i])));
    // A text made from the last one by a change says so, and the change is what was done (ABI 1.6).
    unsigned long long from = 0;
    unsigned start = 0, old_end = 0, new_end = 0;
    REQUIRE(std::sscanf(r.facts["from"].c_str(), "%llu:%u:%u:%u", &from, &start, &old_end, &new_end) == 4);
    if (from != 0 && r.facts["snapshot"] != names[i]) {
      ++derived;
      CHECK(std::to_string(from) == names[i]);
      REQUIRE((start <= old_end && old_end <= before.size() && new_end <= t.size()));
      CHECK(t.compare(0, start, before, 0, start) == 0);
      CHECK(t.substr(new_end) == before.substr(old_end));
    }
    names[i] = r.facts["snapshot"];
  }
  CHECK(derived > 100);
}

TEST_CASE("a text made from the one last sent by a known replacement is sent as that replacement, and exactly") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/digest/digest.so")) return;
  auto host = digest_client();
  auto analyze = [&](const Job &job) {
    std::promise<AnalysisResult> done;
    host->analyze(job, REPORTLS_CAP_DIAGNOSTICS, [&](AnalysisResult r) { done.set_value(std::move(r)); });
    return done.get_future().get();
  };
  // Each text one replacement away from the one before; its origin names that one — or, now and
  // then, a text the process never got, or a replacement that does not fit: those are compared.
  std::mt19937 rng(29);
  auto text = std::make_shared<const std::string>("第一段，全面推进依法行政。\n第二段 𠮷 2024年\r\n" + std::string(3000, 'x'));
  uint64_t name = 1;
  CHECK(analyze({text, {"file:///o.txt", *text, 1}, CancelToken(), {name}}).facts["digest"] == digest_of(1, *text));
  for (int step = 2; step < 300; ++step) {
    const std::string &before = *text;
    uint32_t start = static_cast<uint32_t>(rng() % (before.size() + 1));
    while (start > 0 && start < before.size() && (static_cast<unsigned char>(before[start]) & 0xC0) == 0x80) --start;
    uint32_t old_end = std::min<uint32_t>(static_cast<uint32_t>(before.size()), start + rng() % 7);
    while (old_end < before.size() && (static_cast<unsigned char>(before[old_end]) & 0xC0) == 0x80) ++old_end;
    const std::string insert = rng() % 3 ? "法治" : rng() % 2 ? "\n" : "";
    auto next = std::make_shared<const std::string>(before.substr(0, start) + insert + before.substr(old_end));
    TextOrigin origin{name + 1, name, start, old_end, static_cast<uint32_t>(start + insert.size())};
    if (step % 7 == 0)  // a text never sent, whose replacement would not make this one of the last
      origin = {name + 1, 999999, static_cast<uint32_t>(before.size()), static_cast<uint32_t>(before.size()),
                static_cast<uint32_t>(next->size())};
    if (step % 11 == 0) origin.old_end = origin.start;  // a replacement that does not fit the sizes
    AnalysisResult r = analyze({next, {"file:///o.txt", *next, step}, CancelToken(), origin});
    REQUIRE(r.facts["digest"] == digest_of(step, *next));
    text = next;
    name = origin.name;
  }
}

TEST_CASE("a process that serves other calls creates a plugin only when a call needs it, and closes go through") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/digest/digest.so")) return;
  PluginHostOptions plugins;
  plugins.plugin_dirs = {REPORTLS_BUILD_DIR "/test-plugins/digest"};
  plugins.capabilities = REPORTLS_CAP_COMPLETION | REPORTLS_CAP_HOVER;  // digest only analyses
  WorkerHostOptions worker;
  worker.executable = kBinary;
  auto host = make_worker_host(plugins, worker);
  REQUIRE(host->plugins().size() == 1);
  CHECK(host->plugins()[0].name == "digest");
  CHECK(host->plugins()[0].deferred);
  CHECK_FALSE(host->plugins()[0].active);
  // Asked for diagnostics all the same, it creates the plugin and runs it.
  AnalysisResult r = host->analyze({"file:///a.txt", "一、总体情况", 3}, CancelToken());
  CHECK(r.facts["digest"].rfind("3:", 0) == 0);
  CHECK(r.problems.empty());
  host->close("file:///a.txt");
  r = host->analyze({"file:///a.txt", "一、总体情况", 4}, CancelToken());  // a whole text again
  CHECK(r.facts["digest"].rfind("4:", 0) == 0);
}

TEST_CASE("the worker asks for the whole text when it lacks the one a change applies to") {
  if (!std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/digest/digest.so")) return;
  int in[2], out[2];
  REQUIRE(pipe(in) == 0);
  REQUIRE(pipe(out) == 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    ::close(in[1]);
    ::close(out[0]);
    execl(kBinary.c_str(), kBinary.c_str(), "--analysis-worker", "--plugin-dir", REPORTLS_BUILD_DIR "/test-plugins/digest",
          "--plugin-dir", REPORTLS_BUILD_DIR "/test-plugins/related", static_cast<char *>(nullptr));
    _exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  FrameWriter to(in[1]);
  FrameReader from(out[0]);
  auto next = [&] { return worker::parse(from.next().body); };
  CHECK(next().contains("hello"));
  auto request = [&](int id, nlohmann::json doc) {
    doc["uri"] = "file:///r.txt";
    doc["version"] = id;
    doc["settings"] = "{}";
    to.write(worker::dump({{"id", id}, {"method", "analyze"}, {"capabilities", ~0u}, {"doc", doc}}));
    return next();
  };
  // A change to a text it never got, or to another serial than the one it holds: "resend".
  CHECK(request(1, {{"serial", 1}, {"base", 7}, {"start", 0}, {"end", 0}, {"length", 1}, {"text", "x"}}).value("resend", false));
  CHECK(request(2, {{"serial", 2}, {"text", "abc"}}).contains("result"));
  CHECK(request(3, {{"serial", 3}, {"base", 1}, {"start", 0}, {"end", 0}, {"length", 4}, {"text", "x"}}).value("resend", false));
  // A change whose length does not add up is refused too; a right one is applied.
  CHECK(request(4, {{"serial", 4}, {"base", 2}, {"start", 1}, {"end", 2}, {"length", 9}, {"text", "Z"}}).value("resend", false));
  nlohmann::json ok = request(5, {{"serial", 5}, {"base", 2}, {"start", 1}, {"end", 2}, {"length", 3}, {"text", "Z"}});
  REQUIRE(ok.contains("result"));
  AnalysisResult r = worker::decode_analysis(ok["result"]);
  CHECK(r.facts["digest"].find(":3:") != std::string::npos);
  // A related document's text travels the same way: whole, then as a change to what is held; a
  // change to a related text it does not hold is refused like the document's own.
  auto related = [](nlohmann::json text) {
    text["role"] = "previous";
    text["uri"] = "file:///p.txt";
    text["version"] = 0;
    return nlohmann::json::array({text});
  };
  CHECK(request(6, {{"serial", 6}, {"base", 5}, {"start", 0}, {"end", 0}, {"length", 3}, {"text", ""},
                    {"related", related({{"serial", 7}, {"base", 99}, {"start", 0}, {"end", 0}, {"length", 1}, {"text", "q"}})}})
            .value("resend", false));
  CHECK(request(8, {{"serial", 8}, {"text", "aZc"}, {"related", related({{"serial", 9}, {"text", "pp"}})}}).contains("result"));
  ok = request(10, {{"serial", 10}, {"base", 8}, {"start", 0}, {"end", 0}, {"length", 3}, {"text", ""},
                    {"related", related({{"serial", 11}, {"base", 9}, {"start", 2}, {"end", 2}, {"length", 3}, {"text", "q"}})}});
  REQUIRE(ok.contains("result"));
  r = worker::decode_analysis(ok["result"]);
  CHECK(r.facts["seen.previous"] == "file:///p.txt " + digest_of(0, "ppq"));
  ::close(in[1]);  // end of input: the worker exits
  int status = 0;
  waitpid(pid, &status, 0);
  ::close(out[0]);
}

TEST_CASE("a crashing or hanging plugin is isolated, disabled for its document, and the rest still run") {
  if (!std::filesystem::exists(kBinary) ||
      !std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/crashing/crashing.so")) {
    MESSAGE("reportls or the test plugins are not built; skipped");
    return;
  }
  // A crash is told by how the process ended, however long the dying takes: a budget far beyond
  // any crash, so a loaded machine or a sanitizer's report cannot turn it into a "hang".
  auto host = test_host(std::chrono::minutes(5));
  bool found = false;
  for (const PluginInfo &p : host->plugins()) found |= p.name == "crashing" && p.active;
  REQUIRE(found);

  std::string text = "CRASH ABORT";
  DocumentInput doc{"file:///a.txt", text, 1};
  AnalysisResult r = host->analyze(doc, CancelToken());
  CHECK(r.version == 1);
  CHECK(has_code(r, "bad_output.span"));  // the other plugins' result for this very call
  REQUIRE(problem_of(r, "crashing"));
  CHECK(problem_of(r, "crashing")->disabled);
  CHECK(problem_of(r, "crashing")->message.find("崩溃（信号 11") != std::string::npos);
  REQUIRE(problem_of(r, "aborting"));
  CHECK(problem_of(r, "aborting")->message.find("崩溃（信号 6") != std::string::npos);

  // Later calls for that document skip both and still say why.
  AnalysisResult again = host->analyze(doc, CancelToken());
  CHECK(has_code(again, "bad_output.span"));
  CHECK(problem_of(again, "crashing"));
  CHECK(problem_of(again, "aborting"));

  // Another document is analysed by every plugin.
  std::string clean = "clean";
  AnalysisResult other = host->analyze({"file:///b.txt", clean, 1}, CancelToken());
  CHECK(has_code(other, "bad_output.span"));
  CHECK_FALSE(problem_of(other, "crashing"));

  // A hang is a plugin still running when its budget is over (it never ends by itself).
  auto strict = test_host(std::chrono::milliseconds(300));
  std::string hang = "HANG";
  AnalysisResult h = strict->analyze({"file:///h.txt", hang, 1}, CancelToken());
  REQUIRE(problem_of(h, "hanging"));
  CHECK(problem_of(h, "hanging")->disabled);
  CHECK(problem_of(h, "hanging")->message.find("超过 300 毫秒未返回") != std::string::npos);
  CHECK(has_code(h, "bad_output.span"));
}

TEST_CASE("an analysis process let go exits by itself at the end of its input, not by SIGKILL") {
  if (!std::filesystem::exists(kBinary)) return;
  // A process that exits by itself writes what it must on its way out (a profiler's counts).
  WorkerProcess process({kBinary, "--analysis-worker", "--plugin-dir", REPORTLS_BUILD_DIR "/test-plugins/digest"},
                        analysis_environment(false));
  REQUIRE(process.running());
  nlohmann::json hello;
  REQUIRE(process.next(hello, std::chrono::steady_clock::now() + std::chrono::seconds(30)) ==
          WorkerProcess::Wait::Message);
  CHECK(hello.contains("hello"));
  const int status = process.finish(std::chrono::seconds(30));
  CHECK_FALSE(killed_by_us(status));
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("a cancelled call waiting for the worker returns at once") {
  if (!std::filesystem::exists(kBinary)) return;
  auto host = test_host(std::chrono::milliseconds(2000));
  CancelToken token;
  token.cancel(-32800);
  std::string text = "x";
  // Cancelled before it starts: the in-process host would skip every plugin too.
  AnalysisResult r = host->analyze({"file:///c.txt", text, 1}, token);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("jobs of one kind for the same text are each answered; a job for another text supersedes those waiting") {
  if (!std::filesystem::exists(kBinary) ||
      !std::filesystem::exists(REPORTLS_BUILD_DIR "/test-plugins/completes/completes.so")) {
    MESSAGE("reportls or the test plugins are not built; skipped");
    return;
  }
  PluginHostOptions plugins;
  plugins.plugin_dirs = {REPORTLS_BUILD_DIR "/test-plugins/hanging", REPORTLS_BUILD_DIR "/test-plugins/completes"};
  WorkerHostOptions worker;
  worker.executable = kBinary;
  // The client thread is kept busy for this long by a hanging analysis: the jobs below are all
  // submitted, microseconds apart, before it can take any of them.
  worker.timeout = std::chrono::seconds(2);
  // What the jobs view and answer into outlives the client, which answers those left when it goes.
  struct Asked {
    CancelToken token;
    std::promise<CompletionResult> answer;
  };
  const std::string hang = "HANG", typed = "x", typed_more = "xj";
  std::promise<void> busy;
  Asked completion, ghost, stale, newest;
  auto client = make_worker_client(plugins, worker);
  client->analyze(Job{nullptr, {"file:///busy.txt", hang, 1}, CancelToken()}, ~0u, [&](AnalysisResult) { busy.set_value(); });
  auto ask = [&](Asked &asked, const char *uri, const std::string &text, int64_t version) {
    client->complete(Job{nullptr, {uri, text, version}, asked.token}, 0,
                     [&asked](CompletionResult r) { asked.answer.set_value(std::move(r)); });
  };
  // An editor's completion and ghost text at one keystroke: the same text, both answered.
  ask(completion, "file:///c.txt", typed, 1);
  ask(ghost, "file:///c.txt", typed, 1);
  // A keystroke between two asks of another document: the older text is no longer worth sending.
  ask(stale, "file:///d.txt", typed, 1);
  ask(newest, "file:///d.txt", typed_more, 2);

  for (Asked *answered : {&completion, &ghost, &newest}) {
    CompletionResult r = answered->answer.get_future().get();
    CHECK_FALSE(answered->token.cancelled());
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].label == "补全插件的条目");
  }
  CHECK(stale.answer.get_future().get().items.empty());
  CHECK(stale.token.reason() == cancel_reason::ContentModified);
  busy.get_future().get();
}
