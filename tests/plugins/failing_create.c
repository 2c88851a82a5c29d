/* create() fails with a reason, as a plugin does when its data cannot be loaded. */
#include "fault_plugin.h"
#include <stdio.h>
static void *create(const reportls_config *config, char *error, size_t size) {
  (void)config;
  snprintf(error, size, "规则文件 rules.json 第 3 行: 缺少 \"id\"");
  return NULL;
}
static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i; (void)d; (void)s;
  return REPORTLS_OK;
}
FAULT_DESCRIPTOR("failing_create", REPORTLS_ABI_MAJOR, create, analyze)
