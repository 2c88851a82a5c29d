// phrases.h — `reportls phrases mine`: the phrasing an office really uses, learnt from its reports
// by the phrasing analyzer's miner (analyzers/phrasing/include/reportls/phrasing/miner.h) and
// reviewed by the analyzers themselves (all Chinese text checked, for the year before the current
// one: the next report's): a mined phrase any of them finds fault with (a typo, an outdated term,
// a wrong document title) is dropped and told.  The one command of the tool that
// knows an analyzer's library: mining is the phrasing analyzer's, reading the inputs and running
// the checks are the tool's.
#pragma once

#include "lsp/host/plugin_host.h"
#include "lsp/tool/walk.h"

#include <cstdint>
#include <string>
#include <vector>

namespace reportls::lsp {

struct MineRequest {
  std::vector<Input> inputs;   // the reports (any format `check` reads)
  std::string out_dir;         // written: mined-N.phrases.json (earlier mined-*.json removed)
  uint32_t min_reports = 2;    // a phrase is kept when this many reports use it
};

// Returns the exit code: 0 written, 2 an input could not be read (the others are still mined) or
// the folder could not be written.  host runs the review (every plugin, all Chinese text checked).
int mine_phrases(const MineRequest &request, const PluginHost &host);

}  // namespace reportls::lsp
