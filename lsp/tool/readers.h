// readers.h — the Word and web page readers (docx.h, html.h), loaded when the first .docx or
// .html is read, not when the program starts.
//
// They link libxml2 and libzip (with the libcrypto libzip brings); mapping and relocating those
// costs every process ~2 MB resident, and a language server that only ever sees .txt and .md
// files would carry it all day.  So they are a module of their own, libreportls_readers.so in
// lib/reportls/ (beside the plugins folder, next to libreportls_report.so), which reader_module()
// opens once (dlopen) from the running executable's ../lib/reportls/.  Built with the tool, from the
// same sources and compiler: C++ values and InputError cross between the two.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reportls::lsp {

// A Word file's or web page's article as source.h hands it on: the analyzers' text with where
// each line came from (article.h's PlainText) and its Markdown.
struct ArticleText {
  std::string text;
  std::vector<std::string> line_places;
  std::string markdown;
};

// What the module exports, as `reportls_readers_entry`.  Each function throws InputError with the
// reason a file cannot be read.
struct ReaderModule {
  ArticleText (*docx)(std::string_view bytes);
  ArticleText (*html)(std::string_view utf8);
};

// The module, loaded by the first call (thread-safe); throws InputError naming the module and
// dlopen's reason when it cannot be loaded.
const ReaderModule &reader_module();

}  // namespace reportls::lsp
