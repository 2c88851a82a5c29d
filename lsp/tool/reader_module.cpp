// The entry of libreportls_readers.so (readers.h): the readers, the texts made of their article,
// and ICU's charsets.
#include "lsp/tool/article.h"
#include "lsp/tool/charsets.h"
#include "lsp/tool/docx.h"
#include "lsp/tool/html.h"
#include "lsp/tool/readers.h"

namespace reportls::lsp {
namespace {

ArticleText text_of(const Article &article, bool with_markdown) {
  PlainText plain = plain_text(article);
  return {std::move(plain.text), std::move(plain.line_places), with_markdown ? markdown(article) : std::string()};
}

constexpr ReaderModule kModule{
    [](std::string_view bytes, bool with_markdown) { return text_of(read_docx(bytes), with_markdown); },
    [](std::string_view utf8, bool with_markdown) { return text_of(read_html(utf8), with_markdown); },
    convert_strictly,
    detect,
};

}  // namespace
}  // namespace reportls::lsp

extern "C" __attribute__((visibility("default"))) const reportls::lsp::ReaderModule *reportls_readers_entry() {
  return &reportls::lsp::kModule;
}
