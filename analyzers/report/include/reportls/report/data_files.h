// reportls/report/data_files.h — where an analyzer finds its JSON data files.
#ifndef REPORTLS_REPORT_DATA_FILES_H
#define REPORTLS_REPORT_DATA_FILES_H

#include <string>
#include <vector>

namespace reportls::report {

// Where an analyzer's data lives, in load order: its own folder (bundled data), then the user's.
std::vector<std::string> data_folders(const std::string &plugin_dir,
                                      const std::vector<std::string> &data_dirs);

// The files named `<prefix>*.json` in each of dirs, folder by folder in order, within a folder
// sorted by name.  Missing or unreadable folders are skipped.
std::vector<std::string> data_files(const std::vector<std::string> &dirs, const std::string &prefix);

// The whole content of a file, read into one string of its size; throws
// std::runtime_error("<path>: cannot open the file") when it cannot be opened or read.
std::string read_data_file(const std::string &path);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_DATA_FILES_H
