#include <reportls/phrasing/phrase_set.h>
#include <reportls/report/text.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <span>
#include <set>
#include <sstream>
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

Phrase parse_json_phrase(const json &j, size_t index, const std::string &origin, SectionLists &lists, TextStore &texts) {
  const std::string where = "phrases[" + std::to_string(index) + "]";
  check_keys(j, {"text", "sections", "topic", "weight", "uses", "starts", "year_offset", "after"}, where, origin);
  Phrase p;
  p.text = texts.keep(get<std::string>(j, "text", "", where, origin));
  p.sections = intern(lists, get<std::vector<std::string>>(j, "sections", {}, where, origin));
  if (std::string topic = get<std::string>(j, "topic", "", where, origin); !topic.empty()) p.topic = std::move(topic);
  p.weight = get<uint32_t>(j, "weight", 1, where, origin);
  p.uses = get<uint32_t>(j, "uses", 0, where, origin);
  p.starts = get<uint32_t>(j, "starts", Phrase::kUnknown, where, origin);
  const int year_offset = get<int>(j, "year_offset", 0, where, origin);
  if (year_offset < std::numeric_limits<int16_t>::min() || year_offset > std::numeric_limits<int16_t>::max())
    fail(origin, where + " 的 \"year_offset\" 超出范围");
  p.year_offset = static_cast<int16_t>(year_offset);
  std::vector<std::pair<std::string, uint32_t>> after;
  for (const auto &[clause, reports] : get<std::map<std::string, uint32_t>>(j, "after", {}, where, origin))
    after.emplace_back(clause, reports);
  if (!after.empty()) p.after = std::move(after);
  return p;
}

// Each element of "sections" and "phrases" is converted as soon as it is parsed and dropped from
// the tree: a mined file of 10 000 phrases as one JSON tree would take four times its converted
// size for a moment, and that moment is the analysis process's peak memory.  `bound` (at least
// the phrases to come) is reserved at once: growing the vector by doubling would hold both copies
// at once, and up to twice the room after.
void parse_json(std::istream &in, size_t bound, const std::string &origin, std::vector<SectionDef> &sections,
                std::vector<Phrase> &phrases, SectionLists &lists, TextStore &texts) {
  const size_t first = phrases.size();
  phrases.reserve(first + bound);
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
    else if (array == "phrases") phrases.push_back(parse_json_phrase(parsed, phrases.size() - first, origin, lists, texts));
    else return true;
    return false;
  };
  json root = json::parse(in, take, false);
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
void parse_tsv(std::istream &in, const std::string &origin, std::vector<Phrase> &phrases, SectionLists &lists,
               TextStore &texts) {
  size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || (line_no == 1 && line.starts_with("text\t"))) continue;
    const std::string where = "第 " + std::to_string(line_no) + " 行";
    std::vector<std::string> cols = split(line, '\t');
    if (cols.size() < 2 || cols.size() > 4)
      fail(origin, where + " 应为 短语<TAB>章节[<TAB>权重[<TAB>主题]]");
    Phrase p;
    p.text = texts.keep(cols[0]);
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

// How many phrases a JSON phrase file can hold at most: its "text" keys, counted a block at a time
// (the file is read twice, never held whole).  Leaves the stream at its start.
size_t count_text_keys(std::istream &in) {
  static constexpr std::string_view kKey = "\"text\"";
  size_t count = 0;
  std::string block(1 << 16, '\0'), carry;
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    std::string window = carry;
    window.append(block.data(), static_cast<size_t>(in.gcount()));
    for (size_t at = window.find(kKey); at != std::string::npos; at = window.find(kKey, at + kKey.size())) ++count;
    // A key cut by the block's end is counted with the next block.
    const size_t keep = std::min(window.size(), kKey.size() - 1);
    carry = window.substr(window.size() - keep);
  }
  in.clear();
  in.seekg(0);
  return count;
}

}  // namespace

PhraseSet::PhraseSet(const Romanizer &romanizer) : romanizer_(&romanizer) {}

void PhraseSet::add_file(std::string_view content, const std::string &origin) {
  if (content.size() > kMaxFileBytes)
    fail(origin, "文件过大（上限 " + std::to_string(kMaxFileBytes) + " 字节）");
  std::istringstream in{std::string(content)};
  add_stream(in, origin);
}

void PhraseSet::load_file(const std::string &path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) fail(path, "无法读取（" + ec.message() + "）");
  if (size > kMaxFileBytes) fail(path, "文件过大（上限 " + std::to_string(kMaxFileBytes) + " 字节）");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "无法读取");
  add_stream(in, path);
}

