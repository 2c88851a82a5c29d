#include <reportls/report/profile.h>
#include <reportls/report/pattern.h>
#include <reportls/report/sentences.h>

#include <reportls/report/json_read.h>
#include <reportls/report/data_files.h>
#include <reportls/report/line_digest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace reportls::report {

namespace {

class RegexList {
 public:
  void add(Pattern p) { patterns_.push_back(std::move(p)); }
  bool empty() const { return patterns_.empty(); }
  // A bounded search: a pathological pattern from a user's profile gives up (false), never hangs.
  bool search(std::string_view s) const {
    if (patterns_.empty() || s.empty()) return false;
    const PatternText text(s, Span{0, static_cast<uint32_t>(s.size())});
    bool found = false;
    for (const Pattern &p : patterns_) {
      p.search(text, [&](const PatternMatch &) { found = true; return false; }, kTimeLimitMs);
      if (found) return true;
    }
    return false;
  }

 private:
  static constexpr int kTimeLimitMs = 20;
  std::vector<Pattern> patterns_;
};

}  // namespace

class ProfilePatterns {
 public:
  RegexList headings, folded, cause;  // of an item
  RegexList title, preface, declaration, review;  // of a profile
};

namespace {

using nlohmann::json;
using json_read::fail;
using json_read::only_keys;
using json_read::strings;

std::string text(const json &obj, const char *key, const std::string &origin,
                 const std::string &where, bool required) {
  if (!obj.contains(key)) {
    if (required) fail(origin, where + "." + key + " is required");
    return {};
  }
  if (!obj.at(key).is_string() || obj.at(key).get_ref<const std::string &>().empty())
    fail(origin, where + "." + key + " must be a non-empty string");
  return obj.at(key).get<std::string>();
}

bool flag(const json &obj, const char *key, const std::string &origin, const std::string &where) {
  if (!obj.contains(key)) return false;
  if (!obj.at(key).is_boolean()) fail(origin, where + "." + key + " must be true or false");
  return obj.at(key).get<bool>();
}

RegexList regexes(const json &obj, const char *key, const std::string &origin,
                  const std::string &where) {
  RegexList out;
  for (const std::string &p : strings(obj, key, origin, where)) {
    try {
      out.add(Pattern(p));
    } catch (const std::runtime_error &e) {
      fail(origin, where + "." + key + ": " + e.what());
    }
  }
  return out;
}

ProfileSeverity severity(const json &obj, const std::string &origin, const std::string &where) {
  const std::string s = obj.contains("missing") ? text(obj, "missing", origin, where, true) : "warning";
  if (s == "error") return ProfileSeverity::Error;
  if (s == "warning") return ProfileSeverity::Warning;
  if (s == "information") return ProfileSeverity::Information;
  if (s == "hint") return ProfileSeverity::Hint;
  fail(origin, where + ".missing must be \"error\", \"warning\", \"information\" or \"hint\"");
}

ProfileItem parse_item(const json &j, const std::string &origin, const std::string &where) {
  only_keys(j,
            {"id", "wording", "heading", "skeleton", "headings", "folded", "cause", "missing",
             "optional", "theme_headings", "required_from"},
            origin, where);
  ProfileItem item;
  item.id = text(j, "id", origin, where, true);
  item.wording = text(j, "wording", origin, where, true);
  item.heading = text(j, "heading", origin, where, false);
  if (item.heading.empty()) item.heading = item.wording;
  item.skeleton = strings(j, "skeleton", origin, where);
  item.missing_severity = severity(j, origin, where);
  item.optional = flag(j, "optional", origin, where);
  item.theme_headings = flag(j, "theme_headings", origin, where);
  if (j.contains("required_from")) {
    const json &y = j.at("required_from");
    if (!y.is_number_unsigned() || y.get<uint64_t>() < 1949 || y.get<uint64_t>() > 2100)
      fail(origin, where + ".required_from must be a year (1949…2100)");
    item.required_from = y.get<uint32_t>();
  }
  auto p = std::make_shared<ProfilePatterns>();
  p->headings = regexes(j, "headings", origin, where);
  p->folded = regexes(j, "folded", origin, where);
  p->cause = regexes(j, "cause", origin, where);
  if (p->headings.empty()) fail(origin, where + ".headings must list at least one regex");
  item.may_fold = !p->folded.empty();
  item.needs_cause = !p->cause.empty();
  item.patterns = std::move(p);
  return item;
}

bool ends_with(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

namespace {

Profile parse_profile(std::string_view json_text, const std::string &origin) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception &e) {
    fail(origin, std::string("not valid JSON: ") + e.what());
  }
  only_keys(root,
            {"format", "version", "id", "report_type", "basis", "earlier_bases", "ordered", "fixed_headings",
             "detect", "items"},
            origin, "profile");
  if (root.value("format", "") != "reportls-profile")
    fail(origin, "\"format\" must be \"reportls-profile\"");
  if (!root.contains("version") || root.at("version") != 1) fail(origin, "\"version\" must be 1");
  Profile p;
  p.origin = origin;
  p.id = text(root, "id", origin, "profile", true);
  p.report_type = text(root, "report_type", origin, "profile", true);
  if (root.contains("basis")) p.bases.current = text(root, "basis", origin, "profile", true);
  p.bases.earlier = json_read::earlier_bases(root, "earlier_bases", origin);
  p.ordered = flag(root, "ordered", origin, "profile");
  p.fixed_headings = flag(root, "fixed_headings", origin, "profile");
  auto detect = std::make_shared<ProfilePatterns>();
  if (root.contains("detect")) {
    only_keys(root.at("detect"), {"title", "preface", "declaration", "review"}, origin, "detect");
    detect->title = regexes(root.at("detect"), "title", origin, "detect");
    detect->preface = regexes(root.at("detect"), "preface", origin, "detect");
    detect->declaration = regexes(root.at("detect"), "declaration", origin, "detect");
    detect->review = regexes(root.at("detect"), "review", origin, "detect");
  }
  p.detect = std::move(detect);
  if (!root.contains("items") || !root.at("items").is_array() || root.at("items").empty())
    fail(origin, "\"items\" must be a non-empty array");
  for (size_t i = 0; i < root.at("items").size(); ++i)
    p.items.push_back(parse_item(root.at("items")[i], origin, "items[" + std::to_string(i) + "]"));
  return p;
}

}  // namespace

