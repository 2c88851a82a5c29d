/* Calls abort() (SIGABRT) in analyze() when the text contains "ABORT". */
#include "fault_plugin.h"
#include "marker.h"

#include <stdlib.h>

static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  (void)s;
  if (has_marker(d->text, d->length, "ABORT")) abort();
  return REPORTLS_OK;
}
FAULT_DESCRIPTOR("aborting", REPORTLS_ABI_MAJOR, fault_create, analyze)
