#include "lsp/tool/docx.h"

#include "lsp/protocol/utf8_runs.h"
#include "lsp/tool/input_error.h"
#include "lsp/tool/xml_tree.h"

#include <libdeflate.h>
#include <pugixml.hpp>
#include <zip.h>

#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {
namespace {

// A zip bomb must not take the machine: no part of a report's .docx comes near this.
constexpr zip_uint64_t kMaxPartBytes = zip_uint64_t{256} << 20;
// DEFLATE writes at most 258 bytes per 2 bits of input (about 1032:1): a part that claims more
// than that of its compressed size lies, and is not given room for what it claims.
constexpr zip_uint64_t kMaxDeflateRatio = 1032;

struct ZipClose {
  void operator()(zip_t *z) const { zip_discard(z); }
};
struct DecompressorFree {
  void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

[[noreturn]] void corrupt(const char *name, const std::string &why) {
  throw InputError(std::string("Word 文档中的 ") + name + " 无法解压（文件损坏）: " + why);
}

class Package {
 public:
  explicit Package(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
      zip_.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
      if (!zip_) zip_source_free(source);
    }
    if (!zip_) {
      const int code = zip_error_code_zip(&error);
      std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      // A .docx cut short keeps its first entries but loses the zip's directory at its end.
      if (code == ZIP_ER_NOZIP && bytes.substr(0, 4) == "PK\x03\x04")
        throw InputError("Word 文档已损坏或不完整（ZIP 压缩包被截断，缺少末尾的目录）");
      if (code == ZIP_ER_NOZIP)
        throw InputError("不是 Word 文档：不是 ZIP 格式（.docx 是 ZIP 压缩包；可能是改了扩展名的 .doc 或文本）");
      throw InputError("Word 文档已损坏或不完整（ZIP: " + why + "）");
    }
    zip_error_fini(&error);
  }

  // The part's bytes, or nullopt when the package has no such part.
  std::optional<std::string> part(const char *name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name, 0, &st) != 0) return std::nullopt;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes)
      throw InputError(std::string("Word 文档中的 ") + name + " 解压后过大");
    constexpr zip_uint64_t kDeflated = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                                       ZIP_STAT_ENCRYPTION_METHOD;
    if ((st.valid & kDeflated) == kDeflated && st.comp_method == ZIP_CM_DEFLATE &&
        st.encryption_method == ZIP_EM_NONE)
      return inflated(name, st);
    return read_through(name, st);
  }

 private:
  // The bytes of file f (opened by name), read to its end, at most `limit`.
  static std::string read_all(zip_file_t *f, const char *name, zip_uint64_t expected, zip_uint64_t limit) {
    std::string out;
    out.reserve(static_cast<size_t>(expected));  // not grown by doubling
    char buf[65536];
    for (;;) {
      const zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        std::string why = zip_file_strerror(f);
        zip_fclose(f);
        corrupt(name, why);
      }
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
      if (out.size() > limit) {
        zip_fclose(f);
        throw InputError(std::string("Word 文档中的 ") + name + " 解压后过大");
      }
    }
    zip_fclose(f);
    return out;
  }

  // A deflated part (every part Word writes), inflated in one call straight into its room:
  // libdeflate inflates a whole buffer about twice as fast as zlib's stream, which libzip reads
  // through a 64 KiB window and copies out of.  The CRC of the zip's directory is checked.
  std::string inflated(const char *name, const zip_stat_t &st) const {
    if (st.comp_size > kMaxPartBytes || st.size / kMaxDeflateRatio > st.comp_size + 1)
      corrupt(name, "声明的解压大小与压缩数据不符");
    zip_file_t *f = zip_fopen(zip_.get(), name, ZIP_FL_COMPRESSED);
    if (!f) throw InputError(std::string("Word 文档中的 ") + name + " 无法打开: " + zip_strerror(zip_.get()));
    const std::string compressed = read_all(f, name, st.comp_size, st.comp_size);
    std::unique_ptr<libdeflate_decompressor, DecompressorFree> d(libdeflate_alloc_decompressor());
    if (!d) throw std::bad_alloc();
    std::string out(static_cast<size_t>(st.size), '\0');
    size_t written = 0;
    if (libdeflate_deflate_decompress(d.get(), compressed.data(), compressed.size(), out.data(), out.size(),
                                      &written) != LIBDEFLATE_SUCCESS ||
        written != out.size())
      corrupt(name, "压缩数据无效或与声明的大小不符");
    if (libdeflate_crc32(0, out.data(), out.size()) != st.crc) corrupt(name, "CRC 校验不符");
    return out;
  }

  // Any other part (stored, or another method): through libzip, which checks it.
  std::string read_through(const char *name, const zip_stat_t &st) const {
    zip_file_t *f = zip_fopen(zip_.get(), name, 0);
    if (!f) throw InputError(std::string("Word 文档中的 ") + name + " 无法打开: " + zip_strerror(zip_.get()));
    return read_all(f, name, (st.valid & ZIP_STAT_SIZE) ? st.size : 0, kMaxPartBytes);
  }

 private:
  std::unique_ptr<zip_t, ZipClose> zip_;
};

