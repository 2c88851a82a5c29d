/* Shared by the crashing/aborting/hanging test plugins: they misbehave only when the text
 * contains their marker, so every other test that loads this folder sees them as quiet. */
#ifndef REPORTLS_TEST_MARKER_H
#define REPORTLS_TEST_MARKER_H
#include <stddef.h>
#include <string.h>

static int has_marker(const char *text, size_t length, const char *marker) {
  size_t n = strlen(marker);
  for (size_t i = 0; text && i + n <= length; ++i)
    if (memcmp(text + i, marker, n) == 0) return 1;
  return 0;
}
#endif
