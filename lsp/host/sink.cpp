#include "lsp/host/sink.h"

#include "lsp/engine/text_document.h"

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

Fix Collector::fix(const reportls_fix *f) const {
  Fix out;
  if (!f) return out;
  out.title = copy_text(f->title);
  out.preferred = REPORTLS_HAS_FIELD(f, reportls_fix, is_preferred) && f->is_preferred;
  for (size_t i = 0; f->edits && i < f->edit_count; ++i) {
    Edit e{f->edits[i].start, f->edits[i].end, copy_text(f->edits[i].new_text)};
    span(e.start, e.end);
    out.edits.push_back(std::move(e));
  }
  return out;
}

namespace {

Collector &self(void *ctx) { return *static_cast<Collector *>(ctx); }

void on_diagnostic(void *ctx, const reportls_diagnostic *d) {
  Collector &c = self(ctx);
  if (!c.analysis || !d) return;
  Diagnostic out;
  out.start = d->start;
  out.end = d->end;
  c.span(out.start, out.end);
  const int severity = enum_value(d->severity);
  out.severity = severity >= 1 && severity <= 4 ? static_cast<Severity>(severity) : Severity::Warning;
  out.code = copy_text(d->code);
  out.message = copy_text(d->message);
  out.source = *c.plugin;
  for (size_t i = 0; d->fixes && i < d->fix_count; ++i) out.fixes.push_back(c.fix(&d->fixes[i]));
  if (REPORTLS_HAS_FIELD(d, reportls_diagnostic, docs_url)) out.docs_url = copy_text(d->docs_url);
  if (REPORTLS_HAS_FIELD(d, reportls_diagnostic, fix_edits_deferred) && d->fix_edits_deferred)
    for (Fix &f : out.fixes) f.edits_deferred = true;
  c.analysis->diagnostics.push_back(std::move(out));
}

void on_symbol(void *ctx, const reportls_symbol *s) {
  Collector &c = self(ctx);
  if (!c.analysis || !s) return;
  Symbol out;
  out.name = copy_text(s->name);
  out.detail = copy_text(s->detail);
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
  size_t own = c.analysis->symbols.size() - c.symbol_base;
  out.parent = s->parent >= 0 && static_cast<size_t>(s->parent) < own
                   ? static_cast<int32_t>(c.symbol_base + s->parent)
                   : -1;
  if (out.name.empty()) out.name = "(无标题)";
  c.analysis->symbols.push_back(std::move(out));
}

void on_fold(void *ctx, const reportls_fold *f) {
  Collector &c = self(ctx);
  if (!c.analysis || !f) return;
  Fold out{f->start, f->end};
  c.span(out.start, out.end);
  c.analysis->folds.push_back(out);
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
  if (c.analysis && key) c.analysis->facts[copy_text(key)] = copy_text(value);
}

int on_is_cancelled(void *ctx) { return self(ctx).token->cancelled() ? 1 : 0; }

void on_error(void *ctx, const char *message) { self(ctx).errors.push_back(copy_text(message)); }

void on_action(void *ctx, uint32_t start, uint32_t end, const reportls_fix *fix) {
  Collector &c = self(ctx);
  if (!c.analysis || !fix) return;
  Action out{start, end, *c.plugin, c.fix(fix)};
  c.span(out.start, out.end);
  c.analysis->actions.push_back(std::move(out));
}

}  // namespace

reportls_sink make_sink(Collector &collector) {
  return {sizeof(reportls_sink), &collector, on_diagnostic, on_symbol,       on_fold,  on_completion,
          on_hover,              on_fact,    on_is_cancelled, on_error, on_action};
}

}  // namespace reportls::lsp
