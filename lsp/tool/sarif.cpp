#include "lsp/tool/sarif.h"

#include "lsp/protocol/convert.h"
#include "lsp/protocol/json_text.h"

#include <map>
#include <ostream>

namespace reportls::lsp {

using nlohmann::json;

namespace {

const char *level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

// {"endColumn":…,"endLine":…,"startColumn":…,"startLine":…} (1-based, UTF-16 columns), as
// dump() writes a region (keys in order).
void append_region(std::string &out, const TextDocument &doc, uint32_t start, uint32_t end) {
  const Position a = doc.lines().position(start, PositionEncoding::Utf16);
  const Position b = doc.lines().position(end, PositionEncoding::Utf16);
  out += "{\"endColumn\":" + std::to_string(b.character + 1) + ",\"endLine\":" + std::to_string(b.line + 1) +
         ",\"startColumn\":" + std::to_string(a.character + 1) + ",\"startLine\":" + std::to_string(a.line + 1) + "}";
}

// A relative path stays relative (to the folder `check` ran in, as code scanning expects); an
// absolute one becomes a file:// URI.
std::string artifact_uri(const std::string &path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (c == ' ' || c == '%' || c == '#' || c == '?') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

constexpr size_t kFlushFrom = 1 << 16;

}  // namespace

void write_sarif(std::ostream &out, const std::vector<SarifFile> &files) {
  auto dump = [](const json &j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  std::map<std::string, std::string> rules;  // id -> a docs link
  for (const SarifFile &f : files)
    for (const Diagnostic &d : f.result->diagnostics)
      if (f.settings->severity_for(d.code, d.severity)) rules.emplace(d.code, docs_url_for(d));
  json driver_rules = json::array();
  for (const auto &[id, url] : rules) {
    json rule = {{"id", id}, {"shortDescription", {{"text", id}}}};
    if (!url.empty()) rule["helpUri"] = url;
    driver_rules.push_back(std::move(rule));
  }
  const std::string log = dump({{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                {"version", "2.1.0"},
                                {"runs", json::array({{{"tool", {{"driver", {{"name", "reportls"},
                                                                            {"version", REPORTLS_VERSION},
                                                                            {"rules", driver_rules}}}}},
                                                       {"columnKind", "utf16CodeUnits"},
                                                       {"results", json::array()}}})}});
  // The results go where the empty array is, one a line, each built and written on its own: the
  // log of a batch with thousands of findings is never one tree of values.
  const std::string empty = "\"results\":[]";
  const size_t at = log.find(empty);
  out << log.substr(0, at + empty.size() - 1);
  // Each result is written directly, as dump() would write it (keys in order; the host made
  // plugin texts valid UTF-8, and a file's uri, which may hold any bytes, goes through dump()):
  // a tree of values per finding, and per replacement of a fix that replaces every mark of a
  // document, cost more than the analysis of the file.
  bool any = false;
  std::string text;
  for (const SarifFile &f : files) {
    const std::string uri = dump(json(artifact_uri(f.path)));
    for (const Diagnostic &d : f.result->diagnostics) {
      auto severity = f.settings->severity_for(d.code, d.severity);
      if (!severity) continue;
      text = any ? ",\n{" : "\n{";
      if (!d.fixes.empty()) {
        text += "\"fixes\":[";
        for (size_t i = 0; i < d.fixes.size(); ++i) {
          const Fix &fix = d.fixes[i];
          text += i ? ",{\"artifactChanges\":[{\"artifactLocation\":{\"uri\":" : "{\"artifactChanges\":[{\"artifactLocation\":{\"uri\":";
          text += uri + "},\"replacements\":[";
          for (size_t k = 0; k < fix.edits.size(); ++k) {
            text += k ? ",{\"deletedRegion\":" : "{\"deletedRegion\":";
            append_region(text, *f.doc, fix.edits[k].start, fix.edits[k].end);
            text += ",\"insertedContent\":{\"text\":";
            append_json_string(text, fix.edits[k].new_text);
            text += "}}";
            if (text.size() >= kFlushFrom) {  // a bulk fix is written as it goes, never held whole
              out << text;
              text.clear();
            }
          }
          text += "]}],\"description\":{\"text\":";
          append_json_string(text, fix.title);
          text += "}}";
        }
        text += "],";
      }
      text += "\"level\":\"";
      text += level(*severity);
      text += "\",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" + uri + "},\"region\":";
      append_region(text, *f.doc, d.start, d.end);
      text += "}}],\"message\":{\"text\":";
      append_json_string(text, d.message);
      text += "},\"ruleId\":";
      append_json_string(text, d.code);
      text += "}";
      out << text;
      any = true;
    }
  }
  out << (any ? "\n" : "") << log.substr(at + empty.size() - 1) << '\n';
}

}  // namespace reportls::lsp
