-- Run by nvim_test.sh in `nvim --headless -u NONE` with editors/nvim first on the runtimepath.
-- Checks, in a real Neovim: *.reps gets filetype reps and the ftplugin's commentstring; the syntax
-- gives a keyword, a comment, a duration, a mass, a load and a string their groups in an example;
-- every word of grammar/keywords.def is highlighted as a keyword (so the lists cannot drift); and
-- reps.lsp starts `reps lsp` once and attaches every reps buffer to it.
local source_dir = assert(os.getenv('REPS_SOURCE_DIR'), 'REPS_SOURCE_DIR is not set')
local failures = 0
local function check(ok, message)
  if not ok then
    failures = failures + 1
    io.stderr:write('FAIL: ' .. message .. '\n')
  end
end

-- The syntax group at the first occurrence of `text` (after `after`) outside whole-line comments.
local function group_of(text, after)
  for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local from = (line:match('^%s*#') and text:sub(1, 1) ~= '#') and #line + 1 or 1
    if after and from == 1 then
      local found = line:find(after, 1, true)
      from = found and found + #after or #line + 1
    end
    local column = line:find(text, from, true)
    if column then
      return vim.fn.synIDattr(vim.fn.synID(number, column, 1), 'name'), number, column
    end
  end
  return nil
end
local function expect_group(text, group, after)
  local actual, line, column = group_of(text, after)
  check(actual == group, string.format("'%s' (line %s, column %s) is in syntax group '%s', expected '%s'",
    text, tostring(line), tostring(column), tostring(actual), group))
end

-- Filetype, ftplugin and syntax on an example.
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/examples/runners.reps'))
check(vim.bo.filetype == 'reps', "examples/runners.reps has filetype '" .. vim.bo.filetype .. "', expected 'reps'")
check(vim.bo.commentstring == '# %s', "commentstring is '" .. vim.bo.commentstring .. "', expected '# %s'")
check(vim.b.current_syntax == 'reps', 'the reps syntax is not loaded')
expect_group('workout', 'repsDeclaration')
expect_group('total_body', 'repsDeclared')
expect_group('# The SPEC', 'repsComment')
expect_group('defaults', 'repsStatement')
expect_group('60s', 'repsDuration')
expect_group('5min', 'repsDuration')
expect_group('"Total Body', 'repsString')
expect_group('@16kg', 'repsLoad')
expect_group('@2x10kg', 'repsLoad')
expect_group('3x12', 'repsSets')
expect_group('12', 'repsAmount', '3x')
expect_group('or', 'repsAlternative', '@2x10kg ')
expect_group('tabata', 'repsBlock')
expect_group('goblet_squat', '')

-- A program: dates, times of day, weekdays.
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/examples/runner_program.reps'))
expect_group('2026-12-01', 'repsDate')
expect_group('tue', 'repsWeekday')
expect_group('06:30', 'repsTime')
expect_group('2x8', 'repsSets')
expect_group('->', 'repsArrow')

-- Every reserved word of grammar/keywords.def, each alone on a line.
local words = {}
for line in io.lines(source_dir .. '/grammar/keywords.def') do
  local word = line:match('^REPS_KEYWORD%(%s*([%w_]+)%s*%)')
  if word then table.insert(words, word) end
end
check(#words >= 50, 'read only ' .. #words .. ' words from grammar/keywords.def')
vim.cmd('enew')
vim.bo.filetype = 'reps'
vim.api.nvim_buf_set_lines(0, 0, -1, false, words)
local keyword_groups = { repsDeclaration = true, repsField = true, repsBlock = true, repsAlternative = true,
  repsModifier = true, repsStatement = true, repsConstant = true, repsEffort = true }
for number, word in ipairs(words) do
  local group = vim.fn.synIDattr(vim.fn.synID(number, 1, 1), 'name')
  check(keyword_groups[group], "keyword '" .. word .. "' is in syntax group '" .. group .. "'")
end

-- reps.lsp: one server (`reps lsp`) for all reps buffers, each attached to it. start_client is
-- replaced by a recorder, so that this checks the setup, not a server.
local started, attached = {}, {}
vim.lsp.start_client = function(config)
  table.insert(started, config)
  return 42
end
vim.lsp.get_client_by_id = function(id) return id == 42 and #started > 0 and {} or nil end
vim.lsp.buf_attach_client = function(bufnr, id)
  table.insert(attached, { bufnr, id })
  return true
end
vim.fn.executable = function(name) return name == 'reps' and 1 or 0 end
require('reps.lsp').setup()
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/examples/core.reps'))
local core = vim.api.nvim_get_current_buf()
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/examples/hiit20.reps'))
local hiit = vim.api.nvim_get_current_buf()
check(#started == 1, 'reps.lsp started ' .. #started .. ' servers, expected 1')
check(started[1] and vim.deep_equal(started[1].cmd, { 'reps', 'lsp' }),
  'reps.lsp started ' .. vim.inspect(started[1] and started[1].cmd) .. ", expected { 'reps', 'lsp' }")
local attached_to = {}
for _, pair in ipairs(attached) do
  check(pair[2] == 42, 'a buffer was attached to client ' .. tostring(pair[2]))
  attached_to[pair[1]] = true
end
check(attached_to[core] and attached_to[hiit], 'not every reps buffer was attached: ' .. vim.inspect(attached))
local before = #attached
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/README.md'))
check(#attached == before, 'a markdown buffer was attached to the reps server')

if failures > 0 then
  vim.cmd('cquit 1')
end
io.stdout:write('nvim_test: ok (' .. #words .. ' keywords)\n')
vim.cmd('qall!')
