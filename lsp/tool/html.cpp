#include "lsp/tool/html.h"

#include "lsp/tool/input_error.h"
#include "lsp/tool/xml_tree.h"

#include <libxml/HTMLparser.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace reportls::lsp {
namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that are never the report's text.
bool never_text(const xmlNode *n) {
  return one_of(xml::name(n), {"script", "style", "noscript", "template", "head", "nav", "form", "iframe", "select",
                               "option", "button", "input", "textarea", "svg", "canvas", "object", "embed", "map",
                               "audio", "video", "footer", "aside"});
}

// Page controls and chrome named by class, id or role: what a CMS template calls its navigation,
// breadcrumbs, share and font-size bars, print and close links, footers.  (Not `zoom`: many
// government sites call the article itself that.)
bool chrome(const xmlNode *n) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "nav",   "menu",      "breadcrumb", "crumb",     "share",  "bdshare", "jiathis",   "fontsize", "font-size",
      "print", "toolbar",   "sidebar",    "footer",    "copyright", "pagination", "location", "position",
      "dqwz",  "banner",    "navigation"};
  for (const char *attribute : {"class", "id", "role"}) {
    const std::string v = xml::lower(xml::attr(n, attribute));
    if (v.empty()) continue;
    for (std::string_view w : kWords)
      if (v.find(w) != std::string::npos) return true;
  }
  return false;
}

bool skipped(const xmlNode *n) { return n->type == XML_ELEMENT_NODE && (never_text(n) || chrome(n)); }

bool is_block(const xmlNode *n) {
  return n->type == XML_ELEMENT_NODE &&
         one_of(xml::name(n), {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                               "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
                               "blockquote", "center", "pre", "hr", "address", "figure", "figcaption", "caption"});
}

int heading_level(const xmlNode *n) {
  const std::string_view name = xml::name(n);
  return n->type == XML_ELEMENT_NODE && name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
             ? name[1] - '0'
             : 0;
}

// Characters that are not whitespace.
size_t visible_chars(std::string_view s) {
  size_t n = 0;
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c > 0x20 && c != 0xA0 && c != 0x3000) ++n;
  }
  return n;
}

std::string_view content(const xmlNode *text) {
  return text->content ? std::string_view(reinterpret_cast<const char *>(text->content)) : std::string_view();
}

// Sentences have clause marks; breadcrumbs, titles, publish info and link lists have none.
bool has_clause_mark(std::string_view s) {
  for (std::string_view mark : {"，", "。", "；", "！", "？"})
    if (s.find(mark) != std::string_view::npos) return true;
  return false;
}

// Per element, the visible characters under it that are not link text (skipped elements count
// nothing); with prose_only, only those of text with a clause mark: the page's chrome weighs
// nothing, so even a short article outweighs it.
class TextWeights {
 public:
  TextWeights(const xmlNode *root, bool prose_only) : prose_only_(prose_only) { weigh(root, false); }
  size_t of(const xmlNode *n) const {
    auto it = weights_.find(n);
    return it == weights_.end() ? 0 : it->second;
  }

 private:
  size_t weigh(const xmlNode *n, bool in_link) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
      return in_link || (prose_only_ && !has_clause_mark(content(n))) ? 0 : visible_chars(content(n));
    if (n->type != XML_ELEMENT_NODE || skipped(n)) return 0;
    const bool link = in_link || xml::name(n) == "a";
    size_t total = 0;
    for (const xmlNode *c = n->children; c; c = c->next) total += weigh(c, link);
    weights_[n] = total;
    return total;
  }
  bool prose_only_;
  std::unordered_map<const xmlNode *, size_t> weights_;
};

// Down from body while one child holds nearly all of the text (a paragraph is never the
// article unless it is all there is).
const xmlNode *find_article(const xmlNode *body, const TextWeights &weights) {
  constexpr double kDominant = 0.85;
  const xmlNode *at = body;
  for (;;) {
    const size_t total = weights.of(at);
    const xmlNode *heaviest = nullptr;
    for (const xmlNode *c = at->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && (!heaviest || weights.of(c) > weights.of(heaviest))) heaviest = c;
    if (!heaviest || total == 0 || static_cast<double>(weights.of(heaviest)) < kDominant * static_cast<double>(total))
      return at;
    if (one_of(xml::name(heaviest), {"p", "span", "font", "strong", "b", "a"}) || heading_level(heaviest)) return at;
    at = heaviest;
  }
}

