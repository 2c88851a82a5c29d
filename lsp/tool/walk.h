// walk.h — the command line's FILE arguments as the list of inputs to read: a folder stands for
// the .txt, .md, .docx and .html files under it (depth first, names in byte order, hidden entries
// skipped), `-` for standard input, anything else for itself.  A folder reached again through a
// symbolic link (a loop), a folder that cannot be listed and a folder without reports become
// inputs with a problem, so the batch goes on and the user is told.  Main thread of the tool.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reportls::lsp {

struct Input {
  std::string path;
  std::string problem;  // set: do not read, print this after the path
  uint64_t bytes = 0;   // a regular file's size when listed (standard input and the rest: 0)
};

std::vector<Input> expand_inputs(const std::vector<std::string> &args);

}  // namespace reportls::lsp
