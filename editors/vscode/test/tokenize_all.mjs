// Tokenizes Reps files with the extension's TextMate grammar, the way VS Code does (vscode-textmate
// and vscode-oniguruma from npm), and checks:
//  - the grammar loads and every regex in it compiles (a bad one throws while tokenizing);
//  - its reserved words are exactly grammar/keywords.def's, each scoped as a keyword or constant;
//  - every non-blank character of the files given with --clean (examples, stdlib, ok goldens) has
//    a scope of its own and none is `invalid.*`;
//  - every non-blank character of the files given with --any (fail goldens, which hold mistakes on
//    purpose) has a scope of its own (a mistake gets `invalid.*`, never nothing).
// Usage: node tokenize_all.mjs --modules DIR --grammar FILE --keywords FILE
//            --clean FILE... --any FILE...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const options = { clean: [], any: [] };
for (let i = 0, list = null; i < args.length; ++i) {
  if (args[i] === '--clean' || args[i] === '--any') list = options[args[i].slice(2)];
  else if (args[i].startsWith('--')) { options[args[i].slice(2)] = args[++i]; list = null; }
  else if (list) list.push(args[i]);
  else throw new Error(`unexpected argument ${args[i]}`);
}
const require = createRequire(path.join(path.resolve(options.modules), 'node_modules', 'index.js'));
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const grammarText = fs.readFileSync(options.grammar, 'utf8');
const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }),
  loadGrammar: async (scopeName) =>
    scopeName === 'source.reps' ? textmate.parseRawGrammar(grammarText, options.grammar) : null,
});
const grammar = await registry.loadGrammar('source.reps');

let failures = 0;
const fail = (message) => { console.error(`FAIL: ${message}`); ++failures; };

// Each line's tokens as [text, scopes] pairs, the line state carried as VS Code does.
function tokenize(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result = [];
  let state = textmate.INITIAL;
  for (const line of lines) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    result.push(tokens.map((token) => [line.slice(token.startIndex, token.endIndex), token.scopes]));
    state = ruleStack;
  }
  return result;
}

// The reserved words: grammar/keywords.def against the grammar's `keyword` rules.
const reserved = [...fs.readFileSync(options.keywords, 'utf8').matchAll(/^REPS_KEYWORD\(\s*(\w+)\s*\)/gm)]
  .map((match) => match[1]);
if (reserved.length < 50) fail(`read only ${reserved.length} words from ${options.keywords}`);
const rawGrammar = JSON.parse(grammarText);
const inGrammar = rawGrammar.repository.keyword.patterns.flatMap((rule) => {
  const words = /^\\b\(([a-z_|]+)\)\\b$/.exec(rule.match);
  if (!words) { fail(`keyword rule ${rule.match} is not of the form \\b(word|...)\\b`); return []; }
  return words[1].split('|');
});
for (const word of reserved) {
  if (!inGrammar.includes(word)) fail(`keyword '${word}' of keywords.def is not in the grammar's keyword rules`);
}
for (const word of inGrammar) {
  if (!reserved.includes(word)) fail(`the grammar's keyword '${word}' is not in keywords.def`);
  if (inGrammar.indexOf(word) !== inGrammar.lastIndexOf(word)) fail(`keyword '${word}' is listed twice`);
}
for (const word of reserved) {
  const [[text, scopes]] = tokenize(` ${word} `)[0].filter(([t]) => t.trim() !== '');
  const scope = scopes[scopes.length - 1];
  if (text !== word || !/^(keyword|constant\.language)\./.test(scope)) {
    fail(`keyword '${word}' alone on a line is '${text}' scoped ${scopes.join(' ')}`);
  }
}

function checkFile(file, invalidAllowed) {
  let lines;
  try {
    lines = tokenize(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: the grammar failed: ${error.message}`);
    return;
  }
  lines.forEach((tokens, index) => {
    let column = 1;
    for (const [text, scopes] of tokens) {
      const where = `${file}:${index + 1}:${column}`;
      column += text.length;
      if (text.trim() === '') continue;
      if (scopes.length < 2) fail(`${where}: '${text}' has no scope`);
      const invalid = scopes.find((scope) => scope.startsWith('invalid.'));
      if (invalid && !invalidAllowed) fail(`${where}: '${text}' is ${invalid}`);
    }
  });
}
for (const file of options.clean) checkFile(file, false);
for (const file of options.any) checkFile(file, true);

const checked = options.clean.length + options.any.length;
if (checked === 0) fail('no files to tokenize');
if (failures > 0) process.exit(1);
console.log(`tokenize_all: ok: ${reserved.length} keywords, ${checked} files`);