std::string text_of(const xmlNode *n) {
  std::string out;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) out += content(c);
    else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
      if (xml::name(c) == "br" || is_block(c)) out += '\n';
      out += text_of(c);
    }
  }
  return out;
}

bool has_descendant(const xmlNode *n, std::string_view name) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (xml::name(c) == name || has_descendant(c, name))) return true;
  return false;
}

// The rows of a table, by <tr> in order (thead/tbody/tfoot included, nested tables not).
void rows_of(const xmlNode *n, std::vector<const xmlNode *> &out) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (xml::is(c, "tr")) out.push_back(c);
    else if (c->type == XML_ELEMENT_NODE && !xml::is(c, "table")) rows_of(c, out);
  }
}

int span_attr(const xmlNode *n, const char *name) {
  try {
    const std::string v = xml::attr(n, name);
    return v.empty() ? 1 : std::clamp(std::stoi(v), 1, 64);
  } catch (...) {
    return 1;
  }
}

// A table of data (rows and columns of cells), not one that lays out the page: no table inside
// it, two columns or more, and no cell holding long prose.
bool data_table(const xmlNode *table, const std::vector<const xmlNode *> &rows) {
  if (rows.size() < 2 || has_descendant(table, "table")) return false;
  size_t columns = 0;
  for (const xmlNode *tr : rows) {
    size_t cells = 0;
    for (const xmlNode *c = tr->children; c; c = c->next)
      if (xml::is(c, "td") || xml::is(c, "th")) {
        ++cells;
        if (visible_chars(text_of(c)) > 150) return false;
      }
    columns = std::max(columns, cells);
  }
  return columns >= 2;
}

class ArticleWriter {
 public:
  Article take() {
    flush();
    return std::move(article_);
  }

  void title(const std::string &text) {
    const std::string t = tidy(text);
    if (t.empty()) return;
    article_.blocks.push_back(Block{Block::Kind::Title, 0, t, {}, "第" + std::to_string(++paragraphs_) + "段"});
  }

  void walk(const xmlNode *n) {
    for (const xmlNode *c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        line_ += content(c);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE || skipped(c)) continue;
      if (xml::name(c) == "br") {
        flush();
        continue;
      }
      if (xml::is(c, "table")) {
        table(c);
        continue;
      }
      const bool block = is_block(c);
      if (block) flush();
      if (int level = heading_level(c)) {
        heading(text_of(c), level);
        continue;
      }
      walk(c);
      if (block) flush();
    }
  }

 private:
  void flush() {
    std::string text = tidy(line_);
    line_.clear();
    if (text.empty()) return;
    article_.blocks.push_back(Block{Block::Kind::Paragraph, 0, std::move(text), {}, "第" + std::to_string(++paragraphs_) + "段"});
  }

  void heading(const std::string &text, int level) {
    flush();
    const std::string t = tidy(text);
    if (t.empty()) return;
    article_.blocks.push_back(Block{Block::Kind::Heading, level, t, {}, "第" + std::to_string(++paragraphs_) + "段"});
  }

  void table(const xmlNode *t) {
    flush();
    std::vector<const xmlNode *> rows;
    rows_of(t, rows);
    if (!data_table(t, rows)) {
      walk(t);
      flush();
      return;
    }
    Block b;
    b.kind = Block::Kind::Table;
    b.where = "表" + std::to_string(++tables_);
    std::map<size_t, int> spanned;  // column → rows a rowspan above still covers
    for (const xmlNode *tr : rows) {
      std::vector<std::string> row;
      auto fill_spanned = [&] {
        for (auto it = spanned.find(row.size()); it != spanned.end() && it->second > 0; it = spanned.find(row.size())) {
          row.emplace_back();
          if (--it->second == 0) spanned.erase(it);
        }
      };
      for (const xmlNode *c = tr->children; c; c = c->next) {
        if (!xml::is(c, "td") && !xml::is(c, "th")) continue;
        fill_spanned();
        const int rowspan = span_attr(c, "rowspan"), colspan = span_attr(c, "colspan");
        for (int k = 0; k < colspan; ++k) {
          if (rowspan > 1) spanned[row.size()] = rowspan - 1;
          row.push_back(k == 0 ? tidy(text_of(c)) : std::string());
        }
      }
      fill_spanned();
      b.rows.push_back(std::move(row));
    }
    article_.blocks.push_back(std::move(b));
  }

  Article article_;
  std::string line_;
  int paragraphs_ = 0, tables_ = 0;
};

