// workspace_files.h — the files of a folder that may be documents related to an open one
// (related.h): what the engine reads from disk to learn their related.* facts.  Blocking file
// I/O: the engine calls these on its pool, never on main.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reportls::lsp {

struct FolderScanLimits {
  size_t max_entries = 5000;       // directory entries looked at, in all
  size_t max_files = 200;          // candidate files returned
  uintmax_t max_bytes = 4u << 20;  // a larger file is no report
};

// The plain-text and Markdown files (.txt, .md, .markdown) in `folder` and below, sorted by path;
// hidden folders and files are skipped, and the walk stops at the limits.
std::vector<std::string> candidate_files(const std::string &folder, const FolderScanLimits &limits = {});

// The content of a regular file of at most `max_bytes`, or nullopt.
std::optional<std::string> read_text_file(const std::string &path, uintmax_t max_bytes = FolderScanLimits{}.max_bytes);

}  // namespace reportls::lsp
