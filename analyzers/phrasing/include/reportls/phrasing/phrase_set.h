// reportls/phrasing/phrase_set.h — the phrases completion offers, and the sections they belong to.
//
// Loaded from phrase files (format in analyzers/phrasing/README.md):
//   *.json  {"format":"reportls-phrases","version":1,"sections":[…],"phrases":[…]}
//   *.tsv   text <TAB> section-id[,section-id…] [<TAB> weight [<TAB> topic]]
// A PhraseSet is built once (create, or the first completion in a workspace folder) and is then
// immutable and safe to share between threads; only the pinyin keys are computed later, by the
// first pinyin() call.
#ifndef REPORTLS_PHRASING_PHRASE_SET_H
#define REPORTLS_PHRASING_PHRASE_SET_H

#include <reportls/phrasing/pinyin.h>

#include <boost/smart_ptr/intrusive_ptr.hpp>
#include <boost/smart_ptr/intrusive_ref_counter.hpp>

#include <atomic>
#include <istream>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace reportls::phrasing {

// A section id of the vocabulary, e.g. "problems", and how a level-1 heading is recognised as it.
struct SectionDef {
  std::string id;
  std::string name;                   // shown as the item's detail, e.g. 存在的不足和原因
  std::vector<std::string> keywords;  // the heading's title contains one of them
  bool preface = false;   // the section of text before the first heading
  bool fallback = false;  // the section of a level-1 heading no keyword matches (theme headings)
};

// A value many phrases hold alike — the file they came from, their list of section ids — stored
// once per set and shared: thousands of mined phrases name one file and a few dozen section lists,
// and a copy in each would cost ~0.5 MB of the analysis process.  Read-only; reads as the T it
// holds (an empty T when none was given).  One pointer wide (its count lives with the value), so
// that a phrase's four of them take 32 bytes, not the 64 of shared_ptrs.
template <class T>
class Shared {
 public:
  Shared() = default;
  Shared(T value) : box_(new Box(std::move(value))) {}  // NOLINT: reads as a T
  const T &get() const {
    static const T none;
    return box_ ? box_->value : none;
  }
  operator const T &() const { return get(); }  // NOLINT
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  bool empty() const { return get().empty(); }
  size_t size() const { return get().size(); }

 private:
  struct Box : boost::intrusive_ref_counter<Box> {
    explicit Box(T v) : value(std::move(v)) {}
    const T value;
  };
  boost::intrusive_ptr<const Box> box_;
};
inline std::string operator+(std::string a, const Shared<std::string> &b) { return a += b.get(); }

// The texts of a set's phrases, back to back in blocks that never move: a phrase holds a view of
// its text, not a string of its own (a heap block each, ~35 bytes a phrase more).  The texts of a
// file the set refused stay until the set goes.
class TextStore {
 public:
  std::string_view keep(std::string_view text);

 private:
  static constexpr size_t kBlock = 64 << 10;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0, room_ = 0;  // in the last block
};

// Thousands of these make the phrase model (a mined one has no topic): fields are laid out and
// typed so that one takes 64 bytes, not 144.
struct Phrase {
  std::string_view text;                      // may hold placeholders ×× 20×× × ……; in its set's TextStore
  Shared<std::vector<std::string>> sections;  // section ids
  Shared<std::string> topic;                  // optional finer theme, e.g. 依法决策 (null: none)
  uint32_t weight = 1;                        // how many real reports use the phrase (≥ 1)
  uint32_t uses = 1;                          // how many times they write it (≥ weight; weight if unknown)
  // How many of those uses start a clause (right after ，。；：！？ or at a line's start), ≤ uses;
  // kUnknown when its file does not say (curated phrases).  What comes before a phrase tells it
  // apart from the others of the same typed context (completer.h).
  uint32_t starts = kUnknown;
  static constexpr uint32_t kUnknown = ~0u;
  int16_t year_offset = 0;                    // 20×× stands for the report year + year_offset
  // Learnt from reports (a file with "mined": true, miner.h): it continues Chinese already typed
  // and is offered as the next clause; pinyin queries search the other phrases only, so it has no
  // pinyin key (an empty one).
  bool mined = false;
  Shared<std::string> source;                 // the file it came from (its name)
  // The whole clauses it follows (the next-clause model), with how many reports write the pair
  // (a few dozen phrases have any).
  Shared<std::vector<std::pair<std::string, uint32_t>>> after;
};
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(Phrase) == 64, "a field added or moved: thousands of phrases grow with it");
#endif

