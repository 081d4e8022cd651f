" Reps: `#` comments (gc in commenting plugins and Neovim 0.10+, gq formatting), two-space indents
" as `reps fmt` writes them, and a fold per `{ }` block (autoload/reps.vim: a brace in a string or
" a comment opens and closes nothing, where foldmethod=marker counted every one).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s
setlocal comments=:#
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal foldmethod=expr foldexpr=reps#foldexpr(v:lnum)
setlocal foldlevel=99
setlocal iskeyword=a-z,A-Z,48-57,_

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< shiftwidth< softtabstop<'
      \ . ' foldmethod< foldexpr< foldlevel< iskeyword<'
