// reportls/plugin.hpp — a thin C++ layer over reportls/plugin.h for analyzers written in C++.
//
// What it gives:
//   - value types (Diagnostic, Fix, Symbol, Completion…) that own their strings, and a Sink that
//     turns them into the borrowed C structs of the ABI for the duration of one callback;
//   - an exception barrier: no exception ever crosses the C boundary; it becomes REPORTLS_ERROR
//     with its what() sent through sink.error (or create's error buffer);
//   - REPORTLS_DEFINE_PLUGIN, which emits the descriptor and reportls_plugin_entry() for a class.
//
// The plugin class contract (all members called through the barrier):
//   explicit Class(const reportls::plugin::Config&);          // may throw: create fails with what()
//   reportls_status analyze(const Document&, Sink&) const;    // required
//   reportls_status complete(const Document&, uint32_t, Sink&) const;  // if REPORTLS_CAP_COMPLETION
//   reportls_status hover(const Document&, uint32_t, Sink&) const;     // if REPORTLS_CAP_HOVER
//   static constexpr const char *completion_triggers = "。，";         // optional (ABI 1.1)
//   void close(std::string_view uri) const;                  // optional (ABI 1.2): a document closed
// The const members may run concurrently on several threads (see plugin.h, "Threads").  A member
// named complete or hover whose signature differs from the above, or a capability announced
// without its member, is a compile error (not a plugin that silently offers nothing).
//
// Header-only on purpose: a plugin links nothing from the host.
#ifndef REPORTLS_PLUGIN_HPP
#define REPORTLS_PLUGIN_HPP

#include <reportls/plugin.h>

#include <concepts>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::plugin {

struct Config {
  std::string plugin_dir;
  std::vector<std::string> data_dirs;

  explicit Config(const reportls_config &c) : plugin_dir(c.plugin_dir ? c.plugin_dir : "") {
    if (REPORTLS_HAS_FIELD(&c, reportls_config, data_dir_count))
      for (size_t i = 0; i < c.data_dir_count; ++i)
        if (c.data_dirs[i]) data_dirs.emplace_back(c.data_dirs[i]);
    if (REPORTLS_HAS_FIELD(&c, reportls_config, warning_ctx)) {
      warning_ = c.warning;
      warning_ctx_ = c.warning_ctx;
    }
  }

  // A problem that does not stop the plugin (a broken user data file): the host tells the user
  // once.  During the constructor only.  An older host has no channel: the message is lost.
  void warn(const std::string &message) const {
    if (warning_) warning_(warning_ctx_, message.c_str());
  }

 private:
  void (*warning_)(void *, const char *) = nullptr;
  void *warning_ctx_ = nullptr;
};

// A document related to the analysed one (ABI 1.2; plugin.h, "Related documents"): views valid
// for the call only.
struct Related {
  std::string_view role;
  std::string_view uri;
  std::string_view path;  // empty when not a file
  std::string_view text;
  int64_t version = 0;    // 0: read from disk
};

struct Document {
  std::string_view uri;
  std::string_view text;
  int64_t version = 0;
  std::string_view settings = "{}";
  std::string_view path;  // file-system path of a file: URI; empty otherwise (or an older host)
  std::vector<Related> related;  // empty with an older host
  // ABI 1.4: the host asks again for the edits of a fix it shows, so a costly fix may be reported
  // without them (Diagnostic::fix_edits_deferred; plugin.h, "Fixes asked for later").
  bool defer_fix_edits = false;
  // ABI 1.5: the text's name in this process (0: unknown); equal names, equal texts.
  uint64_t snapshot = 0;
  // ABI 1.6: the text this one was made from by one replacement, when the host knows (from = 0:
  // unknown): bytes [start, old_end) of the text named `from` became [start, new_end) of this one.
  struct Origin {
    uint64_t from = 0;
    uint32_t start = 0, old_end = 0, new_end = 0;
  } origin;

