// The command line's readers: text encodings, Word files and web pages (lsp/tool).
#include "lsp/tool/article.h"
#include "lsp/tool/docx.h"
#include "lsp/tool/encoding.h"
#include "lsp/tool/html.h"
#include "lsp/tool/input_error.h"
#include "lsp/tool/source.h"

#include <doctest/doctest.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace reportls::lsp;

namespace {

// The message decode_text throws for these bytes, or "" when it decodes them.
std::string refusal(std::string_view bytes) {
  try {
    decode_text(std::string(bytes));
    return "";
  } catch (const InputError &e) {
    return e.what();
  }
}

// A .docx holding these parts, as bytes.
std::string package(const std::map<std::string, std::string> &parts) {
  char path[] = "/tmp/reportls-docx-XXXXXX";
  const int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  int error = 0;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z);
  for (const auto &[name, data] : parts) {
    zip_source_t *s = zip_source_buffer(z, data.data(), data.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::remove(path);
  return bytes.str();
}

const std::string kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string numbered(int ilvl, const std::string &text, int num = 1) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" + std::to_string(num) +
         "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

// Why read_docx refuses these bytes ("" when it reads them).
std::string refusal_of(const std::string &bytes) {
  try {
    read_docx(bytes);
    return "";
  } catch (const InputError &e) {
    return e.what();
  }
}

std::vector<std::string> texts(const Article &a) {
  std::vector<std::string> out;
  for (const Block &b : a.blocks) out.push_back(b.text);
  return out;
}

}  // namespace

TEST_CASE("encoding: UTF-8, UTF-16 with a BOM and GB18030 become UTF-8; the encoding is named") {
  CHECK(decode_text("一、总体情况\n").encoding == "UTF-8");
  const Decoded bom = decode_text("\xEF\xBB\xBF一、总体情况\n");
  CHECK(bom.text == "一、总体情况\n");
  CHECK(bom.encoding == "UTF-8 (BOM)");
  // 一、 in UTF-16LE and UTF-16BE, with BOMs.
  CHECK(decode_text(std::string("\xFF\xFE\x00\x4E\x01\x30", 6)).text == "一、");
  CHECK(decode_text(std::string("\xFF\xFE\x00\x4E\x01\x30", 6)).encoding == "UTF-16LE");
  CHECK(decode_text(std::string("\xFE\xFF\x4E\x00\x30\x01", 6)).text == "一、");
  // 法治政府建设情况报告 in GBK.
  const std::string gbk = "\xB7\xA8\xD6\xCE\xD5\xFE\xB8\xAE\xBD\xA8\xC9\xE8\xC7\xE9\xBF\xF6\xB1\xA8\xB8\xE6\n";
  const Decoded g = decode_text(gbk + gbk + gbk);
  CHECK(g.encoding == "GB18030");
  CHECK(g.text.substr(0, g.text.find('\n')) == "法治政府建设情况报告");
}

TEST_CASE("a text file is read whole into one buffer of its size, never grown to find its end") {
  std::string text;
  while (text.size() < (1u << 20)) text += "一、总体情况\n全年办理行政复议案件12件，𠮷。\n";
  char path[] = "/tmp/reportls-source-XXXXXX";
  const int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(fd);
  const Source s = load_source(path);
  ::unlink(path);
  CHECK(s.text == text);
  CHECK(s.encoding == "UTF-8");
  // The buffer it was read into, kept: a buffer grown at the end would have twice the room (an
  // 8 MB file held 24 MB at once, the grown buffer and its copy).
  CHECK(s.text.capacity() <= text.size() + 16);
}

TEST_CASE("encoding: binary, mixed and undecodable bytes are refused with the reason") {
  CHECK(refusal(std::string("abc\0def", 7)).find("第 4 个字节是 NUL") != std::string::npos);
  // Past the first eight bytes, where they are read eight at a time.
  CHECK(refusal("一、总体情况，abcdefgh" + std::string(1, '\0')).find("第 30 个字节是 NUL") != std::string::npos);
  CHECK(refusal("abcdefghijklmnop\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f").find("含 10 个控制字符") != std::string::npos);
  CHECK(refusal("abcdefghijklmnop\t\n\r\f\v\x1b\t\n\r\f\v\x1b").empty());  // breaks and ESC are no controls here
  CHECK(refusal("PK\x03\x04rest").find("ZIP") != std::string::npos);
  // 2023年，示例县法治政府建设取得新成效。 in UTF-16LE, twice, without a BOM.
  const std::string utf16le("2\0" "0\0" "2\0" "3\0" "\x74\x5e\x0c\xff\x3a\x79\x8b\x4f\xbf\x53\xd5\x6c\xbb\x6c\x3f\x65\x9c\x5e"
                            "\xfa\x5e\xbe\x8b\xd6\x53\x97\x5f\xb0\x65\x10\x62\x48\x65\x02\x30\n\0", 44);
  CHECK(refusal(utf16le + utf16le).find("不带 BOM 的 UTF-16") != std::string::npos);
  CHECK(refusal("%PDF-1.7\n").find("PDF") != std::string::npos);
  CHECK(refusal("\x7f" "ELF\x02\x01").find("可执行程序") != std::string::npos);
  const std::string gbk_line = "\xB7\xA8\xD6\xCE\xD5\xFE\xB8\xAE\n";  // 法治政府
  CHECK(refusal("一、总体情况\n" + gbk_line) == "混用了多种编码：第 1 行是 UTF-8，第 2 行不是（请把整个文件存为同一种编码，最好是 UTF-8）");
  CHECK(refusal(std::string("\xFF\xFE\x00\x4E\x01", 5)).find("字节数为奇数") != std::string::npos);
  CHECK(refusal(std::string("\xFF\xFE\x00\xD8\x41\x00", 6)).find("无效的字符") != std::string::npos);  // lone surrogate
  // Latin-1 prose is not a Chinese encoding this reads.
  CHECK(refusal("Caf\xE9 cr\xE8me br\xFBl\xE9\x65, na\xEFve fa\xE7\x61\x64\x65 r\xE9sum\xE9.\n").find("无法识别的编码") !=
        std::string::npos);
}

TEST_CASE("docx: paragraphs, Word's generated numbers at every level, restarts and formats") {
  const std::string numbering =
      "<w:numbering " + kW +
      "><w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalEnclosedCircle\"/><w:lvlText w:val=\"%4\"/></w:lvl>"
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>"
      "</w:numbering>";
  std::string body;
  for (int i = 0; i < 11; ++i) body += numbered(0, "部分");
  body += numbered(1, "方面") + numbered(1, "方面") + numbered(2, "事项") + numbered(3, "细项") + numbered(3, "细项");
  body += numbered(0, "下一部分") + numbered(1, "重新编号") + numbered(0, "项目", 2) + numbered(0, "另起", 3);
  const std::string document = "<w:document " + kW + "><w:body>" + body + "</w:body></w:document>";
  const Article a = read_docx(package({{"word/document.xml", document}, {"word/numbering.xml", numbering}}));
  const std::vector<std::string> expected = {
      "一、部分", "二、部分", "三、部分", "四、部分", "五、部分", "六、部分", "七、部分", "八、部分", "九、部分", "十、部分",
      "十一、部分", "（一）方面", "（二）方面", "1.事项", "①细项", "②细项", "十二、下一部分", "（一）重新编号", "项目", "十、另起"};
  CHECK(texts(a) == expected);
  CHECK(a.blocks[11].where == "第12段");
}

TEST_CASE("docx: tables, merged cells, deleted text, breaks, headings by style and what is not a Word file") {
  const std::string styles = "<w:styles " + kW +
                             "><w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/></w:style>"
                             "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style></w:styles>";
  const std::string document =
      "<w:document " + kW + "><w:body>"
      "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:t>一、目录项\t3</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"2\"/></w:pPr><w:r><w:t>（一）标题</w:t></w:r></w:p>"
      "<w:p><w:r><w:t xml:space=\"preserve\">甲 </w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>乙</w:t></w:r></w:ins><w:r><w:br/><w:t>丙</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>本年</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>新</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>公开</w:t></w:r></w:p><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "<w:p/></w:body></w:document>";
  const Article a = read_docx(package({{"word/document.xml", document}, {"word/styles.xml", styles}}));
  REQUIRE(a.blocks.size() == 4);
  CHECK(a.blocks[0].kind == Block::Kind::Heading);
  CHECK(a.blocks[0].level == 2);
  CHECK(a.blocks[0].where == "第2段");
  CHECK(a.blocks[1].text == "甲 乙\n丙");
  CHECK(a.blocks[2].kind == Block::Kind::Table);
  CHECK(a.blocks[2].rows == std::vector<std::vector<std::string>>{{"项目", "本年", ""}, {"", "新", "公开 数量"}});
  const PlainText plain = plain_text(a);
  CHECK(plain.text == "（一）标题\n甲 乙\n丙\n| 项目 | 本年 | |\n| --- | --- | --- |\n| | 新 | 公开 数量 |\n\n");
  CHECK(plain.line_places ==
        std::vector<std::string>{"第2段", "第3段", "第3段", "表1第1行", "表1第1行", "表1第2行", "第4段"});

  CHECK(refusal_of("一、总体情况").find("不是 ZIP 格式") != std::string::npos);
  CHECK(refusal_of(package({{"word/styles.xml", styles}})).find("没有 word/document.xml") != std::string::npos);
  const std::string whole = package({{"word/document.xml", document}});
  CHECK(refusal_of(whole.substr(0, whole.size() / 2)).find("已损坏或不完整") != std::string::npos);
  CHECK(refusal_of(package({{"word/document.xml", "<w:document"}})).find("不是有效的 XML") != std::string::npos);
  // Text that is no UTF-8 (a character cut short) is a broken part, not text to pass on.
  CHECK(refusal_of(package({{"word/document.xml", "<w:document " + kW + "><w:body><w:p><w:r><w:t>法\xE6\xB2</w:t></w:r></w:p>"
                                                  "</w:body></w:document>"}}))
            .find("不是有效的 XML") != std::string::npos);
}

TEST_CASE("docx: a deflated part whose data or sizes are broken is refused as damaged, never read past or trusted") {
  std::string body;
  for (int i = 0; i < 300; ++i) body += "<w:p><w:r><w:t>第" + std::to_string(i) + "段 推进依法行政，建设法治政府</w:t></w:r></w:p>";
  const std::string document = "<w:document " + kW + "><w:body>" + body + "</w:body></w:document>";
  const std::string whole = package({{"word/document.xml", document}});
  REQUIRE(read_docx(whole).blocks.size() == 300);  // deflated by libzip, inflated whole
  // A byte of the compressed data changed: the data no longer inflates, or not to its CRC.
  std::string flipped = whole;
  flipped[flipped.size() / 2] ^= 0x55;
  CHECK(refusal_of(flipped).find("word/document.xml 无法解压（文件损坏）") != std::string::npos);
  // Both headers claim 200 MB for a part of a few KB: no room is made for the claim.
  std::string inflated = whole;
  auto put32 = [&](size_t at, uint32_t v) {
    for (int k = 0; k < 4; ++k) inflated[at + k] = static_cast<char>(v >> (8 * k));
  };
  const size_t local = inflated.find("PK\x03\x04"), central = inflated.find("PK\x01\x02");
  REQUIRE(local != std::string::npos);
  REQUIRE(central != std::string::npos);
  put32(local + 22, 200u << 20);
  put32(central + 24, 200u << 20);
  CHECK(refusal_of(inflated).find("声明的解压大小与压缩数据不符") != std::string::npos);
}

TEST_CASE("docx: a space alone in a run, entities, CRLF, any namespace prefix and a UTF-16 part read as Word shows them") {
  // A space of its own is text (xml:space="preserve"); whitespace between elements is not.  WPS
  // and strict OOXML files bind other prefixes than w:.
  const std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<x:document xmlns:x=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">\r\n"
      "<x:body>\r\n  <x:p>\r\n    <x:r><x:t>法治</x:t></x:r><x:r><x:t xml:space=\"preserve\"> </x:t></x:r>"
      "<x:r><x:t>政府 &amp; &lt;建设&gt; &#x4E00;</x:t></x:r>\r\n  </x:p>\r\n</x:body></x:document>";
  CHECK(texts(read_docx(package({{"word/document.xml", document}}))) == std::vector<std::string>{"法治 政府 & <建设> 一"});
  // The same part in UTF-16 with its byte order mark, as some converters write it.
  std::string utf16 = "\xFF\xFE";
  for (const char16_t c : std::u16string(u"<w:document ") + std::u16string(kW.begin(), kW.end()) +
                              u"><w:body><w:p><w:r><w:t>依法行政</w:t></w:r></w:p></w:body></w:document>")
    utf16 += {static_cast<char>(c & 0xFF), static_cast<char>(c >> 8)};
  CHECK(texts(read_docx(package({{"word/document.xml", utf16}}))) == std::vector<std::string>{"依法行政"});
}

TEST_CASE("html: the article of a page with nested layout tables, <div> bodies, &nbsp; and U+3000 indents") {
  const std::string page =
      "<html><head><title>某县2023年度法治政府建设情况报告_某县人民政府</title></head><body>"
      "<table><tr><td><a href='/'>首页</a> | <a href='/zwgk'>政务公开</a></td></tr></table>"
      "<table><tr><td width='200'><a href='/a'>栏目一</a><br><a href='/b'>栏目二</a></td><td>"
      "<table><tr><td>当前位置：<a href='/'>首页</a> &gt; 法治政府</td></tr>"
      "<tr><td class='title'>某县2023年度法治政府建设情况报告</td></tr>"
      "<tr><td>发布时间：2024-02-28 来源：县司法局 <span class='fontsize'>字号：大 中 小</span></td></tr>"
      "<tr><td class='content'>"
      "<div>&nbsp;&nbsp;&nbsp;&nbsp;2023年，我县深入学习贯彻习近平法治思想，\n    全面推进依法行政。</div>"
      "<div>\u3000\u3000一、主要举措和成效</div><p>\u3000\u3000全年办理行政复议案件25件，<br>办结23件。</p>"
      "<div class='share'>分享到：微信 微博</div></td></tr></table>"
      "</td></tr></table><div id='footer'>版权所有：某县人民政府 技术支持：某公司</div></body></html>";
  const Article a = read_html(page);
  CHECK(texts(a) == std::vector<std::string>{"某县2023年度法治政府建设情况报告", "2023年，我县深入学习贯彻习近平法治思想，全面推进依法行政。",
                                             "一、主要举措和成效", "全年办理行政复议案件25件，", "办结23件。"});
  CHECK(a.blocks[0].kind == Block::Kind::Title);
  CHECK(a.blocks[4].where == "第5段");
}

TEST_CASE("html: a page without <body> or without text is refused") {
  auto refusal_of = [](const std::string &page) -> std::string {
    try {
      read_html(page);
      return "";
    } catch (const InputError &e) {
      return e.what();
    }
  };
  CHECK(refusal_of("<html><head><title>x</title></head></html>").find("没有 <body>") != std::string::npos);
  CHECK(refusal_of("<html><body><script>load()</script><a href='/'>首页</a></body></html>").find("没有文字") !=
        std::string::npos);
}

TEST_CASE("article: whitespace as a reader sees it, pipe rows, Markdown") {
  CHECK(tidy("\u3000\u3000全面\n  推进 依法\u00a0\u00a0行政  ") == "全面推进 依法 行政");
  CHECK(tidy("open\n source") == "open source");
  CHECK(pipe_row({"a|b", "", "c\nd"}, 4) == "| a\\|b | | c d | |");
  Article a;
  a.blocks.push_back({Block::Kind::Title, 0, "报告", {}, "第1段"});
  a.blocks.push_back({Block::Kind::Heading, 1, "一、总体", {}, "第2段"});
  a.blocks.push_back({Block::Kind::Paragraph, 0, "# 不是标题\n- 不是列表", {}, "第3段"});
  CHECK(markdown(a) == "# 报告\n\n## 一、总体\n\n\\# 不是标题\n\n\\- 不是列表\n");
}
