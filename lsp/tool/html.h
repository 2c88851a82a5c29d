// html.h — the report in a published web page, without the page around it.
//
//   Article a = read_html(utf8);   // throws InputError: no <body>, no text
//
// Government CMS pages put the report in one element (a `TRS_Editor` or `zoom` div, a cell of
// nested layout tables) among navigation, breadcrumbs, publish info, share and font-size controls
// and footers.  The reader (libxml2's HTML parser, after encoding.h has made the bytes UTF-8)
// leaves out what is never the text (scripts, forms, <nav>, elements whose class or id names a
// control: share, print, font size, breadcrumb…), then walks down from <body> while one child
// holds nearly all the prose (text with clause marks, not link text): that element is the article.  When the
// article does not start with its title, the title is the element just above it whose text the
// page's <title> starts with (else one marked as a title: h1–h3, a `title` class), else the
// <title> without the site's name.  <p>, <div>, <br>
// and the other blocks make paragraphs (whitespace, &nbsp; and U+3000 indents collapsed as a
// browser shows them); a data table becomes a Table block, a layout table only paragraphs.
// Every block's `where` is its paragraph number in the article (`第3段`) or its table (`表1`).
// Pure function, any thread.
#pragma once

#include "lsp/tool/article.h"

#include <string_view>

namespace reportls::lsp {

// utf8: the page decoded by decode_text (its own charset declaration is ignored).
Article read_html(std::string_view utf8);

}  // namespace reportls::lsp
