#include <reportls/phrasing/phrase_set.h>
#include <reportls/report/text.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <stdexcept>

namespace reportls::phrasing {

using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string &origin, const std::string &reason) {
  throw std::runtime_error(origin + ": " + reason);
}

// Rejects keys outside allowed: a misspelt key must not silently do nothing.
void check_keys(const json &object, std::initializer_list<std::string_view> allowed,
                const std::string &where, const std::string &origin) {
  if (!object.is_object()) fail(origin, where + " 应为 JSON 对象");
  for (const auto &[key, value] : object.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      fail(origin, where + " 含未知字段 \"" + key + "\"");
}

template <class T>
T get(const json &object, const char *key, T fallback, const std::string &where,
      const std::string &origin) {
  auto it = object.find(key);
  if (it == object.end()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception &) {
    fail(origin, where + " 的 \"" + key + "\" 类型不对");
  }
}

SectionDef parse_section(const json &j, size_t index, const std::string &origin) {
  const std::string where = "sections[" + std::to_string(index) + "]";
  check_keys(j, {"id", "name", "keywords", "preface", "fallback"}, where, origin);
  SectionDef s;
  s.id = get<std::string>(j, "id", "", where, origin);
  if (s.id.empty()) fail(origin, where + " 缺少 \"id\"");
  s.name = get<std::string>(j, "name", s.id, where, origin);
  s.keywords = get<std::vector<std::string>>(j, "keywords", {}, where, origin);
  s.preface = get<bool>(j, "preface", false, where, origin);
  s.fallback = get<bool>(j, "fallback", false, where, origin);
  return s;
}

using SectionLists = std::map<std::vector<std::string>, Shared<std::vector<std::string>>>;

// The set's one copy of a list of section ids.
Shared<std::vector<std::string>> intern(SectionLists &lists, std::vector<std::string> ids) {
  auto it = lists.find(ids);
  if (it == lists.end()) {
    Shared<std::vector<std::string>> shared(ids);
    it = lists.emplace(std::move(ids), std::move(shared)).first;
  }
  return it->second;
}

Phrase parse_json_phrase(const json &j, size_t index, const std::string &origin, SectionLists &lists) {
  const std::string where = "phrases[" + std::to_string(index) + "]";
  check_keys(j, {"text", "sections", "topic", "weight", "uses", "year_offset", "after"}, where, origin);
  Phrase p;
  p.text = get<std::string>(j, "text", "", where, origin);
  p.sections = intern(lists, get<std::vector<std::string>>(j, "sections", {}, where, origin));
  if (std::string topic = get<std::string>(j, "topic", "", where, origin); !topic.empty()) p.topic = std::move(topic);
  p.weight = get<uint32_t>(j, "weight", 1, where, origin);
  p.uses = get<uint32_t>(j, "uses", 0, where, origin);
  p.year_offset = get<int>(j, "year_offset", 0, where, origin);
  for (const auto &[clause, reports] : get<std::map<std::string, uint32_t>>(j, "after", {}, where, origin))
    p.after.emplace_back(clause, reports);
  return p;
}

// Each element of "sections" and "phrases" is converted as soon as it is parsed and dropped from
// the tree: a mined file of 10 000 phrases as one JSON tree would take four times its converted
// size for a moment, and that moment is the analysis process's peak memory.
void parse_json(std::string_view content, const std::string &origin, std::vector<SectionDef> &sections,
                std::vector<Phrase> &phrases, SectionLists &lists) {
  const size_t first = phrases.size();
  // Every phrase has one "text" key: counting them bounds the phrases, so the vector is allocated
  // once (growing it by doubling would hold both copies at once, and up to twice the room after).
  size_t texts = 0;
  for (size_t at = content.find("\"text\""); at != std::string_view::npos; at = content.find("\"text\"", at + 1)) ++texts;
  phrases.reserve(first + texts);
  std::string key, array;  // the last top-level key; the one whose array is being parsed
  using event_t = json::parse_event_t;
  json::parser_callback_t take = [&](int depth, event_t event, json &parsed) {
    if (depth == 1) {
      if (event == event_t::key) key = parsed.get<std::string>();
      if (event == event_t::array_start) array = key;
      if (event == event_t::array_end) array.clear();
      return true;
    }
    const bool element = event == event_t::object_end || event == event_t::array_end || event == event_t::value;
    if (depth != 2 || !element || array.empty()) return true;
    if (array == "sections") sections.push_back(parse_section(parsed, sections.size(), origin));
    else if (array == "phrases") phrases.push_back(parse_json_phrase(parsed, phrases.size() - first, origin, lists));
    else return true;
    return false;
  };
  json root = json::parse(content, take, false);
  if (root.is_discarded()) fail(origin, "不是合法的 JSON");
  check_keys(root, {"format", "version", "mined", "sections", "phrases"}, "文件", origin);
  const bool mined = get<bool>(root, "mined", false, "文件", origin);
  if (get<std::string>(root, "format", "", "文件", origin) != "reportls-phrases")
    fail(origin, "\"format\" 应为 \"reportls-phrases\"");
  if (get<int>(root, "version", 0, "文件", origin) != 1) fail(origin, "\"version\" 应为 1");
  for (const char *name : {"sections", "phrases"})
    if (root.contains(name) && !root.at(name).is_array()) fail(origin, "\"sections\" 和 \"phrases\" 应为数组");
  for (size_t i = first; i < phrases.size(); ++i) phrases[i].mined = mined;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      std::string_view part = s.substr(start, i - start);
      while (!part.empty() && (part.back() == ' ' || part.back() == '\r')) part.remove_suffix(1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      out.emplace_back(part);
      start = i + 1;
    }
  return out;
}

// text <TAB> sections [<TAB> weight [<TAB> topic]]; `#` starts a comment line; a first line
// starting with "text<TAB>" is a header.
void parse_tsv(std::string_view content, const std::string &origin, std::vector<Phrase> &phrases,
               SectionLists &lists) {
  size_t line_no = 0;
  for (const std::string &line : split(content, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#' || (line_no == 1 && line.starts_with("text\t"))) continue;
    const std::string where = "第 " + std::to_string(line_no) + " 行";
    std::vector<std::string> cols = split(line, '\t');
    if (cols.size() < 2 || cols.size() > 4)
      fail(origin, where + " 应为 短语<TAB>章节[<TAB>权重[<TAB>主题]]");
    Phrase p;
    p.text = cols[0];
    p.sections = intern(lists, split(cols[1], ','));
    if (cols.size() > 2) {
      auto [ptr, ec] = std::from_chars(cols[2].data(), cols[2].data() + cols[2].size(), p.weight);
      if (ec != std::errc() || ptr != cols[2].data() + cols[2].size())
        fail(origin, where + " 的权重不是整数: " + cols[2]);
    }
    if (cols.size() > 3 && !cols[3].empty()) p.topic = cols[3];
    phrases.push_back(std::move(p));
  }
}

}  // namespace

PhraseSet::PhraseSet(const Romanizer &romanizer) : romanizer_(&romanizer) {}

void PhraseSet::add_file(std::string_view content, const std::string &origin) {
  if (content.size() > kMaxFileBytes)
    fail(origin, "文件过大（上限 " + std::to_string(kMaxFileBytes) + " 字节）");
  std::vector<SectionDef> sections = sections_;
  std::vector<SectionDef> new_sections;
  // The file's phrases are parsed onto the end of phrases_ itself, and cut off again if the file
  // is refused: a second vector of ten thousand phrases would double the peak memory of loading.
  const size_t first = phrases_.size();
  try {
    if (origin.ends_with(".tsv"))
      parse_tsv(content, origin, phrases_, section_lists_);
    else
      parse_json(content, origin, new_sections, phrases_, section_lists_);
    for (SectionDef &s : new_sections) {
      auto it = std::find_if(sections.begin(), sections.end(),
                             [&](const SectionDef &d) { return d.id == s.id; });
      if (it != sections.end())
        *it = std::move(s);
      else
        sections.push_back(std::move(s));
    }
    if (phrases_.size() > kMaxPhrases)
      fail(origin, "短语过多（上限 " + std::to_string(kMaxPhrases) + " 条）");
    std::set<std::string_view> known;
    for (const SectionDef &s : sections) known.insert(s.id);
    const Shared<std::string> file(origin.substr(origin.find_last_of('/') + 1));
    for (size_t i = first; i < phrases_.size(); ++i) {
      Phrase &p = phrases_[i];
      if (p.text.empty() || p.text.size() > kMaxPhraseBytes)
        fail(origin, "短语为空或过长: " + p.text.substr(0, 60));
      for (const std::string &id : p.sections)
        if (!known.count(id)) fail(origin, "未知章节 \"" + id + "\"（短语“" + p.text + "”）");
      if (p.weight == 0) p.weight = 1;
      p.uses = std::max(p.uses, p.weight);
      p.source = file;
    }
  } catch (...) {
    phrases_.erase(phrases_.begin() + static_cast<std::ptrdiff_t>(first), phrases_.end());
    throw;
  }
  sections_ = std::move(sections);
  for (size_t i = first; i < phrases_.size(); ++i) {
    const auto index = static_cast<uint32_t>(i);
    for (const auto &[clause, reports] : phrases_[i].after) followers_[clause].emplace_back(index, reports);
    const std::string &text = phrases_[i].text;
    for (uint32_t at = 0; at < text.size();) {
      std::vector<uint32_t> &with = containing_[report::next_code_point(text, at)];
      if (with.empty() || with.back() != index) with.push_back(index);
    }
  }
  by_text_.resize(phrases_.size());
  for (size_t i = 0; i < by_text_.size(); ++i) by_text_[i] = static_cast<uint32_t>(i);
  std::sort(by_text_.begin(), by_text_.end(), [&](uint32_t a, uint32_t b) { return phrases_[a].text < phrases_[b].text; });
  pinyin_ = std::make_unique<Pinyin>();  // keys computed before no longer cover every phrase
}

const PinyinKeys &PhraseSet::pinyin() const {
  Pinyin &p = *pinyin_;
  if (p.ready.load(std::memory_order_acquire)) return p.keys;
  std::lock_guard lock(p.mutex);
  if (!p.ready.load(std::memory_order_relaxed)) {
    PinyinKeys keys;
    keys.slot_.assign(phrases_.size(), PinyinKeys::kNone);
    for (size_t i = 0; i < phrases_.size(); ++i) {
      if (phrases_[i].mined) continue;
      keys.slot_[i] = static_cast<uint32_t>(keys.keys_.size());
      keys.keys_.push_back(romanizer_->key(phrases_[i].text));
    }
    keys.keys_.shrink_to_fit();
    p.keys = std::move(keys);
    p.ready.store(true, std::memory_order_release);
  }
  return p.keys;
}

const std::vector<uint32_t> &PhraseSet::containing(char32_t c) const {
  static const std::vector<uint32_t> none;
  const auto it = containing_.find(c);
  return it == containing_.end() ? none : it->second;
}

PhraseSet::Known PhraseSet::known(std::string_view text) const {
  const auto it = std::lower_bound(by_text_.begin(), by_text_.end(), text,
                                   [&](uint32_t i, std::string_view t) { return phrases_[i].text < t; });
  if (it == by_text_.end() || !std::string_view(phrases_[*it].text).starts_with(text)) return {};
  return {phrases_[*it].text == text, true};
}

const std::vector<std::pair<uint32_t, uint32_t>> *PhraseSet::followers(std::string_view clause) const {
  const auto it = followers_.find(std::string(clause));
  return it == followers_.end() ? nullptr : &it->second;
}

const SectionDef *PhraseSet::section_for_heading(std::string_view title) const {
  const SectionDef *fallback = nullptr;
  for (const SectionDef &s : sections_) {
    for (const std::string &k : s.keywords)
      if (!k.empty() && title.find(k) != std::string_view::npos) return &s;
    if (s.fallback && !fallback) fallback = &s;
  }
  return fallback;
}

PhraseSet PhraseSet::vocabulary() const {
  PhraseSet set(*romanizer_);
  set.sections_ = sections_;
  return set;
}

const SectionDef *PhraseSet::preface_section() const {
  for (const SectionDef &s : sections_)
    if (s.preface) return &s;
  return nullptr;
}

const SectionDef *PhraseSet::find_section(std::string_view id) const {
  for (const SectionDef &s : sections_)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace reportls::phrasing
