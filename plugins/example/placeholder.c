/*
 * placeholder — the example reportls plugin, in plain C against reportls/plugin.h only.
 *
 * Reports template placeholders left in a draft (××, ○○, ＸＸ), a mistake that survives into
 * published reports when an author starts from last year's template.  Diagnostic code:
 * placeholder.unfilled.
 *
 * Build it out of tree with nothing but the installed header:
 *   cc -std=c11 -shared -fPIC -I<prefix>/include placeholder.c -o placeholder.so
 * and load it with `reportls --plugin-dir <folder of placeholder.so>`.
 */
#include <reportls/plugin.h>

#include <string.h>

static const char *const kPlaceholders[] = {"××", "○○", "ＸＸ"};

static void *create(const reportls_config *config, char *error, size_t error_size) {
  (void)config;
  (void)error;
  (void)error_size;
  static int instance; /* stateless: any non-NULL pointer will do */
  return &instance;
}

static void destroy(void *instance) { (void)instance; }

/* Length of the run of `mark` repeated at text[at], in bytes. */
static size_t run_length(const char *text, size_t length, size_t at, const char *mark) {
  size_t unit = strlen(mark) / 2; /* each placeholder is one character written twice */
  size_t end = at;
  while (end + unit <= length && memcmp(text + end, mark, unit) == 0) end += unit;
  return end - at;
}

static reportls_status analyze(void *instance, const reportls_document *doc,
                               const reportls_sink *sink) {
  (void)instance;
  size_t i = 0;
  while (i < doc->length) {
    size_t matched = 0;
    const char *which = NULL;
    for (size_t p = 0; p < sizeof kPlaceholders / sizeof kPlaceholders[0] && !matched; ++p) {
      size_t n = strlen(kPlaceholders[p]);
      if (i + n <= doc->length && memcmp(doc->text + i, kPlaceholders[p], n) == 0) {
        matched = run_length(doc->text, doc->length, i, kPlaceholders[p]);
        which = kPlaceholders[p];
      }
    }
    if (!matched) {
      ++i;
      continue;
    }
    if (sink->is_cancelled && sink->is_cancelled(sink->ctx)) return REPORTLS_CANCELLED;
    char message[160];
    strcpy(message, "模板占位符“");
    strcat(message, which);
    strcat(message, "”尚未替换为实际内容");
    reportls_diagnostic d;
    memset(&d, 0, sizeof d);
    d.struct_size = sizeof d;
    d.start = (uint32_t)i;
    d.end = (uint32_t)(i + matched);
    d.severity = REPORTLS_SEVERITY_WARNING;
    d.code = "placeholder.unfilled";
    d.message = message;
    sink->diagnostic(sink->ctx, &d);
    i += matched;
  }
  return REPORTLS_OK;
}

REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {
  static const reportls_plugin_descriptor descriptor = {
      sizeof(reportls_plugin_descriptor),
      REPORTLS_ABI_MAJOR,
      REPORTLS_ABI_MINOR,
      "placeholder",
      "1.0.0",
      "示例插件：提示未替换的模板占位符（××、○○）",
      REPORTLS_CAP_DIAGNOSTICS,
      create,
      destroy,
      analyze,
      NULL,
      NULL};
  return &descriptor;
}
