// reportls/phrasing/item.h — one completion item, as the plugin hands it to the host.
#ifndef REPORTLS_PHRASING_ITEM_H
#define REPORTLS_PHRASING_ITEM_H

#include <reportls/report/text.h>

#include <string>

namespace reportls::phrasing {

enum class ItemKind { Text, Snippet, Keyword };

struct Item {
  std::string label;
  std::string insert_text;  // LSP snippet syntax when snippet
  bool snippet = false;
  report::Span replace;     // the typed bytes the item replaces; ends at the cursor
  std::string filter_text, sort_text, detail, documentation;
  ItemKind kind = ItemKind::Text;
  // The one item sure enough to be preselected and shown as inline ghost text (completer.h).
  bool preselected = false;
};

}  // namespace reportls::phrasing

#endif  // REPORTLS_PHRASING_ITEM_H
