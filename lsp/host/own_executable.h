// own_executable.h — the file of the running program (what /proc/self/exe links to), from which
// the server, the command line and the analysis processes find what is installed beside them:
// the analysis executable, the bundled plugins, the readers' module, `reportls-NAME` commands.
// Empty when it cannot be read (no /proc).  Any thread.
//
// The link's target, not /proc/self/exe itself, is what to execute: under valgrind the link is
// valgrind's own tool, and valgrind answers the readlink with the program's file.
#pragma once

#include <filesystem>

namespace reportls::lsp {

std::filesystem::path own_executable();

}  // namespace reportls::lsp
