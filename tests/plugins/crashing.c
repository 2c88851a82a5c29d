/* Dereferences a null pointer (SIGSEGV) in analyze() when the text contains "CRASH", and in
 * complete()/hover() when it contains "SEGV" (the interactive analysis process).  The analysis
 * process must die, not the server; the host disables this plugin for that document. */
#include "fault_plugin.h"
#include "marker.h"

/* volatile: the compiler must not see the null and turn the store into a trap (SIGILL). */
static int *volatile target = NULL;

static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  (void)s;
  if (has_marker(d->text, d->length, "CRASH")) *target = 42;
  return REPORTLS_OK;
}

static reportls_status complete(void *i, const reportls_document *d, uint32_t offset, const reportls_sink *s) {
  (void)offset;
  if (has_marker(d->text, d->length, "SEGV")) *target = 42;
  return analyze(i, d, s);
}
FAULT_DESCRIPTOR_INTERACTIVE("crashing", analyze, complete, complete)
