// inputs_fuzz: the command line's readers (lsp/tool) on any bytes: decode_text, read_docx and
// read_html either give an Article / text or throw InputError, never anything else.  The bytes are
// also read as the word/document.xml of a Word file, so that the XML reader sees what the fuzzer
// writes and not only a zip it rarely gets past.
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
#include <zip.h>

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

// The bytes as the one part word/document.xml of a Word file, stored uncompressed ("" if libzip
// cannot make it).
std::string as_docx(std::string_view xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t *out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!out) return "";
  zip_source_keep(out);
  std::string bytes;
  if (zip_t *z = zip_open_from_source(out, ZIP_TRUNCATE, &error)) {
    zip_source_t *part = zip_source_buffer(z, xml.data(), xml.size(), 0);
    const zip_int64_t index = part ? zip_file_add(z, "word/document.xml", part, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) zip_source_free(part);
    else zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    if (zip_close(z) != 0) zip_discard(z);
    else if (zip_source_open(out) == 0) {
      char buf[4096];
      for (zip_int64_t n; (n = zip_source_read(out, buf, sizeof buf)) > 0;) bytes.append(buf, static_cast<size_t>(n));
      zip_source_close(out);
    }
  }
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
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
  try {
    check_article(read_docx(as_docx(bytes)));
  } catch (const InputError &) {
  }
  return 0;
}
