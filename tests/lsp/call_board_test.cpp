// The call board (lsp/host/call_board.h): what a child process posts, the parent reads.
#include "lsp/host/call_board.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

using reportls::lsp::CallBoard;

TEST_CASE("a post made in another process is read whole, and the same post twice is told apart") {
  std::string why;
  std::unique_ptr<CallBoard> board = CallBoard::create(why);
  REQUIRE_MESSAGE(board, why);
  CHECK(board->read() == CallBoard::Post{0, 0, false, 0});  // request ids start at 1: no request's

  // The child attaches by the descriptor number, as reportls-analysis does with --call-board.
  const int fd = board->fd();
  const pid_t pid = fork();
  if (pid == 0) {
    std::string child_why;
    std::unique_ptr<CallBoard> child = CallBoard::attach(fd, child_why);
    if (!child) _exit(1);
    child->post(7, 2, true);
    child->post(7, 2, false);
    child->post(7, 2, false);
    child.release();  // the parent's descriptor: leave it open
    _exit(0);
  }
  REQUIRE(pid > 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);

  const CallBoard::Post last = board->read();
  CHECK(last.request == 7);
  CHECK(last.plugin == 2);
  CHECK_FALSE(last.creating);
  CHECK(last.serial == 3);

  // The same request and plugin posted again is a new post (a new call with its own budget).
  board->post(7, 2, false);
  CHECK(board->read() != last);
  CHECK(board->read().serial == 4);
  board->post(0xFFFFFFFFu, CallBoard::kNoPlugin, true);
  CHECK(board->read() == CallBoard::Post{0xFFFFFFFFu, CallBoard::kNoPlugin, true, 5});
}

TEST_CASE("attaching to a descriptor that is no board fails with a reason") {
  std::string why;
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  CHECK_FALSE(CallBoard::attach(fds[0], why));
  CHECK(why.find("--call-board") != std::string::npos);
  ::close(fds[0]);
  ::close(fds[1]);
  CHECK_FALSE(CallBoard::attach(-1, why));
}
