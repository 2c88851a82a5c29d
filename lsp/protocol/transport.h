// transport.h: the LSP base protocol (Content-Length framing) over blocking file descriptors.
//
//   Content-Length: <decimal byte count>\r\n
//   [Content-Type: ...\r\n]
//   \r\n
//   <body: exactly that many bytes, UTF-8 JSON>
//
// This layer only cuts the byte stream into message bodies; it knows nothing of JSON
// (jsonrpc.h does). It never throws on bad input: a malformed header block becomes an Error
// frame and the reader resynchronises on the next header, so one bad message from a buggy
// client cannot wedge the server.
//
// Threads (anchors (c)): one FrameReader, used only by the reader thread, blocks in ::read on
// stdin; one FrameWriter, shared by every thread that sends, serialises whole frames with a
// mutex. Neither owns its file descriptor (neither closes it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace reportls::lsp {

/// The largest body a reader takes by default (256 MiB).
inline constexpr size_t kMaxFrameBody = 256u << 20;

/// Reads framed messages from `fd`. Not thread-safe: exactly one thread (the reader thread)
/// calls next(). Does not own or close the fd.
class FrameReader {
 public:
  /// `max_body`: bodies larger than this are refused (Error) and discarded without being
  /// buffered. Reads 64 KiB at a time up to a body (buffering the excess), then the rest of the
  /// body straight into the frame, which grows as the bytes arrive: a frame costs its size.
  /// `sizes_trusted`: the writer is this program's own process (an analysis process and its
  /// server, each reading the other), so a body gets its whole Content-Length at once instead of
  /// growing as it arrives: growing copied a large document's text or result and faulted its
  /// pages in again at every doubling.
  explicit FrameReader(int fd, size_t max_body = kMaxFrameBody, bool sizes_trusted = false);

  struct Frame {
    enum Kind { Message, Eof, Error } kind;
    std::string body;   ///< Message: the body bytes, exactly Content-Length of them
    std::string error;  ///< Error: what was wrong, for the log
  };

  /// Blocks until the next message body, an error, or the end of input.
  ///
  /// Header rules: header names are case-insensitive; lines end in "\r\n" (a bare "\n" is
  /// tolerated); Content-Length is required, decimal digits only; Content-Type and unknown
  /// headers are ignored; a repeated Content-Length must repeat the same value; the header
  /// block is at most 8 KiB. Whitespace between messages is skipped silently.
  ///
  /// Errors, each reported as one Error frame, after which reading goes on:
  ///  - bytes that do not start a header ("garbage") are skipped up to the next
  ///    "Content-Length:" (searched case-insensitively anywhere, so "xyzContent-Length: 2"
  ///    still frames): one Error saying how many bytes were dropped;
  ///  - a malformed header block (missing, negative, non-numeric or conflicting
  ///    Content-Length, a line without ':', longer than 8 KiB): the block is dropped and so is
  ///    everything up to the next "Content-Length:" (its body length is unknown);
  ///  - max_body < Content-Length <= max(max_body, 1 GiB): exactly that many body bytes are
  ///    discarded as they arrive, never buffered, and the next message is read normally;
  ///  - Content-Length above that (e.g. 99999999999, which no real client sends and which
  ///    is more likely a corrupted header than a body to wait for): treated like a
  ///    malformed header block, i.e. skip to the next "Content-Length:";
  ///  - end of input inside a header or body: Error ("truncated"), then Eof;
  ///  - a failing ::read (other than EINTR): Error with strerror, then Eof.
  /// After Eof, every further call returns Eof.
  Frame next();

 private:
  /// One ::read of at most `most` bytes (EINTR retried, a non-blocking fd polled): the count,
  /// or 0 at the end of input or on a failure (eof_ set, the failure kept in read_error_).
  size_t read_some(char* into, size_t most);
  /// Appends one read of up to 64 KiB to buf_; false at the end of input.
  bool fill();
  /// The body of `need` bytes starting at pos_: what is buffered, then read into it directly as
  /// it grows.
  Frame read_body(size_t need);
  Frame end_of_input();
  /// Drops bytes up to the next "content-length:" (case-insensitive). Returns the number of
  /// bytes dropped; sets `found` when a header start is now at pos_.
  uint64_t skip_to_header(bool& found);

  int fd_;
  size_t max_body_;
  bool sizes_trusted_;
  std::string buf_;           ///< bytes read but not consumed start at pos_
  size_t pos_ = 0;
  bool eof_ = false;          ///< ::read returned 0 or failed; no more bytes will come
  std::string read_error_;    ///< reported once before Eof
  uint64_t discard_ = 0;      ///< bytes of a refused body still to drop
  bool resync_ = false;       ///< after a bad header block: silently skip to the next header
};

/// Writes framed messages to `fd`. Thread-safe: write() may be called from any thread and
/// whole frames never interleave. Does not own or close the fd.
class FrameWriter {
 public:
  explicit FrameWriter(int fd);

  /// Writes "Content-Length: N\r\n\r\n" + body + rest under a mutex, in one writev (a long
  /// rest, a document's text, is sent from where it lies), looping over partial writes and
  /// EINTR (and polling if the fd is non-blocking). Write errors (EPIPE when the client has
  /// gone, ...) are not reported to the caller: the frame is dropped and failed() turns true.
  /// SIGPIPE must be ignored by the process (main's job), or EPIPE kills it first.
  void write(std::string_view body, std::string_view rest = {});

  /// True once any write has failed (the peer is most likely gone).
  bool failed() const;

 private:
  int fd_;
  mutable std::mutex mutex_;
  bool failed_ = false;
};

}  // namespace reportls::lsp
