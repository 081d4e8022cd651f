// Renders lines of a .reps file to a standalone HTML page with shiki and the extension's TextMate
// grammar (the same tokens VS Code shows), for render_screenshot.sh to photograph.
// Usage: node render_screenshot.mjs FILE FIRST_LINE LAST_LINE THEME OUT.html
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHighlighter } from 'shiki';

const [file, first, last, theme, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node render_screenshot.mjs FILE FIRST_LINE LAST_LINE THEME OUT.html');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const grammar = JSON.parse(fs.readFileSync(path.join(here, '..', 'syntaxes', 'reps.tmLanguage.json'), 'utf8'));
const code = fs.readFileSync(file, 'utf8').split('\n').slice(Number(first) - 1, Number(last)).join('\n');

const highlighter = await createHighlighter({ themes: [theme], langs: [{ ...grammar, name: 'reps' }] });
const highlighted = highlighter.codeToHtml(code, { lang: 'reps', theme });
// The page takes the theme's background, so that a window a little larger than the code shows no border.
const background = /background-color:(#[0-9a-fA-F]+)/.exec(highlighted)[1];
fs.writeFileSync(out, `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: ${background}; }
  pre.shiki { margin: 0; padding: 18px 22px;
              font: 15px/1.5 "DejaVu Sans Mono", "Liberation Mono", monospace; }
</style></head><body>${highlighted}</body></html>
`);