  explicit Document(const reportls_document &d)
      : uri(d.uri ? d.uri : ""), text(d.text, d.length), version(d.version) {
    if (REPORTLS_HAS_FIELD(&d, reportls_document, settings) && d.settings) settings = d.settings;
    if (REPORTLS_HAS_FIELD(&d, reportls_document, path) && d.path) path = d.path;
    if (REPORTLS_HAS_FIELD(&d, reportls_document, related_count) && d.related)
      for (size_t i = 0; i < d.related_count; ++i) {
        const reportls_related_document *r = d.related[i];
        if (!r || !REPORTLS_HAS_FIELD(r, reportls_related_document, version)) continue;
        related.push_back({r->role ? r->role : "", r->uri ? r->uri : "", r->path ? r->path : "",
                           std::string_view(r->text ? r->text : "", r->text ? r->length : 0), r->version});
      }
    defer_fix_edits = REPORTLS_HAS_FIELD(&d, reportls_document, defer_fix_edits) && d.defer_fix_edits;
    if (REPORTLS_HAS_FIELD(&d, reportls_document, snapshot)) snapshot = d.snapshot;
    // A change that cannot be one of this text is no change.
    if (REPORTLS_HAS_FIELD(&d, reportls_document, change_new_end) && d.from_snapshot != 0 &&
        d.change_start <= d.change_old_end && d.change_start <= d.change_new_end && d.change_new_end <= text.size())
      origin = {d.from_snapshot, d.change_start, d.change_old_end, d.change_new_end};
  }

  // The related document of `role`, or nullptr.
  const Related *related_as(std::string_view role) const {
    for (const Related &r : related)
      if (r.role == role) return &r;
    return nullptr;
  }
};

struct Edit {
  uint32_t start = 0, end = 0;
  std::string new_text;
};

struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool preferred = false;
};

struct Diagnostic {
  uint32_t start = 0, end = 0;
  reportls_severity severity = REPORTLS_SEVERITY_WARNING;
  std::string code;
  std::string message;
  std::vector<Fix> fixes;
  std::string docs_url;  // empty: the host's default
  bool fix_edits_deferred = false;  // ABI 1.4: the fixes carry titles only (Document::defer_fix_edits)
};

struct Symbol {
  std::string name;
  std::string detail;
  reportls_symbol_kind kind = REPORTLS_SYMBOL_NAMESPACE;
  uint32_t start = 0, end = 0, selection_start = 0, selection_end = 0;
  int32_t parent = -1;
};

struct Completion {
  std::string label;
  std::string insert_text;
  bool snippet = false;
  uint32_t replace_start = 0, replace_end = 0;
  std::string filter_text, sort_text, detail, documentation;
  reportls_completion_kind kind = REPORTLS_COMPLETION_TEXT;
  bool preselected = false;  // ABI 1.3: see reportls_completion.is_preselected
};

// Wraps the host's callbacks; each call copies nothing and borrows the value's strings.
// Whether an (older) host sink carries the callback FIELD and set it.
#define has_(field) (REPORTLS_HAS_FIELD(&s_, reportls_sink, field) && s_.field != nullptr)

class Sink {
  static constexpr size_t kKeptEdits = 256;  // diagnostic(): the edits' room a thread keeps

 public:
  explicit Sink(const reportls_sink &s) : s_(s) {}

