// inputs_fuzz: the command line's readers (lsp/tool) on any bytes: decode_text, read_docx and
// read_html either give an Article / text or throw InputError, never anything else.
//
// Invariants checked: decoded text is valid UTF-8; the plain text of an Article has one place per
// line; Markdown and the plain text are valid UTF-8.
#include "fuzz_util.h"

#include "lsp/tool/article.h"
#include "lsp/tool/docx.h"
#include "lsp/tool/encoding.h"
#include "lsp/tool/html.h"
#include "lsp/tool/input_error.h"

#include <unicode/utf8.h>

#include <string>

using namespace reportls::lsp;

namespace {

bool valid_utf8(std::string_view s) {
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

void check_article(const Article &a) {
  const PlainText plain = plain_text(a);
  size_t lines = 0;
  for (char c : plain.text) lines += c == '\n';
  FUZZ_CHECK(lines == plain.line_places.size());
  FUZZ_CHECK(valid_utf8(plain.text));
  FUZZ_CHECK(valid_utf8(markdown(a)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char *>(data), size);
  try {
    const Decoded d = decode_text(std::string(bytes));
    FUZZ_CHECK(valid_utf8(d.text));
    check_article(read_html(d.text));
  } catch (const InputError &) {
  }
  try {
    check_article(read_docx(bytes));
  } catch (const InputError &) {
  }
  return 0;
}
