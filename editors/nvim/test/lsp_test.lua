-- Run by nvim_test.sh in `nvim --headless -u NONE` with editors/nvim first on the runtimepath:
-- reps.lsp against a real server process, REPS_TEST_LSP_CMD (its words separated by tabs): the
-- stand-in fake_lsp_server.mjs, or `reps lsp` itself. Two .reps buffers and a markdown one are
-- opened; one server must start, both reps buffers (and only they) be attached to it, the
-- diagnostic on line 2 (an unknown exercise) reach vim.diagnostic, and the server stop cleanly.
local cmd = vim.split(assert(os.getenv('REPS_TEST_LSP_CMD')), '\t', { plain = true })
local work = assert(os.getenv('REPS_TEST_WORK'))
local failures = 0
local function check(ok, message)
  if not ok then
    failures = failures + 1
    io.stderr:write('FAIL: ' .. message .. '\n')
  end
end
vim.o.hidden = true

local function write(name, lines)
  local path = work .. '/' .. name
  vim.fn.writefile(lines, path)
  return path
end
local first = write('first.reps', { 'workout first "First" {', '  goblet_sqat 3x12', '}' })
local second = write('second.reps', { 'workout second "Second" {', '  goblet_squat 3x12', '}' })
local other = write('notes.md', { '# not reps' })

require('reps.lsp').setup({ cmd = cmd })
vim.cmd('edit ' .. vim.fn.fnameescape(first))
local first_buf = vim.api.nvim_get_current_buf()
vim.cmd('edit ' .. vim.fn.fnameescape(second))
local second_buf = vim.api.nvim_get_current_buf()
vim.cmd('edit ' .. vim.fn.fnameescape(other))
local other_buf = vim.api.nvim_get_current_buf()

-- Neovim 0.7 lists a client once it is initialized.
vim.wait(15000, function() return #vim.lsp.get_active_clients() > 0 end, 20)
local clients = vim.lsp.get_active_clients()
check(#clients == 1, #clients .. ' language servers run, expected 1')
local client = clients[1]
if client then
  check(vim.deep_equal(client.config.cmd, cmd), 'the server runs ' .. vim.inspect(client.config.cmd))
  check(vim.lsp.buf_is_attached(first_buf, client.id), 'first.reps is not attached to the server')
  check(vim.lsp.buf_is_attached(second_buf, client.id), 'second.reps is not attached to the server')
  check(not vim.lsp.buf_is_attached(other_buf, client.id), 'notes.md is attached to the reps server')
  check(vim.wait(15000, function() return client.initialized end, 20), 'the server was not initialized')

  local arrived = vim.wait(15000, function() return #vim.diagnostic.get(first_buf) > 0 end, 20)
  check(arrived, 'no diagnostic for first.reps within 15 s')
  local on_line_2 = false
  for _, diagnostic in ipairs(vim.diagnostic.get(first_buf)) do
    if diagnostic.lnum == 1 then on_line_2 = true end
  end
  check(on_line_2, 'no diagnostic on line 2 of first.reps: ' .. vim.inspect(vim.diagnostic.get(first_buf)))

  vim.lsp.stop_client(client.id)
  check(vim.wait(10000, function() return vim.lsp.get_client_by_id(client.id) == nil end, 20),
    'the server did not stop within 10 s')
end

if failures > 0 then
  vim.cmd('cquit 1')
end
io.stdout:write('lsp_test: ok: ' .. table.concat(cmd, ' ') .. '\n')
vim.cmd('qall!')
