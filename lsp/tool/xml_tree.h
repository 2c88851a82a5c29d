// xml_tree.h — the few libxml2 tree helpers of the web page reader (html.h): names and attributes,
// and an owning handle for a parsed document; and lower(), which the Word reader (docx.h, on
// pugixml) uses too.  Any thread (libxml2's parser is initialised once).
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

// ASCII letters in lower case: class names, ids and style names compare without case.
std::string lower(std::string s);

}  // namespace reportls::lsp::xml