  bool cancelled() const { return has_(is_cancelled) && s_.is_cancelled(s_.ctx); }
  void error(const std::string &message) const {
    if (has_(error)) s_.error(s_.ctx, message.c_str());
  }
  void fact(const std::string &key, const std::string &value) const {
    if (has_(fact)) s_.fact(s_.ctx, key.c_str(), value.c_str());
  }
  void fold(uint32_t start, uint32_t end) const {
    if (!has_(fold)) return;
    reportls_fold f{sizeof f, start, end};
    s_.fold(s_.ctx, &f);
  }
  void symbol(const Symbol &v) const {
    if (!has_(symbol)) return;
    reportls_symbol c{sizeof c,   v.name.c_str(), v.detail.empty() ? nullptr : v.detail.c_str(),
                      v.kind,     v.start,        v.end,
                      v.selection_start, v.selection_end, v.parent};
    s_.symbol(s_.ctx, &c);
  }
  // `shift` is added to every offset (the diagnostic's and its fixes' edits'): a diagnostic kept
  // with offsets from a line's start, as found there once, is reported where the line is now.
  void diagnostic(const Diagnostic &v, uint32_t shift = 0) const {
    if (!has_(diagnostic)) return;
    // The C views of every fix's edits, one after another, then the fixes pointing into them: in
    // arrays this thread keeps, so that the thousands of diagnostics of a long report allocate
    // nothing here (the host copies them during the call); a document-wide fix's room is not kept.
    thread_local std::vector<reportls_edit> edits;
    thread_local std::vector<reportls_fix> fixes;
    edits.clear();
    fixes.clear();
    for (const Fix &f : v.fixes)
      for (const Edit &e : f.edits)
        edits.push_back({sizeof(reportls_edit), e.start + shift, e.end + shift, e.new_text.c_str()});
    size_t first = 0;
    for (const Fix &f : v.fixes) {
      fixes.push_back({sizeof(reportls_fix), f.title.c_str(), edits.data() + first, f.edits.size(), f.preferred ? 1 : 0});
      first += f.edits.size();
    }
    reportls_diagnostic c{sizeof c,       v.start + shift, v.end + shift, v.severity,
                          v.code.c_str(), v.message.c_str(), fixes.data(), fixes.size(),
                          v.docs_url.empty() ? nullptr : v.docs_url.c_str(), v.fix_edits_deferred ? 1 : 0};
    s_.diagnostic(s_.ctx, &c);
    if (edits.capacity() > kKeptEdits) edits = {};
  }
  void completion(const Completion &v, bool incomplete = false) const {
    if (!has_(completion)) return;
    auto opt = [](const std::string &s) { return s.empty() ? nullptr : s.c_str(); };
    reportls_completion c{sizeof c,         v.label.c_str(),     v.insert_text.c_str(),
                          v.snippet ? 1 : 0, v.replace_start,    v.replace_end,
                          opt(v.filter_text), opt(v.sort_text),  opt(v.detail),
                          opt(v.documentation), v.kind,            v.preselected ? 1 : 0};
    s_.completion(s_.ctx, &c, incomplete ? 1 : 0);
  }
  void action(uint32_t start, uint32_t end, const Fix &fix) const {
    if (!has_(action)) return;
    std::vector<reportls_edit> edits;
    for (const Edit &e : fix.edits)
      edits.push_back({sizeof(reportls_edit), e.start, e.end, e.new_text.c_str()});
    reportls_fix c{sizeof c, fix.title.c_str(), edits.data(), edits.size(), fix.preferred ? 1 : 0};
    s_.action(s_.ctx, start, end, &c);
  }
  void hover(uint32_t start, uint32_t end, const std::string &markdown) const {
    if (!has_(hover)) return;
    reportls_hover h{sizeof h, start, end, markdown.c_str()};
    s_.hover(s_.ctx, &h);
  }

 private:
  const reportls_sink &s_;
};
#undef has_

// Runs f, turning any exception into REPORTLS_ERROR plus a message on the sink.
template <class F>
reportls_status barrier(const reportls_sink *sink, F &&f) noexcept {
  try {
    return f();
  } catch (const std::exception &e) {
    if (sink) Sink(*sink).error(e.what());
  } catch (...) {
    if (sink) Sink(*sink).error("unknown exception");
  }
  return REPORTLS_ERROR;
}

namespace detail {
inline void copy_error(char *buf, size_t size, const char *msg) {
  if (!buf || size == 0) return;
  std::strncpy(buf, msg, size - 1);
  buf[size - 1] = '\0';
}

template <class P>
void *create(const reportls_config *config, char *error, size_t error_size) noexcept {
  try {
    return new P(Config(*config));
  } catch (const std::exception &e) {
    copy_error(error, error_size, e.what());
  } catch (...) {
    copy_error(error, error_size, "unknown exception");
  }
  return nullptr;
}
template <class P>
void destroy(void *instance) noexcept {
  delete static_cast<P *>(instance);
}
template <class P>
reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) noexcept {
  return barrier(s, [&] {
    Sink sink(*s);
    return static_cast<const P *>(i)->analyze(Document(*d), sink);
  });
}
template <class P>
reportls_status complete(void *i, const reportls_document *d, uint32_t offset,
                         const reportls_sink *s) noexcept {
  return barrier(s, [&] {
    Sink sink(*s);
    return static_cast<const P *>(i)->complete(Document(*d), offset, sink);
  });
}
template <class P>
reportls_status hover(void *i, const reportls_document *d, uint32_t offset,
                      const reportls_sink *s) noexcept {
  return barrier(s, [&] {
    Sink sink(*s);
    return static_cast<const P *>(i)->hover(Document(*d), offset, sink);
  });
}
template <class P>
void close(void *i, const char *uri) noexcept {
  barrier(nullptr, [&] {
    static_cast<const P *>(i)->close(std::string_view(uri ? uri : ""));
    return REPORTLS_OK;
  });
}
}  // namespace detail

}  // namespace reportls::plugin

