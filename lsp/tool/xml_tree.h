// xml_tree.h — the few libxml2 tree helpers the Word and web-page readers share: children and
// attributes by local name (namespace prefixes differ between Word, WPS and strict OOXML files),
// and an owning handle for a parsed document.  Any thread (libxml2's parser is initialised once).
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace reportls::lsp::xml {

struct DocFree {
  void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// Calls xmlInitParser() once per process, before the first parse on any thread.
void init();

inline std::string_view name(const xmlNode *n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char *>(n->name)) : std::string_view();
}
inline bool is(const xmlNode *n, std::string_view local) { return n && n->type == XML_ELEMENT_NODE && name(n) == local; }

// The first element child with this local name, or null.
const xmlNode *child(const xmlNode *n, std::string_view local);
// The value of the attribute with this local name (any namespace), or empty.
std::string attr(const xmlNode *n, std::string_view local);
// attr(child(n, element), "val"): the usual shape of a Word property.
std::string val(const xmlNode *n, std::string_view element);

// ASCII letters in lower case: class names, ids and style names compare without case.
std::string lower(std::string s);

}  // namespace reportls::lsp::xml
