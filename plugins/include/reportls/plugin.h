/*
 * reportls/plugin.h — the reportls analyzer plugin ABI.  This is the only header a plugin needs.
 *
 * A plugin is a shared library that exports one C function, reportls_plugin_entry(), returning a
 * pointer to a static, immutable descriptor.  The host (the reportls server or CLI) loads it once
 * and never unloads it.
 *
 * Versioning
 *   - REPORTLS_ABI_MAJOR changes only when an existing struct field or function changes meaning,
 *     is removed or reordered.  The host refuses a plugin whose abi_major differs from its own.
 *   - REPORTLS_ABI_MINOR grows when fields are appended.  Every struct begins with struct_size;
 *     a reader never touches a field that lies beyond struct_size (see REPORTLS_HAS_FIELD), so an
 *     old plugin works with a new host and a new plugin with an old host.  Append only.
 *   - 1.1 appended: reportls_document.path, reportls_config.warning/warning_ctx and
 *     reportls_plugin_descriptor.completion_triggers.
 *   - 1.2 appended: reportls_document.related/related_count (related documents, see "Related
 *     documents" below), the capability bit REPORTLS_CAP_RELATED and
 *     reportls_plugin_descriptor.close.
 *   - 1.3 appended: reportls_completion.is_preselected (the item the plugin is sure of: preselected
 *     in the editor's list and offered as inline ghost text).
 *   - 1.4 appended: reportls_document.defer_fix_edits and reportls_diagnostic.fix_edits_deferred
 *     (see "Fixes asked for later" below).
 *   - 1.5 appended: reportls_document.snapshot (a text recognised without comparing it).
 *   - 1.6 appended: reportls_document.from_snapshot and change_start/change_old_end/change_new_end
 *     (a text made from a named one by one replacement, derived from it without comparing).
 *
 * Memory and errors
 *   - Nothing allocated on one side is freed on the other.  Every pointer handed to a callback is
 *     borrowed for the duration of that call only; the host copies what it keeps.  Every pointer
 *     the host hands to the plugin (document, config, sink) is valid until the plugin's function
 *     returns.
 *   - No C++ exception may leave a plugin function.  Failures are reported by the return status
 *     and a message through reportls_sink.error / create's error buffer.
 *
 * Text and positions
 *   - All text is UTF-8.  All positions are byte offsets into reportls_document.text, half-open
 *     [start, end).  The host clamps offsets past the end and snaps offsets that fall inside a
 *     multi-byte character back to its first byte; it alone converts to editor positions.
 *
 * Threads
 *   - create and destroy are called on the host's main thread.
 *   - analyze / complete / hover may be called concurrently from several worker threads on the
 *     same instance, each with its own document snapshot.  An instance must therefore be immutable
 *     after create (or guard its own state).
 *   - A long analysis should poll sink->is_cancelled now and then and return
 *     REPORTLS_CANCELLED when it is set; its results are then discarded.
 *   - close (1.2) may be called on any thread, never while a call about the same document runs.
 *
 * Related documents (1.2)
 *   - A plugin may relate a document to others through two kinds of facts of its analysis:
 *     "related.key" names the document (any string the plugin chooses), and "related.want.ROLE"
 *     names, for the role ROLE, the key of a document it wants beside this one.  The host compares
 *     these strings and nothing more: a document whose analysis reported related.want.ROLE = K is
 *     given, in its later calls, a document whose analysis reported related.key = K (one the editor
 *     has open first, else a file of the workspace), as reportls_document.related with that role.
 *     A setting may also name a related document for a role; the host then gives that one.
 *   - The host analyses files the editor does not show, to learn their keys, by calling analyze
 *     with only REPORTLS_CAP_RELATED asked for: only plugins announcing that bit are called, and
 *     only their facts are kept.  Their keys and wants must not depend on related documents.
 *   - When a related document changes, the documents it is related to are analysed again.
 *
 * Fixes asked for later (1.4)
 *   - A host sets reportls_document.defer_fix_edits when it does not need every fix's edits now:
 *     the server's analysis after each keystroke (it shows the diagnostics, and only when the user
 *     wants a fix — the light bulb on its diagnostic, fix-all, Format Document — analyses the same
 *     snapshot again without the flag and takes the edits from that call), and the command line
 *     when its output shows no fixes.  A plugin may then leave out the edits of a fix that is
 *     costly to build and to pass (a document-wide conversion of thousands of marks): it reports
 *     the fixes with their titles and no edits, and sets the diagnostic's fix_edits_deferred.
 *   - Everything else must be the same with and without the flag: the same diagnostics, at the
 *     same places, with the same fixes by title, so the host finds the edits of a fix by its
 *     diagnostic's code and range and the fix's title.  A plugin that ignores the flag is right.
 */