// The local part of a qualified name: Word, WPS and strict OOXML files use different prefixes.
namespace ooxml {
std::string_view local(const char *qualified) {
  const std::string_view n(qualified);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}
bool is(pugi::xml_node n, std::string_view name) { return n.type() == pugi::node_element && local(n.name()) == name; }
// The first element child with this local name (a null node, which every call takes, when none).
pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (is(c, name)) return c;
  return {};
}
// The value of the attribute with this local name (any namespace), or empty.
std::string attr(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
    if (local(a.name()) == name) return a.value();
  return {};
}
// attr(child(n, element), "val"): the usual shape of a Word property.
std::string val(pugi::xml_node n, std::string_view element) { return attr(child(n, element), "val"); }
}  // namespace ooxml

// A part parsed where it lies (pugixml, in place: the part's bytes become the tree's strings, so
// they must outlive it).  Whitespace-only text is kept: `<w:t xml:space="preserve"> </w:t>` is a
// space of the text.  libxml2, which the web page reader keeps, decoded every non-ASCII character
// of the text one at a time: a third of reading a Chinese .docx.
pugi::xml_node parse_xml(std::string &bytes, const char *name, pugi::xml_document &doc) {
  // pugixml passes bytes through as they are: a part that is no UTF-16 (a byte order mark) must be
  // well-formed UTF-8, as libxml2 required, or the text would not be.
  const std::string_view head = std::string_view(bytes).substr(0, 2);
  if (head != "\xFF\xFE" && head != "\xFE\xFF" && valid_utf8_prefix(bytes) != bytes.size())
    throw InputError(std::string("Word 文档中的 ") + name + " 不是有效的 XML（文件损坏）");
  const pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!parsed || !doc.document_element())
    throw InputError(std::string("Word 文档中的 ") + name + " 不是有效的 XML（文件损坏）");
  return doc.document_element();
}

int to_int(const std::string &s, int fallback) {
  try {
    return s.empty() ? fallback : std::stoi(s);
  } catch (...) {
    return fallback;
  }
}

// ---- the numbers Word generates (numbering.xml) ----

std::string chinese_counting(int n) {
  static constexpr std::array<const char *, 10> digit = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 10000) return std::to_string(n);
  std::string out;
  const int thousands = n / 1000, hundreds = n / 100 % 10, tens = n / 10 % 10, ones = n % 10;
  bool zero = false;
  auto place = [&](int d, const char *unit, bool leading) {
    if (d == 0) {
      zero = !out.empty();
      return;
    }
    if (zero) out += digit[0];
    zero = false;
    if (!(leading && d == 1 && std::string_view(unit) == "十")) out += digit[d];
    out += unit;
  };
  place(thousands, "千", false);
  place(hundreds, "百", false);
  place(tens, "十", out.empty());
  if (ones) {
    if (zero) out += digit[0];
    out += digit[ones];
  }
  return out;
}

std::string roman(int n, bool upper) {
  static constexpr std::array<std::pair<int, const char *>, 13> table = {{{1000, "m"}, {900, "cm"}, {500, "d"},
      {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  if (n <= 0 || n >= 4000) return std::to_string(n);
  std::string out;
  for (const auto &[value, letters] : table)
    for (; n >= value; n -= value) out += letters;
  if (upper)
    for (char &c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string format_number(int n, const std::string &fmt) {
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "chineseLegalSimplified" ||
      fmt == "japaneseCounting" || fmt == "taiwaneseCounting" || fmt == "ideographDigital")
    return chinese_counting(n);
  if (fmt == "ideographTraditional" && n >= 1 && n <= 10) {
    static constexpr std::array<const char *, 10> stems = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return stems[static_cast<size_t>(n - 1)];
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) {
      std::string out = "\xE2\x91\xA0";  // ① U+2460; ①…⑳ are consecutive
      out[2] = static_cast<char>(0xA0 + n - 1);
      return out;
    }
  }
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) out += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));  // ０…９
    return out;
  }
  if (fmt == "upperLetter" || fmt == "lowerLetter") {
    if (n < 1) return std::to_string(n);
    const char base = fmt == "upperLetter" ? 'A' : 'a';
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
  }
  if (fmt == "upperRoman" || fmt == "lowerRoman") return roman(n, fmt == "upperRoman");
  if (fmt == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  return std::to_string(n);  // decimal and anything this reader does not know
}

