#include "lsp/host/worker_process.h"

#include "lsp/host/call_board.h"
#include "lsp/host/worker_protocol.h"
#include "lsp/protocol/transport.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

namespace reportls::lsp {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

struct WorkerProcess::Inbox {
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<json> messages;
  bool closed = false;
};

WorkerProcess::WorkerProcess(const std::vector<std::string> &argv, const std::vector<std::string> &environment)
    : inbox_(std::make_shared<Inbox>()) {
  board_ = CallBoard::create(error_);
  if (!board_) return;
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0) {
    error_ = std::strerror(errno);
    return;
  }
  if (pipe2(out, O_CLOEXEC) != 0) {
    error_ = std::strerror(errno);
    ::close(in[0]);
    ::close(in[1]);
    return;
  }
  const int board_fd = board_->fd();
  const std::string board_arg = std::to_string(board_fd);
  std::vector<char *> args;
  for (const std::string &a : argv) args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(const_cast<char *>("--call-board"));
  args.push_back(const_cast<char *>(board_arg.c_str()));
  args.push_back(nullptr);
  std::vector<char *> envp;
  for (const std::string &e : environment) envp.push_back(const_cast<char *>(e.c_str()));
  envp.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    // Only async-signal-safe calls until exec: other threads may hold locks.  Pool threads
    // block every signal, and the mask survives exec: clear it.  O_CLOEXEC closes the rest.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (dup2(in[0], STDIN_FILENO) < 0 || dup2(out[1], STDOUT_FILENO) < 0) _exit(127);
    if (fcntl(board_fd, F_SETFD, 0) != 0) _exit(127);  // the one descriptor exec keeps besides
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  int fork_errno = errno;
  ::close(in[0]);
  ::close(out[1]);
  if (pid < 0) {
    error_ = std::strerror(fork_errno);
    ::close(in[1]);
    ::close(out[0]);
    return;
  }
  pid_ = pid;
  to_ = in[1];
  writer_ = std::make_unique<FrameWriter>(to_);
  std::thread([inbox = inbox_, fd = out[0]] {
    FrameReader reader(fd, kMaxFrameBody, true);  // its process wrote every frame
    for (;;) {
      FrameReader::Frame frame = reader.next();
      json message;
      if (frame.kind == FrameReader::Frame::Message) message = worker::parse(std::move(frame.body));
      std::lock_guard lock(inbox->mutex);
      if (!message.is_object()) {
        inbox->closed = true;
        inbox->cv.notify_all();
        break;
      }
      inbox->messages.push_back(std::move(message));
      inbox->cv.notify_all();
    }
    ::close(fd);
  }).detach();
}

WorkerProcess::~WorkerProcess() { finish(kExitGrace); }

CallBoard::Post WorkerProcess::board() const { return board_ ? board_->read() : CallBoard::Post{}; }

void WorkerProcess::send(const json &message) {
  if (!writer_) return;
  const worker::Body body = worker::dump_parts(message);
  writer_->write(body.packed, body.attached);
}

void WorkerProcess::send(json head, const json::json_pointer &at, std::string_view text) {
  if (!writer_) return;
  const worker::Body body = worker::dump_parts(std::move(head), at, text, false);
  writer_->write(body.packed, body.attached);
}

WorkerProcess::Wait WorkerProcess::next(json &out, Clock::time_point deadline) {
  std::unique_lock lock(inbox_->mutex);
  inbox_->cv.wait_until(lock, deadline, [&] { return !inbox_->messages.empty() || inbox_->closed; });
  if (!inbox_->messages.empty()) {
    out = std::move(inbox_->messages.front());
    inbox_->messages.pop_front();
    return Wait::Message;
  }
  return inbox_->closed ? Wait::Closed : Wait::Timeout;
}

int WorkerProcess::finish(std::chrono::milliseconds grace) {
  close_input();
  return stop(grace);
}

int WorkerProcess::stop(std::chrono::milliseconds grace) {
  // The input stays open while it is waited for: a process dying of a signal of its own would
  // otherwise exit on the end of its input first, and its status would not say how it died.
  if (pid_ > 0) {
    int status = 0;
    pid_t r = 0;
    auto until = Clock::now() + grace;
    while ((r = waitpid(pid_, &status, WNOHANG)) == 0 && Clock::now() < until) std::this_thread::sleep_for(1ms);
    if (r == 0) {
      // Still there: SIGKILL.  If it was already dying of its own signal, the status says so.
      ::kill(pid_, SIGKILL);
      while ((r = waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
      }
    }
    status_ = status;
    pid_ = -1;
  }
  close_input();
  return status_;
}

void WorkerProcess::close_input() {
  if (to_ < 0) return;
  writer_.reset();
  ::close(to_);
  to_ = -1;
}

std::string death_of(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char *name = sigabbrev_np(sig);
    return "崩溃（信号 " + std::to_string(sig) + (name ? std::string("，SIG") + name : "") + "）";
  }
  if (WIFEXITED(status)) return "使分析进程退出（退出码 " + std::to_string(WEXITSTATUS(status)) + "）";
  return "使分析进程异常结束";
}

bool killed_by_us(int status) { return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL; }

}  // namespace reportls::lsp
