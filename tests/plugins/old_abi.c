/* A plugin built against ABI 1.0: its descriptor ends at hover (struct_size says so), and it
 * reads no field of the document or config that 1.0 did not have.  The fields past its size hold
 * garbage here on purpose: a host that read completion_triggers would crash.  It reports
 * old_abi.seen (with the document's length) when the text contains "OLDABI". */
#include "fault_plugin.h"
#include "marker.h"

#include <stdio.h>

static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  if (!has_marker(d->text, d->length, "OLDABI")) return REPORTLS_OK;
  char message[64];
  snprintf(message, sizeof message, "1.0 plugin saw %zu bytes", d->length);
  reportls_diagnostic diag = {offsetof(reportls_diagnostic, docs_url), 0, 1, REPORTLS_SEVERITY_INFO,
                              "old_abi.seen", message, NULL, 0, NULL};
  s->diagnostic(s->ctx, &diag);
  return REPORTLS_OK;
}

REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {
  static const reportls_plugin_descriptor d = {
      offsetof(reportls_plugin_descriptor, hover) + sizeof(d.hover),
      REPORTLS_ABI_MAJOR,
      0,
      "old_abi",
      "0.0.1",
      "test plugin built against ABI 1.0",
      REPORTLS_CAP_DIAGNOSTICS,
      fault_create,
      fault_destroy,
      analyze,
      NULL,
      NULL,
      (const char *)1 /* beyond struct_size: never read */};
  return &d;
}
