// result_codec.h — the compact binary form of analysis results between the analysis worker and
// the server (worker_protocol.h carries it as one MessagePack bin value).
//
// A 1 MB report gives thousands of diagnostics and fix edits per keystroke; building a JSON
// document tree of them on one side and walking it on the other cost more than the analysis
// itself.  This layout is written and read field by field: unsigned LEB128 integers, zigzag for
// signed ones, strings as length + bytes, sequences as count + elements, doubles as 8 bytes.
// Both ends come from one build (reportls and the reportls-analysis beside it), so there is no
// versioning.  Decoding checks every length against the bytes left and throws CodecError on
// anything malformed; it never allocates more than the input could describe.  Pure functions,
// thread-safe.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/host/plugin_host.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp::codec {

struct CodecError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Appends values in the layout above.  Writes into room of its own that it grows by doubling,
// never zero-filled: an analysis of a 1 MB report writes hundreds of thousands of values.
class Writer {
 public:
  void u(uint64_t v) {
    char *p = room(10);
    while (v >= 0x80) {
      *p++ = static_cast<char>(v | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<char>(v);
    size_ = static_cast<size_t>(p - buf_.get());
  }
  void s(int64_t v) { u((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void str(std::string_view v) {
    u(v.size());
    bytes(v);
  }
  void f64(double v);
  void bytes(std::string_view v) {
    if (v.empty()) return;
    std::memcpy(room(v.size()), v.data(), v.size());
    size_ += v.size();
  }
  // Room for n more bytes at once.
  void reserve(size_t n) { room(n); }
  size_t size() const { return size_; }
  void truncate(size_t size) { size_ = std::min(size, size_); }
  std::string_view view() const { return {buf_.get(), size_}; }
  std::string take() const { return std::string(view()); }

 private:
  // Where the next `n` bytes go.
  char *room(size_t n) {
    if (capacity_ - size_ < n) grow(n);
    return buf_.get() + size_;
  }
  void grow(size_t n);
  std::unique_ptr<char[]> buf_;
  size_t size_ = 0, capacity_ = 0;
};

// What a plugin reports, as the encoder takes it: views of strings and lists that live until the
// call returns (the sink's views of a plugin's own, or of an AnalysisResult's).
using EditView = BasicEdit<std::string_view>;
using SymbolView = BasicSymbol<std::string_view>;
struct FixView {
  std::string_view title;
  std::span<const EditView> edits;
  bool preferred = false, edits_deferred = false;
};
struct DiagnosticView {
  uint32_t start = 0, end = 0;
  Severity severity = Severity::Warning;
  std::string_view code, message, source, docs_url;
  std::span<const FixView> fixes;
};

// The encoding of an AnalysisResult (decode_analysis reads it), written as the plugins of one
// analysis report, call after call: the analysis process sends these bytes as they are, and builds
// no AnalysisResult of its own.  begin_call() marks where a plugin's call starts, and drop_call()
// takes back everything since (a failed call keeps nothing).  One thread.
class AnalysisEncoder {
 public:
  // The bytes of each section, to make room for at once: a 1 MB report's sections grow to hundreds
  // of kilobytes, copied at every doubling otherwise.
  struct Sizes {
    size_t diagnostics = 0, actions = 0, symbols = 0, folds = 0;
  };
  AnalysisEncoder() = default;
  // `expected`: what an analysis like this one wrote (sizes() of the last one).
  explicit AnalysisEncoder(const Sizes &expected);
  Sizes sizes() const { return {diagnostics_.bytes.size(), actions_.bytes.size(), symbols_.bytes.size(), folds_.bytes.size()}; }
  void begin_call();
  void drop_call();
  void diagnostic(const DiagnosticView &d);
  void action(uint32_t start, uint32_t end, std::string_view source, const FixView &fix);
  // parent: among the symbols of the current call (-1: none); written as an index into all of them.
  void symbol(const SymbolView &s);
  // Symbols reported in the current call so far.
  size_t call_symbols() const { return symbols_.count - call_.symbols.count; }
  void fold(uint32_t start, uint32_t end);
  void fact(std::string key, std::string value) { facts_[std::move(key)] = std::move(value); }
  void problem(const PluginProblem &p) { problems_.push_back(p); }
  void timing(const PluginTiming &t) { timings_.push_back(t); }
  // The whole encoding; the encoder is spent.
  std::string finish(int64_t version);

 private:
  struct Section {
    Writer bytes;
    size_t count = 0;
    struct Mark {
      size_t count = 0, bytes = 0;
    };
    Mark mark() const { return {count, bytes.size()}; }
    void back_to(Mark m) {
      count = m.count;
      bytes.truncate(m.bytes);
    }
  };
  // Where the current call started.
  struct Mark {
    Section::Mark diagnostics, actions, symbols, folds;
    std::map<std::string, std::string> facts;
  };
  Section diagnostics_, actions_, symbols_, folds_;
  std::map<std::string, std::string> facts_;
  std::vector<PluginProblem> problems_;
  std::vector<PluginTiming> timings_;
  Mark call_;
};

std::string encode(const AnalysisResult &r);
std::string encode(const CompletionResult &r);
std::string encode(const HoverResult &r);
std::string encode(const std::vector<PluginInfo> &plugins);

// `into`: a spent result (result_reuse.h) whose values are all overwritten, decoded into the room
// its strings and vectors have.
AnalysisResult decode_analysis(std::string_view bytes, AnalysisResult &&into = {});
CompletionResult decode_completion(std::string_view bytes);
HoverResult decode_hover(std::string_view bytes);
std::vector<PluginInfo> decode_plugins(std::string_view bytes);

}  // namespace reportls::lsp::codec
