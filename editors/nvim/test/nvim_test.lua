-- Run by nvim_test.sh in `nvim --headless -u NONE` with editors/nvim first on the runtimepath.
-- Checks, in a real Neovim: *.reps gets filetype reps and the ftplugin's commentstring; the syntax
-- gives a keyword, a comment, a duration, a mass, a load and a string their groups in an example;
-- folds follow the code's braces, not those in strings and comments (braces.reps); and every
-- word of grammar/keywords.def is highlighted as a keyword (so the lists cannot drift).
-- reps.lsp is tested by lsp_test.lua.
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

-- A warning silenced by a comment.
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/examples/hiit20.reps'))
expect_group('reps: allow', 'repsAllow')
expect_group('W0205', 'repsAllowCode', 'allow ')
expect_group('{  #', 'repsDelimiter')

-- A program: dates, times of day, weekdays.
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/examples/runner_program.reps'))
expect_group('2026-12-01', 'repsDate')
expect_group('tue', 'repsWeekday')
expect_group('06:30', 'repsTime')
expect_group('2x8', 'repsSets')
expect_group('->', 'repsArrow')

-- Folds follow the braces of the code: a brace in a string or a comment opens and closes nothing
-- (foldmethod=marker counted them all). Each line's fold level, as foldlevel() gives it.
vim.cmd('edit ' .. vim.fn.fnameescape(source_dir .. '/editors/nvim/test/braces.reps'))
check(vim.wo.foldmethod == 'expr', "foldmethod is '" .. vim.wo.foldmethod .. "', expected 'expr'")
local function fold_levels()
  local levels = {}
  for number = 1, vim.fn.line('$') do levels[number] = vim.fn.foldlevel(number) end
  return table.concat(levels, ' ')
end
local expected_levels = '0 1 1 1 2 2 2 2 1 1 0 0'
check(fold_levels() == expected_levels, 'braces.reps has fold levels ' .. fold_levels() .. ', expected ' .. expected_levels)
vim.cmd('normal! zM')
check(vim.fn.foldclosed(5) == 2 and vim.fn.foldclosedend(5) == 10,
  string.format('the workout folds lines %d-%d, expected 2-10', vim.fn.foldclosed(5), vim.fn.foldclosedend(5)))
-- Edited, the folds follow: a string's brace stays out, a real one counts.
vim.api.nvim_buf_set_lines(0, 2, 3, false, { '  note "{ { {"' })
check(fold_levels() == expected_levels, 'after an edit to a string, fold levels ' .. fold_levels())
vim.api.nvim_buf_set_lines(0, 8, 9, false, { '  goblet_squat 3x12 {' })
local opened_levels = '0 1 1 1 2 2 2 2 2 2 1 1'
check(fold_levels() == opened_levels, 'after a real { is typed, fold levels ' .. fold_levels() .. ', expected ' .. opened_levels)
vim.cmd('bwipeout!')

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

if failures > 0 then
  vim.cmd('cquit 1')
end
io.stdout:write('nvim_test: ok (' .. #words .. ' keywords)\n')
vim.cmd('qall!')
