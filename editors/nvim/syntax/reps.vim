" Vim syntax file for Reps, the workout language (SPEC sections 1-4 and 7).
" The keyword lists are exactly grammar/keywords.def (the headless test checks every word).
if exists('b:current_syntax')
  finish
endif

syntax case match
syntax iskeyword a-z,A-Z,48-57,_

" A name with an upper-case letter is an error (names are [a-z][a-z0-9_]*). Defined first, so
" that every item below wins over it.
syntax match repsBadName "\<\w*[A-Z]\w*\>"

syntax match repsNumber "\<\d\+\%(\.\d\+\)\=\>"
syntax match repsRange "\<\d\+-\d\+\>"
syntax match repsAtLeast "\<\d\++"
syntax match repsDuration "\<\%(\d\+:[0-5]\d\|\d\+h\%(\d\+min\)\=\%(\d\+s\)\=\|\d\+min\%(\d\+s\)\=\|\d\+s\)\>"
syntax match repsMass "\<\d\+\%(\.\d\+\)\=\%(kg\|lb\)\>"
syntax match repsDate "\<\d\{4}-\d\d-\d\d\>"
" A time of day follows a weekday; elsewhere m:ss is a duration.
syntax match repsTime "\%(\<\%(mon\|tue\|wed\|thu\|fri\|sat\|sun\)\s\+\)\@<=\d\{1,2}:\d\d\>"
" SETSx before an amount: 3x12, 3x8-12, 3x30s, 4x5+; and `intervals 8 x 20s`.
syntax match repsSets "\<\d\+\s*x\ze\s*\d" contains=repsTimes
syntax match repsTimes "x" contained
syntax match repsAmount "\%(\d\s*x\s*\)\@<=\%(\d\+:[0-5]\d\|\d\+h\%(\d\+min\)\=\%(\d\+s\)\=\|\d\+min\%(\d\+s\)\=\|\d\+s\|\d\+-\d\+\|\d\++\=\)"
" Loads: @16kg, @2x10kg, @bw, @bw+10kg, @70%, @rpe 8, @rir 2.
syntax match repsLoad "@\%(bw\%(+\d\+\%(\.\d\+\)\=\%(kg\|lb\)\)\=\|\d\+x\d\+\%(\.\d\+\)\=\%(kg\|lb\)\|\d\+\%(\.\d\+\)\=\%(kg\|lb\|%\)\|\%(rpe\|rir\)\s*\d\+\%(\.\d\+\)\=\)\="
syntax match repsTempo "\%(\<tempo\s\+\)\@<=\%(\d\+\|x\)-\%(\d\+\|x\)-\%(\d\+\|x\)-\%(\d\+\|x\)\>"
syntax match repsArrow "->"
syntax match repsOperator "[|+/]"
syntax match repsDelimiter "[{}(),;]"

syntax keyword repsDeclaration import region muscle exercise profile workout program
syntax keyword repsField in equipment loadable pair aka pattern primary secondary sides measure rep easier harder fit
syntax keyword repsBlock warmup cooldown superset circuit intervals tabata emom amrap rounds on off
syntax keyword repsAlternative or
syntax keyword repsModifier each alt rest tempo hold step
syntax keyword repsStatement defaults transition switch focus note start weeks timezone run
syntax keyword repsConstant both reps time none full_body easy hard
syntax keyword repsEffort bw rpe rir
syntax keyword repsWeekday mon tue wed thu fri sat sun

" The name a declaration declares.
syntax match repsDeclared "\%(\<\%(workout\|program\|exercise\|profile\|region\|muscle\)\s\+\)\@<=\l\w*"
syntax match repsDeclared "\%(^equipment\s\+\)\@<=\l\w*"

syntax match repsBadEscape +\\.\=+ contained
syntax match repsEscape +\\["\\n]+ contained
syntax region repsString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=repsEscape,repsBadEscape
" `# reps: allow W0205, W0201` silences those warnings on its line (compiler/lint).
syntax match repsAllow "\%(#\s\)\@<=reps: allow\ze [EW]\d\{4}" contained
syntax match repsAllowCode "\%(reps: allow\%([ \t,]\+[EW]\d\{4}\)*[ \t,]\+\)\@<=[EW]\d\{4}\>" contained
syntax match repsComment "#.*$" contains=repsAllow,repsAllowCode,@Spell

highlight default link repsComment Comment
highlight default link repsAllow PreProc
highlight default link repsAllowCode Constant
highlight default link repsString String
highlight default link repsEscape SpecialChar
highlight default link repsBadEscape Error
highlight default link repsBadName Error
highlight default link repsNumber Number
highlight default link repsRange Number
highlight default link repsAtLeast Number
highlight default link repsAmount Number
highlight default link repsSets Number
highlight default link repsTimes Operator
highlight default link repsDuration Number
highlight default link repsMass Number
highlight default link repsDate Constant
highlight default link repsTime Constant
highlight default link repsLoad Special
highlight default link repsTempo Number
highlight default link repsArrow Operator
highlight default link repsOperator Operator
highlight default link repsDelimiter Delimiter
highlight default link repsDeclaration Structure
highlight default link repsDeclared Identifier
highlight default link repsField Keyword
highlight default link repsBlock Repeat
highlight default link repsAlternative Conditional
highlight default link repsModifier Keyword
highlight default link repsStatement Statement
highlight default link repsConstant Constant
highlight default link repsEffort Special
highlight default link repsWeekday Constant

let b:current_syntax = 'reps'
