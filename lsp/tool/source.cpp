#include "lsp/tool/source.h"

#include "lsp/host/memory.h"
#include "lsp/tool/encoding.h"
#include "lsp/tool/input_error.h"
#include "lsp/tool/readers.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace reportls::lsp {
namespace {

std::string extension(const std::string &path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot);
  for (char &c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

std::string system_reason(int error) { return std::strerror(error); }

// `expected`: the file's size when known, read straight into a string of that size, in huge pages
// (a pipe or a file that grows meanwhile is read on in 64 KiB pieces).
std::string read_all(int fd, const std::string &shown, size_t expected = 0) {
  // One byte more than expected, so that the read which finds the end has room and the buffer is
  // not grown (doubled and copied) just to learn that the file is complete.
  std::string out = huge_room(expected + 1);
  out.resize(expected + 1);
  size_t have = 0;
  for (;;) {
    if (have == out.size()) out.resize(have + (1 << 16));
    const ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError("无法读取" + shown + "：" + system_reason(errno));
    if (n == 0) {
      out.resize(have);
      return out;
    }
    have += static_cast<size_t>(n);
  }
}

std::string read_path(const std::string &path) {
  if (path == "-") return read_all(STDIN_FILENO, "标准输入");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError("无法读取文件：" + system_reason(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw InputError("是目录（check 和 outline 会遍历命令行上给出的目录）");
  }
  try {
    std::string bytes = read_all(fd, "文件", S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 0);
    ::close(fd);
    return bytes;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

SourceFormat sniff(std::string_view bytes) {
  if (bytes.substr(0, 4) == "PK\x03\x04") return SourceFormat::Docx;
  const size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && bytes[start] == '<') {
    std::string head(bytes.substr(start, 512));
    for (char &c : head)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos)
      return SourceFormat::Html;
  }
  return SourceFormat::Text;
}

void take_article(ArticleText article, Source &out) {
  out.text = std::move(article.text);
  out.line_places = std::move(article.line_places);
  out.markdown = std::move(article.markdown);
}

}  // namespace

SourceFormat format_of(const std::string &path) {
  const std::string ext = extension(path);
  if (ext == ".md" || ext == ".markdown") return SourceFormat::Markdown;
  if (ext == ".docx") return SourceFormat::Docx;
  if (ext == ".html" || ext == ".htm") return SourceFormat::Html;
  return SourceFormat::Text;
}

bool is_report_file(const std::string &path) {
  const std::string ext = extension(path);
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".docx" || ext == ".html" || ext == ".htm";
}

Source load_source(const std::string &path, bool markdown) {
  std::string bytes = read_path(path);
  if (bytes.empty()) throw InputError("是空文件（0 字节）");
  Source out;
  out.format = path == "-" ? sniff(bytes) : format_of(path);
  if (out.format == SourceFormat::Docx) {
    out.encoding = "UTF-8";
    take_article(reader_module().docx(bytes, markdown), out);
    return out;
  }
  Decoded decoded = decode_text(std::move(bytes));
  out.encoding = std::move(decoded.encoding);
  if (out.format == SourceFormat::Html) take_article(reader_module().html(decoded.text, markdown), out);
  else out.text = std::move(decoded.text);
  return out;
}

}  // namespace reportls::lsp
