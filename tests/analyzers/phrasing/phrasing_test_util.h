// Helpers for the phrasing tests: the shipped data, and completion at a `|` in a text.
#ifndef REPORTLS_TESTS_PHRASING_UTIL_H
#define REPORTLS_TESTS_PHRASING_UTIL_H

#include "../test_util.h"
#include <reportls/phrasing/completer.h>
#include <reportls/phrasing/folders.h>
#include <reportls/phrasing/typing.h>
#include <reportls/report/document.h>
#include <reportls/report/profile.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace test {

// Without a table: every key straight from ICU.
inline const reportls::phrasing::Romanizer &romanizer() {
  static const reportls::phrasing::Romanizer r;
  return r;
}

// The phrases as shipped, read from the source tree.
inline const reportls::phrasing::PhraseSet &phrases() {
  static const reportls::phrasing::PhraseSet set = [] {
    reportls::phrasing::PhraseSet s(romanizer());
    auto errors = reportls::phrasing::add_folder(s, REPORTLS_SOURCE_DIR "/analyzers/phrasing/phrases",
                                                 true);
    REQUIRE(errors.empty());
    return s;
  }();
  return set;
}


inline const reportls::report::Profile &fazhi() {
  static const auto p =
      reportls::report::Profiles::load({REPORTLS_SOURCE_DIR "/analyzers/report/profiles"});
  REQUIRE(p.find("fazhi-annual"));
  return *p.find("fazhi-annual");
}

struct Completed {
  std::string text;  // without the |
  uint32_t cursor = 0;
  reportls::phrasing::Result result;

  std::vector<std::string> labels() const {
    std::vector<std::string> out;
    for (const auto &i : result.items) out.push_back(i.label);
    return out;
  }
  const reportls::phrasing::Item *find(const std::string &label) const {
    for (const auto &i : result.items)
      if (i.label == label) return &i;
    return nullptr;
  }
  size_t rank(const std::string &label) const {
    for (size_t i = 0; i < result.items.size(); ++i)
      if (result.items[i].label == label) return i;
    return result.items.size();
  }
  std::string replaced(const reportls::phrasing::Item &item) const {
    return text.substr(item.replace.start, item.replace.end - item.replace.start);
  }
  // The text once the item is accepted (a snippet's placeholders as they are).
  std::string accepted(const reportls::phrasing::Item &item) const {
    return text.substr(0, item.replace.start) + item.insert_text + text.substr(item.replace.end);
  }
};

// Completes at the `|` in marked, as the plugin does: year is the setting, the profile fazhi-annual,
// the phrases those of sets (by default the shipped ones).
inline Completed complete_at(const std::string &marked, std::optional<int> year = std::nullopt,
                             bool with_profile = true,
                             const std::vector<const reportls::phrasing::PhraseSet *> &sets = {}) {
  Completed c;
  const size_t bar = marked.find('|');
  REQUIRE(bar != std::string::npos);
  c.text = marked.substr(0, bar) + marked.substr(bar + 1);
  c.cursor = static_cast<uint32_t>(bar);
  const auto doc = reportls::report::parse(c.text, test::rules());
  const reportls::phrasing::Request request{doc, c.cursor, reportls::phrasing::report_year(doc, year),
                                            with_profile ? &fazhi() : nullptr};
  c.result = reportls::phrasing::complete(
      request, sets.empty() ? std::vector<const reportls::phrasing::PhraseSet *>{&phrases()} : sets);
  return c;
}

}  // namespace test

#endif
