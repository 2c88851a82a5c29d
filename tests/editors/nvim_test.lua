-- Runs inside `nvim --headless` (see test_nvim.py): loads editors/nvim/lua/reportls.lua exactly
-- as a user's init.lua would, opens a report and a placeholder draft, waits for diagnostics,
-- requests the outline, types pinyin in the report and accepts a completion with <C-x><C-o>, and
-- writes what Neovim shows to $REPORTLS_NVIM_OUT as JSON.
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

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv("REPORTLS_NVIM_OUT"))
  vim.cmd("qall!")
end

-- Keys are typed by Neovim's main loop once this script has returned: each step feeds keys, then
-- polls (every 20 ms, up to ms) for cond before going on.
local function after(ms, cond, next)
  local deadline = vim.loop.now() + ms
  local function poll()
    if cond() then
      return next(true)
    end
    if vim.loop.now() > deadline then
      return next(false)
    end
    vim.defer_fn(poll, 20)
  end
  vim.defer_fn(poll, 20)
end

local function keys(k)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), "t", false)
end

-- Completion as a person uses it: in the report, `o` + what is typed + <C-x><C-o>, the wanted
-- phrase picked with <C-n> and accepted with <C-y>.
local cases = {
  { typed = "。xjp", wanted = "深入学习贯彻习近平法治思想" },
  { typed = "深入学习贯彻xjpfz", wanted = "深入学习贯彻习近平法治思想" },
  { typed = "lvxing", wanted = "依法全面履行政府职能" },
}
-- Ghost text: after a clause most real reports follow with one clause, the server's inline
-- completion is shown after the cursor (an extmark of reportls's namespace); <Tab> writes it.
local function ghost_case()
  local ns = vim.api.nvim_get_namespaces()["reportls_ghost"]
  local function ghost_marks()
    local marks = ns and vim.api.nvim_buf_get_extmarks(0, ns, 0, -1, { details = true }) or {}
    local texts = {}
    for _, m in ipairs(marks) do
      for _, chunk in ipairs(m[4].virt_text or {}) do
        table.insert(texts, chunk[1])
      end
    end
    return table.concat(texts)
  end
  out.ghost = { line_before = vim.api.nvim_get_current_line() }
  keys("A，坚持党的全面领导，")
  after(10000, function()
    return ghost_marks() ~= ""
  end, function()
    out.ghost.text = ghost_marks()
    out.ghost.typed_line = vim.api.nvim_get_current_line()
    keys("<Tab><Esc>")
    after(5000, function()
      return vim.fn.mode() == "n"
    end, function()
      out.ghost.line_after = vim.api.nvim_get_current_line()
      out.ghost.left = ghost_marks()
      finish()
    end)
  end)
end

out.completion = {}
local function complete_case(i)
  local case = cases[i]
  if case == nil then
    return ghost_case()
  end
  local entry = { typed = case.typed, wanted = case.wanted }
  table.insert(out.completion, entry)
  keys("Go" .. case.typed .. "<C-x><C-o>")
  after(10000, function()
    return vim.fn.pumvisible() == 1
  end, function(shown)
    entry.menu = shown
    entry.omnifunc = vim.bo.omnifunc
    local index
    for n, item in ipairs(shown and vim.fn.complete_info({ "items" }).items or {}) do
      if index == nil and item.abbr == case.wanted then
        index = n
      end
    end
    entry.index = index
    keys(string.rep("<C-n>", (index or 1) - 1) .. "<C-y><Esc>")
    after(5000, function()
      return vim.fn.mode() == "n"
    end, function()
      entry.line = vim.api.nvim_get_current_line()
      complete_case(i + 1)
    end)
  end)
end

if ok then
  vim.cmd("buffer " .. vim.fn.fnameescape(os.getenv("REPORTLS_NVIM_REPORT")))
  complete_case(1)
else
  finish()
end
