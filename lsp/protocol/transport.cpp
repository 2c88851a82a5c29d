#include "lsp/protocol/transport.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace reportls::lsp {

namespace {

constexpr size_t kChunk = 64u << 10;
constexpr size_t kMaxHeaderBlock = 8u << 10;
// A pipe holds 64 KiB unless asked for more: a frame of a large report's diagnostics (600 KB)
// then crosses in ten rounds of "fill, wake the reader, wait for it to drain". With room for the
// whole frame the writer is done at once and the reader takes it in a few reads. 1 MiB is
// Linux's default limit for an unprivileged process (/proc/sys/fs/pipe-max-size).
constexpr int kPipeRoom = 1 << 20;
// Above this a Content-Length is not believed (clangd refuses > 1 << 30 too): waiting for
// 93 GB of body would swallow every later message, while skipping to the next header costs
// at worst the one message whose header was corrupted.
constexpr uint64_t kMaxPlausibleLength = uint64_t{1} << 30;
constexpr std::string_view kContentLength = "content-length:";
constexpr std::string_view kContentType = "content-type:";

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

/// Whether `s` could still become `prefix` with more bytes (case-insensitive).
bool iprefix_of(std::string_view s, std::string_view prefix) {
  return iequals(s.substr(0, std::min(s.size(), prefix.size())),
                 prefix.substr(0, std::min(s.size(), prefix.size())));
}

size_t ifind(std::string_view hay, std::string_view needle, size_t from) {
  auto it = std::search(hay.begin() + from, hay.end(), needle.begin(), needle.end(),
                        [](char x, char y) { return lower(x) == lower(y); });
  return it == hay.end() ? std::string_view::npos : static_cast<size_t>(it - hay.begin());
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Quoted excerpt of a header line for error texts; control bytes are not echoed verbatim.
std::string excerpt(std::string_view s) {
  std::string out = "'";
  for (char c : s.substr(0, 64)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
  if (s.size() > 64) out += "...";
  return out + "'";
}

FrameReader::Frame error(std::string what) {
  return {FrameReader::Frame::Error, {}, std::move(what)};
}

}  // namespace

FrameReader::FrameReader(int fd, size_t max_body, bool sizes_trusted)
    : fd_(fd), max_body_(max_body), sizes_trusted_(sizes_trusted) {}

size_t FrameReader::read_some(char* into, size_t most) {
  if (eof_) return 0;
  for (;;) {
    const ssize_t n = ::read(fd_, into, most);
    if (n > 0) return static_cast<size_t>(n);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd_, POLLIN, 0};
      ::poll(&p, 1, -1);
      continue;
    }
    if (n < 0) read_error_ = std::string("read failed: ") + std::strerror(errno);
    eof_ = true;
    return 0;
  }
}

bool FrameReader::fill() {
  if (eof_) return false;
  if (pos_ > 0 && (pos_ >= kChunk || pos_ * 2 >= buf_.size())) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buf_.size();
  buf_.resize(old + kChunk);
  const size_t n = read_some(buf_.data() + old, kChunk);
  buf_.resize(old + n);
  return n > 0;
}

FrameReader::Frame FrameReader::read_body(size_t need) {
  size_t have = std::min(need, buf_.size() - pos_);
  std::string body(buf_.data() + pos_, have);
  pos_ += have;
  // The rest is read straight into the body, which grows as its bytes arrive (a claimed size not
  // yet received is never allocated): by what the pipe already holds — usually the whole frame,
  // read at once — else doubling.  Growing the buffer read by read, zeroing what was left to come
  // at every 64 KiB a pipe gives, made a frame cost the square of its size.
  while (have < need) {
    if (body.size() == have) {
      int waiting = 0;
      if (ioctl(fd_, FIONREAD, &waiting) != 0) waiting = 0;
      body.resize(sizes_trusted_ ? need
                                 : std::min(need, std::max({2 * have, have + kChunk, have + static_cast<size_t>(waiting)})));
    }
    const size_t n = read_some(body.data() + have, body.size() - have);
    if (n == 0)
      return error("truncated message: end of input after " + std::to_string(have) + " of " + std::to_string(need) +
                   " body bytes");
    have += n;
  }
  return {Frame::Message, std::move(body), {}};
}

FrameReader::Frame FrameReader::end_of_input() {
  if (!read_error_.empty()) return error(std::exchange(read_error_, {}));
  return {Frame::Eof, {}, {}};
}

uint64_t FrameReader::skip_to_header(bool& found) {
  uint64_t skipped = 0;
  for (;;) {
    const std::string_view avail(buf_.data() + pos_, buf_.size() - pos_);
    const size_t at = ifind(avail, kContentLength, 0);
    if (at != std::string_view::npos) {
      skipped += at;
      pos_ += at;
      found = true;
      return skipped;
    }
    // Keep a possible split "Content-Length:" prefix, drop the rest without buffering it.
    const size_t drop = avail.size() - std::min(avail.size(), kContentLength.size() - 1);
    skipped += drop;
    pos_ += drop;
    if (!fill()) {
      skipped += buf_.size() - pos_;
      pos_ = buf_.size();
      found = false;
      return skipped;
    }
  }
}

