// FrameReader / FrameWriter over real pipes, with the bytes written by another thread.
#include "lsp/protocol/transport.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using reportls::lsp::FrameReader;
using reportls::lsp::FrameWriter;
using Frame = FrameReader::Frame;

namespace {

std::string framed(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

/// A pipe whose write end is fed by a thread; closes both ends when done.
struct Feed {
  int fds[2] = {-1, -1};
  std::thread writer;
  Feed(std::string bytes, bool byte_by_byte) {
    REQUIRE(::pipe(fds) == 0);
    writer = std::thread([this, bytes = std::move(bytes), byte_by_byte] {
      size_t i = 0;
      while (i < bytes.size()) {
        const size_t n = byte_by_byte ? 1 : bytes.size() - i;
        const ssize_t w = ::write(fds[1], bytes.data() + i, n);
        if (w <= 0) break;
        i += static_cast<size_t>(w);
        if (byte_by_byte) std::this_thread::sleep_for(std::chrono::microseconds(20));
      }
      ::close(fds[1]);
    });
  }
  ~Feed() {
    writer.join();
    ::close(fds[0]);
  }
};

/// Every frame up to and including the first Eof.
std::vector<Frame> read_all(std::string bytes, size_t max_body = 256u << 20,
                            bool byte_by_byte = false, bool sizes_trusted = false) {
  Feed feed(std::move(bytes), byte_by_byte);
  FrameReader reader(feed.fds[0], max_body, sizes_trusted);
  std::vector<Frame> frames;
  for (int guard = 0; guard < 1000; ++guard) {
    frames.push_back(reader.next());
    if (frames.back().kind == Frame::Eof) break;
  }
  return frames;
}

/// "M:<body>", "E" or "EOF" for each frame, for compact assertions.
std::vector<std::string> kinds(const std::vector<Frame>& frames) {
  std::vector<std::string> out;
  for (const Frame& f : frames) {
    out.push_back(f.kind == Frame::Message ? "M:" + f.body : f.kind == Frame::Error ? "E" : "EOF");
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("two messages back to back") {
  auto frames = read_all(framed(R"({"a":1})") + framed(R"({"b":"报告"})"));
  CHECK(kinds(frames) == V{R"(M:{"a":1})", R"(M:{"b":"报告"})", "EOF"});
}

TEST_CASE("messages split across reads byte by byte") {
  const std::string input = framed(R"({"jsonrpc":"2.0","method":"x"})") + "\r\n" + framed("{}");
  auto frames = read_all(input, 256u << 20, true);
  CHECK(kinds(frames) == V{R"(M:{"jsonrpc":"2.0","method":"x"})", "M:{}", "EOF"});
}

TEST_CASE("a large body spanning many chunks") {
  const std::string body(1u << 20, 'x');
  auto frames = read_all(framed(body) + framed("{}"));
  REQUIRE(frames.size() == 3);
  CHECK(frames[0].kind == Frame::Message);
  CHECK(frames[0].body == body);
  CHECK(frames[1].body == "{}");
}

TEST_CASE("Eof is sticky") {
  Feed feed("", false);
  FrameReader reader(feed.fds[0]);
  CHECK(reader.next().kind == Frame::Eof);
  CHECK(reader.next().kind == Frame::Eof);
}

TEST_CASE("garbage before a header is skipped with one error") {
  auto frames = read_all("hello, I am not a header\r\n" + framed("{}"));
  CHECK(kinds(frames) == V{"E", "M:{}", "EOF"});
  CHECK(frames[0].error.find("garbage") != std::string::npos);
  CHECK(frames[0].error.find("26 bytes") != std::string::npos);

  // Glued to the header, with no newline in between.
  CHECK(kinds(read_all("xyz" + framed("[1]"))) == V{"E", "M:[1]", "EOF"});
  // Garbage only.
  CHECK(kinds(read_all("just noise")) == V{"E", "EOF"});
  // Plenty of garbage, more than a read chunk.
  CHECK(kinds(read_all(std::string(200000, '#') + framed("{}"))) == V{"E", "M:{}", "EOF"});
}

TEST_CASE("missing Content-Length") {
  auto frames = read_all("Content-Type: application/vscode-jsonrpc\r\n\r\n{\"lost\":1}" + framed("{}"));
  CHECK(kinds(frames) == V{"E", "M:{}", "EOF"});
  CHECK(frames[0].error.find("missing Content-Length") != std::string::npos);
}

TEST_CASE("negative and non-numeric Content-Length") {
  for (std::string value : {"-5", "abc", "12abc", "", "1.5", "0x10"}) {
    CAPTURE(value);
    auto frames = read_all("Content-Length: " + value + "\r\n\r\nhello" + framed("{}"));
    CHECK(kinds(frames) == V{"E", "M:{}", "EOF"});
    CHECK(frames[0].error.find("Content-Length") != std::string::npos);
  }
}

TEST_CASE("duplicate Content-Length: conflicting is an error, repeated is fine") {
  auto frames = read_all("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" + framed("[]"));
  CHECK(kinds(frames) == V{"E", "M:[]", "EOF"});
  CHECK(frames[0].error.find("conflicting") != std::string::npos);
  CHECK(kinds(read_all("Content-Length: 2\r\ncontent-length: 2\r\n\r\n{}")) == V{"M:{}", "EOF"});
}

TEST_CASE("enormous Content-Length is refused without waiting for or allocating the body") {
  auto frames = read_all("Content-Length: 99999999999\r\n\r\n{\"x\":1}" + framed("{}"));
  CHECK(kinds(frames) == V{"E", "M:{}", "EOF"});
  CHECK(frames[0].error.find("99999999999") != std::string::npos);
  // Beyond uint64_t.
  CHECK(kinds(read_all("Content-Length: 999999999999999999999999\r\n\r\n" + framed("{}"))) ==
        V{"E", "M:{}", "EOF"});
}

TEST_CASE("a refused body is never buffered") {
  // 1 GB claimed (over the default 256 MiB limit, but plausible, so it is discarded as it
  // arrives): the peak RSS must not grow by anything like that.
  rusage before{};
  ::getrusage(RUSAGE_SELF, &before);
  auto frames = read_all("Content-Length: 1000000000\r\n\r\n" + std::string(300000, 'x'));
  rusage after{};
  ::getrusage(RUSAGE_SELF, &after);
  CHECK(kinds(frames) == V{"E", "EOF"});
  CHECK(frames[0].error.find("exceeds the limit") != std::string::npos);
#if defined(__SANITIZE_THREAD__)
  // ThreadSanitizer's state for the test's writer thread alone is tens of MiB of RSS.
  (void)before;
  (void)after;
#else
  CHECK(after.ru_maxrss - before.ru_maxrss < 64 * 1024);  // KiB
#endif
}

TEST_CASE("over-limit body is discarded exactly, and the next message is read") {
  const std::string big = "{\"text\":\"" + std::string(100, 'z') + "\"}";
  auto frames = read_all(framed(big) + framed("{}") + framed(big) + framed("[]"), 16);
  CHECK(kinds(frames) == V{"E", "M:{}", "E", "M:[]", "EOF"});
  CHECK(frames[0].error.find("exceeds the limit of 16") != std::string::npos);
  // The discarded body may even contain something that looks like a header.
  const std::string tricky = framed("Content-Length: 2\r\n\r\n{}" + std::string(40, ' '));
  CHECK(kinds(read_all(tricky + framed("[]"), 16)) == V{"E", "M:[]", "EOF"});
  // A body at the limit is fine.
  CHECK(kinds(read_all(framed(std::string(16, 'a')), 16)) == V{"M:" + std::string(16, 'a'), "EOF"});
}

TEST_CASE("bodies of megabytes arrive whole, between small messages, through a pipe's 64 KiB reads") {
  std::string big;
  for (int i = 0; big.size() < (5u << 20); ++i) big += "第" + std::to_string(i) + "段𠮷报告，";
  const std::string body = big.substr(0, big.size() - 1) + "]";  // the last bytes are its own
  // Sizes trusted (an analysis process reading its server): the same frames, each body made at
  // its full size at once rather than grown (and copied) as it arrives.
  for (const bool trusted : {false, true}) {
    CAPTURE(trusted);
    auto frames = read_all(framed("{}") + framed(body) + framed("[1]") + framed(body + "x"), 256u << 20, false, trusted);
    REQUIRE(frames.size() == 5);
    CHECK(frames[0].body == "{}");
    CHECK(frames[1].body == body);
    CHECK(frames[2].body == "[1]");
    CHECK(frames[3].body == body + "x");
    CHECK(frames[4].kind == Frame::Eof);
    if (trusted) CHECK(frames[3].body.capacity() == body.size() + 1);
    // Cut off inside a long body: what arrived is counted, then the end.
    frames = read_all(framed(body).substr(0, 3u << 20), 256u << 20, false, trusted);
    CHECK(kinds(frames).size() == 2);
    CHECK(frames[0].error.find(" of " + std::to_string(body.size()) + " body bytes") != std::string::npos);
    CHECK(frames[1].kind == Frame::Eof);
  }
}

TEST_CASE("truncated final message: Error then Eof") {
  auto frames = read_all(framed("{}") + "Content-Length: 10\r\n\r\nabc");
  CHECK(kinds(frames) == V{"M:{}", "E", "EOF"});
  CHECK(frames[1].error.find("truncated") != std::string::npos);
  CHECK(frames[1].error.find("3 of 10") != std::string::npos);
  CHECK(kinds(read_all(framed("{}") + "Content-Len")) == V{"M:{}", "E", "EOF"});
  CHECK(kinds(read_all("Content-Length: 5\r\n")) == V{"E", "EOF"});
}

TEST_CASE("Content-Type is accepted and ignored, in either order") {
  CHECK(kinds(read_all("Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; "
                       "charset=utf-8\r\n\r\n{}")) == V{"M:{}", "EOF"});
  CHECK(kinds(read_all("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                       "Content-Length: 2\r\n\r\n{}")) == V{"M:{}", "EOF"});
}

TEST_CASE("header names are case-insensitive and bare LF is tolerated") {
  CHECK(kinds(read_all("content-length: 2\r\n\r\n{}")) == V{"M:{}", "EOF"});
  CHECK(kinds(read_all("CONTENT-LENGTH:2\r\n\r\n{}")) == V{"M:{}", "EOF"});
  CHECK(kinds(read_all("Content-Length: 2\n\n{}")) == V{"M:{}", "EOF"});
}

TEST_CASE("an empty body is a message") {
  CHECK(kinds(read_all("Content-Length: 0\r\n\r\n" + framed("{}"))) == V{"M:", "M:{}", "EOF"});
}

TEST_CASE("header block longer than 8 KiB") {
  auto frames = read_all("Content-Length: 2\r\nX-Padding: " + std::string(9000, 'p') +
                         "\r\n\r\n{}" + framed("[]"));
  CHECK(kinds(frames) == V{"E", "M:[]", "EOF"});
  CHECK(frames[0].error.find("8192") != std::string::npos);
}

TEST_CASE("malformed header line") {
  auto frames = read_all("Content-Length: 2\r\nnot a header\r\n\r\n{}" + framed("[]"));
  CHECK(kinds(frames) == V{"E", "M:[]", "EOF"});
  CHECK(frames[0].error.find("malformed header line 'not a header'") != std::string::npos);
}

TEST_CASE("FrameWriter output is read back by FrameReader") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  {
    FrameWriter writer(fds[1]);
    writer.write(R"({"id":1,"result":"报告𠮷"})");
    writer.write("");
    writer.write("head:", "报告𠮷 tail");  // one frame of both parts
    writer.write("", "tail only");
    CHECK_FALSE(writer.failed());
  }
  ::close(fds[1]);
  FrameReader reader(fds[0]);
  Frame a = reader.next();
  CHECK(a.kind == Frame::Message);
  CHECK(a.body == R"({"id":1,"result":"报告𠮷"})");
  Frame b = reader.next();
  CHECK(b.kind == Frame::Message);
  CHECK(b.body.empty());
  CHECK(reader.next().body == "head:报告𠮷 tail");
  CHECK(reader.next().body == "tail only");
  CHECK(reader.next().kind == Frame::Eof);
  ::close(fds[0]);
}

TEST_CASE("FrameWriter gives a pipe room for a large report's frame, so it is written at once") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::fcntl(fds[1], F_GETPIPE_SZ) == 64 << 10);  // Linux's default
  long limit = 0;
  if (FILE* f = std::fopen("/proc/sys/fs/pipe-max-size", "r")) {
    if (std::fscanf(f, "%ld", &limit) != 1) limit = 0;
    std::fclose(f);
  }
  const std::string body(600'000, 'x');  // the diagnostics of a 1 MB report
  {
    FrameWriter writer(fds[1]);
    // A system that allows less keeps the pipe as it was.
    if (limit >= 1 << 20) {
      REQUIRE(::fcntl(fds[1], F_GETPIPE_SZ) == 1 << 20);
      writer.write(body);  // nobody reads yet: with the default 64 KiB this would block for good
    }
  }
  ::close(fds[1]);
  FrameReader reader(fds[0]);
  if (limit >= 1 << 20) CHECK(reader.next().body == body);
  CHECK(reader.next().kind == Frame::Eof);
  ::close(fds[0]);
}

TEST_CASE("FrameWriter from two threads never interleaves frames") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  constexpr int kPerThread = 100;
  // Bodies much larger than PIPE_BUF (4 KiB), so unsynchronised writes would tear.
  auto body = [](char c, int i) { return std::to_string(i) + ":" + std::string(20000 + i, c); };
  std::vector<std::string> received;
  int errors = 0;
  std::thread reader_thread([&] {  // drains to Eof so the writers never block on a full pipe
    FrameReader reader(fds[0]);
    for (;;) {
      Frame f = reader.next();
      if (f.kind == Frame::Eof) break;
      if (f.kind == Frame::Error) ++errors;
      else received.push_back(std::move(f.body));
    }
  });
  {
    FrameWriter writer(fds[1]);
    auto send = [&](char c) {
      for (int i = 0; i < kPerThread; ++i) writer.write(body(c, i));
    };
    std::thread t1(send, 'A');
    std::thread t2(send, 'B');
    t1.join();
    t2.join();
    CHECK_FALSE(writer.failed());
  }
  ::close(fds[1]);
  reader_thread.join();
  ::close(fds[0]);

  CHECK(errors == 0);
  REQUIRE(received.size() == 2 * kPerThread);
  int next_a = 0, next_b = 0;
  for (const std::string& r : received) {
    const size_t colon = r.find(':');
    REQUIRE(colon != std::string::npos);
    const int i = std::stoi(r.substr(0, colon));
    const char c = r[colon + 1];
    CHECK(r == body(c, i));
    // Each thread's frames arrive in its own order.
    if (c == 'A') CHECK(i == next_a++);
    else CHECK(i == next_b++);
  }
  CHECK(next_a == kPerThread);
  CHECK(next_b == kPerThread);
}

TEST_CASE("FrameWriter survives a closed peer (EPIPE)") {
  std::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);
  FrameWriter writer(fds[1]);
  writer.write("{}");
  writer.write("{}");
  CHECK(writer.failed());
  ::close(fds[1]);
}
