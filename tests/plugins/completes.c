/* A plugin that announces completion only, like the bundled phrasing plugin: it offers one item,
 * and its analyze (required by the ABI) reports the diagnostic completes.analysed — which must
 * never reach a document, since no call that asks for analysis results asks this plugin (the
 * diagnostics process does not even create it). */
#include "fault_plugin.h"

static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  reportls_diagnostic diag = {sizeof(reportls_diagnostic), 0, d->length > 0 ? 1 : 0, REPORTLS_SEVERITY_INFO,
                              "completes.analysed", "只提供补全的插件被要求分析了", NULL, 0, NULL};
  s->diagnostic(s->ctx, &diag);
  return REPORTLS_OK;
}

static reportls_status complete(void *i, const reportls_document *d, uint32_t offset, const reportls_sink *s) {
  (void)i;
  (void)d;
  const reportls_completion item = {sizeof(reportls_completion), "补全插件的条目", "补全插件的条目", 0, offset, offset,
                                    NULL, NULL, NULL, NULL, REPORTLS_COMPLETION_TEXT};
  s->completion(s->ctx, &item, 0);
  return REPORTLS_OK;
}

REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {
  static const reportls_plugin_descriptor d = {sizeof(reportls_plugin_descriptor),
                                               REPORTLS_ABI_MAJOR,
                                               REPORTLS_ABI_MINOR,
                                               "completes",
                                               "0.0.1",
                                               "test plugin that only completes",
                                               REPORTLS_CAP_COMPLETION,
                                               fault_create,
                                               fault_destroy,
                                               analyze,
                                               complete,
                                               NULL,
                                               NULL,
                                               NULL};
  return &d;
}
