// article.h — a report read out of a Word file or a web page: its blocks in reading order, and
// the two texts made from them: the plain text the analyzers read (one line per paragraph, a
// table as pipe-table rows) with where each line came from, and Markdown for `reportls convert`.
// Plain values; built by docx.h and html.h, read on any thread.
#pragma once

#include <string>
#include <vector>

namespace reportls::lsp {

struct Block {
  enum class Kind { Title, Heading, Paragraph, Table };
  Kind kind = Kind::Paragraph;
  int level = 0;                                // Heading: 1 for the top level
  std::string text;                             // Title, Heading, Paragraph: one line of UTF-8
  std::vector<std::vector<std::string>> rows;   // Table: cells, the first row is the header
  std::string where;                            // how a reader finds it: `第3段`, `表1`
};

struct Article {
  std::vector<Block> blocks;
};

// The text the analyzers read: one line per Title/Heading/Paragraph block (its text), a table as
// a pipe table (header, separator, rows), a blank line between blocks.  line_places[i] names
// where line i came from in the reader's terms (`第3段`, `表1第2行`; empty for blank lines).
struct PlainText {
  std::string text;
  std::vector<std::string> line_places;
};
PlainText plain_text(const Article &article);

// UTF-8 Markdown: `# ` before the title, `#`s one deeper than a heading's level before it,
// paragraphs separated by blank lines, tables as pipe tables with a header and separator row.
std::string markdown(const Article &article);

// A table row as a pipe-table line: `| a | b |`, with `|` inside a cell escaped and line breaks
// inside a cell turned to spaces.
std::string pipe_row(const std::vector<std::string> &cells, size_t columns);

// Text collapsed as a reader sees it: runs of whitespace (including NBSP and U+3000) become one
// space, none at either end, and none where a run with a line break lies between two Chinese
// characters (a line break in the source inside a Chinese sentence is no space).
std::string tidy(std::string_view text);

}  // namespace reportls::lsp
