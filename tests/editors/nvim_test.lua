-- Runs inside `nvim --headless` (see test_nvim.py): loads editors/nvim/lua/reportls.lua exactly
-- as a user's init.lua would, opens a report and a placeholder draft, waits for diagnostics,
-- requests the outline, and writes what Neovim shows to $REPORTLS_NVIM_OUT as JSON.
local out = {
  version = vim.version(),
  uses_lsp_start = vim.lsp.start ~= nil,
  files = {},
  errors = {},
}

-- What the server sent, before Neovim converts it: uri -> list of LSP diagnostics.
local raw = {}
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result and result.uri then
    raw[result.uri] = result.diagnostics
  end
  return publish(err, result, ctx, config)
end

local function wait(ms, cond)
  return vim.wait(ms, cond, 50)
end

local function open(path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local entry = { path = path, filetype = vim.bo[bufnr].filetype }
  entry.attached = wait(10000, function()
    return #vim.lsp.buf_get_clients(bufnr) > 0
  end)
  entry.published = wait(20000, function()
    return raw[uri] ~= nil
  end)
  entry.server_diagnostics = raw[uri] or {}
  -- What Neovim stores: 0-based line and *byte* columns.
  entry.nvim_diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(entry.nvim_diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      message = d.message, severity = d.severity,
    })
  end
  -- The outline: the server's DocumentSymbol tree and the location-list items Neovim makes of it
  -- (what :lua vim.lsp.buf.document_symbol() shows).
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/documentSymbol",
    { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, 20000)
  local symbols
  for _, response in pairs(responses or {}) do
    if response.result then
      symbols = response.result
    elseif response.err then
      table.insert(out.errors, "documentSymbol: " .. vim.inspect(response.err))
    end
  end
  entry.top_level = {}
  for _, s in ipairs(symbols or {}) do
    table.insert(entry.top_level, { name = s.name, line = (s.selectionRange or s.range).start.line })
  end
  entry.items = {}
  for _, item in ipairs(vim.lsp.util.symbols_to_items(symbols or {}, bufnr)) do
    table.insert(entry.items, { text = item.text, lnum = item.lnum })
  end
  entry.status = require("reportls").statusline(bufnr)
  table.insert(out.files, entry)
end

local ok, err = pcall(function()
  vim.cmd("filetype on")
  require("reportls").setup({
    cmd = { os.getenv("REPORTLS_BINARY"), "--plugin-dir", os.getenv("REPORTLS_EXAMPLE_PLUGIN_DIR") },
    settings = { debounce = 0 },
  })
  open(os.getenv("REPORTLS_NVIM_REPORT"))
  open(os.getenv("REPORTLS_NVIM_DRAFT"))
  -- Settings change without a restart: turning the placeholder rule off clears its diagnostic.
  local bufnr = vim.api.nvim_get_current_buf()
  require("reportls").update_settings({ debounce = 0, rules = { placeholder = "off" } })
  out.cleared_after_settings = wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.message:find("××", 1, true) then
        return false
      end
    end
    return true
  end)
end)
if not ok then
  table.insert(out.errors, tostring(err))
end
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv("REPORTLS_NVIM_OUT"))
vim.cmd("qall!")
