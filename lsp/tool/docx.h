// docx.h — a Word (.docx, Office Open XML) file's text, as a person reading it in Word sees it.
//
//   Article a = read_docx(bytes);   // throws InputError: not a zip, truncated, no document.xml…
//
// Reads word/document.xml (libzip + pugixml): body paragraphs in order (runs, tabs, line breaks;
// deleted revisions, field codes and text boxes left out), tables (a row per row, a cell's
// paragraphs joined), and the numbers Word generates for numbered paragraphs from
// word/numbering.xml — `一、`, `（一）`, `1.` are not in the text of an auto-numbered heading.
// Headings are paragraphs with an outline level (their own, or their style's: 标题 1, Heading 1…).
// Every block's `where` is its paragraph number in the body (`第12段`, counting every paragraph
// outside tables as Word's navigation does) or its table (`表2`).  Pure function, any thread.
#pragma once

#include "lsp/tool/article.h"

#include <string_view>

namespace reportls::lsp {

Article read_docx(std::string_view bytes);

}  // namespace reportls::lsp
