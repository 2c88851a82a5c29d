// reportls/phrasing/phrasebook.h — the phrases one plugin instance offers: those of its data
// folders, loaded at construction, and those of a document's workspace `.reportls/phrases/`
// folder, loaded on first use (WorkspaceCache).
//
// Construction reads no more than the phrase files and the pinyin table beside the plugin
// (kPinyinTableFile): the ICU transliterator is built only when a Latin query meets a phrase the
// table lacks (a user's phrase, or every phrase when the table is missing or refused).
#ifndef REPORTLS_PHRASING_PHRASEBOOK_H
#define REPORTLS_PHRASING_PHRASEBOOK_H

#include <reportls/phrasing/folders.h>
#include <reportls/phrasing/phrase_set.h>
#include <reportls/phrasing/pinyin.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::phrasing {

class Phrasebook {
 public:
  // dirs: the data folders in load order (report::data_folders), phrase files `*.phrases.json`
  // and `*.phrases.tsv`.
  Phrasebook(const std::string &plugin_dir, const std::vector<std::string> &dirs);

  struct Sets {
    std::vector<const PhraseSet *> sets;          // the data folders', then the workspace's
    std::shared_ptr<const PhraseSet> workspace;   // keeps the workspace's set alive
    std::vector<std::string> errors;              // the workspace files refused
  };
  // The sets for the document at `path` (empty: not a file).  Thread-safe.
  Sets for_document(std::string_view path) const;

  // The data folders' files refused at construction.
  const std::vector<std::string> &errors() const { return errors_; }
  const Romanizer &romanizer() const { return romanizer_; }

 private:
  Romanizer romanizer_;
  PhraseSet base_;
  std::vector<std::string> errors_;
  mutable WorkspaceCache workspace_;
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_PHRASEBOOK_H
