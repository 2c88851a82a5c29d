#include <reportls/phrasing/pinyin_table.h>
#include <reportls/report/data_files.h>

#include <nlohmann/json.hpp>
#include <unicode/uversion.h>

namespace reportls::phrasing {

using nlohmann::json;

namespace {

constexpr std::string_view kFormat = "reportls-pinyin";
constexpr int kVersion = 1;

std::string icu_version() {
  UVersionInfo version;
  u_getVersion(version);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, text);
  return text;
}

}  // namespace

const PinyinKey *PinyinTable::find(std::string_view text) const {
  auto it = keys_.find(text);
  return it == keys_.end() ? nullptr : &it->second;
}

void PinyinTable::insert(std::string text, PinyinKey key) {
  keys_.insert_or_assign(std::move(text), std::move(key));
}

std::string PinyinTable::to_json() const {
  json keys = json::object();
  for (const auto &[text, key] : keys_) keys[text] = spaced_syllables(key);
  json root = {{"format", kFormat}, {"version", kVersion}, {"icu", icu_version()}, {"keys", keys}};
  return root.dump(1) + "\n";
}

std::optional<PinyinTable> PinyinTable::parse(std::string_view content) {
  const json root = json::parse(content, nullptr, false);
  if (!root.is_object()) return std::nullopt;
  const auto field = [&](const char *name) { return root.contains(name) ? root[name] : json(); };
  if (field("format") != kFormat || field("version") != kVersion || field("icu") != icu_version())
    return std::nullopt;
  const json keys = field("keys");
  if (!keys.is_object()) return std::nullopt;
  PinyinTable table;
  for (const auto &[text, value] : keys.items()) {
    if (!value.is_string()) return std::nullopt;
    PinyinKey key;
    add_syllables(value.get_ref<const std::string &>(), key);
    // Canonical or refused: a hand-edited "Xi  jin" must not pass as what ICU would give.
    if (spaced_syllables(key) != value.get_ref<const std::string &>()) return std::nullopt;
    table.keys_.emplace(text, std::move(key));
  }
  return table;
}

std::optional<PinyinTable> PinyinTable::read(const std::string &path) {
  std::string content;
  try {
    content = report::read_data_file(path);
  } catch (const std::runtime_error &) {
    return std::nullopt;
  }
  return parse(content);
}

}  // namespace reportls::phrasing
