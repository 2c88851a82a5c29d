// transport_fuzz: the byte stream of a client through FrameReader, every frame through
// parse_message, and every parsed message back through the serialisers.
//
// Input: byte 0 picks FrameReader's max_body (default, 0, 16, 1 KiB); the rest is the stream,
// written to a memfd that the reader reads to its end.  The whole stream is also classified as
// one body by parse_message.
#include "fuzz_util.h"

#include "lsp/protocol/jsonrpc.h"
#include "lsp/protocol/transport.h"

#include <sys/mman.h>
#include <unistd.h>

using namespace reportls::lsp;

namespace {

int stream_fd() {
  static int fd = [] {
    int f = memfd_create("transport_fuzz", 0);
    FUZZ_CHECK(f >= 0);
    return f;
  }();
  return fd;
}

void check_message(std::string_view body) {
  Incoming m = parse_message(body);
  switch (m.kind) {
    case Incoming::Invalid:
      FUZZ_CHECK(m.error_code == error_code::ParseError || m.error_code == error_code::InvalidRequest);
      FUZZ_CHECK(!m.error.empty());
      FUZZ_CHECK(m.id.is_null() || m.id.is_string() || m.id.is_number_integer());
      (void)error_response(m.id, m.error_code, m.error);
      break;
    case Incoming::Request:
      FUZZ_CHECK(m.id.is_string() || m.id.is_number_integer());
      FUZZ_CHECK(m.params.is_null() || m.params.is_object() || m.params.is_array());
      (void)response(m.id, m.params);
      (void)request(m.id, m.method, m.params);
      break;
    case Incoming::Notification:
      FUZZ_CHECK(m.id.is_null());
      FUZZ_CHECK(m.params.is_null() || m.params.is_object() || m.params.is_array());
      (void)notification(m.method, m.params);
      break;
    case Incoming::Response:
      FUZZ_CHECK(m.id.is_null() || m.id.is_string() || m.id.is_number_integer());
      FUZZ_CHECK(m.error_code == 0);
      (void)response(m.id, m.result);
      break;
  }
  if (m.kind != Incoming::Invalid) FUZZ_CHECK(m.error_code == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  static const size_t limits[] = {256u << 20, 0, 16, 1024};
  const size_t max_body = limits[data[0] & 3];
  std::string_view stream(reinterpret_cast<const char *>(data) + 1, size - 1);

  int fd = stream_fd();
  FUZZ_CHECK(ftruncate(fd, 0) == 0);
  FUZZ_CHECK(lseek(fd, 0, SEEK_SET) == 0);
  size_t written = 0;
  while (written < stream.size()) {
    ssize_t w = write(fd, stream.data() + written, stream.size() - written);
    FUZZ_CHECK(w > 0);
    written += static_cast<size_t>(w);
  }
  FUZZ_CHECK(lseek(fd, 0, SEEK_SET) == 0);

  FrameReader reader(fd, max_body);
  size_t frames = 0, body_bytes = 0;
  for (;;) {
    FrameReader::Frame f = reader.next();
    // Every frame but Eof consumes at least one byte of the stream, so there are at most
    // stream.size() + 1 frames before Eof (+1: a final "truncated").
    FUZZ_CHECK(++frames <= stream.size() + 2);
    if (f.kind == FrameReader::Frame::Eof) break;
    if (f.kind == FrameReader::Frame::Error) {
      FUZZ_CHECK(!f.error.empty());
      FUZZ_CHECK(f.body.empty());
      continue;
    }
    FUZZ_CHECK(f.body.size() <= max_body);
    body_bytes += f.body.size();
    FUZZ_CHECK(body_bytes <= stream.size());
    FUZZ_CHECK(stream.find(f.body) != std::string_view::npos);
    check_message(f.body);
  }
  // After Eof, Eof forever.
  FUZZ_CHECK(reader.next().kind == FrameReader::Frame::Eof);

  check_message(stream);
  return 0;
}
