// readers.h — the Word and web page readers (docx.h, html.h) and ICU's charset converters and
// detector (charsets.h), loaded when the first .docx, .html or text that is no UTF-8 is read, not
// when the program starts.
//
// They link libxml2, pugixml, libzip (with the libcrypto libzip brings) and ICU; mapping and relocating
// those costs a process ~3.5 MB resident, and a language server that only ever sees UTF-8 .txt
// and .md files would carry it all day.  So they are a module of their own, libreportls_readers.so in
// lib/reportls/ (beside the plugins folder, next to libreportls_report.so), which reader_module()
// opens once (dlopen) from the running executable's ../lib/reportls/.  Built with the tool, from the
// same sources and compiler: C++ values and InputError cross between the two.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportls::lsp {

// A Word file's or web page's article as source.h hands it on: the analyzers' text with where
// each line came from (article.h's PlainText) and, when asked for, its Markdown.
struct ArticleText {
  std::string text;
  std::vector<std::string> line_places;
  std::string markdown;  // empty unless asked for
};

// What the module exports, as `reportls_readers_entry`.  docx and html throw InputError with the
// reason a file cannot be read, and write the Markdown only when `markdown` is true (`convert`:
// for `check` it was a third of reading a Word file); convert and detect are charsets.h's.
struct ReaderModule {
  ArticleText (*docx)(std::string_view bytes, bool markdown);
  ArticleText (*html)(std::string_view utf8, bool markdown);
  std::optional<std::string> (*convert)(std::string_view bytes, const char *charset);
  std::vector<std::pair<std::string, int32_t>> (*detect)(std::string_view bytes);
};

// The module: the copy the program links, if it does (tests, fuzzers), else the file, opened by
// the first call (thread-safe); throws InputError with dlopen's reason when it cannot be loaded.
const ReaderModule &reader_module();

}  // namespace reportls::lsp
