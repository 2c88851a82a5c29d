// encoding.h — the bytes of a text file as UTF-8, whatever Windows or a web server saved them in.
//
//   Decoded d = decode_text(bytes);   // throws InputError when the bytes are no text
//
// Accepted: UTF-8 with or without a BOM; UTF-16LE/BE with a BOM; GB18030 and its subsets GBK and
// GB2312 (ICU's charset detector picks them, ICU's converter converts strictly: one byte it cannot
// convert and the file is refused rather than analysed as garbage).  Refused, with the reason:
// binary files (NUL and control bytes, a zip, an executable, a PDF), a file that mixes UTF-8
// lines with lines in another encoding, bytes no supported encoding reads.  The BOM is dropped.
// Pure function, any thread.
#pragma once

#include <string>
#include <string_view>

namespace reportls::lsp {

struct Decoded {
  std::string text;      // UTF-8, no BOM
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030"
  bool utf8() const { return encoding.rfind("UTF-8", 0) == 0; }
};

Decoded decode_text(std::string bytes);  // a UTF-8 text is moved, not copied

}  // namespace reportls::lsp
