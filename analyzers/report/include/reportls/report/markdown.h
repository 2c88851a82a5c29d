// reportls/report/markdown.h — a Markdown report as the report parser reads it.
//
//   std::string prose = markdown_prose(text);   // same length, same offsets as text
//
// Markdown's own syntax is not the report's prose, so it must never get a diagnostic.  The prose
// view is a copy of the text, byte for byte at the same offsets, in which:
//  - whole lines of markup become blank: front matter (`---` … `---` at the top), fenced code
//    (``` and ~~~), HTML comment blocks, link reference definitions, thematic breaks and `===`
//    heading underlines;
//  - markup inside a line becomes kFiller: inline code, HTML comments and tags, link and image
//    targets with their brackets, autolinks, emphasis marks, backslash escapes (but `\|`, which
//    the table reader reads as a pipe inside a cell);
//  - block markers become spaces, so a line's content starts at its text: list bullets (`- `,
//    `* `, `+ `, task boxes), blockquote `>`, and the `#`s of a heading whose text opens with a
//    Chinese ordinal (`## 一、主要举措和成效` is the level-1 heading 一, as in a text file);
//  - a paragraph's soft line breaks (a hard-wrapped paragraph) become kFiller, or a space between
//    two Latin words, so the paragraph is one line to the parser: the paragraph-final punctuation
//    and paired-mark checks see the paragraph.  A line starts a new block (and is not joined)
//    when it is blank, a heading (`#` or an ordinal heading), a list item, a blockquote, a fence
//    or HTML; a table row (any line with a `|`) is never joined; a line ending in a hard break
//    (two spaces, `\`) is not joined to the next.
// Offsets into the view are offsets into the text, so diagnostics on it point at the right place
// in the user's document.  Linear time; pure function; any thread.
#ifndef REPORTLS_REPORT_MARKDOWN_H
#define REPORTLS_REPORT_MARKDOWN_H

#include <string>
#include <string_view>

namespace reportls::report {

// The format a document is written in, which decides how its text is read.
enum class Format : unsigned char { Text, Markdown };

// From the document's file path, or its URI when it has none: `.md` and `.markdown` are Markdown
// (any letter case), everything else text.
Format format_of(std::string_view uri, std::string_view path = {});

// Stands for markup inside a line: a control character no rule reads as space, punctuation,
// letter or digit.
inline constexpr char kFiller = '\x1a';

std::string markdown_prose(std::string_view text);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_MARKDOWN_H