#ifndef REPORTLS_PLUGIN_H
#define REPORTLS_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define REPORTLS_ABI_MAJOR 1
#define REPORTLS_ABI_MINOR 6

/* Name of the one exported symbol. */
#define REPORTLS_PLUGIN_ENTRY_SYMBOL "reportls_plugin_entry"

#if defined(_WIN32)
#define REPORTLS_EXPORT __declspec(dllexport)
#else
#define REPORTLS_EXPORT __attribute__((visibility("default")))
#endif

/* True when a struct of the given (received) size contains FIELD. */
#define REPORTLS_HAS_FIELD(ptr, type, field) \
  ((ptr)->struct_size >= offsetof(type, field) + sizeof(((type *)0)->field))

typedef enum reportls_status {
  REPORTLS_OK = 0,
  REPORTLS_ERROR = 1,     /* the call failed; a message went to sink->error */
  REPORTLS_CANCELLED = 2  /* sink->is_cancelled was observed; results are discarded */
} reportls_status;

typedef enum reportls_severity {
  REPORTLS_SEVERITY_ERROR = 1,
  REPORTLS_SEVERITY_WARNING = 2,
  REPORTLS_SEVERITY_INFO = 3,
  REPORTLS_SEVERITY_HINT = 4
} reportls_severity;

/* Capability bits a descriptor announces: which functions the host may call. */
enum {
  REPORTLS_CAP_DIAGNOSTICS = 1u << 0,
  REPORTLS_CAP_SYMBOLS = 1u << 1,
  REPORTLS_CAP_FOLDING = 1u << 2,
  REPORTLS_CAP_COMPLETION = 1u << 3,
  REPORTLS_CAP_HOVER = 1u << 4,
  /* 1.2: analyze reports the related.* facts that relate documents (see "Related documents"). */
  REPORTLS_CAP_RELATED = 1u << 5
};

/* Symbol kinds, numbered as the LSP SymbolKind they map to. */
typedef enum reportls_symbol_kind {
  REPORTLS_SYMBOL_FILE = 1,
  REPORTLS_SYMBOL_MODULE = 2,
  REPORTLS_SYMBOL_NAMESPACE = 3,
  REPORTLS_SYMBOL_STRING = 15,
  REPORTLS_SYMBOL_NUMBER = 16,
  REPORTLS_SYMBOL_KEY = 20
} reportls_symbol_kind;

/* Completion item kinds, numbered as the LSP CompletionItemKind they map to. */
typedef enum reportls_completion_kind {
  REPORTLS_COMPLETION_TEXT = 1,
  REPORTLS_COMPLETION_KEYWORD = 14,
  REPORTLS_COMPLETION_SNIPPET = 15,
  REPORTLS_COMPLETION_REFERENCE = 18
} reportls_completion_kind;

/* 1.2: a document related to the one analysed (see "Related documents"): read-only, valid for the
 * call only, an immutable snapshot like the document itself. */
typedef struct reportls_related_document {
  size_t struct_size;
  const char *role;     /* NUL-terminated: the ROLE of the related.want.ROLE fact or setting */
  const char *uri;      /* NUL-terminated */
  const char *path;     /* NUL-terminated file-system path of a file: URI; NULL otherwise */
  const char *text;     /* UTF-8 (valid), NOT NUL-terminated */
  size_t length;        /* bytes in text */
  int64_t version;      /* the editor's version when it has the document open; 0 for a file read
                           from disk */
} reportls_related_document;

