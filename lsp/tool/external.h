// external.h — commands the tool does not build in.  `reportls NAME ARGS...` for a NAME that is
// not one of its own runs the program `reportls-NAME` beside this one with ARGS (the way git runs
// git-NAME), with REPORTLS set to this program's path so the command can use reportls's own
// commands.  This is how a part of the product that knows reports adds a command — the phrasing
// analyzer's `reportls phrases mine` — without the tool linking it.  Main thread of the tool.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {

// nullopt when there is no such program; otherwise it replaces this process (exec) and only
// returns, with 2, when that failed (said on stderr).
std::optional<int> run_external_command(const std::string &name, const std::vector<std::string> &args);

}  // namespace reportls::lsp
