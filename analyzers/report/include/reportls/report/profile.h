// reportls/report/profile.h — report profiles: which report type a document is and which
// required items (mandatory sections) it must contain.
//
//   Profiles profiles = Profiles::load({config.plugin_dir, user_dir…});   // once, at create
//   const Profile *p = profiles.choose(doc, setting_id, &unknown);         // per analyze
//   std::vector<ItemMatch> items = match_items(*p, doc);
//
// A profile is one `<id>.profile.json` file (format in analyzers/report/profiles/README.md and
// the bundled files in analyzers/report/profiles/; CMake: ${REPORTLS_PROFILES}).  Profiles are
// immutable after loading and safe to share between threads.
#ifndef REPORTLS_REPORT_PROFILE_H
#define REPORTLS_REPORT_PROFILE_H

#include <reportls/report/document.h>
#include <reportls/report/year_range.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reportls::report {

class ProfilePatterns;  // compiled ICU regexes (profile.cpp)

// Which documents a check is for.  A report (a profile fits, or the "profile" setting names one)
// gets every check.  Any other text — a news item, a README, notes — gets no report-level check,
// and the typography and wording checks only when the user turns them on for all Chinese text
// (setting "allChineseText": true).
enum class Scope : uint8_t {
  Report,       // sections, numbering, paragraphs, dates, outline
  ChineseText,  // punctuation, terms, figures
};

enum class ProfileSeverity : uint8_t { Error, Warning, Information, Hint };

struct ProfileItem {
  std::string id;        // e.g. "responsibility"
  std::string wording;   // the official wording, e.g. 上一年度党政主要负责人履行推进法治建设第一责任人职责…
  std::string heading;   // the heading text a skeleton inserts (defaults to wording)
  std::vector<std::string> skeleton;  // body paragraphs a skeleton inserts after the heading
  ProfileSeverity missing_severity = ProfileSeverity::Warning;
  bool optional = false;     // never reported missing
  bool may_fold = false;     // may appear only as a sub-point (then Folded, not Missing)
  bool theme_headings = false;  // top-level headings no other item claims count as this item
  bool needs_cause = false;  // the section must contain a cause analysis (cause_patterns)
  uint32_t required_from = 0;  // reports on years before this one need not have the item (0: all)
  std::shared_ptr<const ProfilePatterns> patterns;  // heading variants, folded and cause patterns
};

struct Profile {
  std::string id;           // e.g. "fazhi-annual"
  std::string report_type;  // e.g. 法治政府建设年度报告
  // The legal basis, e.g. 《法治政府建设与责任落实督察工作规定》第二十五条, and the ones reports on
  // earlier years followed: a format replaced in 2021 was the basis of the 2019 and 2020 reports.
  Bases bases;
  std::string origin;       // the file it was loaded from
  bool ordered = false;     // the items must appear in the profile's order
  bool fixed_headings = false;  // each item's heading must read exactly as its `heading`
  std::vector<ProfileItem> items;
  std::shared_ptr<const ProfilePatterns> detect;  // title and preface patterns

  // True when a title pattern matches the title block's lines joined (bounded ICU searches).
  // The basis a report on `year` follows (basis when the year is unknown or no earlier one
  // applies); the report type when there is none.
  const std::string &basis_for(std::optional<uint32_t> year) const;
  bool title_matches(const Document &doc) const;
  // True when the title matches, or a preface pattern matches an opening line (opening_lines)
  // and the text is a report: without a title, a top-level heading names one of the profile's
  // items by its own heading patterns, or the opening declares the report (`报告如下`,
  // declaration patterns), or it reviews the year (review patterns, `2023年，…`) and the text has
  // two top-level headings; with a title of another kind (a 政府工作报告), two item headings.  A
  // news item or an opinion on the same subject is not the report.
  // Worked out once for the analyzers of one document: the last few answers are kept by what
  // they depend on (thread-safe).
  bool detects(const Document &doc) const;

 private:
  bool detects_afresh(const Document &doc) const;
};

class Profiles {
 public:
  // Loads every *.profile.json in each dir (a missing dir is skipped).  A later profile with the
  // same id replaces an earlier one, so a user data dir can override a bundled profile.  A
  // malformed file is skipped and recorded in errors() as "<file>: <reason>".
  static Profiles load(const std::vector<std::string> &dirs);
  // Parses one profile; throws std::runtime_error("<origin>: <reason>").
  static Profile parse(std::string_view json, const std::string &origin);

  const std::vector<Profile> &all() const { return profiles_; }
  const std::vector<std::string> &errors() const { return errors_; }
  const Profile *find(std::string_view id) const;
  // setting_id non-empty: that profile (nullptr and *unknown = true when there is none).
  // Otherwise the first profile (in load order) whose title matches, else the first whose
  // detects() holds, else nullptr: the document is not a report of any profile.
  const Profile *choose(const Document &doc, std::string_view setting_id,
                        bool *unknown = nullptr) const;

  // choose() with the "profile" member of the settings JSON (see profile_setting).  nullptr: the
  // document is not a report, and report-level checks (sections, numbering, dates) stay silent.
  const Profile *for_document(const Document &doc, std::string_view settings_json,
                              bool *unknown = nullptr) const;
  // Whether checks of this scope run on the document (see Scope).  True for every document when
  // no profile is loaded at all.
  bool applies(Scope scope, const Document &doc, std::string_view settings_json) const;

  void add(Profile p);  // replaces a profile with the same id

 private:
  std::vector<Profile> profiles_;
  std::vector<std::string> errors_;
};

// The "profile" member of a settings JSON object, or "" when absent, not a string or the settings
// are not an object.
std::string profile_setting(std::string_view settings_json);

enum class ItemStatus : uint8_t {
  Heading,  // a top-level heading matches a heading variant
  Folded,   // only a sub-point (lower-level heading or 一是… item) matches
  RunIn,    // a heading run into a paragraph (` 一、标题 ` inside a line: the text lost its line
            // breaks); the item is there
  Missing,
};

struct ItemMatch {
  uint32_t item = 0;       // index into Profile::items
  ItemStatus status = ItemStatus::Missing;
  int32_t heading = -1;    // Heading: index into Document::headings; Folded from a heading too
  Span where;              // Heading: the heading's title; Folded: the sub-point's marker/title
  bool has_cause = true;   // needs_cause items with a Heading: a cause pattern occurs in the section
};

// One ItemMatch per profile item, in profile order.  Top-level headings are the headings of the
// smallest level present (orphan `)` headings excluded).  A heading is claimed by the first item
// (in profile order) whose pattern matches its title.
std::vector<ItemMatch> match_items(const Profile &profile, const Document &doc);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_PROFILE_H
