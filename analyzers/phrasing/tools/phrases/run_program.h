// run_program.h — runs another program (reportls itself) to completion, its standard output into a
// file and its standard error shared with ours, without a shell: `reportls-phrases` uses the
// public command line (`reportls convert`, `reportls check`) as its only interface to the tool's
// input readers and to the analyzers.  Main thread.
#pragma once

#include <string>
#include <vector>

namespace reportls::phrasing::tool {

// argv[0] is the program's path.  Returns its exit code, or -1 when it could not be started or
// was killed by a signal (said on stderr).
int run_program(const std::vector<std::string> &argv, const std::string &stdout_file);

}  // namespace reportls::phrasing::tool