// Every plugin that links this library loads the same profile files at create: one parsed copy per
// process (its compiled patterns above all, which the copies share) is enough.
// (Each plugin has its copy of the files beside it: the same text from another origin.)
Profile Profiles::parse(std::string_view json_text, const std::string &origin) {
  static std::mutex mutex;
  static std::map<std::string, Profile, std::less<>> parsed;  // by the file's text
  {
    std::lock_guard lock(mutex);
    if (auto it = parsed.find(json_text); it != parsed.end()) {
      Profile p = it->second;
      p.origin = origin;
      return p;
    }
  }
  Profile p = parse_profile(json_text, origin);
  std::lock_guard lock(mutex);
  parsed.emplace(std::string(json_text), p);
  return p;
}

Profiles Profiles::load(const std::vector<std::string> &dirs) {
  namespace fs = std::filesystem;
  Profiles out;
  for (const std::string &dir : dirs) {
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto &entry : fs::directory_iterator(dir, ec))
      if (ends_with(entry.path().filename().string(), ".profile.json")) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // a stable load order, hence a stable detection order
    for (const fs::path &path : files) {
      try {
        out.add(parse(read_data_file(path.string()), path.string()));
      } catch (const std::exception &e) {
        out.errors_.push_back(e.what());
      }
    }
  }
  return out;
}

void Profiles::add(Profile p) {
  for (Profile &q : profiles_)
    if (q.id == p.id) {
      q = std::move(p);
      return;
    }
  profiles_.push_back(std::move(p));
}

const Profile *Profiles::find(std::string_view id) const {
  for (const Profile &p : profiles_)
    if (p.id == id) return &p;
  return nullptr;
}

std::string profile_setting(std::string_view settings_json) {
  const json j = json::parse(settings_json, nullptr, false);
  if (!j.is_object() || !j.contains("profile") || !j.at("profile").is_string()) return {};
  return j.at("profile").get<std::string>();
}

