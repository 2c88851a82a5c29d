// Loading punctuation.json and punctuation-patterns*.json.
#include <reportls/punctuation/punctuation.h>
#include <reportls/report/data_files.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>

namespace reportls::punctuation {
namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string &origin, const std::string &why) {
  throw std::runtime_error(origin + ": " + why);
}

char32_t single_char(const json &v, const std::string &origin, const char *what) {
  if (!v.is_string()) fail(origin, std::string(what) + ": expected a one-character string");
  const std::string s = v.get<std::string>();
  uint32_t i = 0;
  const char32_t c = report::next_code_point(s, i);
  if (s.empty() || i != s.size()) fail(origin, std::string(what) + ": \"" + s + "\" is not one character");
  return c;
}

// Merges one punctuation.json into t (user files add marks and pair families).
void merge_marks(const std::string &path, Tables &t) {
  const json root = json::parse(report::read_data_file(path), nullptr, false);
  if (root.is_discarded() || !root.is_object()) fail(path, "not a JSON object");
  for (const auto &[k, v] : root.items())
    if (k != "format" && k != "version" && k != "fullwidth" && k != "normalized" && k != "pairs")
      fail(path, "unknown key \"" + k + "\"");
  if (root.contains("fullwidth")) {
    if (!root["fullwidth"].is_object()) fail(path, "\"fullwidth\" must be an object");
    for (const auto &[k, v] : root["fullwidth"].items()) {
      const char32_t c = single_char(json(k), path, "fullwidth");
      if (c > 0x7F || !v.is_string()) fail(path, "fullwidth: \"" + k + "\" must map an ASCII mark to a string");
      t.fullwidth[c] = v.get<std::string>();
    }
  }
  if (root.contains("normalized")) {
    const json &n = root["normalized"];
    if (!n.is_object()) fail(path, "\"normalized\" must be an object");
    if (n.contains("min_ascii")) t.normalized_min_ascii = n["min_ascii"].get<uint32_t>();
    if (n.contains("max_fullwidth_share")) t.normalized_max_fullwidth_share = n["max_fullwidth_share"].get<double>();
    if (n.contains("bulk_min_ascii")) t.bulk_min_ascii = n["bulk_min_ascii"].get<uint32_t>();
  }
  if (root.contains("pairs")) {
    if (!root["pairs"].is_array()) fail(path, "\"pairs\" must be an array");
    for (const json &p : root["pairs"]) {
      PairFamily f;
      f.name = p.value("name", std::string());
      for (const json &c : p.at("open")) f.open.push_back(single_char(c, path, "pairs.open"));
      for (const json &c : p.at("close")) f.close.push_back(single_char(c, path, "pairs.close"));
      if (p.contains("nested")) {
        if (!p["nested"].is_array() || p["nested"].size() != 2) fail(path, "pairs.nested must be [open, close]");
        f.nested_open = single_char(p["nested"][0], path, "pairs.nested");
        f.nested_close = single_char(p["nested"][1], path, "pairs.nested");
      }
      if (f.open.empty() || f.close.empty()) fail(path, "pairs: open and close must not be empty");
      t.pairs.push_back(std::move(f));
    }
  }
}

void merge_file(const std::string &path, Tables &t) {
  const std::string name = std::filesystem::path(path).filename().string();
  try {
    if (name.starts_with("punctuation-patterns")) {
      t.patterns.add(report::parse_pattern_rules(report::read_data_file(path), path));
    } else {
      merge_marks(path, t);
    }
  } catch (const json::exception &e) {  // a wrongly typed value: name the file
    fail(path, e.what());
  }
}

}  // namespace

Tables load(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
            std::vector<std::string> &errors) {
  Tables t;
  // The bundled files are required: a broken one throws.
  for (const std::string &path : report::data_files({plugin_dir}, "punctuation")) merge_file(path, t);
  if (t.fullwidth.empty() || t.pairs.empty())
    fail(plugin_dir + "/punctuation.json", "missing or without \"fullwidth\" and \"pairs\"");
  for (const std::string &path : report::data_files(data_dirs, "punctuation")) {
    try {
      Tables scratch = t;  // a half-merged broken file must not leave partial tables
      merge_file(path, scratch);
      t = std::move(scratch);
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  return t;
}

}  // namespace reportls::punctuation
