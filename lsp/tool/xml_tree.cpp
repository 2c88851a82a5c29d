#include "lsp/tool/xml_tree.h"

#include <libxml/parser.h>

#include <mutex>

namespace reportls::lsp::xml {

void init() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

const xmlNode *child(const xmlNode *n, std::string_view local) {
  if (!n) return nullptr;
  for (const xmlNode *c = n->children; c; c = c->next)
    if (is(c, local)) return c;
  return nullptr;
}

std::string attr(const xmlNode *n, std::string_view local) {
  if (!n) return {};
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    if (!a->name || std::string_view(reinterpret_cast<const char *>(a->name)) != local) continue;
    xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
    std::string out = v ? reinterpret_cast<const char *>(v) : "";
    xmlFree(v);
    return out;
  }
  return {};
}

std::string lower(std::string s) {
  for (char &c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace reportls::lsp::xml
