" Reps: `#` comments (gc in commenting plugins and Neovim 0.10+, gq formatting), two-space indents
" as `reps fmt` writes them, and a fold per `{ }` block.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s
setlocal comments=:#
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal foldmethod=marker foldmarker={,}
setlocal foldlevel=99
setlocal iskeyword=a-z,A-Z,48-57,_

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< shiftwidth< softtabstop<'
      \ . ' foldmethod< foldmarker< foldlevel< iskeyword<'
