// source.h — one input of the command line as the analyzers read it: a text file in any
// supported encoding (encoding.h), a Word file (docx.h), a web page (html.h), or standard input.
//
//   Source s = load_source("report.docx");   // throws InputError with the reason
//
// The format is the file's extension (.txt and anything else: text; .md/.markdown: Markdown
// text; .docx; .html/.htm); standard input (`-`) is told by its first bytes.  Pure function of
// the file's bytes; any thread.
#pragma once

#include <string>
#include <vector>

namespace reportls::lsp {

enum class SourceFormat { Text, Markdown, Docx, Html };

struct Source {
  SourceFormat format = SourceFormat::Text;
  std::string text;                      // UTF-8, what the analyzers read
  std::string encoding;                  // of a text file or page: "UTF-8", "GB18030"…
  std::vector<std::string> line_places;  // Word and web pages: where each line of text came from
                                         // (`第3段`); empty for text, whose lines are line numbers
  // Markdown for `reportls convert` (load_source's `markdown`): the article of a Word file or web
  // page; empty for text, and unless asked for.
  std::string markdown;
};

// The format a file name says (`-` is Text: standard input is sniffed by load_source).
SourceFormat format_of(const std::string &path);

// Reads path (`-`: standard input) in full and decodes it, with the Markdown of a Word file or web
// page when `markdown` (only `convert` writes it).  The reasons name what is wrong: the system's
// reason for an unreadable path, a 0-byte file, a broken .docx, a page without text, an unknown
// encoding or binary bytes.
Source load_source(const std::string &path, bool markdown = false);

// The file extensions a folder walk picks up (lower case, with the dot).
bool is_report_file(const std::string &path);

}  // namespace reportls::lsp
