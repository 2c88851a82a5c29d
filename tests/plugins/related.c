/* An ABI 1.2 plugin that relates documents by markers, knowing nothing of reports: a line
 * "@key K" makes the fact related.key = K, a line "@want ROLE K" the fact related.want.ROLE = K.
 * For every related document it is given it reports the fact "seen.ROLE" = "<uri> <version>:<bytes>:
 * <FNV-1a 64 of the text>", so tests see exactly which text of which document reached it.  It
 * announces REPORTLS_CAP_RELATED, so the host also runs it on files no editor shows. */
#include "fault_plugin.h"

#include <stdio.h>
#include <string.h>

static unsigned long long fnv(const char *text, size_t length) {
  unsigned long long h = 1469598103934665603ull;
  for (size_t k = 0; k < length; ++k) {
    h ^= (unsigned char)text[k];
    h *= 1099511628211ull;
  }
  return h;
}

/* Facts of the marker lines: "@key K" and "@want ROLE K". */
static void markers(const reportls_document *d, const reportls_sink *s) {
  size_t i = 0;
  while (i < d->length) {
    size_t end = i;
    while (end < d->length && d->text[end] != '\n') ++end;
    char line[256];
    size_t n = end - i < sizeof line - 1 ? end - i : sizeof line - 1;
    memcpy(line, d->text + i, n);
    line[n] = '\0';
    char role[96], key[128], name[128];
    if (sscanf(line, "@want %95s %127s", role, key) == 2) {
      snprintf(name, sizeof name, "related.want.%s", role);
      s->fact(s->ctx, name, key);
    } else if (sscanf(line, "@key %127s", key) == 1) {
      s->fact(s->ctx, "related.key", key);
    }
    i = end + 1;
  }
}

static reportls_status analyze(void *instance, const reportls_document *d, const reportls_sink *s) {
  (void)instance;
  markers(d, s);
  if (!REPORTLS_HAS_FIELD(d, reportls_document, related_count) || !d->related) return REPORTLS_OK;
  for (size_t k = 0; k < d->related_count; ++k) {
    const reportls_related_document *r = d->related[k];
    if (!r || !REPORTLS_HAS_FIELD(r, reportls_related_document, version)) continue;
    char name[128], value[1024];
    snprintf(name, sizeof name, "seen.%s", r->role);
    snprintf(value, sizeof value, "%s %lld:%zu:%016llx", r->uri, (long long)r->version, r->length, fnv(r->text, r->length));
    s->fact(s->ctx, name, value);
  }
  return REPORTLS_OK;
}

REPORTLS_EXPORT const reportls_plugin_descriptor *reportls_plugin_entry(void) {
  static const reportls_plugin_descriptor d = {sizeof(reportls_plugin_descriptor),
                                               REPORTLS_ABI_MAJOR,
                                               REPORTLS_ABI_MINOR,
                                               "related",
                                               "0.0.1",
                                               "test plugin relating documents by markers",
                                               REPORTLS_CAP_DIAGNOSTICS | REPORTLS_CAP_RELATED,
                                               fault_create,
                                               fault_destroy,
                                               analyze,
                                               NULL,
                                               NULL,
                                               NULL};
  return &d;
}