// The pinyin keys of a set's phrases, index for index.  Only the phrases that have a key hold
// one (the curated few hundred; a mined phrase's key is empty): a key costs ~140 bytes even
// when empty, ~1 MB for a mined set of thousands.
class PinyinKeys {
 public:
  // The key of phrase i (an empty key for a phrase without one).
  const PinyinKey &operator[](size_t i) const {
    static const PinyinKey none;
    return i < slot_.size() && slot_[i] != kNone ? keys_[slot_[i]] : none;
  }
  bool operator==(const PinyinKeys &o) const { return slot_ == o.slot_ && keys_ == o.keys_; }

 private:
  friend class PhraseSet;
  static constexpr uint32_t kNone = ~0u;
  std::vector<uint32_t> slot_;   // phrase → its key in keys_, or kNone
  std::vector<PinyinKey> keys_;  // the keys of the phrases that have one
};

class PhraseSet {
 public:
  // romanizer computes the pinyin keys; it must outlive the set.
  explicit PhraseSet(const Romanizer &romanizer);

  // Parses one file and adds its sections and phrases; a section with a known id replaces the
  // earlier definition.  All or nothing: throws std::runtime_error("<origin>: <reason>") on
  // malformed content, unknown keys, unknown section ids or limits exceeded, leaving the set
  // unchanged.  origin is the file name; format is chosen by its extension (.tsv, else JSON).
  // Not to be called once the set is shared.
  void add_file(std::string_view content, const std::string &origin);
  // add_file of the file at path (its name the origin), read as it is parsed: a mined file of a
  // megabyte is never held whole beside the phrases it becomes.
  void load_file(const std::string &path);

  // The section of a level-1 heading title: the first section with a keyword in it, else the
  // fallback section.  nullptr when none applies.
  const SectionDef *section_for_heading(std::string_view title) const;
  const SectionDef *preface_section() const;
  const SectionDef *find_section(std::string_view id) const;

  // A set with this set's sections and romanizer and no phrases: the start of a set that extends
  // this one.
  PhraseSet vocabulary() const;

  const std::vector<SectionDef> &sections() const { return sections_; }
  const std::vector<Phrase> &phrases() const { return phrases_; }

  // The phrases whose text has the character c, as indexes into phrases() in order (empty when
  // none has it): where matching typed Chinese starts.  Valid until the set changes.
  std::span<const uint16_t> containing(char32_t c) const;

  // Whether text is a phrase's whole text, and whether some phrase's text starts with it.
  struct Known {
    bool whole = false, start = false;
  };
  Known known(std::string_view text) const;

  // The phrases written after clause (Phrase::after), as indexes into phrases() with how many
  // reports write the pair; nullptr when none is.
  const std::vector<std::pair<uint32_t, uint32_t>> *followers(std::string_view clause) const;

  // Of the uses of the phrases that say how many start a clause (Phrase::starts), the share that
  // do: what a phrase's own share is weighed against.  0 when no phrase says.
  double start_share() const { return start_share_; }

  // The pinyin keys of phrases(), index for index (empty for mined phrases).  The first call computes them (thread-safe;
  // may throw what Romanizer::key throws, and then the next call tries again).
  const PinyinKeys &pinyin() const;

  static constexpr size_t kMaxFileBytes = 1 << 20;
  static constexpr size_t kMaxPhrases = 20000;  // indexes fit 16 bits (the character index)
  static constexpr size_t kMaxPhraseBytes = 400;

 private:
  struct Pinyin {
    std::atomic<bool> ready{false};
    std::mutex mutex;
    PinyinKeys keys;
  };

  const Romanizer *romanizer_;
  std::vector<SectionDef> sections_;
  TextStore texts_;  // before phrases_, which views it
  std::vector<Phrase> phrases_;
  std::map<std::vector<std::string>, Shared<std::vector<std::string>>> section_lists_;  // each list once
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> followers_;
  void add_stream(std::istream &in, const std::string &origin);  // add_file's work
  void index_characters();  // builds the three below from phrases_
  std::vector<char32_t> characters_;         // every character of a phrase, sorted
  std::vector<uint32_t> character_starts_;   // characters_[k]'s phrases: holders_[starts[k], starts[k + 1])
  std::vector<uint16_t> holders_;            // indexes into phrases_ (kMaxPhrases fits), in order for each character
  std::vector<uint32_t> by_text_;  // indexes into phrases_, by text
  double start_share_ = 0;
  std::unique_ptr<Pinyin> pinyin_ = std::make_unique<Pinyin>();  // a pointer keeps the set movable
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_PHRASE_SET_H
