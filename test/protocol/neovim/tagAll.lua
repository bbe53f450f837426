-- Headless Neovim 0.7 as a real third-party LSP client of the Communiqué server
-- (test/protocol/neovim.test.ts runs it). It opens a communiqué, waits for the pushed
-- diagnostics, asks for the source.fixAll.communique action, applies its edit with Neovim's own
-- vim.lsp.util.apply_workspace_edit, writes the file and exits:
--   0 success; 3 no diagnostics; 4 no fix-all action; 5 the server failed; 6 timeout on exit.
-- Neovim 0.7 has no vim.lsp.start: start_client + buf_attach_client. Load this file with
-- `pcall(dofile, ...)`: a Lua error under plain :luafile hangs headless Neovim.
--
-- Environment: COMMUNIQUE_LSP_CMD (a JSON array: the server command), COMMUNIQUE_FILE (the
-- document), COMMUNIQUE_ROOT (the workspace folder), COMMUNIQUE_REPORT (a JSON file written
-- before exit with what happened, for the test to check).

local report = { diagnostics = {}, actions = {}, log = {} }

local function log(message)
  table.insert(report.log, message)
end

local function finish(status)
  local out = io.open(os.getenv('COMMUNIQUE_REPORT'), 'w')
  if out then
    out:write(vim.fn.json_encode(report))
    out:close()
  end
  if status == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. status)
  end
end

local cmd = vim.fn.json_decode(os.getenv('COMMUNIQUE_LSP_CMD'))
local file = os.getenv('COMMUNIQUE_FILE')
local root = os.getenv('COMMUNIQUE_ROOT')

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
log('filetype ' .. vim.bo[bufnr].filetype)

local published = false
local client_id = vim.lsp.start_client({
  name = 'communique',
  cmd = cmd,
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == uri and #result.diagnostics > 0 then
        for _, d in ipairs(result.diagnostics) do
          table.insert(report.diagnostics, { code = d.code, data = d.data, message = d.message })
        end
        published = true
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  on_exit = function(code, signal)
    log('server exited ' .. tostring(code) .. ' ' .. tostring(signal))
  end,
})
if not client_id then
  log('start_client failed')
  return finish(5)
end
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(20000, function() return published end, 20) then
  log('no diagnostics')
  return finish(3)
end

local params = {
  textDocument = { uri = uri },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
  context = { diagnostics = {}, only = { 'source.fixAll.communique' } },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 20000)
local fix_all
for _, response in pairs(responses or {}) do
  if response.error then
    log('codeAction error: ' .. vim.inspect(response.error))
    return finish(5)
  end
  for _, action in ipairs(response.result or {}) do
    table.insert(report.actions, { title = action.title, kind = action.kind })
    if action.kind == 'source.fixAll.communique' and action.edit then
      fix_all = action
    end
  end
end
if not fix_all then
  log('no fix-all action')
  return finish(4)
end

-- Neovim 0.7 sends no general.positionEncodings: it speaks UTF-16, as the server does.
vim.lsp.util.apply_workspace_edit(fix_all.edit, 'utf-16')
vim.cmd('write')

local client = vim.lsp.get_client_by_id(client_id)
client.stop()
if not vim.wait(10000, function() return client.is_stopped() end, 20) then
  log('server did not stop')
  return finish(6)
end
finish(0)
