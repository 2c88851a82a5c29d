#include "lsp/tool/encoding.h"

#include "lsp/tool/input_error.h"
#include "lsp/tool/readers.h"
#include "lsp/engine/text_document.h"


#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// What a binary file is, when its first bytes say so.
std::optional<std::string> known_binary(std::string_view bytes) {
  if (starts_with(bytes, "PK\x03\x04")) return "是 ZIP 压缩包，不是文本（Word 文档请使用 .docx 扩展名）";
  if (starts_with(bytes, "\x7f" "ELF")) return "是可执行程序，不是文本";
  if (starts_with(bytes, "%PDF")) return "是 PDF 文件，reportls 不读 PDF（请另存为 .docx 或文本）";
  if (starts_with(bytes, "\xD0\xCF\x11\xE0")) return "是旧版 Word（.doc）或其他 OLE 文件，不是文本（请另存为 .docx）";
  return std::nullopt;
}

// NUL, or more than a few control characters other than tab, line and page breaks: no text file
// has them.  UTF-16 without a BOM has NULs too: ICU's detector tells it.
std::optional<std::string> control_bytes(std::string_view bytes) {
  size_t controls = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    // Eight bytes at a time while none is below 0x20 (a byte of 0x80 and up never is).
    uint64_t eight = 0;
    while (bytes.size() - i >= 8 && (std::memcpy(&eight, bytes.data() + i, 8),
                                      ((eight - 0x2020202020202020ull) & ~eight & 0x8080808080808080ull) == 0))
      i += 8;
    if (i == bytes.size()) break;
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      const auto candidates = reader_module().detect(bytes);
      if (!candidates.empty() && candidates.front().first.rfind("UTF-16", 0) == 0)
        return "像是不带 BOM 的 UTF-16 文本（" + candidates.front().first +
               "？）：没有 BOM 无法确定（请另存为 UTF-8，或带 BOM 的 UTF-16）";
      return "是二进制文件，不是文本（第 " + std::to_string(i + 1) + " 个字节是 NUL）";
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) ++controls;
  }
  if (controls > 8 && controls * 100 > bytes.size())
    return "是二进制文件，不是文本（含 " + std::to_string(controls) + " 个控制字符）";
  return std::nullopt;
}

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF)?  Also says
// whether it holds any non-ASCII character and whether all of those lie where Chinese text does
// (U+2000 and up): a line of GBK read as UTF-8 by chance decodes to Latin, Greek or Cyrillic.
struct Utf8Scan {
  bool valid = true;
  size_t non_ascii = 0;
  bool cjk_like = true;
};

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan out;
  out.valid = valid_utf8_prefix(s) == s.size();
  if (!out.valid) return out;
  // Well-formed: a character starts at each byte from 0xC0 up, below U+2000 where that byte is
  // below 0xE2 (C2-DF: two bytes, E0-E1: U+0800-U+1FFF).
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    out.non_ascii += b >= 0xC0;
    out.cjk_like &= !(b >= 0xC0 && b < 0xE2);
  }
  return out;
}

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '\n') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// A file whose lines are UTF-8 Chinese in places and something else in others was pasted together
// from files in two encodings: neither reading is the text, so it is refused.
std::optional<std::string> mixed_encodings(std::string_view bytes) {
  std::optional<size_t> utf8_line, other_line;
  const auto lines = lines_of(bytes);
  for (size_t i = 0; i < lines.size() && !(utf8_line && other_line); ++i) {
    const Utf8Scan scan = scan_utf8(lines[i]);
    if (!scan.valid) {
      if (!other_line) other_line = i + 1;
    } else if (scan.non_ascii >= 2 && scan.cjk_like && !utf8_line) {
      utf8_line = i + 1;
    }
  }
  if (!utf8_line || !other_line) return std::nullopt;
  return "混用了多种编码：第 " + std::to_string(*utf8_line) + " 行是 UTF-8，第 " + std::to_string(*other_line) +
         " 行不是（请把整个文件存为同一种编码，最好是 UTF-8）";
}

std::optional<std::string> convert_strictly(std::string_view bytes, const char *charset) {
  return reader_module().convert(bytes, charset);
}

// The line (1-based) of the first byte sequence charset does not define, for the message.
size_t first_bad_line(std::string_view bytes, const char *charset) {
  const auto lines = lines_of(bytes);
  for (size_t i = 0; i < lines.size(); ++i)
    if (!convert_strictly(lines[i], charset)) return i + 1;
  return 0;
}

Decoded from_utf16(std::string_view bytes, const char *charset) {
  if (bytes.size() % 2 != 0) throw InputError(std::string("是 ") + charset + " 文本，但字节数为奇数（文件被截断）");
  auto text = convert_strictly(bytes, charset);
  if (!text) throw InputError(std::string("有 BOM 表明是 ") + charset + "，但其中有无效的字符");
  if (text->find('\0') != std::string::npos) throw InputError("是二进制文件，不是文本（含 NUL 字符）");
  return {std::move(*text), charset};
}

}  // namespace

Decoded decode_text(std::string bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    const std::string_view rest = std::string_view(bytes).substr(3);
    if (valid_utf8_prefix(rest) != rest.size()) {
      if (auto mixed = mixed_encodings(rest)) throw InputError(*mixed);
      throw InputError("有 UTF-8 的 BOM，但第 " + std::to_string(first_bad_line(rest, "UTF-8")) + " 行不是 UTF-8");
    }
    if (auto binary = control_bytes(rest)) throw InputError(*binary);
    bytes.erase(0, 3);
    return {std::move(bytes), "UTF-8 (BOM)"};
  }
  if (starts_with(bytes, "\xFF\xFE")) return from_utf16(std::string_view(bytes).substr(2), "UTF-16LE");
  if (starts_with(bytes, "\xFE\xFF")) return from_utf16(std::string_view(bytes).substr(2), "UTF-16BE");
  if (auto binary = known_binary(bytes)) throw InputError(*binary);
  if (auto binary = control_bytes(bytes)) throw InputError(*binary);
  if (valid_utf8_prefix(bytes) == bytes.size()) return {std::move(bytes), "UTF-8"};
  if (auto mixed = mixed_encodings(bytes)) throw InputError(*mixed);
  // GB18030 is a superset of GBK and GB2312; ICU's detector names it for all three.
  const auto candidates = reader_module().detect(bytes);
  for (const auto &[name, confidence] : candidates)
    if (name == "GB18030") {
      if (auto text = convert_strictly(bytes, "GB18030")) return {std::move(*text), "GB18030"};
      throw InputError("看起来是 GB18030/GBK 编码，但第 " + std::to_string(first_bad_line(bytes, "GB18030")) +
                       " 行有该编码中不存在的字节（文件损坏，或混用了多种编码）");
    }
  std::string detected;
  if (!candidates.empty()) detected = "；字符集检测认为最可能是 " + candidates.front().first;
  throw InputError("无法识别的编码：不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030/GBK" + detected +
                   "（请另存为 UTF-8）");
}

}  // namespace reportls::lsp
