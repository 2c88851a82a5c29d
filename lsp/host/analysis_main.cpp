// reportls-analysis — an analysis process: started by a worker client (worker_client.h) as
//   reportls-analysis --analysis-worker [--plugin-dir DIR]... [--data-dir DIR]... [--capabilities N]
//                     [--call-board FD] [--batch]
// with the complete lists (nothing is added here), it serves worker_loop.h on stdin/stdout and
// posts the plugin it runs on the call board at descriptor FD (call_board.h).
// A program of its own, linking only the plugin host, so that each analysis process maps and
// relocates neither the input readers (libxml2, libzip, libcrypto) nor the server.
#include "lsp/host/memory.h"
#include "lsp/host/worker_loop.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

int usage(const char *why) {
  std::fprintf(stderr, "reportls-analysis: %s（此程序由 reportls 启动，不供直接使用）\n", why);
  return 2;
}

}  // namespace

int main(int argc, char **argv) {
  // The server may go away in the middle of a write: EPIPE is handled.
  std::signal(SIGPIPE, SIG_IGN);
  reportls::lsp::configure_malloc();
  reportls::lsp::PluginHostOptions options;
  bool worker = false, batch = false;
  int call_board = -1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--analysis-worker" || a == "--batch") {
      (a == "--batch" ? batch : worker) = true;
      continue;
    }
    if (i + 1 >= argc) return usage(("未知选项或缺少参数: " + a).c_str());
    const std::string value = argv[++i];
    if (a == "--plugin-dir") options.plugin_dirs.push_back(value);
    else if (a == "--data-dir") options.data_dirs.push_back(value);
    else if (a == "--capabilities") {
      char *end = nullptr;
      options.capabilities = static_cast<uint32_t>(std::strtoul(value.c_str(), &end, 10));
      if (value.empty() || *end) return usage("--capabilities 需要一个数字");
    } else if (a == "--call-board") {
      char *end = nullptr;
      call_board = static_cast<int>(std::strtol(value.c_str(), &end, 10));
      if (value.empty() || *end || call_board < 0) return usage("--call-board 需要一个文件描述符");
    } else {
      return usage(("未知选项 " + a).c_str());
    }
  }
  if (!worker) return usage("缺少 --analysis-worker");
  const int code = reportls::lsp::run_analysis_worker(options, call_board, batch);
  std::fflush(stdout);
  std::fflush(stderr);
  _exit(code);
}
