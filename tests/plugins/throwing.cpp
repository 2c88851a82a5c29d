// A C++ plugin that lets an exception escape analyze() after reporting one diagnostic: the host
// must catch it, drop that plugin's partial output, report the failure and keep serving.
#include "fault_plugin.h"

#include <stdexcept>

static reportls_status analyze(void *, const reportls_document *d, const reportls_sink *s) {
  reportls_diagnostic diag{};
  diag.struct_size = sizeof diag;
  diag.end = d->length > 0 ? 1 : 0;
  diag.severity = REPORTLS_SEVERITY_ERROR;
  diag.code = "throwing.partial";
  diag.message = "should be dropped";
  s->diagnostic(s->ctx, &diag);
  throw std::runtime_error("boom");
}
extern "C" {
FAULT_DESCRIPTOR("throwing", REPORTLS_ABI_MAJOR, fault_create, analyze)
}
