/* Spins forever in analyze() when the text contains "HANG", without ever polling
 * is_cancelled: only the host's time budget (analysisTimeout) can stop it. */
#include "fault_plugin.h"
#include "marker.h"

static volatile int spinning = 1;

static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  (void)s;
  if (has_marker(d->text, d->length, "HANG"))
    while (spinning) {
    }
  return REPORTLS_OK;
}
FAULT_DESCRIPTOR("hanging", REPORTLS_ABI_MAJOR, fault_create, analyze)
