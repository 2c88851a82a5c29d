-- reportls for Neovim: starts the reportls language server for plain-text and Markdown buffers.
--
--   require("reportls").setup({
--     cmd = { "/usr/local/bin/reportls" },          -- default: reportls from $PATH
--     filetypes = { "text", "markdown" },
--     settings = { profile = "fazhi-annual", reportYear = 2023, debounce = 150,
--                  rules = { punctuation = "hint" } },
--   })
--
-- Works with Neovim 0.7 (vim.lsp.start_client + buf_attach_client, one client per root folder)
-- and 0.8 or later (vim.lsp.start, which reuses a client by name and root itself).
-- `settings` go to the server both as initializationOptions and, under the "reportls" key, as
-- workspace/didChangeConfiguration; M.update_settings() changes them without a restart.
-- The profile the server detects (reportls/documentStatus, facts.profile) is kept in
-- b:reportls_facts and shown by M.statusline().
-- Completion: 'omnifunc' is set to M.omnifunc in every report buffer (omnifunc = false leaves it
-- alone, e.g. for nvim-cmp): type pinyin (xjp) or Chinese, then <C-x><C-o>.
-- Ghost text (lua/reportls/ghost.lua): the phrase or next clause the server is sure of is shown
-- after the cursor while typing; <Tab> writes it.  ghost_text = { accept = "<C-l>", delay = 75 }
-- changes the key and the pause before asking; ghost_text = false turns it off.
local M = {}
local ghost = require("reportls.ghost")

M.defaults = {
  name = "reportls",
  cmd = { "reportls" },
  filetypes = { "text", "markdown" },
  settings = {},
  -- Files or folders whose presence marks a report workspace's root.
  root_markers = { ".reportls.json", ".git" },
  -- Set 'omnifunc' to M.omnifunc in the buffers reportls attaches to.
  omnifunc = true,
  -- The client capabilities (e.g. require("cmp_nvim_lsp").default_capabilities()); default:
  -- vim.lsp.protocol.make_client_capabilities().
  capabilities = nil,
  -- Ghost text while typing: true, false, or { accept = key or false, delay = ms }.
  ghost_text = true,
}

M.options = vim.deepcopy(M.defaults)
local clients_by_root = {} -- Neovim 0.7 only: root folder -> client id

local function has_lsp_start()
  return vim.lsp.start ~= nil -- added in Neovim 0.8
end

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  for _, marker in ipairs(M.options.root_markers) do
    local file = vim.fn.findfile(marker, dir .. ";")
    if file ~= "" then
      return vim.fn.fnamemodify(file, ":p:h")
    end
    local folder = vim.fn.finddir(marker, dir .. ";")
    if folder ~= "" then
      return vim.fn.fnamemodify(folder, ":p:h:h")
    end
  end
  return dir
end

-- Lua's {} would be sent as a JSON array; the server wants an object.
local function as_object(t)
  if type(t) ~= "table" or next(t) == nil then
    return vim.empty_dict()
  end
  return t
end

-- reportls/documentStatus {uri, facts}: remember the facts per buffer, redraw the status line.
local function on_document_status(_, result, ctx)
  if type(result) ~= "table" or type(result.uri) ~= "string" then
    return
  end
  local bufnr = vim.uri_to_bufnr(result.uri)
  if vim.api.nvim_buf_is_loaded(bufnr) then
    vim.b[bufnr].reportls_facts = result.facts or vim.empty_dict()
  end
  vim.cmd("redrawstatus!")
  if M.options.on_status then
    M.options.on_status(bufnr, result.facts, ctx)
  end
end