// An element that reads as a title by its markup: h1–h3, or a class or id that says so.
bool marked_as_title(const xmlNode *n) {
  if (heading_level(n) >= 1 && heading_level(n) <= 3) return true;
  const std::string cls = xml::lower(xml::attr(n, "class") + " " + xml::attr(n, "id"));
  return cls.find("title") != std::string::npos || cls.find("tit") != std::string::npos;
}

// The page's <title>, and the part of it before the site's name (`报告标题_某县人民政府`).
struct PageTitle {
  std::string whole, own;
};
PageTitle page_title(const xmlNode *root) {
  const xmlNode *title = xml::child(xml::child(root, "head"), "title");
  if (!title) return {};
  PageTitle t{tidy(text_of(title)), {}};
  t.own = t.whole;
  for (std::string_view sep : {"_", " - ", "|", "—", "－"})
    if (size_t at = t.own.find(sep); at != std::string::npos) t.own.resize(at);
  t.own = tidy(t.own);
  return t;
}

// The article's title when the page shows it above the article: among the elements before the
// article within a few levels around it (not a sidebar's column heading), the last one whose text
// the page's <title> starts with, else the last one marked as a title; else the page's own title.
std::string title_for(const xmlNode *root, const xmlNode *body, const xmlNode *article) {
  constexpr int kLevelsUp = 3;
  const xmlNode *around = article;
  for (int i = 0; i < kLevelsUp && around != body && around->parent; ++i) around = around->parent;
  const PageTitle page = page_title(root);
  std::string matching, marked;
  bool done = false;
  std::function<void(const xmlNode *)> walk = [&](const xmlNode *n) {
    for (const xmlNode *c = n->children; c && !done; c = c->next) {
      if (c == article) {
        done = true;
        return;
      }
      if (c->type != XML_ELEMENT_NODE || skipped(c)) continue;
      const std::string text = tidy(text_of(c));
      const size_t chars = visible_chars(text);
      if (chars >= 4 && chars <= 100) {
        if (!page.whole.empty() && page.whole.rfind(text, 0) == 0) matching = text;
        else if (marked_as_title(c)) marked = text;
      }
      walk(c);
    }
  };
  walk(around);
  if (!matching.empty()) return matching;
  if (!marked.empty()) return marked;
  return page.own;
}

}  // namespace

Article read_html(std::string_view utf8) {
  xml::init();
  xml::DocPtr doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                     HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED));
  const xmlNode *root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  const xmlNode *body = xml::is(root, "body") ? root : xml::child(root, "body");
  if (!body) throw InputError("网页没有 <body>，其中没有可读的正文");
  const TextWeights all(body, false);
  if (all.of(body) == 0) throw InputError("网页的 <body> 中没有文字（正文可能由脚本加载，请另存为“网页，全部”或复制正文）");
  const TextWeights prose(body, true);
  const xmlNode *article = find_article(body, prose.of(body) > 0 ? prose : all);
  ArticleWriter writer;
  // When the article is a part of the page, its title is the heading above it (or the page's
  // <title>); a whole <body> has its title in it.
  if (article != body) {
    const std::string title = title_for(root, body, article);
    if (!title.empty() && tidy(text_of(article)).rfind(title, 0) != 0) writer.title(title);
  }
  writer.walk(article);
  Article out = writer.take();
  if (out.blocks.empty()) throw InputError("网页中没有找到正文");
  return out;
}

}  // namespace reportls::lsp