const Profile *Profiles::for_document(const Document &doc, std::string_view settings_json,
                                      bool *unknown) const {
  return choose(doc, profile_setting(settings_json), unknown);
}

bool Profiles::applies(Scope scope, const Document &doc, std::string_view settings_json) const {
  // Without any profile (a broken installation) nothing tells a report from another text.
  if (profiles_.empty() || for_document(doc, settings_json)) return true;
  if (scope == Scope::Report) return false;
  const json j = json::parse(settings_json, nullptr, false);
  return j.is_object() && j.value("allChineseText", false) == true;
}

namespace {

int top_level(const Document &doc) {
  int top = 7;
  for (const Heading &h : doc.headings)
    if (h.ordinal.style != OrdinalStyle::Orphan) top = std::min(top, h.level);
  return top;
}

std::string_view heading_title(const Document &doc, const Heading &h) {
  return doc.str(h.title.empty() ? h.text : h.title);
}

// Top-level headings that name one of the profile's items by its own heading patterns (a theme
// heading, which any report may have, does not count).
uint32_t item_headings(const Profile &p, const Document &doc) {
  const int top = top_level(doc);
  uint32_t n = 0;
  for (const Heading &h : doc.headings) {
    if (h.level != top || h.ordinal.style == OrdinalStyle::Orphan) continue;
    for (const ProfileItem &item : p.items)
      if (item.patterns->headings.search(heading_title(doc, h))) {
        ++n;
        break;
      }
  }
  return n;
}

// An opening line (see opening_lines) that one of the patterns matches.
bool opening_has(const RegexList &patterns, const Document &doc) {
  for (uint32_t i : opening_lines(doc))
    if (patterns.search(doc.str(doc.lines[i].content))) return true;
  return false;
}

uint32_t top_level_headings(const Document &doc) {
  const int top = top_level(doc);
  return static_cast<uint32_t>(std::count_if(doc.headings.begin(), doc.headings.end(), [&](const Heading &h) {
    return h.level == top && h.ordinal.style != OrdinalStyle::Orphan;
  }));
}

}  // namespace

const std::string &Profile::basis_for(std::optional<uint32_t> year) const {
  const std::string &basis = bases.for_year(year);
  return basis.empty() ? report_type : basis;
}

bool Profile::title_matches(const Document &doc) const {
  if (!detect || !doc.title) return false;
  // The lines of the title block joined: a page may split the title (`…政府信息` / `公开工作年度
  // 报告`) or put a section name (`年度报告`) above it.
  std::string joined;
  for (uint32_t i = doc.title->first_line; i <= doc.title->last_line; ++i)
    if (doc.lines[i].kind == LineKind::Title) joined += doc.str(doc.lines[i].content);
  if (joined.empty()) joined = doc.str(doc.title->text);  // a title from the metadata
  return detect->title.search(joined);
}

namespace {

// A digest of everything detects() reads of a document: its title block, its opening lines, and
// its top-level headings' titles.  Lines enter by their digests (Document::digests), so a long
// opening costs 16 bytes a line.
LineDigest detection_input(const Document &doc) {
  std::string input;
  const auto add = [&](const LineDigest &d) { input.append(reinterpret_cast<const char *>(&d), sizeof d); };
  input += doc.title ? 'T' : 'N';
  if (doc.title) {
    for (uint32_t i = doc.title->first_line; i <= doc.title->last_line; ++i)
      if (doc.lines[i].kind == LineKind::Title) add(doc.digests[i]);
    add(line_digest(doc.str(doc.title->text), 0));
  }
  input += 'O';
  for (uint32_t i : opening_lines(doc)) add(doc.digests[i]);
  input += 'H';
  const int top = top_level(doc);
  for (const Heading &h : doc.headings)
    if (h.level == top && h.ordinal.style != OrdinalStyle::Orphan) add(line_digest(heading_title(doc, h), 0));
  return line_digest(input, 0);
}

// Every analyzer of a snapshot asks whether its document is a report, each with its own copy of
// the profiles, whose compiled patterns are shared (Profiles::parse): the answers of the last few
// documents, by pattern set and by what detects() read, are each worked out once.
class DetectionMemo {
 public:
  using Patterns = std::shared_ptr<const ProfilePatterns>;
  std::optional<bool> find(const Patterns &detect, const LineDigest &input) const {
    std::lock_guard lock(mutex_);
    for (const Entry &e : entries_)
      if (same_owner(e.detect, detect) && e.input == input) return e.detected;
    return std::nullopt;
  }
  void add(const Patterns &detect, const LineDigest &input, bool detected) {
    std::lock_guard lock(mutex_);
    entries_[next_] = {detect, input, detected};
    next_ = (next_ + 1) % entries_.size();
  }

