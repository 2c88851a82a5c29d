// markup.h — text in the forms a client did not declare, made plain: LSP snippets (for clients
// without snippetSupport) and Markdown (for clients that read only plain text).  Pure.
#pragma once

#include <string>
#include <string_view>

namespace reportls::lsp {

// The text a snippet inserts when nobody edits its fields: ${1:××} → ××, $1 and ${1} → nothing,
// \$ \} \\ → $ } \.  Malformed syntax is kept as it is.
std::string plain_from_snippet(std::string_view snippet);

// Markdown as a person reads it as plain text: **strong**, *emphasis*, `code` and the escapes of
// marks lose their markers, a thematic break (---) becomes an empty line.
std::string plain_from_markdown(std::string_view markdown);

}  // namespace reportls::lsp