-- The byte column of an LSP position's character on line.
local function byte_col(line, character, encoding)
  if encoding == "utf-8" then
    return math.min(character, #line)
  end
  local ok, col = pcall(vim.str_byteindex, line, character, encoding ~= "utf-32")
  return ok and col or #line
end

local function client_config(bufnr)
  local settings = as_object(M.options.settings)
  local capabilities = M.options.capabilities or vim.lsp.protocol.make_client_capabilities()
  if M.options.ghost_text then
    capabilities = ghost.capabilities(vim.deepcopy(capabilities))
  end
  return {
    name = M.options.name,
    cmd = M.options.cmd,
    root_dir = root_dir(bufnr),
    init_options = settings,
    -- Neovim sends {"settings": config.settings} as workspace/didChangeConfiguration after
    -- initialize; the server reads the "reportls" section.
    settings = { reportls = settings },
    handlers = { ["reportls/documentStatus"] = on_document_status },
    capabilities = capabilities,
    on_attach = function(client, bufnr)
      if M.options.omnifunc then
        vim.bo[bufnr].omnifunc = "v:lua.require'reportls'.omnifunc"
      end
      if M.options.ghost_text and client.server_capabilities.inlineCompletionProvider then
        local encoding = client.offset_encoding or "utf-16"
        ghost.attach(client, bufnr, type(M.options.ghost_text) == "table" and M.options.ghost_text or {},
          function(line, character)
            return byte_col(line, character, encoding)
          end)
      end
      if M.options.on_attach then
        M.options.on_attach(client, bufnr)
      end
    end,
  }
end

-- Starts (or reuses) the server for `bufnr` and attaches it; returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local config = client_config(bufnr)
  if has_lsp_start() then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients_by_root[config.root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.get_client_by_id(id).is_stopped() then
    id = vim.lsp.start_client(config)
    if id == nil then
      vim.notify("reportls: could not start " .. table.concat(config.cmd, " "), vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local function reportls_clients()
  local out = {}
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == M.options.name then
      table.insert(out, client)
    end
  end
  return out
end

-- New settings for every running reportls client, without a restart.
function M.update_settings(settings)
  settings = as_object(settings)
  M.options.settings = settings
  for _, client in ipairs(reportls_clients()) do
    client.config.settings = { reportls = settings }
    client.notify("workspace/didChangeConfiguration", { settings = { reportls = settings } })
  end
end

-- Stops every reportls client and attaches the loaded report buffers again.
function M.restart()
  local buffers = {}
  for _, client in ipairs(reportls_clients()) do
    for bufnr in pairs(client.attached_buffers or {}) do
      table.insert(buffers, bufnr)
    end
    client.stop()
  end
  clients_by_root = {}
  vim.defer_fn(function()
    for _, bufnr in ipairs(buffers) do
      if vim.api.nvim_buf_is_loaded(bufnr) then
        M.attach(bufnr)
      end
    end
  end, 500)
end

-- ---- completion --------------------------------------------------------------------------------

-- The text an item inserts: a snippet's fields as they read (${1:××} is ××).
local function inserted_text(item)
  local text = (item.textEdit and item.textEdit.newText) or item.insertText or item.label
  if item.insertTextFormat == 2 then
    text = text:gsub("%${%d+:([^}]*)}", "%1"):gsub("%$%d+", ""):gsub("\\([$}\\])", "%1")
  end
  return text
end

local function documentation(item)
  local doc = item.documentation or (item.data and item.data.documentation)
  if type(doc) == "table" then
    doc = doc.value
  end
  return type(doc) == "string" and doc or ""
end

-- Completion items as complete-items starting at the earliest item's range.  Each item keeps its
-- own range: the text between the common start and its range is kept in its word.  An item stays
-- when its filterText starts with what was typed since its range's start (pinyin `xjp` keeps
-- 习近平法治思想, whose filterText is xjpfzsx) — not its inserted text, as vim.lsp.omnifunc of
-- Neovim 0.7–0.9 does, which would drop every pinyin match.
function M._complete_items(result, line, cursor_col, encoding)
  local items = result and (result.items or result) or {}
  local kept, start = {}, cursor_col
  for _, item in ipairs(items) do
    local from = cursor_col
    if item.textEdit and item.textEdit.range then
      from = byte_col(line, item.textEdit.range.start.character, encoding)
    end
    local typed = line:sub(from + 1, cursor_col):lower()
    local filter = (item.filterText or item.label):lower()
    if vim.startswith(filter, typed) then
      table.insert(kept, { item = item, from = from })
      start = math.min(start, from)
    end
  end
  table.sort(kept, function(a, b)
    return (a.item.sortText or a.item.label) < (b.item.sortText or b.item.label)
  end)
  local out = {}
  for _, k in ipairs(kept) do
    table.insert(out, {
      word = line:sub(start + 1, k.from) .. inserted_text(k.item),
      abbr = k.item.label,
      menu = k.item.detail or "",
      info = documentation(k.item),
      icase = 1,
      dup = 1,
      empty = 1,
    })
  end
  return start, out
end

-- 'omnifunc' for report buffers (set by setup; see the header).  Asks the server and fills the
-- completion menu when it answers.
function M.omnifunc(findstart, _)
  if findstart == 0 then
    return {}
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local client
  for _, c in ipairs(reportls_clients()) do
    if c.attached_buffers == nil or c.attached_buffers[bufnr] then
      client = c
    end
  end
  if client == nil then
    return -3
  end
  local encoding = client.offset_encoding or "utf-16"
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  local params = vim.lsp.util.make_position_params(0, encoding)
  client.request("textDocument/completion", params, function(err, result)
    if err or result == nil or vim.fn.mode() ~= "i" then
      return
    end
    local now = vim.api.nvim_win_get_cursor(0)
    if now[1] ~= row or now[2] ~= col then
      return -- the cursor moved meanwhile
    end
    local start, items = M._complete_items(result, line, col, encoding)
    vim.fn.complete(start + 1, items)
  end, bufnr)
  return -2
end

-- For 'statusline': "reportls: <profile>" once the server has reported one.
function M.statusline(bufnr)
  local ok, facts = pcall(function()
    return vim.b[bufnr or 0].reportls_facts
  end)
  if not ok or type(facts) ~= "table" then
    return ""
  end
  return facts.profile and ("reportls: " .. tostring(facts.profile)) or "reportls"
end

function M.setup(opts)
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  if opts and opts.settings then
    M.options.settings = opts.settings -- not merged: an empty table must stay an object
  end
  local group = vim.api.nvim_create_augroup("reportls", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  vim.api.nvim_create_user_command("ReportlsRestart", M.restart, { desc = "Restart reportls" })
  vim.api.nvim_create_user_command("ReportlsStatus", function()
    print(M.statusline(0))
  end, { desc = "Show the report profile reportls detected" })
end

return M
