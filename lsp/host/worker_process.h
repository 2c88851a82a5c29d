// worker_process.h — one running analysis process (`reportls-analysis --analysis-worker`), as the host
// sees it: its pid, a pipe to its stdin, and the messages it wrote to its stdout.
//
// fork + exec with pipes on stdin/stdout and no shell; its stderr is ours.  The process also gets
// a call board (call_board.h, `--call-board FD` appended to argv) that says which plugin it runs.  A detached reader
// thread decodes its frames into an inbox shared with that thread, so a worker whose output pipe is
// somehow kept open never blocks whoever stops it.  Used by one thread at a time (the client
// thread of worker_client.h).
#pragma once

#include "lsp/host/call_board.h"

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace reportls::lsp {

class FrameWriter;

class WorkerProcess {
 public:
  enum class Wait { Message, Closed, Timeout };

  // argv[0] is the executable; `environment` its whole environment (memory.h's
  // analysis_environment).  On failure running() is false and error() says why.
  WorkerProcess(const std::vector<std::string> &argv, const std::vector<std::string> &environment);
  ~WorkerProcess();  // finish(kExitGrace) unless already stopped

  // How long a process is given to exit by itself once its input has ended.  A running one exits
  // within a millisecond or two; this is for one that writes files on its way out (a profiler).
  static constexpr std::chrono::milliseconds kExitGrace{2000};

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  const std::string &error() const { return error_; }

  void send(const nlohmann::json &message);
  // `head` with the string `text` at `at` (where head holds null), written from where it lies.
  void send(nlohmann::json head, const nlohmann::json::json_pointer &at, std::string_view text);
  // What the process last posted on its call board: the request and plugin it is running.
  CallBoard::Post board() const;
  // The next message from the worker, waiting until `deadline`.  Closed: end of its output, or
  // garbage on it.
  Wait next(nlohmann::json &out, std::chrono::steady_clock::time_point deadline);

  // Waits up to `grace` for the worker to exit by itself, then SIGKILLs it; reaps it either way and
  // returns its wait status (how it ended: the status of its own death if it was already dying).
  int stop(std::chrono::milliseconds grace);
  // Ends the worker's input first, which makes a running worker exit by itself (worker_loop.h) at
  // once, whatever its plugins are doing; then stop(grace).  A process that exits writes what it
  // must on its way out (a profiler's counts), which one that is SIGKILLed cannot.
  int finish(std::chrono::milliseconds grace);

 private:
  struct Inbox;
  void close_input();
  pid_t pid_ = -1;
  int to_ = -1;
  int status_ = 0;
  std::string error_;
  std::unique_ptr<FrameWriter> writer_;
  std::unique_ptr<CallBoard> board_;
  std::shared_ptr<Inbox> inbox_;
};

// How a worker ended, in words, from its wait status: "崩溃（信号 11，SIGSEGV）", or an exit code.
std::string death_of(int status);

// True when the wait status says the process was ended by SIGKILL (ours, after a time-out).
bool killed_by_us(int status);

}  // namespace reportls::lsp
