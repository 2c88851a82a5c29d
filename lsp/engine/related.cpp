#include "lsp/engine/related.h"

#include "lsp/engine/workspace_settings.h"

#include <filesystem>

namespace reportls::lsp {

namespace {
constexpr std::string_view kKey = "related.key";
constexpr std::string_view kWant = "related.want.";
}  // namespace

RelatedFacts RelatedFacts::from(const std::map<std::string, std::string> &facts) {
  RelatedFacts out;
  for (const auto &[name, value] : facts) {
    if (value.empty()) continue;
    if (name == kKey)
      out.key = value;
    else if (name.starts_with(kWant) && name.size() > kWant.size())
      out.wants[name.substr(kWant.size())] = value;
  }
  return out;
}

bool RelatedIndex::record(const std::string &uri, RelatedFacts facts, bool open) {
  if (facts.empty() && !entries_.count(uri)) return false;
  Entry &e = entries_[uri];
  const bool changed = e.facts != facts || e.open != open;
  e.facts = std::move(facts);
  e.open = open;
  return changed;
}

bool RelatedIndex::forget(const std::string &uri) { return entries_.erase(uri) > 0; }

Resolution RelatedIndex::resolve(const std::string &uri) const {
  Resolution out;
  auto self = entries_.find(uri);
  if (self == entries_.end()) return out;
  for (const auto &[role, key] : self->second.facts.wants) {
    const std::string *file = nullptr, *open = nullptr;
    // entries_ is ordered by uri: the first match of each kind is the first by uri.
    for (const auto &[other, e] : entries_) {
      if (other == uri || e.facts.key != key) continue;
      const std::string *&slot = e.open ? open : file;
      if (!slot) slot = &other;
    }
    if (open || file) out[role] = open ? *open : *file;
  }
  return out;
}

bool RelatedIndex::wants_anything(const std::string &uri) const {
  auto it = entries_.find(uri);
  return it != entries_.end() && !it->second.facts.wants.empty();
}

Resolution named_related(const Settings &settings, const std::string &uri) {
  namespace fs = std::filesystem;
  Resolution out;
  const std::optional<std::string> own = path_from_uri(uri);
  for (const auto &[role, target] : settings.related) {
    std::string named;
    if (target.starts_with("file://")) {
      named = target;
    } else if (fs::path(target).is_absolute()) {
      named = uri_from_path(target);
    } else if (own) {
      named = uri_from_path((fs::path(*own).parent_path() / target).string());
    } else {
      continue;
    }
    if (!same_file(named, uri)) out[role] = std::move(named);
  }
  return out;
}

}  // namespace reportls::lsp
