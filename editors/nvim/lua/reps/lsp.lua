-- Starts the Reps language server (`reps lsp`, LSP 3.17 on stdin/stdout) for buffers of
-- filetype reps and attaches them to it: one server per Neovim session, shared by every .reps
-- buffer. Uses vim.lsp.start_client and buf_attach_client, which Neovim 0.7 (Debian 12) has
-- and later versions keep.
--
--   require('reps.lsp').setup()                                  -- `reps` on PATH
--   require('reps.lsp').setup({ cmd = { '/path/to/reps', 'lsp' }, on_attach = my_on_attach })
local M = {}

M.config = { name = 'reps', cmd = { 'reps', 'lsp' } }

local client_id = nil

-- Attaches buffer `bufnr` to the server, starting the server first if none runs.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
    if vim.fn.executable(M.config.cmd[1]) ~= 1 then
      vim.notify('reps.lsp: ' .. M.config.cmd[1] .. ' is not an executable program; set cmd in setup()',
        vim.log.levels.WARN)
      return nil
    end
    client_id = vim.lsp.start_client({
      name = M.config.name,
      cmd = M.config.cmd,
      root_dir = vim.fn.getcwd(),
      on_attach = M.config.on_attach,
      capabilities = M.config.capabilities,
    })
    if client_id == nil then
      return nil
    end
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

-- Options (all optional): cmd, name, on_attach, capabilities, as for vim.lsp.start_client.
function M.setup(options)
  M.config = vim.tbl_extend('force', M.config, options or {})
  local group = vim.api.nvim_create_augroup('reps_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'reps',
    callback = function(event) M.attach(event.buf) end,
  })
  -- Buffers opened before setup() ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == 'reps' then
      M.attach(bufnr)
    end
  end
end

return M
