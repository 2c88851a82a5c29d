#include "lsp/host/sink.h"

#include "lsp/engine/text_document.h"
#include "lsp/protocol/utf8_runs.h"

#include <algorithm>
#include <cstring>

namespace reportls::lsp {
namespace {

// An enum field as the plain integer a C plugin may have stored in it: loading an out-of-range
// value through the enum type would itself be undefined behaviour.
template <class E>
int enum_value(const E &field) {
  static_assert(sizeof(E) == sizeof(int));
  int value;
  std::memcpy(&value, &field, sizeof value);
  return value;
}

}  // namespace

uint32_t clamp_offset(std::string_view text, uint32_t offset) {
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  // Snap back to the first byte of the character the offset falls in.
  while (offset > 0 && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    --offset;
  return offset;
}

std::string copy_text(const char *s) {
  std::string out = s ? s : "";
  sanitize_utf8(out);
  return out;
}

void Collector::span(uint32_t &start, uint32_t &end) const {
  start = clamp_offset(text, start);
  end = clamp_offset(text, end);
  if (end < start) std::swap(start, end);
}

std::string_view Collector::clean(const char *s) {
  if (!s) return {};
  const std::string_view v(s);
  if (valid_utf8_prefix(v) == v.size()) return v;
  std::string &copy = repaired.emplace_back(v);
  sanitize_utf8(copy);
  return copy;
}

void Collector::view_fixes(const reportls_fix *fixes, size_t count, bool edits_deferred) {
  fix_views.clear();
  edit_views.clear();
  for (size_t i = 0; fixes && i < count; ++i) {
    const reportls_fix &f = fixes[i];
    for (size_t k = 0; f.edits && k < f.edit_count; ++k) {
      codec::EditView e{f.edits[k].start, f.edits[k].end, clean(f.edits[k].new_text)};
      span(e.start, e.end);
      edit_views.push_back(e);
    }
  }
  // Pointed into once every edit is in place.
  const codec::EditView *next = edit_views.data();
  for (size_t i = 0; fixes && i < count; ++i) {
    const reportls_fix &f = fixes[i];
    const size_t edits = f.edits ? f.edit_count : 0;
    fix_views.push_back({clean(f.title), {next, edits},
                         REPORTLS_HAS_FIELD(&f, reportls_fix, is_preferred) && f.is_preferred, edits_deferred});
    next += edits;
  }
}

namespace {

Collector &self(void *ctx) { return *static_cast<Collector *>(ctx); }

void on_diagnostic(void *ctx, const reportls_diagnostic *d) {
  Collector &c = self(ctx);
  if (!c.analysis || !d) return;
  codec::DiagnosticView out;
  out.start = d->start;
  out.end = d->end;
  c.span(out.start, out.end);
  const int severity = enum_value(d->severity);
  out.severity = severity >= 1 && severity <= 4 ? static_cast<Severity>(severity) : Severity::Warning;
  out.code = c.clean(d->code);
  out.message = c.clean(d->message);
  out.source = *c.plugin;
  if (REPORTLS_HAS_FIELD(d, reportls_diagnostic, docs_url)) out.docs_url = c.clean(d->docs_url);
  c.view_fixes(d->fixes, d->fix_count,
               REPORTLS_HAS_FIELD(d, reportls_diagnostic, fix_edits_deferred) && d->fix_edits_deferred);
  out.fixes = c.fix_views;
  c.analysis->diagnostic(out);
  c.repaired.clear();
}

void on_symbol(void *ctx, const reportls_symbol *s) {
  Collector &c = self(ctx);
  if (!c.analysis || !s) return;
  codec::SymbolView out;
  out.name = c.clean(s->name);
  if (out.name.empty()) out.name = "(无标题)";
  out.detail = c.clean(s->detail);
  const int kind = enum_value(s->kind);
  out.kind = kind >= 1 && kind <= 26 ? kind : REPORTLS_SYMBOL_STRING;
  out.start = s->start;
  out.end = s->end;
  out.selection_start = s->selection_start;
  out.selection_end = s->selection_end;
  c.span(out.start, out.end);
  c.span(out.selection_start, out.selection_end);
  // LSP requires the selection inside the range.
  out.selection_start = std::clamp(out.selection_start, out.start, out.end);
  out.selection_end = std::clamp(out.selection_end, out.selection_start, out.end);
  // A parent among the plugin's own symbols of this call, or none.
  out.parent = s->parent >= 0 && static_cast<size_t>(s->parent) < c.analysis->call_symbols() ? s->parent : -1;
  c.analysis->symbol(out);
  c.repaired.clear();
}

void on_fold(void *ctx, const reportls_fold *f) {
  Collector &c = self(ctx);
  if (!c.analysis || !f) return;
  uint32_t start = f->start, end = f->end;
  c.span(start, end);
  c.analysis->fold(start, end);
}

void on_completion(void *ctx, const reportls_completion *item, int incomplete) {
  Collector &c = self(ctx);
  if (!c.completion || !item) return;
  Completion out;
  out.label = copy_text(item->label);
  out.insert_text = copy_text(item->insert_text);
  out.snippet = item->is_snippet != 0;
  out.replace_start = item->replace_start;
  out.replace_end = item->replace_end;
  c.span(out.replace_start, out.replace_end);
  out.filter_text = copy_text(item->filter_text);
  out.sort_text = copy_text(item->sort_text);
  out.detail = copy_text(item->detail);
  out.documentation = copy_text(item->documentation);
  const int kind = enum_value(item->kind);
  out.kind = kind >= 1 && kind <= 25 ? kind : REPORTLS_COMPLETION_TEXT;
  out.preselected = REPORTLS_HAS_FIELD(item, reportls_completion, is_preselected) && item->is_preselected != 0;
  out.source = *c.plugin;
  c.completion->items.push_back(std::move(out));
  if (incomplete) c.completion->incomplete = true;
}

void on_hover(void *ctx, const reportls_hover *h) {
  Collector &c = self(ctx);
  if (!c.hover || !h) return;
  Hover out{h->start, h->end, copy_text(h->markdown)};
  c.span(out.start, out.end);
  c.hover->hovers.push_back(std::move(out));
}

void on_fact(void *ctx, const char *key, const char *value) {
  Collector &c = self(ctx);
  if (c.analysis && key) c.analysis->fact(copy_text(key), copy_text(value));
}

int on_is_cancelled(void *ctx) { return self(ctx).token->cancelled() ? 1 : 0; }

void on_error(void *ctx, const char *message) { self(ctx).errors.push_back(copy_text(message)); }

void on_action(void *ctx, uint32_t start, uint32_t end, const reportls_fix *fix) {
  Collector &c = self(ctx);
  if (!c.analysis || !fix) return;
  c.span(start, end);
  c.view_fixes(fix, 1, false);
  c.analysis->action(start, end, *c.plugin, c.fix_views.front());
  c.repaired.clear();
}

}  // namespace

reportls_sink make_sink(Collector &collector) {
  return {sizeof(reportls_sink), &collector, on_diagnostic, on_symbol,       on_fold,  on_completion,
          on_hover,              on_fact,    on_is_cancelled, on_error, on_action};
}

}  // namespace reportls::lsp
