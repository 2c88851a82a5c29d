// input_error.h — why a file could not be turned into text for the analyzers.  Thrown by the
// readers of lsp/tool (encoding, docx, html, source) with a Chinese reason a person can act on;
// the command line prints it after the file's name and goes on with the rest of the batch.
#pragma once

#include <stdexcept>

namespace reportls::lsp {

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace reportls::lsp
