#include "lsp/host/own_executable.h"

namespace reportls::lsp {

std::filesystem::path own_executable() {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self;
}

}  // namespace reportls::lsp
