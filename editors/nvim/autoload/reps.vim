" Folding for Reps: a fold per `{ }` block, from the line of its `{` to the line of its `}`.
" Only braces of the code count: a string ("{", with the escapes \" and \\) or a comment (# to the
" line's end) may hold any. A string never spans lines in Reps, so each line is read on its own,
" with nothing carried from the lines above: evaluating the expression again after an edit stays
" cheap, and an unclosed string cannot swallow the rest of the file.

" The braces of line `lnum` outside strings and comments: [opened, closed].
function! s:braces(lnum) abort
  " Strings first, so that a '#' inside one starts no comment; an unclosed one runs to the line's
  " end, as the parser reads it (an error there).
  let code = substitute(getline(a:lnum), '"\%([^"\\]\|\\.\)*\%("\|$\)', '', 'g')
  let code = substitute(code, '#.*', '', '')
  return [count(code, '{'), count(code, '}')]
endfunction

" 'foldexpr': a line that opens more blocks than it closes starts as many folds (a1), one that
" closes more ends as many after itself (s1), like foldmethod=marker with the markers { and };
" a line that opens and closes the same number (`warmup { easy_cardio 5min }`) changes nothing.
function! reps#foldexpr(lnum) abort
  let [opened, closed] = s:braces(a:lnum)
  if opened > closed
    return 'a' . (opened - closed)
  elseif closed > opened
    return 's' . (closed - opened)
  endif
  return '='
endfunction
