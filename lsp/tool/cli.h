// cli.h — the reportls command line: `check`, `outline`, `convert` and `plugins`, plus option
// parsing for the server mode.  Runs the same plugin host as the server, without LSP, on the
// inputs source.h reads (text in any supported encoding, Word files, web pages, folders, stdin);
// prints for people (text) or machines (json, sarif).
#pragma once

#include <string>
#include <vector>

namespace reportls::lsp {

// argv without the program name.  Returns the process exit code: 0 clean, 1 an error-severity
// diagnostic was found (check) or a plugin failed to load (plugins), 2 usage error or an input
// that could not be read.
int run_cli(const std::vector<std::string> &args);

}  // namespace reportls::lsp