struct Level {
  int start = 1;
  std::string format = "decimal";
  std::string text;          // lvlText, e.g. `%1、`, `（%2）`
  std::string suffix = "tab";
  bool legal = false;        // isLgl: every %n in decimal
};

struct Numbering {
  std::map<int, std::array<Level, 9>> abstracts;
  struct Num {
    int abstract = -1;
    std::map<int, int> start_override;
  };
  std::map<int, Num> nums;
  // Counters: per abstract list, or per num when it restarts its own numbering.
  struct Counter {
    std::array<int, 9> value{};
    std::array<bool, 9> started{};
  };
  std::map<std::pair<int, int>, Counter> counters;

  void load(pugi::xml_node root) {
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (ooxml::is(n, "abstractNum")) {
        auto &levels = abstracts[to_int(ooxml::attr(n, "abstractNumId"), -1)];
        for (pugi::xml_node l = n.first_child(); l; l = l.next_sibling()) {
          if (!ooxml::is(l, "lvl")) continue;
          const int i = to_int(ooxml::attr(l, "ilvl"), -1);
          if (i < 0 || i > 8) continue;
          Level &level = levels[static_cast<size_t>(i)];
          level.start = to_int(ooxml::val(l, "start"), 1);
          if (auto f = ooxml::val(l, "numFmt"); !f.empty()) level.format = f;
          level.text = ooxml::val(l, "lvlText");
          if (auto s = ooxml::val(l, "suff"); !s.empty()) level.suffix = s;
          if (pugi::xml_node lg = ooxml::child(l, "isLgl")) level.legal = ooxml::attr(lg, "val") != "0" && ooxml::attr(lg, "val") != "false";
        }
      } else if (ooxml::is(n, "num")) {
        Num &num = nums[to_int(ooxml::attr(n, "numId"), -1)];
        num.abstract = to_int(ooxml::val(n, "abstractNumId"), -1);
        for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling())
          if (ooxml::is(o, "lvlOverride"))
            if (pugi::xml_node s = ooxml::child(o, "startOverride"))
              num.start_override[to_int(ooxml::attr(o, "ilvl"), 0)] = to_int(ooxml::attr(s, "val"), 1);
      }
    }
  }

  // The number text of the next paragraph of list num at level ilvl (`一、`, `（二）`), with the
  // separator Word puts after it; empty for bullets and unknown lists.
  std::string next(int num_id, int ilvl) {
    auto n = nums.find(num_id);
    if (n == nums.end() || ilvl < 0 || ilvl > 8) return {};
    auto a = abstracts.find(n->second.abstract);
    if (a == abstracts.end()) return {};
    const auto &levels = a->second;
    const auto key = n->second.start_override.empty() ? std::pair{0, n->second.abstract} : std::pair{1, num_id};
    Counter &c = counters[key];
    auto start_of = [&](int i) {
      auto o = n->second.start_override.find(i);
      return o != n->second.start_override.end() ? o->second : levels[static_cast<size_t>(i)].start;
    };
    const auto i = static_cast<size_t>(ilvl);
    c.value[i] = c.started[i] ? c.value[i] + 1 : start_of(ilvl);
    c.started[i] = true;
    for (size_t k = i + 1; k < 9; ++k) c.started[k] = false;
    const Level &level = levels[i];
    if (level.format == "bullet" || level.format == "none") return {};
    std::string out;
    for (size_t p = 0; p < level.text.size(); ++p) {
      if (level.text[p] == '%' && p + 1 < level.text.size() && level.text[p + 1] >= '1' && level.text[p + 1] <= '9') {
        const auto k = static_cast<size_t>(level.text[p + 1] - '1');
        const int value = c.started[k] ? c.value[k] : start_of(static_cast<int>(k));
        out += format_number(value, level.legal ? "decimal" : levels[k].format);
        ++p;
      } else {
        out += level.text[p];
      }
    }
    // Word's tab after `一、` is layout; after a bare number (`第一章`) a reader sees a space.
    if (level.suffix != "nothing" && !out.empty()) {
      const unsigned char last = static_cast<unsigned char>(out.back());
      auto ends_with = [&](std::string_view s) { return out.size() >= s.size() && out.compare(out.size() - s.size(), s.size(), s) == 0; };
      if (level.suffix == "space" || (last < 0x80 && std::isalnum(last)) || ends_with("章") || ends_with("节") ||
          ends_with("条"))
        out += ' ';
    }
    return out;
  }
};

