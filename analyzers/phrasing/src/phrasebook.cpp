#include <reportls/phrasing/phrasebook.h>

namespace reportls::phrasing {

Phrasebook::Phrasebook(const std::string &plugin_dir, const std::vector<std::string> &dirs)
    // A missing or refused table only costs time: every key then comes from ICU.
    : romanizer_(PinyinTable::read(plugin_dir + "/" + std::string(kPinyinTableFile))
                     .value_or(PinyinTable{})),
      base_(romanizer_) {
  for (const std::string &dir : dirs)
    for (std::string &e : add_folder(base_, dir, true)) errors_.push_back(std::move(e));
}

Phrasebook::Sets Phrasebook::for_document(std::string_view path) const {
  Sets out;
  out.sets.push_back(&base_);
  if (auto folder = workspace_phrase_folder(path)) {
    WorkspaceCache::Entry entry = workspace_.get(*folder, base_);
    out.workspace = std::move(entry.set);
    out.errors = std::move(entry.errors);
    out.sets.push_back(out.workspace.get());
  }
  return out;
}

}  // namespace reportls::phrasing