void PhraseSet::add_stream(std::istream &in, const std::string &origin) {
  std::vector<SectionDef> sections = sections_;
  std::vector<SectionDef> new_sections;
  // The file's phrases are parsed onto the end of phrases_ itself, and cut off again if the file
  // is refused: a second vector of ten thousand phrases would double the peak memory of loading.
  const size_t first = phrases_.size();
  try {
    if (origin.ends_with(".tsv"))
      parse_tsv(in, origin, phrases_, section_lists_, texts_);
    else
      parse_json(in, count_text_keys(in), origin, new_sections, phrases_, section_lists_, texts_);
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
        fail(origin, "短语为空或过长: " + std::string(p.text.substr(0, 60)));
      for (const std::string &id : p.sections)
        if (!known.count(id)) fail(origin, "未知章节 \"" + id + "\"（短语“" + std::string(p.text) + "”）");
      if (p.weight == 0) p.weight = 1;
      p.uses = std::max(p.uses, p.weight);
      if (p.starts != Phrase::kUnknown) p.starts = std::min(p.starts, p.uses);
      p.source = file;
    }
  } catch (...) {
    phrases_.erase(phrases_.begin() + static_cast<std::ptrdiff_t>(first), phrases_.end());
    throw;
  }
  sections_ = std::move(sections);
  for (size_t i = first; i < phrases_.size(); ++i)
    for (const auto &[clause, reports] : phrases_[i].after) followers_[clause].emplace_back(static_cast<uint32_t>(i), reports);
  index_characters();
  // assign, not resize: a second file would grow the index by doubling, never shrunk again.
  by_text_.assign(phrases_.size(), 0);
  for (size_t i = 0; i < by_text_.size(); ++i) by_text_[i] = static_cast<uint32_t>(i);
  std::sort(by_text_.begin(), by_text_.end(), [&](uint32_t a, uint32_t b) { return phrases_[a].text < phrases_[b].text; });
  uint64_t starts = 0, uses = 0;
  for (const Phrase &p : phrases_)
    if (p.starts != Phrase::kUnknown) starts += p.starts, uses += p.uses;
  start_share_ = uses ? double(starts) / double(uses) : 0;
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

std::string_view TextStore::keep(std::string_view text) {
  if (text.size() > room_ - used_) {
    room_ = std::max(kBlock, text.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(room_));
    used_ = 0;
  }
  char *at = blocks_.back().get() + used_;
  std::copy(text.begin(), text.end(), at);
  used_ += text.size();
  return {at, text.size()};
}

// Each phrase's distinct characters, in the order its text has them.
template <class F>
void for_each_character(std::string_view text, F &&f) {
  char32_t seen[PhraseSet::kMaxPhraseBytes];
  size_t n = 0;
  for (uint32_t at = 0; at < text.size();) {
    const char32_t c = report::next_code_point(text, at);
    if (std::find(seen, seen + n, c) != seen + n) continue;
    seen[n++] = c;
    f(c);
  }
}

// Two passes (count, then place) into arrays of exactly the size needed: a list per character
// grown by doubling held up to twice the room, and its header and hash node more again — half a
// megabyte of the analysis process for a mined set of ten thousand phrases.
void PhraseSet::index_characters() {
  std::unordered_map<char32_t, uint32_t> count;
  for (const Phrase &p : phrases_) for_each_character(p.text, [&](char32_t c) { ++count[c]; });
  characters_.clear();
  characters_.reserve(count.size());
  for (const auto &[c, n] : count) characters_.push_back(c);
  std::sort(characters_.begin(), characters_.end());
  character_starts_.assign(characters_.size() + 1, 0);
  for (size_t k = 0; k < characters_.size(); ++k) character_starts_[k + 1] = character_starts_[k] + count[characters_[k]];
  std::vector<uint32_t> next(character_starts_.begin(), character_starts_.end() - 1);
  holders_.assign(character_starts_.back(), 0);
  for (size_t i = 0; i < phrases_.size(); ++i)
    for_each_character(phrases_[i].text, [&](char32_t c) {
      const size_t k = static_cast<size_t>(std::lower_bound(characters_.begin(), characters_.end(), c) - characters_.begin());
      holders_[next[k]++] = static_cast<uint16_t>(i);
    });
}

static_assert(PhraseSet::kMaxPhrases <= 65536, "holders_ keeps phrase indexes in 16 bits");

std::span<const uint16_t> PhraseSet::containing(char32_t c) const {
  const auto it = std::lower_bound(characters_.begin(), characters_.end(), c);
  if (it == characters_.end() || *it != c) return {};
  const auto k = static_cast<size_t>(it - characters_.begin());
  return {holders_.data() + character_starts_[k], holders_.data() + character_starts_[k + 1]};
}

PhraseSet::Known PhraseSet::known(std::string_view text) const {
  const auto it = std::lower_bound(by_text_.begin(), by_text_.end(), text,
                                   [&](uint32_t i, std::string_view t) { return phrases_[i].text < t; });
  if (it == by_text_.end() || !phrases_[*it].text.starts_with(text)) return {};
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
