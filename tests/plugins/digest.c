/* Reports what the server believes the document is: the fact "digest" = "<version>:<bytes>:<FNV-1a
 * 64 of the text>".  The edit-model tests compare it with the client's own copy after every edit
 * sequence.  And the facts "snapshot", the name the host gave the text (ABI 1.5), and "from",
 * "<from_snapshot>:<change_start>:<change_old_end>:<change_new_end>" (ABI 1.6). */
#include "fault_plugin.h"

#include <stdio.h>

static reportls_status analyze(void *i, const reportls_document *d, const reportls_sink *s) {
  (void)i;
  unsigned long long h = 1469598103934665603ull;
  for (size_t k = 0; k < d->length; ++k) {
    h ^= (unsigned char)d->text[k];
    h *= 1099511628211ull;
  }
  char value[96];
  snprintf(value, sizeof value, "%lld:%zu:%016llx", (long long)d->version, d->length, h);
  s->fact(s->ctx, "digest", value);
  snprintf(value, sizeof value, "%llu", (unsigned long long)d->snapshot);
  s->fact(s->ctx, "snapshot", value);
  snprintf(value, sizeof value, "%llu:%u:%u:%u", (unsigned long long)d->from_snapshot, d->change_start,
           d->change_old_end, d->change_new_end);
  s->fact(s->ctx, "from", value);
  return REPORTLS_OK;
}
FAULT_DESCRIPTOR("digest", REPORTLS_ABI_MAJOR, fault_create, analyze)
