/* Spins forever in analyze() when the text contains "HANG", and in complete()/hover() when it
 * contains "SPIN" (the interactive analysis process), without ever polling is_cancelled: only
 * the host's time budget (analysisTimeout) can stop it. */
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

static reportls_status complete(void *i, const reportls_document *d, uint32_t offset, const reportls_sink *s) {
  (void)offset;
  if (has_marker(d->text, d->length, "SPIN"))
    while (spinning) {
    }
  return analyze(i, d, s);
}
FAULT_DESCRIPTOR_INTERACTIVE("hanging", analyze, complete, complete)
