// worker_loop.h — the analysis process's own side: `reportls-analysis --analysis-worker`
// (analysis_main.cpp).
//
// Loads the plugins of `options` in this process (an in-process host), says hello with their list,
// then serves the requests of worker_protocol.h on stdin/stdout one at a time, posting each plugin
// on the call board (call_board.h, the memfd `call_board_fd`; -1: none) before calling it.  A reader thread takes requests and cancellations off stdin; at end
// of stdin the process exits at once, even inside a spinning plugin, so it never outlives the
// server.  A fatal signal in a plugin (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) first writes a
// {"id", "crashed"} frame, then the process dies of that signal: the server tells a crash from a
// hang by how the process ended, not by how long the dying took (a sanitizer's report can take
// longer than any time budget).  Free pages go back to the system when the process has been idle
// for a moment or turns to another document (memory.h), except in a `batch` process (the command
// line's), which ends soon and keeps them for the next file.
#pragma once

#include "lsp/host/plugin_host.h"

namespace reportls::lsp {

// Returns the process exit code.
int run_analysis_worker(const PluginHostOptions &options, int call_board_fd = -1, bool batch = false);

}  // namespace reportls::lsp
