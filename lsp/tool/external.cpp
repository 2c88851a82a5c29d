#include "lsp/tool/external.h"

#include "lsp/host/own_executable.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace reportls::lsp {

namespace fs = std::filesystem;

std::optional<int> run_external_command(const std::string &name, const std::vector<std::string> &args) {
  // Only a plain name: `reportls ../x` must not run a program elsewhere.
  if (name.empty() || name.find('/') != std::string::npos || name[0] == '.') return std::nullopt;
  const fs::path self = own_executable();
  if (self.empty()) return std::nullopt;
  const fs::path program = self.parent_path() / ("reportls-" + name);
  if (access(program.c_str(), X_OK) != 0) return std::nullopt;
  std::vector<std::string> argv = {program.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char *> c_argv;
  for (std::string &a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  setenv("REPORTLS", self.c_str(), 1);
  execv(program.c_str(), c_argv.data());
  std::cerr << "reportls: 无法运行 " << program.string() << "：" << std::strerror(errno) << '\n';
  return 2;
}

}  // namespace reportls::lsp