/* The document being analyzed: an immutable snapshot. */
typedef struct reportls_document {
  size_t struct_size;
  const char *uri;        /* NUL-terminated; "file:///…" or any client URI */
  const char *text;       /* UTF-8 (the host guarantees valid UTF-8), NOT NUL-terminated */
  size_t length;          /* bytes in text */
  int64_t version;        /* editor version, or 0 on the command line */
  const char *settings;   /* NUL-terminated JSON object: the effective reportls settings for this
                             document (user settings merged with the workspace file), e.g.
                             {"profile":"fazhi-annual","reportYear":2023}.  "{}" when none. */
  /* 1.1: the document's file-system path (UTF-8, NUL-terminated, percent-decoded) when uri is a
     file: URI; NULL for any other scheme (e.g. "untitled:"). */
  const char *path;
  /* 1.2: the documents related to this one, each by pointer (so the struct may grow); at most one
     per role.  NULL and 0 when there is none. */
  const reportls_related_document *const *related;
  size_t related_count;
  /* 1.4: non-zero when the host will ask again for the edits of the fixes it shows (see "Fixes
     asked for later"): a costly fix may be reported without its edits. */
  int defer_fix_edits;
  /* 1.5: non-zero: names this text within the process.  The host gives two calls the same
     snapshot only when their texts are byte for byte the same (every plugin of one analysis gets
     the same), so a plugin that keeps something per text may recognise a text it has seen without
     comparing a megabyte.  0: unknown (an older host). */
  uint64_t snapshot;
  /* 1.6: non-zero when this text was made from the text the host named from_snapshot by one
     replacement: bytes [change_start, change_old_end) of that text became bytes
     [change_start, change_new_end) of this one, and the bytes before and after are the same.  A
     plugin that keeps something of that text may update it around the change without comparing
     the two (a keystroke's text is its previous text and the keystroke).  0: unknown (a whole
     text, or an older host). */
  uint64_t from_snapshot;
  uint32_t change_start;
  uint32_t change_old_end;
  uint32_t change_new_end;
} reportls_document;

/* One text replacement: bytes [start, end) become new_text. */
typedef struct reportls_edit {
  size_t struct_size;
  uint32_t start;
  uint32_t end;
  const char *new_text;   /* UTF-8, NUL-terminated */
} reportls_edit;

/* A code action that applies edits to the analyzed document. */
typedef struct reportls_fix {
  size_t struct_size;
  const char *title;            /* shown in the editor's light bulb, e.g. "改为“截至目前”" */
  const reportls_edit *edits;   /* non-overlapping, any order */
  size_t edit_count;
  int is_preferred;             /* non-zero: the one certain fix (quick-fix-all may apply it) */
} reportls_fix;

typedef struct reportls_diagnostic {
  size_t struct_size;
  uint32_t start;
  uint32_t end;
  reportls_severity severity;
  const char *code;       /* stable rule id "<analyzer>.<rule>", e.g. "figures.sum" */
  const char *message;    /* Chinese, says what is wrong and why */
  const reportls_fix *fixes;
  size_t fix_count;
  const char *docs_url;   /* may be NULL: the host then links the rule's entry in the README */
  /* 1.4: non-zero when the fixes' edits were left out because the document said defer_fix_edits
     (see "Fixes asked for later"); the host asks for them when the user wants one. */
  int fix_edits_deferred;
} reportls_diagnostic;

/* One outline entry.  Symbols form a flat list in emission order; parent is the index (within
 * this plugin's symbols for this call) of an earlier symbol, or -1 for a top-level symbol. */
typedef struct reportls_symbol {
  size_t struct_size;
  const char *name;
  const char *detail;     /* may be NULL */
  reportls_symbol_kind kind;
  uint32_t start;         /* the whole section */
  uint32_t end;
  uint32_t selection_start; /* the heading itself; must lie within [start, end) */
  uint32_t selection_end;
  int32_t parent;
} reportls_symbol;

/* A foldable region; the host maps it to whole lines. */
typedef struct reportls_fold {
  size_t struct_size;
  uint32_t start;
  uint32_t end;
} reportls_fold;

typedef struct reportls_completion {
  size_t struct_size;
  const char *label;
  const char *insert_text;   /* replaces [replace_start, replace_end) */
  int is_snippet;            /* insert_text uses ${1:placeholder} syntax */
  uint32_t replace_start;
  uint32_t replace_end;      /* == the completion offset */
  const char *filter_text;   /* may be NULL: label */
  const char *sort_text;     /* may be NULL: emission order */
  const char *detail;        /* may be NULL: short, e.g. the section the phrase belongs to */
  const char *documentation; /* may be NULL: Markdown, given on completionItem/resolve */
  reportls_completion_kind kind;
  /* 1.3: non-zero when the plugin is sure this item is what the writer wants next (say so of one
   * item at most, and only on strong evidence): the editor preselects it, and the server offers
   * it as inline (ghost-text) completion.  Absent or 0: an ordinary item. */
  int is_preselected;
} reportls_completion;

