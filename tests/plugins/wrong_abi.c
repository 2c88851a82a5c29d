/* Built for a future ABI major: the host must refuse it and say why. */
#include "fault_plugin.h"
static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i; (void)d; (void)s;
  return REPORTLS_OK;
}
FAULT_DESCRIPTOR("wrong_abi", REPORTLS_ABI_MAJOR + 1, fault_create, analyze)
