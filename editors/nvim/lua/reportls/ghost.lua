-- Ghost text for reportls in Neovim: while the writer types in Insert mode, the phrase or next
-- clause the server is sure of (textDocument/inlineCompletion) is shown after the cursor in the
-- highlight group ReportlsGhostText (linked to Comment); the accept key (default <Tab>) writes it,
-- any other key goes on typing and the ghost text follows or disappears.
--
-- Used by reportls.lua: M.capabilities() adds the client capability the server announces the
-- feature for, M.attach() is called from on_attach for every report buffer.  Everything runs on
-- Neovim's main loop; one request per buffer is in flight, an older one is cancelled.
--
-- Neovim 0.10 and later show the text inside the line (virt_text_pos "inline"); 0.7–0.9 can only
-- draw over what follows the cursor, so there the ghost text is shown when the cursor is at the
-- end of its line — where a draft is written.
local M = {}

local ns = vim.api.nvim_create_namespace("reportls_ghost")
local inline_virtual_text = vim.fn.has("nvim-0.10") == 1
local shown = {} -- bufnr -> { row, col, text }: the ghost text on screen
local pending = {} -- bufnr -> { client, id, timer }

vim.cmd("highlight default link ReportlsGhostText Comment")

function M.capabilities(capabilities)
  capabilities.textDocument = capabilities.textDocument or {}
  capabilities.textDocument.inlineCompletion = { dynamicRegistration = false }
  return capabilities
end

function M.clear(bufnr)
  if shown[bufnr] then
    shown[bufnr] = nil
    if vim.api.nvim_buf_is_valid(bufnr) then
      vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
    end
  end
end

local function cancel(bufnr)
  local p = pending[bufnr]
  if p == nil then
    return
  end
  pending[bufnr] = nil
  if p.timer then
    p.timer:stop()
    p.timer:close()
  end
  if p.id and not p.client.is_stopped() then
    p.client.cancel_request(p.id)
  end
end

-- The ghost text of an InlineCompletionList's first usable item at the cursor: what its
-- insertText writes beyond the text its range replaces (typed so far on the cursor's line).
function M._ghost_text(result, line, cursor_col, byte_col)
  local items = result and (result.items or result) or {}
  for _, item in ipairs(type(items) == "table" and items or {}) do
    local text = type(item.insertText) == "string" and item.insertText or nil
    local from = cursor_col
    if item.range then
      from = byte_col(line, item.range.start.character)
    end
    if text and from <= cursor_col and not text:find("\n", 1, true) then
      local typed = line:sub(from + 1, cursor_col)
      if #text > #typed and text:sub(1, #typed) == typed then
        return text:sub(#typed + 1)
      end
    end
  end
  return nil
end

local function show(bufnr, row, col, text)
  M.clear(bufnr)
  vim.api.nvim_buf_set_extmark(bufnr, ns, row, col, {
    virt_text = { { text, "ReportlsGhostText" } },
    virt_text_pos = inline_virtual_text and "inline" or "overlay",
    hl_mode = "combine",
  })
  shown[bufnr] = { row = row, col = col, text = text }
end

local function request(client, bufnr, byte_col)
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.api.nvim_get_current_buf() ~= bufnr then
    return
  end
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  if not inline_virtual_text and col < #line then
    return
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding or "utf-16")
  params.context = { triggerKind = 2 } -- automatic: asked while typing
  local ok, id = client.request("textDocument/inlineCompletion", params, function(err, result)
    if pending[bufnr] and pending[bufnr].id == id then
      pending[bufnr] = nil
    end
    if err or vim.fn.mode() ~= "i" or vim.api.nvim_get_current_buf() ~= bufnr
        or vim.api.nvim_buf_get_changedtick(bufnr) ~= tick then
      return -- stale: the writer went on meanwhile
    end
    local now = vim.api.nvim_win_get_cursor(0)
    if now[1] ~= row or now[2] ~= col then
      return
    end
    local text = M._ghost_text(result, line, col, byte_col)
    if text then
      show(bufnr, row - 1, col, text)
    end
  end, bufnr)
  if ok then
    pending[bufnr] = { client = client, id = id }
  end
end

-- Writes the ghost text of the current buffer; false when none is shown at the cursor.
function M.accept()
  local bufnr = vim.api.nvim_get_current_buf()
  local g = shown[bufnr]
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  if g == nil or g.row ~= row - 1 or g.col ~= col then
    return false
  end
  M.clear(bufnr)
  vim.api.nvim_buf_set_text(bufnr, g.row, g.col, g.row, g.col, { g.text })
  vim.api.nvim_win_set_cursor(0, { row, col + #g.text })
  return true
end

-- The accept key's mapping: the ghost text when one is shown, else the key itself.
function M._accept_or_type(key)
  if not M.accept() then
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(key, true, false, true), "n", false)
  end
end

-- Shows ghost text in bufnr from client.  opts: { delay = ms after the last key (75),
-- accept = the Insert-mode key that writes it ("<Tab>"; false maps none: call M.accept()) }.
function M.attach(client, bufnr, opts, byte_col)
  opts = opts or {}
  local delay = opts.delay or 75
  local group = vim.api.nvim_create_augroup("reportls_ghost_" .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd({ "TextChangedI", "TextChangedP" }, {
    group = group,
    buffer = bufnr,
    callback = function()
      M.clear(bufnr)
      cancel(bufnr)
      local timer = vim.loop.new_timer()
      pending[bufnr] = { client = client, timer = timer }
      timer:start(delay, 0, vim.schedule_wrap(function()
        if pending[bufnr] and pending[bufnr].timer == timer then
          timer:close()
          pending[bufnr] = nil
          request(client, bufnr, byte_col)
        end
      end))
    end,
  })
  vim.api.nvim_create_autocmd({ "InsertLeave", "BufLeave", "BufUnload" }, {
    group = group,
    buffer = bufnr,
    callback = function()
      cancel(bufnr)
      M.clear(bufnr)
    end,
  })
  vim.api.nvim_create_autocmd("CursorMovedI", {
    group = group,
    buffer = bufnr,
    callback = function()
      local g = shown[bufnr]
      local row, col = unpack(vim.api.nvim_win_get_cursor(0))
      if g and (g.row ~= row - 1 or g.col ~= col) then
        M.clear(bufnr)
      end
    end,
  })
  local key = opts.accept == nil and "<Tab>" or opts.accept
  if key then
    vim.keymap.set("i", key, function()
      M._accept_or_type(key)
    end, { buffer = bufnr, desc = "reportls: accept the ghost text" })
  end
end

return M
