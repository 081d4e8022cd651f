// Expands every snippet of snippets/reps.json with its default text (a placeholder's default, a
// choice's first option, tab stops empty, tabs as two spaces) into a file of DIR that `reps check`
// can read: declaration snippets (workout, exercise, program) at the top level, together, since
// the program's session names the workout snippet's workout; the others inside a workout.
// Usage: node expand_snippets.mjs SNIPPETS_JSON DIR  (prints the files it wrote)
import fs from 'node:fs';
import path from 'node:path';

const [snippetsFile, directory] = process.argv.slice(2);
const snippets = JSON.parse(fs.readFileSync(snippetsFile, 'utf8'));

function expand(body) {
  let text = body.join('\n').replace(/\t/g, '  ');
  // Innermost first, until no placeholder is left: ${1:default}, ${1|a,b|}, ${1}, $1.
  for (let before = null; before !== text;) {
    before = text;
    text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+\}/g, '').replace(/\$\d+/g, '');
  }
  if (text.includes('$')) throw new Error(`a placeholder is left in: ${text}`);
  return text;
}

const topLevel = ['workout', 'exercise', 'program'];
for (const name of topLevel) {
  if (!snippets[name]) throw new Error(`no ${name} snippet`);
}
const declarations = topLevel.map((name) => expand(snippets[name].body)).join('\n\n') + '\n';
fs.writeFileSync(path.join(directory, 'declarations.reps'), declarations);
console.log(path.join(directory, 'declarations.reps'));
for (const [name, snippet] of Object.entries(snippets)) {
  if (topLevel.includes(name)) continue;
  const body = expand(snippet.body).split('\n').map((line) => `  ${line}`).join('\n');
  const file = path.join(directory, `${name}.reps`);
  fs.writeFileSync(file, `workout snippet_${name} "Snippet ${name}" {\n${body}\n}\n`);
  console.log(file);
}
