// reportls — entry point.  Everything is in lsp/tool/cli.cpp; this only sets up the process.
#include "lsp/host/memory.h"
#include "lsp/tool/cli.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv) {
  // A client that goes away must not kill us in the middle of a write: EPIPE is handled.
  std::signal(SIGPIPE, SIG_IGN);
  reportls::lsp::configure_malloc();
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = reportls::lsp::run_cli(args);
  std::fflush(stdout);
  std::fflush(stderr);
  // _exit: the server's reader thread may still be blocked in read(); see run_server().
  _exit(code);
}
