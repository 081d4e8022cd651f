-- Neovim's built-in LSP client (0.7's API: start_client, buf_attach_client) on `reps lsp`: opens
-- the file given, waits for its diagnostics, asks for a hover, and writes what it got to OUT.
-- Usage: nvim --headless -u NONE -c "lua REPS='...' OUT='...'" -c 'luafile nvim_client.lua' FILE
local out = assert(io.open(OUT, 'w'))
local function finish(code)
  out:close()
  vim.cmd((code == 0 and 'qall!' or 'cquit! ' .. code))
end

local buffer = vim.api.nvim_get_current_buf()
vim.bo[buffer].filetype = 'reps'
local client_id = vim.lsp.start_client({
  name = 'reps',
  cmd = { REPS, 'lsp' },
  root_dir = vim.fn.getcwd(),
})
if not client_id then
  out:write('start_client failed\n')
  return finish(1)
end
vim.lsp.buf_attach_client(buffer, client_id)

local got = vim.wait(10000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
if not got then
  out:write('no diagnostics\n')
  return finish(1)
end
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  out:write(string.format('diagnostic %d:%d %s %s\n', d.lnum + 1, d.col + 1, d.code or '', d.message))
end

local client = vim.lsp.get_client_by_id(client_id)
local params = { textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = { line = HOVER_LINE, character = HOVER_CHARACTER } }
local response = client.request_sync('textDocument/hover', params, 10000, buffer)
if response and response.result then
  out:write('hover ' .. response.result.contents.value:gsub('\n', ' | ') .. '\n')
else
  out:write('no hover: ' .. vim.inspect(response) .. '\n')
end
client.stop()
finish(0)
