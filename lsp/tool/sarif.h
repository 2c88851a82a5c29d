// sarif.h — diagnostics as a SARIF 2.1.0 log, for CI pipelines (GitHub code scanning and others).
// One run, one result per diagnostic, fixes as SARIF fixes; regions in UTF-16 code units
// (SARIF's default columnKind), 1-based.
#pragma once

#include "lsp/engine/analysis.h"
#include "lsp/engine/settings.h"
#include "lsp/engine/text_document.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace reportls::lsp {

struct SarifFile {
  std::string path;  // as given on the command line; written as a relative URI when relative
  const TextDocument *doc;
  const AnalysisResult *result;
  const Settings *settings;
};

// Writes the log: one run, each result on a line of its own, built and written one at a time.
void write_sarif(std::ostream &out, const std::vector<SarifFile> &files);

}  // namespace reportls::lsp
