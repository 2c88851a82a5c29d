// worker_protocol.h — the messages between the server and its analysis worker process.
//
// One JSON object, encoded as MessagePack (the document text travels unescaped), per
// Content-Length frame (transport.h), over the worker's stdin/stdout.  A frame's body is the
// length of the MessagePack part (4 bytes, little-endian), that part, and then, when the message
// holds a string or bin value of kAttachedFrom bytes or more (a document's text, a result), the
// first such value as raw bytes: the part has null in its place and says where it goes
// ("@attached": its JSON pointer, "@binary": whether it was a bin).  nlohmann reads a MessagePack
// string or bin a byte at a time; a raw attachment is one copy.
//
//   worker → host  {"hello": {"plugins": [PluginInfo...]}}            once, after loading
//   host → worker  {"id": N, "method": "analyze"|"complete"|"hover", "doc": {uri, path, version,
//                   settings, defer_fix_edits (when true), serial, text | base+start+end+text+length, related: [{role, uri,
//                   path, version, serial, text | base+start+end+text+length}]}, "capabilities": C,
//                   "offset": O, "skip": [plugin names]}
//   worker → host  {"id": N, "resend": true}      the worker no longer holds doc.base
//   worker → host  {"id": N, "result": <bin>}      the request's result (encode() below)
//   worker → host  {"id": N, "crashed": true}      a plugin raised a fatal signal; the process dies
//   host → worker  {"cancel": N}                   the request's CancelToken was cancelled
//   host → worker  {"close": uri}                  the document was closed: its text and what the
//                                                  plugins keep for it are dropped (between requests)
//
// Which plugin the worker is running (to blame a crash or a hang, and for each call's budget) is
// not a message: the worker posts it on the call board, memory the two share (call_board.h).
//
// Document texts.  Every text the host sends gets a serial number; the worker keeps the last text
// of each uri with its serial (a few documents, least recently used dropped).  The next request
// for that uri carries only what changed — "base" (the serial the change applies to), bytes
// [start, end) of that text replaced by "text", and the new "length" — so a keystroke or a
// completion in a 1 MB report does not send the whole report through the pipe again.  The texts of
// related documents (last year's report beside this year's) travel the same way under their own
// uri, so re-analysing a report after each keystroke sends its unchanged related documents as empty
// changes.  A worker that lacks a base answers "resend", and the host sends every text whole.
//
// Results and the plugin list travel as one MessagePack bin value each, in the layout of
// result_codec.h (a JSON tree of thousands of diagnostics cost more than analysing them).
// The worker answers requests one at a time, in order.  Everything here is pure and
// thread-safe; the decode functions throw nlohmann::json::exception or codec::CodecError (both
// std::exception) on a malformed value: the host treats that like a crashed worker.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/host/plugin_host.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp::worker {

nlohmann::json encode(const AnalysisResult &r);
nlohmann::json encode(const CompletionResult &r);
nlohmann::json encode(const HoverResult &r);
nlohmann::json encode(const std::vector<PluginInfo> &plugins);

AnalysisResult decode_analysis(const nlohmann::json &j, AnalysisResult &&into = {});
CompletionResult decode_completion(const nlohmann::json &j);
HoverResult decode_hover(const nlohmann::json &j);
std::vector<PluginInfo> decode_plugins(const nlohmann::json &j);

// The middle part that differs between two texts: bytes [start, old.size() - suffix) of old
// become bytes [start, new.size() - suffix) of new.
struct Splice {
  size_t start = 0;
  size_t suffix = 0;
};
Splice splice_between(std::string_view old_text, std::string_view new_text);

// The last text of each uri, numbered by serial: what the worker holds (HeldTexts), and the host's
// record of what it sent (SentTexts).  At most `capacity` documents; holding one more drops the
// least recently used, on both sides alike.  Not thread-safe: one owner thread each.
template <class T>
class LastTexts {
 public:
  struct Text {
    uint64_t serial = 0;
    T text;
    uint64_t used = 0;
  };
  explicit LastTexts(size_t capacity = 16) : capacity_(capacity) {}

  Text *find(const std::string &uri) {
    auto it = texts_.find(uri);
    if (it == texts_.end()) return nullptr;
    it->second.used = ++clock_;
    return &it->second;
  }
  Text &hold(const std::string &uri, uint64_t serial, T text) {
    Text &t = texts_[uri];
    t = {serial, std::move(text), ++clock_};
    if (texts_.size() > capacity_)
      texts_.erase(std::min_element(texts_.begin(), texts_.end(),
                                    [](const auto &a, const auto &b) { return a.second.used < b.second.used; }));
    return t;
  }
  void forget(const std::string &uri) { texts_.erase(uri); }
  void clear() { texts_.clear(); }

 private:
  size_t capacity_;
  uint64_t clock_ = 0;
  std::map<std::string, Text> texts_;
};

// In the analysis process: its own copies, edited in place.  A held text takes about its length
// in memory: one decoded from a message (built a byte at a time) is shrunk to fit, and an edit that
// outgrows it grows it by an eighth, not by doubling as std::string would — a text held for hours
// of keystrokes otherwise keeps up to twice its length.  Each version held gets a name of its own
// (new_text_name()) and, when a replacement made it, the previous version's name and the
// replacement: the plugins' reportls_document.snapshot and from_snapshot.
struct HeldText {
  std::string bytes;
  TextOrigin origin;
};
class HeldTexts : public LastTexts<HeldText> {
 public:
  using LastTexts::LastTexts;
  Text &hold(const std::string &uri, uint64_t serial, std::string text);
  // Replaces bytes [start, end) of t's text with middle; the caller checked start <= end <= size.
  static void replace(Text &t, size_t start, size_t end, std::string_view middle);
};

// In the server: each text sent is a view of the snapshot it was sent from, kept alive by the
// job's owner (analysis_host.h), so an open document's text is not copied once more per analysis
// process.  An edited document's previous snapshot lives until its next request is sent.
struct SentText {
  std::shared_ptr<const void> owner;
  std::string_view view;
  uint64_t name = 0;  // the text's (TextOrigin::name), 0: unnamed
};
using SentTexts = LastTexts<SentText>;

// One message body, and back; parse() gives a discarded value for a malformed body.
constexpr size_t kAttachedFrom = 4096;
// A body in its two parts: the MessagePack part with its length in front, then the attached raw
// bytes, a view into the message dumped (which must outlive the Body).  A writer sends the two
// with one writev (FrameWriter::write): a document's text or a result is never copied to be sent.
struct Body {
  std::string packed;
  std::string_view attached;
};
Body dump_parts(const nlohmann::json &message);
// The message `head` with `attached` at `at` (where head holds null), as dump_parts() would send
// head holding it there — a bin when `binary`, a string else — without the bytes ever being put in
// a JSON value: an analysis already encoded (InProcessPluginHost::analyze_encoded), hundreds of
// kilobytes for a 1 MB report; a document's text sent whole, megabytes.
Body dump_parts(nlohmann::json head, const nlohmann::json::json_pointer &at, std::string_view attached, bool binary);
std::string dump(const nlohmann::json &message);  // the two parts joined
// Takes the body: an attached string (a document's text) becomes the value in the body's own
// memory, moved down over the head, instead of a copy of megabytes.
nlohmann::json parse(std::string &&body);

}  // namespace reportls::lsp::worker