 private:
  // A weak reference keeps its control block, so patterns created after these died never compare
  // the same.
  static bool same_owner(const std::weak_ptr<const ProfilePatterns> &a, const Patterns &b) {
    return !a.owner_before(b) && !b.owner_before(a);
  }
  struct Entry {
    std::weak_ptr<const ProfilePatterns> detect;
    LineDigest input;
    bool detected = false;
  };
  mutable std::mutex mutex_;
  std::array<Entry, 16> entries_{};
  size_t next_ = 0;
};

DetectionMemo &detection_memo() {
  static DetectionMemo memo;
  return memo;
}

}  // namespace

bool Profile::detects(const Document &doc) const {
  if (!detect) return false;
  const LineDigest input = detection_input(doc);
  if (const std::optional<bool> known = detection_memo().find(detect, input)) return *known;
  const bool detected = detects_afresh(doc);
  detection_memo().add(detect, input, detected);
  return detected;
}

bool Profile::detects_afresh(const Document &doc) const {
  if (title_matches(doc)) return true;
  // News items, opinions and plans talk about the same subject in their opening; a report also
  // has the report's parts, says it reports (`现将有关情况报告如下`), or opens with a review of the
  // year and is laid out in parts.  A text with a title of another kind needs two of the parts.
  if (!opening_has(detect->preface, doc)) return false;
  const uint32_t items = item_headings(*this, doc);
  if (doc.title) return items >= 2;
  return items >= 1 || opening_has(detect->declaration, doc) ||
         (opening_has(detect->review, doc) && top_level_headings(doc) >= 2);
}

const Profile *Profiles::choose(const Document &doc, std::string_view setting_id,
                                bool *unknown) const {
  if (unknown) *unknown = false;
  if (!setting_id.empty()) {
    const Profile *p = find(setting_id);
    if (!p && unknown) *unknown = true;
    return p;
  }
  // A title match wins over a preface match of an earlier profile.
  for (const Profile &p : profiles_)
    if (p.title_matches(doc)) return &p;
  for (const Profile &p : profiles_)
    if (p.detects(doc)) return &p;
  return nullptr;
}

