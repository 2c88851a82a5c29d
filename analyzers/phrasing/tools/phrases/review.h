// review.h — the project's own checks over mined phrases: every phrase a line of one Chinese text
// (`allChineseText`), checked by `reportls check` for the year the next report covers, so a phrase
// with a typo, an outdated term or a wrong document title is found and can be dropped.  Main thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reportls::phrasing::tool {

struct ReviewRequest {
  std::string reportls;                  // the reportls program
  std::vector<std::string> plugin_dirs;  // its --plugin-dir options: the office's own checks too
  std::string work_dir;                  // an empty folder for the review's files
};

// The index of each flagged phrase, with the first "code message" found on it; nullopt when the
// checks could not be run (said on stderr).
std::optional<std::map<size_t, std::string>> review(const std::vector<std::string> &phrases,
                                                    const ReviewRequest &request);

}  // namespace reportls::phrasing::tool
