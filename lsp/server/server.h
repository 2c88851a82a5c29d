// server.h — the reportls language server: LSP 3.17 over stdio, bound to the engine.
//
// Threads (see ARCHITECTURE.md):
//   - a reader thread does blocking framed reads and parses JSON, then posts each message to
//   - the main thread (one io_context), which owns the session and the engine — open documents,
//     settings, the analysis hosts, the scheduler, pending requests — and never blocks and
//     never calls a plugin;
//   - analyses run on the engine's pool or in analysis processes, each spoken to by a client
//     thread of its own;
//   - a writer thread serialises every outgoing frame, so a slow client never stalls main.
// Every request gets exactly one response (a Reply that is dropped unanswered answers
// InternalError); $/cancelRequest answers RequestCancelled at once and the late result is dropped.
#pragma once

#include "lsp/engine/workspace_files.h"

#include <string>
#include <vector>

namespace reportls::lsp {

struct ServerOptions {
  std::vector<std::string> plugin_dirs;  // extra folders from --plugin-dir, after the bundled one
  bool isolate_plugins = true;           // plugins in a restartable worker process (--no-worker: false)
  FileReader files = FileReader::plain_text();  // how the workspace's files are read as related documents
  int input_fd = 0;
  int output_fd = 1;
};

// Serves until `exit` or end of input.  Returns the process exit code: 0 after shutdown+exit,
// 1 otherwise.  The session is shut down and destroyed before this returns (analysis processes
// stopped, pool joined, pending frames written); only the reader thread may still be blocked in
// read(), holding nothing of the session, until the caller ends the process (see main.cpp).
int run_server(const ServerOptions &options);

}  // namespace reportls::lsp
