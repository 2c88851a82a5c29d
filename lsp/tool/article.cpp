#include "lsp/tool/article.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace reportls::lsp {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t end = s.find(sep, start);  // memchr: a Word file's text runs to megabytes
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

size_t columns_of(const Block &table) {
  size_t columns = 1;
  for (const auto &row : table.rows) columns = std::max(columns, row.size());
  return columns;
}

bool is_space(UChar32 c) { return c == '\t' || c == '\n' || c == '\r' || c == '\f' || u_isUWhiteSpace(c); }

bool is_chinese(UChar32 c) {
  const UBlockCode b = ublock_getCode(c);
  return b == UBLOCK_CJK_UNIFIED_IDEOGRAPHS || b == UBLOCK_CJK_SYMBOLS_AND_PUNCTUATION ||
         b == UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS || b == UBLOCK_CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A ||
         b == UBLOCK_CJK_UNIFIED_IDEOGRAPHS_EXTENSION_B || b == UBLOCK_CJK_COMPATIBILITY_IDEOGRAPHS ||
         b == UBLOCK_GENERAL_PUNCTUATION;
}

}  // namespace

std::string tidy(std::string_view text) {
  std::string out;
  const auto *p = reinterpret_cast<const uint8_t *>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  UChar32 before = -1;         // the last character written
  bool pending_space = false;   // whitespace seen since
  bool pending_break = false;   // a line break among it
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && is_space(c)) {
      pending_space = true;
      pending_break = pending_break || c == '\n' || c == '\r';
      continue;
    }
    if (pending_space && before >= 0 && !(pending_break && is_chinese(before) && is_chinese(c))) out += ' ';
    pending_space = pending_break = false;
    out.append(text.substr(static_cast<size_t>(at), static_cast<size_t>(i - at)));
    before = c;
  }
  return out;
}

std::string pipe_row(const std::vector<std::string> &cells, size_t columns) {
  std::string out = "|";
  for (size_t i = 0; i < columns; ++i) {
    std::string cell = i < cells.size() ? cells[i] : std::string();
    std::replace(cell.begin(), cell.end(), '\n', ' ');
    std::string escaped;
    for (char c : cell) {
      if (c == '|') escaped += '\\';
      escaped += c;
    }
    out += ' ';
    out += escaped.empty() ? std::string() : escaped;
    out += escaped.empty() ? "|" : " |";
  }
  return out;
}

PlainText plain_text(const Article &article) {
  PlainText out;
  auto line = [&](std::string_view text, std::string place) {
    out.text.append(text);
    out.text += '\n';
    out.line_places.push_back(std::move(place));
  };
  for (const Block &b : article.blocks) {
    if (b.kind == Block::Kind::Table) {
      const size_t columns = columns_of(b);
      for (size_t r = 0; r < b.rows.size(); ++r) {
        const std::string place = b.where + "第" + std::to_string(r + 1) + "行";
        line(pipe_row(b.rows[r], columns), place);
        if (r == 0) line(pipe_row(std::vector<std::string>(columns, "---"), columns), place);
      }
      continue;
    }
    for (std::string_view l : split(b.text, '\n')) line(l, b.where);
  }
  return out;
}

std::string markdown(const Article &article) {
  std::string out;
  for (const Block &b : article.blocks) {
    if (b.kind == Block::Kind::Table) {
      const size_t columns = columns_of(b);
      for (size_t r = 0; r < b.rows.size(); ++r) {
        out += pipe_row(b.rows[r], columns) + '\n';
        if (r == 0) out += pipe_row(std::vector<std::string>(columns, "---"), columns) + '\n';
      }
      out += '\n';
      continue;
    }
    // A line break inside a paragraph is a paragraph of its own in Markdown, where a single
    // newline would join the two lines; a heading stays one line.
    const char *joint = b.kind == Block::Kind::Heading ? " " : "\n\n";
    std::string text;
    for (std::string_view l : split(b.text, '\n')) {
      const std::string t = tidy(l);
      if (t.empty()) continue;
      if (!text.empty()) text += joint;
      // A line that Markdown would read as markup is text here.
      if (b.kind == Block::Kind::Paragraph && (t[0] == '#' || t[0] == '>' || t[0] == '|' ||
                                               ((t[0] == '-' || t[0] == '*' || t[0] == '+') && t.size() > 1 && t[1] == ' ')))
        text += '\\';
      text += t;
    }
    if (text.empty()) continue;
    if (b.kind == Block::Kind::Title) out += "# ";
    if (b.kind == Block::Kind::Heading) out += std::string(static_cast<size_t>(std::min(b.level + 1, 6)), '#') + ' ';
    out += text + "\n\n";
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace reportls::lsp
