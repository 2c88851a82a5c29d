/* Reports garbage: spans far outside the document and inside a multi-byte character, invalid
 * UTF-8 in its message, an unknown severity, a symbol whose parent does not exist (it announces
 * the outline too, so that it is called for one).  The host must clamp and clean all of it. */
#include "fault_plugin.h"
static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  reportls_diagnostic diag;
  memset(&diag, 0, sizeof diag);
  diag.struct_size = sizeof diag;
  diag.start = 1; /* inside the first character when the text starts with Chinese */
  diag.end = 4000000000u;
  diag.severity = (reportls_severity)99;
  diag.code = "bad_output.span";
  diag.message = "bad \xff\xfe bytes";
  s->diagnostic(s->ctx, &diag);
  reportls_symbol sym;
  memset(&sym, 0, sizeof sym);
  sym.struct_size = sizeof sym;
  sym.name = "orphan";
  sym.kind = REPORTLS_SYMBOL_STRING;
  sym.end = (uint32_t)d->length + 100;
  sym.selection_end = 5;
  sym.parent = 17;
  s->symbol(s->ctx, &sym);
  return REPORTLS_OK;
}
FAULT_DESCRIPTOR_CAPS("bad_output", REPORTLS_ABI_MAJOR, REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_SYMBOLS, fault_create,
                      analyze)