FrameReader::Frame FrameReader::next() {
  for (;;) {
    while (discard_ > 0) {
      if (pos_ == buf_.size() && !fill()) return end_of_input();
      const size_t take = static_cast<size_t>(std::min<uint64_t>(discard_, buf_.size() - pos_));
      pos_ += take;
      discard_ -= take;
    }
    if (resync_) {
      resync_ = false;
      bool found = false;
      skip_to_header(found);
      if (!found) return end_of_input();
    }

    // Skip whitespace between messages, then decide whether a header starts here.
    for (;;) {
      while (pos_ < buf_.size() && is_blank(buf_[pos_])) ++pos_;
      const std::string_view avail(buf_.data() + pos_, buf_.size() - pos_);
      const bool maybe = iprefix_of(avail, kContentLength) || iprefix_of(avail, kContentType);
      if (!avail.empty() && (!maybe || avail.size() >= kContentLength.size())) break;
      if (!fill()) {
        if (avail.empty()) return end_of_input();
        break;
      }
    }
    {
      const std::string_view avail(buf_.data() + pos_, buf_.size() - pos_);
      if (!iprefix_of(avail, kContentLength) && !iprefix_of(avail, kContentType)) {
        bool found = false;
        const uint64_t skipped = skip_to_header(found);
        return error(found ? "skipped " + std::to_string(skipped) + " bytes of garbage before a header"
                           : "skipped " + std::to_string(skipped) + " bytes of garbage at end of input");
      }
    }

    // Parse the header block line by line; offsets are relative to pos_ because fill() may
    // compact the buffer.
    size_t cur = 0;
    bool have_length = false;
    uint64_t length = 0;
    std::string bad;          // first problem found in this block
    for (;;) {
      const size_t nl = buf_.find('\n', pos_ + cur);
      if (nl == std::string::npos || nl + 1 - pos_ > kMaxHeaderBlock) {
        if (buf_.size() - pos_ > kMaxHeaderBlock) {
          pos_ += kMaxHeaderBlock;
          resync_ = true;
          return error("header block longer than " + std::to_string(kMaxHeaderBlock) + " bytes");
        }
        if (!fill()) {
          pos_ = buf_.size();
          return error("truncated message: end of input inside a header block");
        }
        continue;
      }
      std::string_view line(buf_.data() + pos_ + cur, nl - (pos_ + cur));
      cur = nl + 1 - pos_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) break;
      if (!bad.empty()) continue;
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        bad = "malformed header line " + excerpt(line);
        continue;
      }
      const std::string_view name = trim(line.substr(0, colon));
      const std::string_view value = trim(line.substr(colon + 1));
      if (!iequals(name, "content-length")) continue;  // Content-Type and others: ignored
      uint64_t v = 0;
      bool numeric = !value.empty();
      bool overflow = false;
      for (char c : value) {
        if (c < '0' || c > '9') {
          numeric = false;
          break;
        }
        if (v > (UINT64_MAX - 9) / 10) overflow = true;
        else v = v * 10 + static_cast<uint64_t>(c - '0');
      }
      if (!numeric) {
        bad = "Content-Length is not a non-negative decimal integer: " + excerpt(value);
      } else if (overflow) {
        bad = "Content-Length is too large: " + excerpt(value);
      } else if (have_length && v != length) {
        bad = "conflicting Content-Length headers: " + std::to_string(length) + " and " +
              std::to_string(v);
      } else {
        have_length = true;
        length = v;
      }
    }
    pos_ += cur;

    if (bad.empty() && !have_length) bad = "missing Content-Length header";
    if (bad.empty() && length > std::max<uint64_t>(kMaxPlausibleLength, max_body_)) {
      bad = "Content-Length " + std::to_string(length) +
            " is implausibly large; skipping to the next header";
    }
    if (!bad.empty()) {
      resync_ = true;
      return error(std::move(bad));
    }
    if (length > max_body_) {
      discard_ = length;
      return error("message body of " + std::to_string(length) + " bytes exceeds the limit of " +
                   std::to_string(max_body_) + " bytes; discarded");
    }

    return read_body(static_cast<size_t>(length));
  }
}

FrameWriter::FrameWriter(int fd) : fd_(fd) {
  struct stat st {};
  // Best effort: a lower limit or another kind of file leaves the pipe as it is.
  if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) fcntl(fd, F_SETPIPE_SZ, kPipeRoom);
}

bool FrameWriter::failed() const {
  std::lock_guard lock(mutex_);
  return failed_;
}

void FrameWriter::write(std::string_view body, std::string_view rest) {
  const std::string header = "Content-Length: " + std::to_string(body.size() + rest.size()) + "\r\n\r\n";
  iovec iov[3] = {{const_cast<char*>(header.data()), header.size()},
                  {const_cast<char*>(body.data()), body.size()},
                  {const_cast<char*>(rest.data()), rest.size()}};
  iovec* v = iov;
  int count = rest.empty() ? (body.empty() ? 1 : 2) : 3;
  std::lock_guard lock(mutex_);
  while (count > 0) {
    const ssize_t n = ::writev(fd_, v, count);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        pollfd p{fd_, POLLOUT, 0};
        ::poll(&p, 1, -1);
        continue;
      }
      failed_ = true;  // EPIPE: the client is gone; nothing useful to do with the frame
      return;
    }
    auto left = static_cast<size_t>(n);
    while (count > 0 && left >= v->iov_len) {
      left -= v->iov_len;
      ++v;
      --count;
    }
    if (count > 0) {
      v->iov_base = static_cast<char*>(v->iov_base) + left;
      v->iov_len -= left;
    }
  }
}

}  // namespace reportls::lsp
