#include "lsp/host/result_codec.h"

#include <algorithm>
#include <cstring>
#include <span>

namespace reportls::lsp::codec {

void Writer::grow(size_t n) {
  const size_t capacity = std::max(capacity_ * 2, size_ + n + 64);
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_) std::memcpy(bigger.get(), buf_.get(), size_);
  buf_ = std::move(bigger);
  capacity_ = capacity;
}

void Writer::f64(double v) {
  char b[sizeof v];
  std::memcpy(b, &v, sizeof v);
  bytes({b, sizeof v});
}

namespace {

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t u() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) throw CodecError("结果数据被截断");
      const auto b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    throw CodecError("结果数据中的整数过长");
  }
  int64_t s() {
    const uint64_t v = u();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  uint32_t u32() {
    const uint64_t v = u();
    if (v > UINT32_MAX) throw CodecError("结果数据中的偏移超出范围");
    return static_cast<uint32_t>(v);
  }
  std::string str() {
    std::string v;
    str(v);
    return v;
  }
  // Into `v`, in the room it has.
  void str(std::string &v) {
    const uint64_t n = u();
    if (n > in_.size() - pos_) throw CodecError("结果数据被截断");
    v.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  double f64() {
    double v;
    if (sizeof v > in_.size() - pos_) throw CodecError("结果数据被截断");
    std::memcpy(&v, in_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  // A sequence's length: every element takes at least one byte, so a count beyond the bytes left
  // is malformed (and is never used to reserve memory).
  size_t count() {
    const uint64_t n = u();
    if (n > in_.size() - pos_) throw CodecError("结果数据中的长度超出范围");
    return static_cast<size_t>(n);
  }
  void finish() const {
    if (pos_ != in_.size()) throw CodecError("结果数据后有多余的字节");
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

// ---- one put/get pair per value type, fields in declaration order -----------------------------

void put(Writer &w, const EditView &e) {
  w.u(e.start);
  w.u(e.end);
  w.str(e.new_text);
}
void get(Reader &r, Edit &e) {
  e.start = r.u32();
  e.end = r.u32();
  r.str(e.new_text);
}

void put(Writer &w, const std::string &s) { w.str(s); }
void get(Reader &r, std::string &s) { r.str(s); }

// Writer is not of this file's namespace: the elements' put() must be declared before the
// sequences' (argument-dependent lookup would not find them).
void put(Writer &w, const PluginProblem &p);
void put(Writer &w, const PluginTiming &t);
void put(Writer &w, const Completion &c);
void put(Writer &w, const Hover &h);
void put(Writer &w, const PluginInfo &p);

template <class T>
void put(Writer &w, const std::vector<T> &v) {
  w.u(v.size());
  for (const T &x : v) put(w, x);
}
// Into the elements v has (a spent result's: their strings keep their room), then new ones; room
// is never made ahead for more than a few thousand, whatever the count says.
template <class T>
void get(Reader &r, std::vector<T> &v) {
  const size_t n = r.count();
  if (v.size() > n) v.resize(n);
  for (T &x : v) get(r, x);
  v.reserve(std::min<size_t>(n, std::max<size_t>(v.size(), 4096)));
  while (v.size() < n) get(r, v.emplace_back());
}

void put(Writer &w, const FixView &f) {
  w.str(f.title);
  w.u(f.edits.size());
  for (const EditView &e : f.edits) put(w, e);
  w.u(uint64_t{f.preferred} | uint64_t{f.edits_deferred} << 1);
}
void get(Reader &r, Fix &f) {
  r.str(f.title);
  get(r, f.edits);
  const uint64_t flags = r.u();
  f.preferred = flags & 1;
  f.edits_deferred = flags & 2;
}

void put(Writer &w, const DiagnosticView &d) {
  w.u(d.start);
  w.u(d.end);
  w.u(static_cast<uint64_t>(d.severity));
  w.str(d.code);
  w.str(d.message);
  w.str(d.source);
  w.str(d.docs_url);
  w.u(d.fixes.size());
  for (const FixView &f : d.fixes) put(w, f);
}
void get(Reader &r, Diagnostic &d) {
  d.start = r.u32();
  d.end = r.u32();
  const uint64_t severity = r.u();
  if (severity < 1 || severity > 4) throw CodecError("结果数据中的严重程度无效");
  d.severity = static_cast<Severity>(severity);
  r.str(d.code);
  r.str(d.message);
  r.str(d.source);
  r.str(d.docs_url);
  get(r, d.fixes);
}

void put(Writer &w, uint32_t start, uint32_t end, std::string_view source, const FixView &fix) {
  w.u(start);
  w.u(end);
  w.str(source);
  put(w, fix);
}
void get(Reader &r, Action &a) {
  a.start = r.u32();
  a.end = r.u32();
  r.str(a.source);
  get(r, a.fix);
}

void put(Writer &w, const SymbolView &s) {
  w.str(s.name);
  w.str(s.detail);
  w.s(s.kind);
  w.u(s.start);
  w.u(s.end);
  w.u(s.selection_start);
  w.u(s.selection_end);
  w.s(s.parent);
}
void get(Reader &r, Symbol &s) {
  r.str(s.name);
  r.str(s.detail);
  s.kind = static_cast<int>(r.s());
  s.start = r.u32();
  s.end = r.u32();
  s.selection_start = r.u32();
  s.selection_end = r.u32();
  s.parent = static_cast<int32_t>(r.s());
}

void get(Reader &r, Fold &f) {
  f.start = r.u32();
  f.end = r.u32();
}

void put(Writer &w, const Completion &c) {
  for (const std::string *s : {&c.label, &c.insert_text, &c.filter_text, &c.sort_text, &c.detail,
                               &c.documentation, &c.source})
    w.str(*s);
  w.u(c.snippet);
  w.s(c.kind);
  w.u(c.replace_start);
  w.u(c.replace_end);
  w.u(c.preselected);
}
void get(Reader &r, Completion &c) {
  for (std::string *s : {&c.label, &c.insert_text, &c.filter_text, &c.sort_text, &c.detail,
                         &c.documentation, &c.source})
    *s = r.str();
  c.snippet = r.u() != 0;
  c.kind = static_cast<int>(r.s());
  c.replace_start = r.u32();
  c.replace_end = r.u32();
  c.preselected = r.u() != 0;
}

void put(Writer &w, const Hover &h) {
  w.u(h.start);
  w.u(h.end);
  w.str(h.markdown);
}
void get(Reader &r, Hover &h) {
  h.start = r.u32();
  h.end = r.u32();
  h.markdown = r.str();
}

void put(Writer &w, const PluginProblem &p) {
  w.str(p.plugin);
  w.str(p.message);
  w.u(p.disabled);
}
void get(Reader &r, PluginProblem &p) {
  p.plugin = r.str();
  p.message = r.str();
  p.disabled = r.u() != 0;
}

void put(Writer &w, const PluginTiming &t) {
  w.str(t.plugin);
  w.f64(t.milliseconds);
}
void get(Reader &r, PluginTiming &t) {
  t.plugin = r.str();
  t.milliseconds = r.f64();
}

void put(Writer &w, const PluginInfo &p) {
  for (const std::string *s : {&p.name, &p.version, &p.description, &p.path}) w.str(*s);
  w.u(p.capabilities);
  w.u(p.active);
  w.u(p.deferred);
  w.str(p.error);
  put(w, p.warnings);
  put(w, p.trigger_characters);
}
void get(Reader &r, PluginInfo &p) {
  for (std::string *s : {&p.name, &p.version, &p.description, &p.path}) *s = r.str();
  p.capabilities = r.u32();
  p.active = r.u() != 0;
  p.deferred = r.u() != 0;
  p.error = r.str();
  get(r, p.warnings);
  get(r, p.trigger_characters);
}

template <class T>
T decode(std::string_view bytes, void (*read)(Reader &, T &), T &&into = {}) {
  Reader r(bytes);
  T value = std::move(into);
  read(r, value);
  r.finish();
  return value;
}

}  // namespace

AnalysisEncoder::AnalysisEncoder(const Sizes &expected) {
  diagnostics_.bytes.reserve(expected.diagnostics);
  actions_.bytes.reserve(expected.actions);
  symbols_.bytes.reserve(expected.symbols);
  folds_.bytes.reserve(expected.folds);
}

void AnalysisEncoder::begin_call() {
  call_ = {diagnostics_.mark(), actions_.mark(), symbols_.mark(), folds_.mark(), facts_};
}

void AnalysisEncoder::drop_call() {
  diagnostics_.back_to(call_.diagnostics);
  actions_.back_to(call_.actions);
  symbols_.back_to(call_.symbols);
  folds_.back_to(call_.folds);
  facts_ = call_.facts;
}

void AnalysisEncoder::diagnostic(const DiagnosticView &d) {
  put(diagnostics_.bytes, d);
  ++diagnostics_.count;
}

void AnalysisEncoder::action(uint32_t start, uint32_t end, std::string_view source, const FixView &fix) {
  put(actions_.bytes, start, end, source, fix);
  ++actions_.count;
}

void AnalysisEncoder::symbol(const SymbolView &s) {
  SymbolView whole = s;
  if (whole.parent >= 0) whole.parent += static_cast<int32_t>(call_.symbols.count);
  put(symbols_.bytes, whole);
  ++symbols_.count;
}

void AnalysisEncoder::fold(uint32_t start, uint32_t end) {
  folds_.bytes.u(start);
  folds_.bytes.u(end);
  ++folds_.count;
}

std::string AnalysisEncoder::finish(int64_t version) {
  // The short tail first, so that the whole is written into room of its exact size: the
  // sections of a 1 MB report's analysis are hundreds of kilobytes.
  Writer tail;
  tail.u(facts_.size());
  for (const auto &[k, v] : facts_) {
    tail.str(k);
    tail.str(v);
  }
  put(tail, problems_);
  put(tail, timings_);
  const std::initializer_list<const Section *> sections = {&diagnostics_, &actions_, &symbols_, &folds_};
  Writer head;  // the version, then each section's count before its bytes
  head.s(version);
  size_t room = tail.size();
  for (const Section *section : sections) room += 10 + section->bytes.size();
  std::string out;
  out.reserve(room + 10);
  out.append(head.view());
  for (const Section *section : sections) {
    Writer count;
    count.u(section->count);
    out.append(count.view()).append(section->bytes.view());
  }
  out.append(tail.view());
  return out;
}

std::string encode(const AnalysisResult &a) {
  AnalysisEncoder e;
  // The views of one diagnostic's (or action's) fixes and their edits, remade for each.
  std::vector<EditView> edits;
  std::vector<FixView> fixes;
  auto view = [&](std::span<const Fix> fs) {
    edits.clear();
    fixes.clear();
    for (const Fix &f : fs)
      for (const Edit &x : f.edits) edits.push_back({x.start, x.end, x.new_text});
    const EditView *next = edits.data();
    for (const Fix &f : fs) {
      fixes.push_back({f.title, {next, f.edits.size()}, f.preferred, f.edits_deferred});
      next += f.edits.size();
    }
  };
  for (const Diagnostic &d : a.diagnostics) {
    view(d.fixes);
    e.diagnostic({d.start, d.end, d.severity, d.code, d.message, d.source, d.docs_url, fixes});
  }
  for (const Action &x : a.actions) {
    view({&x.fix, 1});
    e.action(x.start, x.end, x.source, fixes.front());
  }
  for (const Symbol &s : a.symbols)
    e.symbol({s.name, s.detail, s.kind, s.start, s.end, s.selection_start, s.selection_end, s.parent});
  for (const Fold &f : a.folds) e.fold(f.start, f.end);
  for (const auto &[k, v] : a.facts) e.fact(k, v);
  for (const PluginProblem &p : a.problems) e.problem(p);
  for (const PluginTiming &t : a.timings) e.timing(t);
  return e.finish(a.version);
}

AnalysisResult decode_analysis(std::string_view bytes, AnalysisResult &&into) {
  return decode<AnalysisResult>(
      bytes,
      [](Reader &r, AnalysisResult &a) {
        a.version = r.s();
        get(r, a.diagnostics);
        get(r, a.actions);
        get(r, a.symbols);
        get(r, a.folds);
        a.facts.clear();
        for (size_t n = r.count(); n > 0; --n) {
          std::string k = r.str();
          a.facts[std::move(k)] = r.str();
        }
        get(r, a.problems);
        get(r, a.timings);
      },
      std::move(into));
}

std::string encode(const CompletionResult &c) {
  Writer w;
  put(w, c.items);
  w.u(c.incomplete);
  put(w, c.problems);
  return w.take();
}

CompletionResult decode_completion(std::string_view bytes) {
  return decode<CompletionResult>(bytes, [](Reader &r, CompletionResult &c) {
    get(r, c.items);
    c.incomplete = r.u() != 0;
    get(r, c.problems);
  });
}

std::string encode(const HoverResult &h) {
  Writer w;
  put(w, h.hovers);
  put(w, h.problems);
  return w.take();
}

HoverResult decode_hover(std::string_view bytes) {
  return decode<HoverResult>(bytes, [](Reader &r, HoverResult &h) {
    get(r, h.hovers);
    get(r, h.problems);
  });
}

std::string encode(const std::vector<PluginInfo> &plugins) {
  Writer w;
  put(w, plugins);
  return w.take();
}

std::vector<PluginInfo> decode_plugins(std::string_view bytes) {
  return decode<std::vector<PluginInfo>>(bytes, [](Reader &r, std::vector<PluginInfo> &p) { get(r, p); });
}

}  // namespace reportls::lsp::codec
