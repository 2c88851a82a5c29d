#include <reportls/report/rules.h>

#include <reportls/report/json_read.h>

#include <reportls/report/text.h>
#include <reportls/report/data_files.h>

#include <nlohmann/json.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <initializer_list>
#include <map>
#include <mutex>
#include <stdexcept>

namespace reportls::report {

class TitlePatterns {
 public:
  std::vector<std::unique_ptr<icu::RegexPattern>> patterns;
  std::vector<std::unique_ptr<icu::RegexPattern>> headlines;  // a match is no title
};

namespace {

using nlohmann::json;
using json_read::fail;
using json_read::only_keys;
using json_read::strings;

uint32_t number(const json &obj, const char *key, uint32_t fallback, const std::string &origin,
                const std::string &where) {
  if (!obj.contains(key)) return fallback;
  const json &v = obj.at(key);
  if (!v.is_number_unsigned() || v.get<uint64_t>() > 1000000)
    fail(origin, where + "." + key + " must be an integer between 0 and 1000000");
  return v.get<uint32_t>();
}

std::u32string code_points(const json &obj, const char *key, const std::string &origin,
                           const std::string &where) {
  std::u32string out;
  if (!obj.contains(key)) return out;
  if (!obj.at(key).is_string()) fail(origin, where + "." + key + " must be a string");
  const std::string &s = obj.at(key).get_ref<const std::string &>();
  for (uint32_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

}  // namespace

namespace {

Rules parse_rules(std::string_view text, const std::string &origin) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception &e) {
    fail(origin, std::string("not valid JSON: ") + e.what());
  }
  only_keys(root, {"format", "version", "debris", "metadata_keys", "title", "signature"}, origin,
            "rules");
  if (root.value("format", "") != "reportls-report-rules")
    fail(origin, "\"format\" must be \"reportls-report-rules\"");
  if (number(root, "version", 0, origin, "rules") != 1) fail(origin, "\"version\" must be 1");

  Rules r;
  r.canonical = std::make_shared<const std::string>(root.dump());
  if (root.contains("debris")) {
    const json &d = root.at("debris");
    only_keys(d,
              {"max_line_bytes", "contains", "prefixes", "equals", "filler", "nav_separators",
               "nav_max_segment_chars"},
              origin, "debris");
    r.debris_max_bytes = number(d, "max_line_bytes", r.debris_max_bytes, origin, "debris");
    r.debris_contains = strings(d, "contains", origin, "debris");
    r.debris_prefixes = strings(d, "prefixes", origin, "debris");
    r.debris_equals = strings(d, "equals", origin, "debris");
    r.filler = code_points(d, "filler", origin, "debris");
    r.nav_separators = code_points(d, "nav_separators", origin, "debris");
    r.nav_max_segment_chars =
        number(d, "nav_max_segment_chars", r.nav_max_segment_chars, origin, "debris");
  }
  r.metadata_keys = strings(root, "metadata_keys", origin, "rules");
  if (root.contains("title")) {
    const json &t = root.at("title");
    only_keys(t, {"max_chars", "search_lines", "patterns", "headlines"}, origin, "title");
    r.title_max_chars = number(t, "max_chars", r.title_max_chars, origin, "title");
    r.title_search_lines = number(t, "search_lines", r.title_search_lines, origin, "title");
    auto compiled = std::make_shared<TitlePatterns>();
    auto compile = [&](const char *key, std::vector<std::unique_ptr<icu::RegexPattern>> &out) {
      for (const std::string &p : strings(t, key, origin, "title")) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe{};
        std::unique_ptr<icu::RegexPattern> re(
            icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(p), 0, pe, status));
        if (U_FAILURE(status) || !re)
          fail(origin, std::string("title.") + key + ": invalid regex \"" + p + "\" (" + u_errorName(status) + ")");
        out.push_back(std::move(re));
      }
    };
    compile("patterns", compiled->patterns);
    compile("headlines", compiled->headlines);
    r.title_patterns = std::move(compiled);
  }
  if (root.contains("signature")) {
    const json &s = root.at("signature");
    only_keys(s, {"max_chars", "max_lines"}, origin, "signature");
    r.signature_max_chars = number(s, "max_chars", r.signature_max_chars, origin, "signature");
    r.signature_max_lines = number(s, "max_lines", r.signature_max_lines, origin, "signature");
  }
  return r;
}

}  // namespace

// Every plugin that links this library loads its copy of the same file at create: one parsed copy
// per process (the compiled title patterns above all, which the copies share) is enough.
Rules Rules::parse(std::string_view text, const std::string &origin) {
  static std::mutex mutex;
  static std::map<std::string, Rules, std::less<>> parsed;  // by the file's text
  {
    std::lock_guard lock(mutex);
    if (auto it = parsed.find(text); it != parsed.end()) return it->second;
  }
  Rules r = parse_rules(text, origin);
  std::lock_guard lock(mutex);
  parsed.emplace(std::string(text), r);
  return r;
}

Rules Rules::load(const std::string &dir) {
  const std::string path = (dir.empty() ? std::string(".") : dir) + "/report-rules.json";
  return parse(read_data_file(path), path);
}

Rules Rules::load_or_defaults(const std::string &dir, const std::function<void(const std::string &)> &warn) {
  try {
    return load(dir);
  } catch (const std::exception &e) {
    warn(e.what());
    return Rules();
  }
}

bool Rules::matches_title(std::string_view line) const {
  if (!title_patterns) return false;
  const icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  auto any = [&](const std::vector<std::unique_ptr<icu::RegexPattern>> &patterns) {
    for (const auto &p : patterns) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(p->matcher(s, status));
      if (U_FAILURE(status)) continue;
      // A pathological pattern from a user's data file must not stall the analysis.
      m->setTimeLimit(20, status);
      if (m->find(status) && U_SUCCESS(status)) return true;
    }
    return false;
  };
  return any(title_patterns->patterns) && !any(title_patterns->headlines);
}

}  // namespace reportls::report