// Defines reportls_plugin_entry() for CLASS.  CAPS is a bitwise OR of REPORTLS_CAP_*; CLASS must
// have complete()/hover() when it announces REPORTLS_CAP_COMPLETION / REPORTLS_CAP_HOVER.
#define REPORTLS_DEFINE_PLUGIN(CLASS, NAME, VERSION, DESCRIPTION, CAPS)                         \
  extern "C" REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {    \
    namespace d = ::reportls::plugin::detail;                                                   \
    static const reportls_plugin_descriptor descriptor = {                                      \
        sizeof(reportls_plugin_descriptor),                                                     \
        REPORTLS_ABI_MAJOR,                                                                     \
        REPORTLS_ABI_MINOR,                                                                     \
        NAME,                                                                                   \
        VERSION,                                                                                \
        DESCRIPTION,                                                                            \
        (CAPS),                                                                                 \
        &d::create<CLASS>,                                                                      \
        &d::destroy<CLASS>,                                                                     \
        &d::analyze<CLASS>,                                                                     \
        d::complete_fn<CLASS, ((CAPS) & REPORTLS_CAP_COMPLETION) != 0>(),                      \
        d::hover_fn<CLASS, ((CAPS) & REPORTLS_CAP_HOVER) != 0>(),                               \
        d::completion_triggers<CLASS>(),                                                        \
        d::close_fn<CLASS>()};                                                                  \
    return &descriptor;                                                                         \
  }

namespace reportls::plugin::detail {
template <class P>
concept HasComplete = requires { &P::complete; };
template <class P>
concept Completes = requires(const P &p, const Document &d, uint32_t offset, Sink &s) {
  { p.complete(d, offset, s) } -> std::same_as<reportls_status>;
};
template <class P>
concept HasHover = requires { &P::hover; };
template <class P>
concept Hovers = requires(const P &p, const Document &d, uint32_t offset, Sink &s) {
  { p.hover(d, offset, s) } -> std::same_as<reportls_status>;
};

template <class P, bool announced>
constexpr auto complete_fn() -> decltype(&complete<P>) {
  static_assert(!HasComplete<P> || Completes<P>,
                "complete() must be: reportls_status complete(const Document&, uint32_t, Sink&) const");
  static_assert(!announced || Completes<P>, "REPORTLS_CAP_COMPLETION announced without complete()");
  if constexpr (Completes<P>)
    return announced ? &complete<P> : nullptr;
  else
    return nullptr;
}
template <class P, bool announced>
constexpr auto hover_fn() -> decltype(&hover<P>) {
  static_assert(!HasHover<P> || Hovers<P>,
                "hover() must be: reportls_status hover(const Document&, uint32_t, Sink&) const");
  static_assert(!announced || Hovers<P>, "REPORTLS_CAP_HOVER announced without hover()");
  if constexpr (Hovers<P>)
    return announced ? &hover<P> : nullptr;
  else
    return nullptr;
}
template <class P>
constexpr auto close_fn() -> decltype(&close<P>) {
  if constexpr (requires(const P &p, std::string_view uri) { p.close(uri); })
    return &close<P>;
  else
    return nullptr;
}
template <class P>
constexpr const char *completion_triggers() {
  if constexpr (requires { P::completion_triggers; })
    return P::completion_triggers;
  else
    return nullptr;
}
}  // namespace reportls::plugin::detail

#endif  // REPORTLS_PLUGIN_HPP