typedef struct reportls_hover {
  size_t struct_size;
  uint32_t start;
  uint32_t end;
  const char *markdown;
} reportls_hover;

/* Host callbacks.  Every callback may be NULL in an older host: check REPORTLS_HAS_FIELD and the
 * pointer.  ctx is opaque and passed back unchanged. */
typedef struct reportls_sink {
  size_t struct_size;
  void *ctx;
  void (*diagnostic)(void *ctx, const reportls_diagnostic *diagnostic);
  void (*symbol)(void *ctx, const reportls_symbol *symbol);
  void (*fold)(void *ctx, const reportls_fold *fold);
  void (*completion)(void *ctx, const reportls_completion *item, int is_incomplete);
  void (*hover)(void *ctx, const reportls_hover *hover);
  /* A fact about the document for the host and the editor's status bar, e.g. key "profile",
   * value "fazhi-annual"; or "reportYear" / "2023".  related.* facts relate documents (1.2, see
   * "Related documents"). */
  void (*fact)(void *ctx, const char *key, const char *value);
  /* Non-zero once the host no longer wants this result (a newer version arrived). Cheap. */
  int (*is_cancelled)(void *ctx);
  /* Why a call fails or a data file was refused; shown to the user with the plugin's name. */
  void (*error)(void *ctx, const char *message);
  /* A code action not tied to a diagnostic (e.g. "remove all page debris"), offered when the
   * editor's selection touches bytes [start, end).  From analyze only. */
  void (*action)(void *ctx, uint32_t start, uint32_t end, const reportls_fix *fix);
} reportls_sink;

/* Given to create.  Paths are UTF-8 and NUL-terminated. */
typedef struct reportls_config {
  size_t struct_size;
  const char *plugin_dir;        /* folder holding the plugin library: its bundled data lives here */
  const char *const *data_dirs;  /* user folders with extra data files (profiles, term tables…) */
  size_t data_dir_count;
  /* 1.1: reports a problem found while creating the instance that does not stop it (a broken
   * user data file, an unknown setting): shown once to the user with the plugin's name.  Callable
   * during create only, any number of times; the message is copied.  NULL in an older host. */
  void (*warning)(void *warning_ctx, const char *message);
  void *warning_ctx;
} reportls_config;

typedef struct reportls_plugin_descriptor {
  size_t struct_size;
  uint32_t abi_major;            /* REPORTLS_ABI_MAJOR the plugin was built with */
  uint32_t abi_minor;
  const char *name;              /* short id, also the prefix of its diagnostic codes */
  const char *version;           /* the plugin's own version */
  const char *description;       /* one line, Chinese or English */
  uint32_t capabilities;         /* REPORTLS_CAP_* bits */

  /* Returns an instance, or NULL after writing a NUL-terminated reason into error (size bytes).
   * A plugin that finds a broken data file should still start when it can, reporting the file
   * through config->warning (1.1). */
  void *(*create)(const reportls_config *config, char *error, size_t error_size);
  void (*destroy)(void *instance);

  /* Diagnostics, symbols, folds and facts for a whole document. */
  reportls_status (*analyze)(void *instance, const reportls_document *document,
                             const reportls_sink *sink);
  /* Completion items at byte offset; NULL unless REPORTLS_CAP_COMPLETION. */
  reportls_status (*complete)(void *instance, const reportls_document *document, uint32_t offset,
                              const reportls_sink *sink);
  /* Hover at byte offset; NULL unless REPORTLS_CAP_HOVER. */
  reportls_status (*hover)(void *instance, const reportls_document *document, uint32_t offset,
                           const reportls_sink *sink);

  /* 1.1: characters after which the editor asks for completions unasked, as one UTF-8 string in
   * which every character is a trigger (e.g. "。，、："); NULL or "" for none. */
  const char *completion_triggers;

  /* 1.2: the document (uri, NUL-terminated) was closed: drop what the instance keeps for it (e.g.
   * per-line findings), so that memory follows what is open, not what was ever analysed.  The
   * host calls it again for the same uri only after that uri was analysed again.  May be NULL. */
  void (*close)(void *instance, const char *uri);
} reportls_plugin_descriptor;

typedef const reportls_plugin_descriptor *(*reportls_plugin_entry_fn)(void);

/* The one function a plugin exports. */
REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void);

#ifdef __cplusplus
}
#endif

#endif /* REPORTLS_PLUGIN_H */
