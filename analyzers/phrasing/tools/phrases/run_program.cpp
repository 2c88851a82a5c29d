#include "run_program.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>

extern char **environ;

namespace reportls::phrasing::tool {

int run_program(const std::vector<std::string> &argv, const std::string &stdout_file) {
  std::vector<char *> args;
  for (const std::string &a : argv) args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    std::cerr << "reportls-phrases: 无法运行 " << argv[0] << "：" << std::strerror(error) << '\n';
    return -1;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  std::cerr << "reportls-phrases: " << argv[0] << " 异常退出（信号 " << WTERMSIG(status) << "）\n";
  return -1;
}

}  // namespace reportls::phrasing::tool