namespace {

// Sub-points: lower-level headings (up to their first enumeration marker) and 一是… items (up to
// the next marker on the same line, or the line's end).  where = the sub-point's lead sentence.
struct SubPoint {
  Span region, where;
  int32_t heading = -1;
};

Span lead(const Document &doc, Span region) {
  for (uint32_t i = region.start; i < region.end;) {
    const uint32_t at = i;
    const char32_t c = next_code_point(doc.text, i);
    if (c == U'。' || c == U'；' || c == U';' || c == U'!' || c == U'！' || c == U'?' || c == U'？')
      return Span{region.start, at};
  }
  return region;
}

std::vector<SubPoint> sub_points(const Document &doc, int top) {
  std::vector<SubPoint> out;
  size_t e = 0;
  for (uint32_t h = 0; h < doc.headings.size(); ++h) {
    const Heading &hd = doc.headings[h];
    if (hd.level == top || hd.ordinal.style == OrdinalStyle::Orphan) continue;
    Span region{hd.text.start, doc.lines[hd.line].content.end};
    while (e < doc.enumerations.size() && doc.enumerations[e].line < hd.line) ++e;
    if (e < doc.enumerations.size() && doc.enumerations[e].line == hd.line)
      region.end = doc.enumerations[e].marker.start;
    out.push_back({region, lead(doc, Span{hd.text.start, region.end}), static_cast<int32_t>(h)});
  }
  for (size_t i = 0; i < doc.enumerations.size(); ++i) {
    const Enumeration &en = doc.enumerations[i];
    Span region{en.marker.start, doc.lines[en.line].content.end};
    if (i + 1 < doc.enumerations.size() && doc.enumerations[i + 1].line == en.line)
      region.end = doc.enumerations[i + 1].marker.start;
    out.push_back({region, lead(doc, region), -1});
  }
  std::sort(out.begin(), out.end(),
            [](const SubPoint &a, const SubPoint &b) { return a.region.start < b.region.start; });
  return out;
}

// ` 一、标题 ` inside a body line, after a space: a top-level heading whose line break became a
// space when a page was flattened.  The title runs to the next space or sentence end.
std::optional<Span> run_in_heading(const Document &doc, const ProfilePatterns &item) {
  static constexpr std::string_view kComma = "、";
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  for (const Line &l : doc.lines) {
    if (l.kind != LineKind::Body) continue;
    const std::string_view s = doc.str(l.content);
    for (size_t at = s.find(kComma); at != s.npos; at = s.find(kComma, at + kComma.size())) {
      uint32_t i = static_cast<uint32_t>(at), numerals = 0;
      char32_t before = 0;
      while (i > 0) {
        before = prev_code_point(s, i);
        if (kNumerals.find(before) == kNumerals.npos) break;
        ++numerals;
        before = 0;
      }
      if (numerals == 0 || !is_space(before)) continue;
      uint32_t end = static_cast<uint32_t>(at + kComma.size());
      while (end < s.size()) {
        uint32_t j = end;
        const char32_t c = next_code_point(s, j);
        if (is_space(c) || is_sentence_terminator(c)) break;
        end = j;
      }
      const Span title{l.content.start + static_cast<uint32_t>(at + kComma.size()), l.content.start + end};
      if (!title.empty() && item.headings.search(doc.str(title))) return title;
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<ItemMatch> match_items(const Profile &profile, const Document &doc) {
  std::vector<ItemMatch> out(profile.items.size());
  for (uint32_t i = 0; i < out.size(); ++i) out[i].item = i;

  const int top = top_level(doc);
  std::vector<bool> claimed(doc.headings.size(), false);
  for (uint32_t h = 0; h < doc.headings.size(); ++h) {
    const Heading &hd = doc.headings[h];
    if (hd.level != top || hd.ordinal.style == OrdinalStyle::Orphan) continue;
    for (ItemMatch &m : out) {
      if (m.status == ItemStatus::Heading) continue;
      if (profile.items[m.item].patterns->headings.search(heading_title(doc, hd))) {
        m.status = ItemStatus::Heading;
        m.heading = static_cast<int32_t>(h);
        claimed[h] = true;
        break;
      }
    }
  }
  for (ItemMatch &m : out) {
    if (m.status != ItemStatus::Missing || !profile.items[m.item].theme_headings) continue;
    for (uint32_t h = 0; h < doc.headings.size() && m.status == ItemStatus::Missing; ++h)
      if (doc.headings[h].level == top && doc.headings[h].ordinal.style != OrdinalStyle::Orphan &&
          !claimed[h]) {
        m.status = ItemStatus::Heading;
        m.heading = static_cast<int32_t>(h);
        claimed[h] = true;
      }
  }

  for (ItemMatch &m : out)
    if (m.status == ItemStatus::Missing)
      if (auto at = run_in_heading(doc, *profile.items[m.item].patterns)) {
        m.status = ItemStatus::RunIn;
        m.where = *at;
      }

  std::vector<SubPoint> subs;
  bool subs_built = false;
  for (ItemMatch &m : out) {
    const ProfileItem &item = profile.items[m.item];
    if (m.status == ItemStatus::Heading) {
      const Heading &hd = doc.headings[m.heading];
      m.where = hd.title.empty() ? hd.text : hd.title;
      if (item.needs_cause) m.has_cause = item.patterns->cause.search(doc.str(doc.sections[m.heading].span));
      continue;
    }
    if (!item.may_fold) continue;
    if (!subs_built) subs = sub_points(doc, top), subs_built = true;
    for (const SubPoint &s : subs)
      if (item.patterns->folded.search(doc.str(s.region))) {
        m.status = ItemStatus::Folded;
        m.heading = s.heading;
        m.where = s.where;
        break;
      }
  }
  return out;
}

}  // namespace reportls::report
