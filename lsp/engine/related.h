// related.h — which documents are related to which (plugin.h, "Related documents").
//
// Plugins say, as facts of a document's analysis, what the document is (`related.key`) and which
// documents it wants beside it (`related.want.<role>`).  RelatedIndex keeps these per uri — for the
// documents the editor has open and for files read from disk — and resolves each wanted key to a
// document that has it: an open document before a file, never the document itself, and among
// several of one kind the first by uri, so the answer never depends on the order things arrived
// in.  A setting may name a related document outright (`"related": {"previous": "../2023.txt"}`),
// which `named_related` turns into uris.  Keys and roles are opaque strings: nothing here knows
// what they mean, or that they are about reports.
//
// Used on one thread: the engine's main thread, or the command line's.
#pragma once

#include "lsp/engine/settings.h"

#include <map>
#include <string>
#include <vector>

namespace reportls::lsp {

// What one analysis said about relations.
struct RelatedFacts {
  std::string key;                           // "": the document names no key
  std::map<std::string, std::string> wants;  // role -> key
  bool empty() const { return key.empty() && wants.empty(); }
  friend bool operator==(const RelatedFacts &, const RelatedFacts &) = default;

  // The related.* members of an analysis's facts.
  static RelatedFacts from(const std::map<std::string, std::string> &facts);
};

// role -> uri of the related document.
using Resolution = std::map<std::string, std::string>;

class RelatedIndex {
 public:
  // What the newest analysis of uri said; `open`: the editor has it open (else: a file read from
  // disk).  Returns true when anything changed.
  bool record(const std::string &uri, RelatedFacts facts, bool open);
  // The editor closed uri, or the file is gone.  Returns true when it was known.
  bool forget(const std::string &uri);
  // What uri wants, resolved to the documents that have the keys (roles with no match are left out).
  Resolution resolve(const std::string &uri) const;
  // Whether any known document wants something (the engine then looks for files on disk).
  bool wants_anything(const std::string &uri) const;

 private:
  struct Entry {
    RelatedFacts facts;
    bool open = false;
  };
  std::map<std::string, Entry> entries_;
};

// The related documents the settings of document `uri` name, role -> uri: a path is taken relative
// to the document's folder (an untitled document takes only absolute paths and file: uris).  The
// document itself is never its own related document.
Resolution named_related(const Settings &settings, const std::string &uri);

}  // namespace reportls::lsp
