/* An ABI 1.1 plugin: it says one load warning through config->warning at create, announces the
 * completion trigger "＠", and reports the document's path as the fact "path" (the host decodes
 * file URIs; plugins do not). */
#include "fault_plugin.h"

static void *create(const reportls_config *config, char *error, size_t size) {
  if (REPORTLS_HAS_FIELD(config, reportls_config, warning_ctx) && config->warning)
    config->warning(config->warning_ctx, "warns: 用户数据文件 broken.json 无法读取，已跳过");
  return fault_create(config, error, size);
}

static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  if (REPORTLS_HAS_FIELD(d, reportls_document, path)) s->fact(s->ctx, "path", d->path ? d->path : "(none)");
  return REPORTLS_OK;
}

REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {
  static const reportls_plugin_descriptor d = {sizeof(reportls_plugin_descriptor),
                                               REPORTLS_ABI_MAJOR,
                                               REPORTLS_ABI_MINOR,
                                               "warns",
                                               "0.0.1",
                                               "test plugin of ABI 1.1",
                                               REPORTLS_CAP_DIAGNOSTICS,
                                               create,
                                               fault_destroy,
                                               analyze,
                                               NULL,
                                               NULL,
                                               "＠"};
  return &d;
}
