/* Shared scaffolding of the misbehaving test plugins: a descriptor whose functions each test
 * plugin replaces as it needs. */
#ifndef REPORTLS_TEST_FAULT_PLUGIN_H
#define REPORTLS_TEST_FAULT_PLUGIN_H
#include <reportls/plugin.h>

#include <string.h>

static void *fault_create(const reportls_config *config, char *error, size_t size) {
  (void)config;
  (void)error;
  (void)size;
  static int instance;
  return &instance;
}
static void fault_destroy(void *instance) { (void)instance; }

#define FAULT_DESCRIPTOR(NAME, MAJOR, CREATE, ANALYZE) \
  FAULT_DESCRIPTOR_CAPS(NAME, MAJOR, REPORTLS_CAP_DIAGNOSTICS, CREATE, ANALYZE)
#define FAULT_DESCRIPTOR_CAPS(NAME, MAJOR, CAPS, CREATE, ANALYZE)                               \
  REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {               \
    static const reportls_plugin_descriptor d = {sizeof(reportls_plugin_descriptor),            \
                                                 MAJOR,                                         \
                                                 REPORTLS_ABI_MINOR,                            \
                                                 NAME,                                          \
                                                 "0.0.1",                                       \
                                                 "test plugin",                                 \
                                                 CAPS,                                          \
                                                 CREATE,                                        \
                                                 fault_destroy,                                 \
                                                 ANALYZE,                                       \
                                                 NULL,                                          \
                                                 NULL,                                          \
                                                 NULL,                                          \
                                                 NULL};                                         \
    return &d;                                                                                  \
  }
/* A test plugin with completion and hover too (the interactive analysis process's faults). */
#define FAULT_DESCRIPTOR_INTERACTIVE(NAME, ANALYZE, COMPLETE, HOVER)                             \
  REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {               \
    static const reportls_plugin_descriptor d = {                                               \
        sizeof(reportls_plugin_descriptor),                                                     \
        REPORTLS_ABI_MAJOR,                                                                     \
        REPORTLS_ABI_MINOR,                                                                     \
        NAME,                                                                                   \
        "0.0.1",                                                                                \
        "test plugin",                                                                          \
        REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_COMPLETION | REPORTLS_CAP_HOVER,                \
        fault_create,                                                                           \
        fault_destroy,                                                                          \
        ANALYZE,                                                                                \
        COMPLETE,                                                                               \
        HOVER,                                                                                  \
        NULL,                                                                                   \
        NULL};                                                                                  \
    return &d;                                                                                  \
  }
#endif
