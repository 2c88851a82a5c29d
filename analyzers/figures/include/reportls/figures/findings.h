// reportls/figures/findings.h — what the checks produce: diagnostics with fixes, and hover notes.
// Plain values with byte spans; the plugin turns them into the ABI's types.
#ifndef REPORTLS_FIGURES_FINDINGS_H
#define REPORTLS_FIGURES_FINDINGS_H

#include <reportls/report/text.h>

#include <string>
#include <vector>

namespace reportls::figures {

enum class Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct Edit {
  report::Span range;
  std::string text;
};

struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool preferred = false;
};

struct Finding {
  report::Span range;
  Severity severity = Severity::Warning;
  std::string code;     // figures.<rule>
  std::string message;  // Chinese, with the arithmetic
  std::vector<Fix> fixes;
};

// A relation the text states (a total and its parts, a rate and its counts…), for hover: every
// member span carries the same Markdown explanation.
struct Note {
  std::vector<report::Span> members;
  std::string markdown;
};

struct Findings {
  std::vector<Finding> diagnostics;
  std::vector<Note> notes;
  bool empty() const { return diagnostics.empty() && notes.empty(); }
};

}  // namespace reportls::figures

#endif  // REPORTLS_FIGURES_FINDINGS_H
