// workspace_files.h — the files of a folder that may be documents related to an open one
// (related.h): what the engine reads from disk to learn their related.* facts.  Blocking file
// I/O: the engine calls these on its pool, never on main.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {

struct FolderScanLimits {
  size_t max_entries = 5000;       // directory entries looked at, in all
  size_t max_files = 200;          // candidate files returned
  uintmax_t max_bytes = 4u << 20;  // a larger file is no report
};

// Which files may be related documents and how they become text.  The engine's own: plain-text
// and Markdown files, read as they are (UTF-8).  A front end may give readers of more formats and
// encodings (the command line's, tool/source.h).  Both are called on the pool, from any thread.
struct FileReader {
  std::function<bool(const std::string &path)> accepts;                     // by its name
  std::function<std::optional<std::string>(const std::string &path)> read;  // UTF-8, or nullopt
  static FileReader plain_text();
};

// The files `accepts` takes in `folder` and below, sorted by path; hidden folders and files are
// skipped, and the walk stops at the limits.
std::vector<std::string> candidate_files(const std::string &folder, const std::function<bool(const std::string &)> &accepts,
                                         const FolderScanLimits &limits = {});

// The content of a regular file of at most `max_bytes`, or nullopt.
std::optional<std::string> read_text_file(const std::string &path, uintmax_t max_bytes = FolderScanLimits{}.max_bytes);

}  // namespace reportls::lsp
