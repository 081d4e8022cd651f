" .reps files are Reps workouts.
autocmd BufRead,BufNewFile *.reps setfiletype reps