// ---- styles: outline level, numbering and TOC-ness, following basedOn ----

struct Style {
  std::string based_on;
  std::optional<int> outline;  // 0-based
  std::optional<int> num_id, ilvl;
  bool title = false, toc = false;
};

struct Styles {
  std::map<std::string, Style> by_id;

  void load(pugi::xml_node root) {
    for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
      if (!ooxml::is(s, "style") || ooxml::attr(s, "type") != "paragraph") continue;
      Style &style = by_id[ooxml::attr(s, "styleId")];
      style.based_on = ooxml::val(s, "basedOn");
      const std::string name = xml::lower(ooxml::val(s, "name"));
      for (const char *prefix : {"heading ", "标题 "})
        if (name.rfind(prefix, 0) == 0) style.outline = to_int(name.substr(std::string_view(prefix).size()), 1) - 1;
      style.title = name == "title" || name == "标题";
      style.toc = name.rfind("toc ", 0) == 0 || name == "toc heading";
      if (pugi::xml_node p = ooxml::child(s, "pPr")) {
        if (auto o = ooxml::val(p, "outlineLvl"); !o.empty()) style.outline = to_int(o, 9);
        if (pugi::xml_node np = ooxml::child(p, "numPr")) {
          if (auto v = ooxml::val(np, "numId"); !v.empty()) style.num_id = to_int(v, 0);
          if (auto v = ooxml::val(np, "ilvl"); !v.empty()) style.ilvl = to_int(v, 0);
        }
      }
    }
  }

  // The style and its ancestors, nearest first (cycles cut).
  std::vector<const Style *> chain(const std::string &id) const {
    std::vector<const Style *> out;
    for (std::string at = id; !at.empty() && out.size() < 16;) {
      auto it = by_id.find(at);
      if (it == by_id.end()) break;
      out.push_back(&it->second);
      at = it->second.based_on;
    }
    return out;
  }
};

// ---- the body ----

bool hidden_run(pugi::xml_node run) {
  pugi::xml_node vanish = ooxml::child(ooxml::child(run, "rPr"), "vanish");
  if (!vanish) return false;
  const std::string v = ooxml::attr(vanish, "val");
  return v != "0" && v != "false";
}

// The text of a paragraph's content, in order.  Line breaks are kept as \n.
void paragraph_text(pugi::xml_node n, std::string &out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = ooxml::local(c.name());
    if (name == "t") {
      for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling())
        if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) out += t.value();
    } else if (name == "tab" || name == "ptab") {
      out += '\t';
    } else if (name == "br" || name == "cr") {
      if (ooxml::attr(c, "type") != "page" && ooxml::attr(c, "type") != "column") out += '\n';
    } else if (name == "noBreakHyphen") {
      out += '-';
    } else if (name == "r") {
      if (!hidden_run(c)) paragraph_text(c, out);
    } else if (name == "del" || name == "moveFrom" || name == "instrText" || name == "delText" || name == "pPr" ||
               name == "rPr" || name == "drawing" || name == "pict" || name == "object" || name == "rt" ||
               name == "footnoteReference" || name == "endnoteReference" || name == "commentReference") {
      // deleted revisions, field codes, text boxes and pictures, ruby annotations: not the text
    } else {
      paragraph_text(c, out);  // hyperlink, ins, smartTag, fldSimple, sdt, ruby base…
    }
  }
}

class BodyReader {
 public:
  BodyReader(Numbering &numbering, const Styles &styles) : numbering_(numbering), styles_(styles) {}

  void read(pugi::xml_node container, Article &out) {
    for (pugi::xml_node n = container.first_child(); n; n = n.next_sibling()) {
      if (ooxml::is(n, "p")) {
        ++paragraphs_;
        paragraph(n, out);
      } else if (ooxml::is(n, "tbl")) {
        table(n, out);
      } else if (ooxml::is(n, "sdt")) {
        if (pugi::xml_node content = ooxml::child(n, "sdtContent")) read(content, out);
      } else if (ooxml::is(n, "customXml") || ooxml::is(n, "ins") || ooxml::is(n, "moveTo")) {
        read(n, out);
      }
    }
  }

 private:
  struct Properties {
    std::optional<int> outline, num_id, ilvl;
    bool title = false, toc = false;
  };

  Properties properties(pugi::xml_node p) const {
    Properties out;
    pugi::xml_node ppr = ooxml::child(p, "pPr");
    for (const Style *s : styles_.chain(ooxml::val(ppr, "pStyle"))) {
      if (!out.outline) out.outline = s->outline;
      if (!out.num_id) out.num_id = s->num_id;
      if (!out.ilvl) out.ilvl = s->ilvl;
      out.title = out.title || s->title;
      out.toc = out.toc || s->toc;
    }
    if (auto o = ooxml::val(ppr, "outlineLvl"); !o.empty()) out.outline = to_int(o, 9);
    if (pugi::xml_node np = ooxml::child(ppr, "numPr")) {
      if (auto v = ooxml::val(np, "numId"); !v.empty()) out.num_id = to_int(v, 0);
      if (auto v = ooxml::val(np, "ilvl"); !v.empty()) out.ilvl = to_int(v, 0);
    }
    return out;
  }

  void paragraph(pugi::xml_node p, Article &out) {
    const Properties props = properties(p);
    if (props.toc) return;  // a table of contents repeats the headings with page numbers
    std::string text;
    if (props.num_id && *props.num_id != 0) text = numbering_.next(*props.num_id, props.ilvl.value_or(0));
    paragraph_text(p, text);
    Block b;
    b.text = std::move(text);
    b.where = "第" + std::to_string(paragraphs_) + "段";
    if (props.title) {
      b.kind = Block::Kind::Title;
    } else if (props.outline && *props.outline >= 0 && *props.outline < 9) {
      b.kind = Block::Kind::Heading;
      b.level = *props.outline + 1;
    }
    out.blocks.push_back(std::move(b));
  }

  static void cell_text(pugi::xml_node n, std::string &out) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (ooxml::is(c, "p")) {
        std::string text;
        paragraph_text(c, text);
        if (!out.empty() && !text.empty()) out += ' ';
        out += text;
      } else if (c.type() == pugi::node_element && !ooxml::is(c, "tcPr")) {
        cell_text(c, out);  // nested tables, content controls
      }
    }
  }

  void table(pugi::xml_node tbl, Article &out) {
    Block b;
    b.kind = Block::Kind::Table;
    b.where = "表" + std::to_string(++tables_);
    for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (!ooxml::is(tr, "tr")) continue;
      std::vector<std::string> row;
      for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
        if (!ooxml::is(tc, "tc")) continue;
        pugi::xml_node tcpr = ooxml::child(tc, "tcPr");
        pugi::xml_node vmerge = ooxml::child(tcpr, "vMerge");
        std::string text;
        // A vertically merged cell shows its text once, in its first row.
        if (!vmerge || ooxml::attr(vmerge, "val") == "restart") cell_text(tc, text);
        row.push_back(std::move(text));
        for (int span = to_int(ooxml::val(tcpr, "gridSpan"), 1); span > 1; --span) row.emplace_back();
      }
      b.rows.push_back(std::move(row));
    }
    if (!b.rows.empty()) out.blocks.push_back(std::move(b));
  }

  Numbering &numbering_;
  const Styles &styles_;
  int paragraphs_ = 0, tables_ = 0;
};

}  // namespace

Article read_docx(std::string_view bytes) {
  Package package(bytes);
  auto document = package.part("word/document.xml");
  if (!document) throw InputError("是 ZIP 压缩包，但其中没有 word/document.xml，不是 Word 文档");
  Numbering numbering;
  Styles styles;
  if (auto part = package.part("word/numbering.xml")) {
    pugi::xml_document doc;
    numbering.load(parse_xml(*part, "word/numbering.xml", doc));
  }
  if (auto part = package.part("word/styles.xml")) {
    pugi::xml_document doc;
    styles.load(parse_xml(*part, "word/styles.xml", doc));
  }
  pugi::xml_document doc;
  const pugi::xml_node body = ooxml::child(parse_xml(*document, "word/document.xml", doc), "body");
  if (!body) throw InputError("Word 文档的 word/document.xml 中没有正文（w:body）");
  Article article;
  BodyReader(numbering, styles).read(body, article);
  return article;
}

}  // namespace reportls::lsp
