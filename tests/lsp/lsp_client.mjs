// Drives `reps lsp` with vscode-jsonrpc (the protocol library of VS Code's language client) over
// stdio, as an editor does, and checks every feature the server advertises. Prints "ok" lines;
// exits 1 on the first failed check.
// Usage: node lsp_client.mjs --modules DIR REPS WORKDIR
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const modules = args[args.indexOf('--modules') + 1];
const [reps, work] = args.filter((a, i) => a !== '--modules' && args[i - 1] !== '--modules');
const require = createRequire(path.join(modules, 'node_modules', 'x.js'));
const rpc = require('vscode-jsonrpc/node');

let failures = 0;
function check(condition, what, detail) {
  if (condition) { console.log(`ok: ${what}`); return; }
  console.log(`FAIL: ${what}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`);
  failures++;
}
function timeout(ms, what) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms));
}

const server = spawn(reps, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout),
                                               new rpc.StreamMessageWriter(server.stdin));
const published = new Map();  // uri -> list of diagnostics lists, in order
const waiters = [];
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (!published.has(params.uri)) published.set(params.uri, []);
  published.get(params.uri).push(params.diagnostics);
  for (const waiter of waiters.splice(0)) waiter();
});
connection.listen();
// The next publication for `uri` that satisfies `test`.
async function diagnosticsFor(uri, test = () => true) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const lists = published.get(uri) || [];
    if (lists.length && test(lists[lists.length - 1])) return lists[lists.length - 1];
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}: ${JSON.stringify(lists)}`);
    await Promise.race([new Promise((resolve) => waiters.push(resolve)), new Promise((r) => setTimeout(r, 200))]);
  }
}

const libPath = path.join(work, 'lib.reps');
const mainPath = path.join(work, 'main.reps');
const libText = 'exercise towel_hold "Towel Hold" {\n  primary quads\n  measure time\n}\n';
// "Übung" and an emoji before the mistake: LSP columns count UTF-16 code units.
const mainText = 'import "lib.reps"\nworkout legs "Beine 💪 Übung" {\n  goblet_sqat 3x12 "Übung 💪"\n  towel_hold 2x45s\n}\n';
writeFileSync(libPath, libText);
writeFileSync(mainPath, mainText);
const lib = pathToFileURL(libPath).href;
const main = pathToFileURL(mainPath).href;

try {
  // The completion profile comes from initializationOptions (the completion checks below).
  const init = await Promise.race([connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {},
                                                                          initializationOptions: { profile: 'home' } }),
                                   timeout(10000, 'initialize')]);
  const caps = init.capabilities;
  check(caps.textDocumentSync && caps.textDocumentSync.change === 2, 'initialize: incremental sync', caps);
  connection.sendNotification('initialized', {});

  // Diagnostics, as `reps check --diagnostics json` gives them.
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: main, languageId: 'reps', version: 1, text: mainText } });
  let diagnostics = await diagnosticsFor(main);
  const cli = JSON.parse(spawnSync(reps, ['check', mainPath, '--diagnostics', 'json'], { encoding: 'utf8' }).stderr).diagnostics;
  check(diagnostics.length === 1 && cli.length === 1 && diagnostics[0].message === cli[0].message,
        'didOpen: the diagnostics of reps check, message for message', { diagnostics, cli });
  const d = diagnostics[0];
  check(d.code === 'E0102' && d.severity === 1, 'diagnostic: code and severity', d);
  check(d.range.start.line === 2 && d.range.start.character === 2 && d.range.end.character === 13, 'diagnostic: range', d.range);
  check(d.codeDescription && readFileSync(new URL(d.codeDescription.href), 'utf8').startsWith('E0102 (error): unknown exercise'),
        'diagnostic: codeDescription links to the explanation', d.codeDescription);
  check(d.relatedInformation && d.relatedInformation.some((r) => r.message === "help: did you mean 'goblet_squat'?"), 'diagnostic: help as related information', d);

  // An edit in the imported file (not saved) re-checks its importer: renaming towel_hold there
  // makes main's use of it unknown.
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: lib, languageId: 'reps', version: 1, text: libText } });
  await diagnosticsFor(lib, (list) => list.length === 0);
  connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: lib, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 19 } }, text: 'towel_grip' }],
  });
  diagnostics = await diagnosticsFor(main, (list) => list.length === 2);
  check(diagnostics[1].message === "unknown exercise 'towel_hold'", 'an edit in an imported file re-checks its importer', diagnostics);

  // Incremental edits after the emoji and the "Ü": fix the typo (UTF-16 columns on line 3 are
  // plain ASCII before it; the edit on line 2 lands after "💪 Ü").
  connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: main, version: 2 },
    contentChanges: [
      { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } }, text: 'goblet_squat' },
      { range: { start: { line: 1, character: 25 }, end: { line: 1, character: 26 } }, text: 'X' },
    ],
  });
  diagnostics = await diagnosticsFor(main, (list) => list.length === 1);
  check(diagnostics[0].message === "unknown exercise 'towel_hold'", 'incremental sync: the typo fixed', diagnostics);
  connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: lib, version: 3 },
    contentChanges: [{ text: libText }],
  });
  diagnostics = await diagnosticsFor(main, (list) => list.every((x) => x.severity === 2));
  check(diagnostics.map((x) => x.code).join() === 'W0201,W0205', 'full-text sync: the import restored, the lints run', diagnostics);

  // A file without errors, for the features that need timing.
  const timedPath = path.join(work, 'timed.reps');
  const timedText = 'workout legs "Legs" {\n  goblet_squat 3x12 rest 60s\n  plank 2x30s\n}\nprogram plan "Plan" {\n  start 2027-01-04\n  weeks 2\n  mon 18:00 legs\n}\n';
  writeFileSync(timedPath, timedText);
  const timed = pathToFileURL(timedPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: timed, languageId: 'reps', version: 1, text: timedText } });
  await diagnosticsFor(timed);
  const at = (line, character) => ({ textDocument: { uri: timed }, position: { line, character } });

  // Hover.
  let hover = await connection.sendRequest('textDocument/hover', at(1, 4));
  check(hover && hover.contents.value.includes('**Kettlebell Goblet Squat** `goblet_squat`') && hover.contents.value.includes('- rep time: 3 s'),
        'hover on an exercise: its catalog entry', hover);
  hover = await connection.sendRequest('textDocument/hover', at(2, 4));
  check(hover && hover.contents.value.includes('- equipment: none'), 'hover on a bodyweight exercise: its equipment as the catalog writes it', hover);
  hover = await connection.sendRequest('textDocument/hover', at(1, 17));
  check(hover && hover.contents.value.includes('`3 x 12 reps x 3 s + 2 x 60 s rest = 3:48`'), 'hover on a prescription: how SPEC 6 got its length', hover);
  hover = await connection.sendRequest('textDocument/hover', at(7, 12));
  check(hover && hover.contents.value.includes('6:18 in total'), 'hover on a workout name: its length', hover);
  hover = await connection.sendRequest('textDocument/hover', at(4, 9));
  check(hover && hover.contents.value === '**Plan** `plan`', "hover on a program's name: its title", hover);

  // Inlay hints: the clock at each block, the workout's total.
  const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: timed }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
  check(JSON.stringify(hints.map((h) => [h.position.line, h.position.character, h.label])) === JSON.stringify([[1, 2, '0:00'], [2, 2, '4:18'], [0, 12, '= 6:18']]),
        'inlay hints: block clocks and the total', hints);

  // Go to definition: a stdlib exercise opens the stdlib's read-only copy at its declaration.
  let definition = await connection.sendRequest('textDocument/definition', at(1, 4));
  const stdlibLine = definition && readFileSync(new URL(definition.uri), 'utf8').split('\n')[definition.range.start.line];
  check(definition && stdlibLine.includes('exercise goblet_squat'), 'definition: a stdlib exercise, in a file the editor can open', definition);
  definition = await connection.sendRequest('textDocument/definition', at(7, 12));
  check(definition && definition.uri === timed && definition.range.start.line === 0 && definition.range.start.character === 8,
        'definition: a workout named by a program', definition);
  definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: main }, position: { line: 3, character: 4 } });
  check(definition && definition.uri === lib && definition.range.start.line === 0, 'definition: an exercise of an imported file', definition);
  definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: main }, position: { line: 0, character: 10 } });
  check(definition && definition.uri === lib && definition.range.start.line === 0 && definition.range.start.character === 0,
        "definition: an import's path, the start of the file", definition);

  // References across the open files (declaration included).
  const references = await connection.sendRequest('textDocument/references', { textDocument: { uri: lib }, position: { line: 0, character: 12 }, context: { includeDeclaration: true } });
  check(JSON.stringify(references.map((r) => [r.uri === main ? 'main' : r.uri === lib ? 'lib' : r.uri, r.range.start.line]).sort()) === JSON.stringify([['lib', 0], ['main', 3]]),
        'references: the declaration and its use in the importer', references);

  // Document symbols: the workout with its exercises, the program.
  const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: timed } });
  check(symbols.map((x) => x.name).join() === 'legs,plan' && symbols[0].children.map((x) => x.name).join() === 'goblet_squat,plank',
        'document symbols: workouts, their exercises, programs', symbols);
  const corePath = path.join(work, 'core.reps');
  writeFileSync(corePath, readFileSync(new URL('../../examples/core.reps', import.meta.url), 'utf8'));
  const core = pathToFileURL(corePath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: core, languageId: 'reps', version: 1, text: readFileSync(corePath, 'utf8') } });
  const outline = (await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: core } }))[0].children;
  const superset = outline.find((x) => x.name === 'superset');
  check(outline[0].name === 'warmup' && outline[0].children.length === 4 && superset && superset.children.map((x) => x.name).join() === 'pallof_press,hollow_rock,reverse_crunch',
        'document symbols: the blocks of a workout and their exercises', outline.map((x) => x.name));
  const found = await connection.sendRequest('workspace/symbol', { query: 'towel' });
  check(found.length === 1 && found[0].location.uri === lib, 'workspace symbols: declarations of the open files', found);

  // Formatting: the text `reps fmt` writes.
  const messyPath = path.join(work, 'messy.reps');
  const messyText = 'workout   w "W"{\n    plank 3x30s\n  dead_bug 2x8   each\n}\n';
  writeFileSync(messyPath, messyText);
  const messy = pathToFileURL(messyPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: messy, languageId: 'reps', version: 1, text: messyText } });
  const edits = await connection.sendRequest('textDocument/formatting', { textDocument: { uri: messy }, options: { tabSize: 2, insertSpaces: true } });
  spawnSync(reps, ['fmt', messyPath]);
  check(edits.length === 1 && edits[0].newText === readFileSync(messyPath, 'utf8') && edits[0].newText !== messyText,
        'formatting: the text of reps fmt', edits);

  // Code action: the "did you mean" of an unknown exercise.
  const typoPath = path.join(work, 'typo.reps');
  const typoText = 'workout w "W" {\n  goblet_sqat 3x12\n}\n';
  writeFileSync(typoPath, typoText);
  const typo = pathToFileURL(typoPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: typo, languageId: 'reps', version: 1, text: typoText } });
  const actions = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: typo }, range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, context: { diagnostics: [] } });
  const change = actions.length === 1 && actions[0].edit.changes[typo][0];
  check(change && change.newText === 'goblet_squat' && change.range.start.character === 2 && change.range.end.character === 13,
        'code action: did you mean', actions);
  // Several names suggested: a quick fix for each, the first preferred.
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: typo, version: 2 }, contentChanges: [{ text: 'workout w "W" {\n  chest_press 3x12\n}\n' }] });
  const several = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: typo }, range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, context: { diagnostics: [] } });
  check(several.length >= 2 && several.every((a) => a.edit.changes[typo][0].range.start.character === 2) &&
        several[0].isPreferred === true && several.slice(1).every((a) => a.isPreferred === false) &&
        new Set(several.map((a) => a.edit.changes[typo][0].newText)).size === several.length,
        'code actions: one per name a "did you mean" suggests', several);
  // A name written as a string (an unknown time zone, E0407) keeps its quotes.
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: typo, version: 3 }, contentChanges: [{ text: 'workout w "W" {\n  goblet_squat 3x12\n}\nprogram p "P" {\n  start 2026-06-01\n  timezone "berlin"\n  tue 17:30 w\n}\n' }] });
  const zone = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: typo }, range: { start: { line: 5, character: 13 }, end: { line: 5, character: 13 } }, context: { diagnostics: [] } });
  const zoneChange = zone.length >= 1 && zone[0].edit.changes[typo][0];
  check(zoneChange && zoneChange.newText === '"Europe/Berlin"' && zoneChange.range.start.character === 11 && zoneChange.range.end.character === 19,
        'code action: did you mean, for a quoted time zone, keeps the quotes', zone);

  // `rets 60s` reads as a rest: the keyword's quick fix first and preferred, once, not also as the
  // diagnostic's fix-it.
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: typo, version: 4 }, contentChanges: [{ text: 'workout w "W" {\n  rets 60s\n}\n' }] });
  const rest = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: typo }, range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, context: { diagnostics: [] } });
  check(rest.length >= 1 && rest[0].isPreferred === true && rest[0].edit.changes[typo].length === 1 &&
        rest[0].edit.changes[typo][0].newText === 'rest' && rest.filter((a) => a.edit.changes[typo][0].newText === 'rest').length === 1,
        'code action: a statement that reads as a misspelt rest', rest);
  // A name written as two words: the join is a quick fix only when it is a name (settled once checked).
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: typo, version: 5 }, contentChanges: [{ text: 'workout w "W" {\n  goblet squat 3x12\n  foo bar 3x12\n}\n' }] });
  const joined = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: typo }, range: { start: { line: 1, character: 0 }, end: { line: 2, character: 14 } }, context: { diagnostics: [] } });
  check(joined.length === 1 && joined[0].edit.changes[typo][0].newText === 'goblet_squat' && joined[0].edit.changes[typo][0].range.start.line === 1,
        'code action: a name written as two words, joined into a name only', joined);

  // Code actions: a syntax fix-it after multibyte text (UTF-16 columns), and `each` for W0101.
  const fixPath = path.join(work, 'fix.reps');
  const fixText = 'workout legs "Größe" {\n  goblet_squat 3x12 "Größe ü" @16\n}\n';
  writeFileSync(fixPath, fixText);
  const fix = pathToFileURL(fixPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fix, languageId: 'reps', version: 1, text: fixText } });
  let fixes = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: fix }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 40 } }, context: { diagnostics: [] } });
  let edit = fixes.length === 1 && fixes[0].edit.changes[fix][0];
  check(edit && edit.newText === '16kg' && edit.range.start.character === 31 && edit.range.end.character === 33, 'code action: a syntax fix-it', fixes);
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: fix, version: 2 }, contentChanges: [{ text: 'workout legs "Legs" {\n  bird_dog 2x8 "slow"\n}\n' }] });
  fixes = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: fix }, range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, context: { diagnostics: [] } });
  edit = fixes.length === 1 && fixes[0].edit.changes[fix][0];
  check(edit && edit.newText === ' each' && edit.range.start.line === 1 && edit.range.start.character === 14, "code action: add 'each' (W0101)", fixes);

  // Rename a user-declared exercise across the open files; a stdlib name is refused.
  const renamed = await connection.sendRequest('textDocument/rename', { textDocument: { uri: main }, position: { line: 3, character: 4 }, newName: 'towel_squeeze' });
  check(renamed.changes[lib] && renamed.changes[lib].length === 1 && renamed.changes[main] && renamed.changes[main].length === 1 &&
        renamed.changes[main][0].newText === 'towel_squeeze', 'rename: the declaration and its uses in the open files', renamed);
  let refused = null;
  try { await connection.sendRequest('textDocument/rename', { textDocument: { uri: timed }, position: at(1, 4).position, newName: 'x' }); } catch (error) { refused = error; }
  check(refused && refused.message.includes("stdlib"), 'rename: a stdlib name is refused', refused && refused.message);
  // A new name the stdlib declares (a name or an alias) would make its other uses mean the user's.
  for (const newName of ['goblet_squat', 'kettlebell_goblet_squat']) {
    refused = null;
    try { await connection.sendRequest('textDocument/rename', { textDocument: { uri: main }, position: { line: 3, character: 4 }, newName }); } catch (error) { refused = error; }
    check(refused && refused.message.includes(`'${newName}' is already an exercise or alias of the stdlib (stdlib/exercises_legs.reps:`),
          `rename: to the stdlib's '${newName}' is refused`, refused && refused.message);
  }

  // Completion: exercises for the profile a setting names, keywords, units, workouts in a program.
  const compPath = path.join(work, 'completion.reps');
  const compText = 'profile home "Home" { dumbbell }\nworkout w "W" {\n  goblet_squat 3x12\n  plank 30s\n  focus legs\n}\nprogram p "P" {\n  start 2027-01-04\n  mon 18:00 w\n}\n';
  writeFileSync(compPath, compText);
  const comp = pathToFileURL(compPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: comp, languageId: 'reps', version: 1, text: compText } });
  const complete = async (line, character) => {
    const result = await connection.sendRequest('textDocument/completion', { textDocument: { uri: comp }, position: { line, character } });
    return (Array.isArray(result) ? result : result.items);
  };
  let items = await complete(2, 5);
  const goblet = items.find((x) => x.label === 'goblet_squat');
  check(goblet && goblet.detail === 'Kettlebell Goblet Squat' && goblet.documentation.includes('dumbbell') &&
        !items.some((x) => x.label === 'back_squat') && items.some((x) => x.label === 'superset'),
        'completion: exercises the profile of initializationOptions allows, with titles and equipment, and statement keywords', items.length);
  // Only a "profile" key changes the profile: a "reps" section without one (a client sends the
  // section whole, with other keys) left the initializationOptions' profile cleared.
  const allCount = async () => {
    const all = await complete(2, 5);
    return all.some((x) => x.label === 'back_squat');
  };
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: { server: { path: 'reps' } } } });
  check(!(await allCount()), 'settings: a reps section without a profile leaves the one initializationOptions gave', null);
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: {} } });
  check(!(await allCount()), 'settings: an empty reps section leaves the profile', null);
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { other: { x: 1 } } });
  check(!(await allCount()), 'settings: another tool\'s section leaves the profile', null);
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: { profile: null } } });
  check(await allCount(), 'settings: a profile set to null clears it', null);
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: { profile: 'home' } } });
  check(!(await allCount()), 'settings: a profile set by didChangeConfiguration', null);
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: { profile: '' } } });
  check(await allCount(), 'settings: a profile set to "" clears it', null);
  // As a settings editor may leave it (VS Code sends the section as written).
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: { server: {}, profile: ' home ' } } });
  check(!(await allCount()), 'settings: a profile with spaces around it is that profile', null);
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: { profile: '  ' } } });
  check(await allCount(), 'settings: a profile of spaces clears it', null);
  connection.sendNotification('workspace/didChangeConfiguration', { settings: { reps: { profile: 'home' } } });
  // initialize is sent once: a second is refused and changes nothing (it was answered, and its
  // initializationOptions cleared the profile).
  let again = null;
  try {
    await connection.sendRequest('initialize', { processId: process.pid, capabilities: {}, initializationOptions: { profile: '' } });
  } catch (error) { again = error; }
  check(again && again.code === -32600 && again.message.includes('already initialized'),
        'initialize twice: the second is refused with InvalidRequest', again && { code: again.code, message: again.message });
  check(!(await allCount()), 'initialize twice: the second does not initialize again (the profile stays)', null);
  items = await complete(3, 10);
  check(items.some((x) => x.label === '30x') && items.some((x) => x.label === '30min'), 'completion: units after a number', items.map((x) => x.label));
  items = await complete(4, 8);
  check(items.some((x) => x.label === 'legs') && items.some((x) => x.label === 'full_body'), 'completion: regions after focus', items.map((x) => x.label));
  items = await complete(8, 13);
  check(items.some((x) => x.label === 'w' && x.detail === 'workout'), 'completion: workouts in a program', items.map((x) => x.label));
  // Half written (the file does not parse): the workouts come from the text.
  connection.sendNotification('textDocument/didChange', { textDocument: { uri: comp, version: 2 }, contentChanges: [{ range: { start: { line: 8, character: 12 }, end: { line: 8, character: 12 } }, text: '\n  tue 18:00 ' }] });
  items = await complete(9, 12);
  check(items.some((x) => x.label === 'w' && x.detail === 'workout'), 'completion: workouts in a program that does not parse yet', items.map((x) => x.label));

  // After '@' the load words (also at the end of a workout still open); after 'rest ' or 'tempo '
  // a value, so no keyword; a group's line takes 'rounds', then 'rest'; a group holds exercises only.
  const set = async (text) => {
    connection.sendNotification('textDocument/didChange', { textDocument: { uri: comp, version: ++compVersion }, contentChanges: [{ text }] });
    const lines = text.split('\n');
    const result = await connection.sendRequest('textDocument/completion', { textDocument: { uri: comp }, position: { line: lines.length - 1, character: lines[lines.length - 1].length }, context: { triggerKind: 2, triggerCharacter: '@' } });
    return (Array.isArray(result) ? result : result.items).map((x) => x.label);
  };
  let compVersion = 2;
  let labels = await set('workout w "W" {\n  warmup { easy_cardio 5min }\n  goblet_squat 3x12 @');
  check(labels.join() === 'bw,rpe,rir', "completion: after '@' at the end of an open workout, the load words", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 @16');
  check(labels.join() === '16kg,16lb,16x,16%', "completion: after '@' and a number, a load's units", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 rest ');
  check(labels.length === 0, "completion: nothing after 'rest '", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 tempo ');
  check(labels.length === 0, "completion: nothing after 'tempo '", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 @16kg ');
  check(labels.join() === 'each,alt,rest,tempo,hold,or', 'completion: modifiers after a load', labels);
  // The workout is still open at the end of the file: its exercises have their hover all the same.
  hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: comp }, position: { line: 1, character: 4 } });
  check(hover && hover.contents.value.includes('`goblet_squat`'), 'hover on an exercise of a workout left open at the end of the file', hover);
  labels = await set('workout w "W" {\n  superset 3 ');
  check(labels.join() === 'rounds', "completion: 'rounds' after a superset's count", labels);
  labels = await set('workout w "W" {\n  superset 3 rounds {\n    ');
  check(labels.includes('goblet_squat') && !labels.includes('superset') && !labels.includes('rest'), 'completion: a superset holds exercises only', labels.length);
  // Nothing that would be an error or a warning: a key or modifier again (E0206), 'alt' with
  // 'each' (E0204), sides in an intervals entry, rest on a block's entry (W0102).
  labels = await set('workout w "W" {\n  defaults rest 30s ');
  check(labels.join() === 'transition,switch', "completion: a defaults key the statement has is left out", labels);
  labels = await set('workout w "W" {\n  defaults rest 30s switch 5s transition 10s ');
  check(labels.length === 0, 'completion: nothing after every defaults key', labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 each hold 2s "rest each" ');
  check(labels.join() === 'rest,tempo,or', "completion: no modifier the prescription has, no 'alt' after 'each', not fooled by a cue", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 each hold 2s or push_up ');
  check(labels.join() === 'each,alt,rest,tempo,hold,or', "completion: an alternative's own modifiers after 'or'", labels);
  labels = await set('workout w "W" {\n  intervals 4 x 30s on 15s off { push_up ');
  check(labels.join() === 'tempo,hold,or', "completion: no sides nor rest in an intervals entry", labels);
  labels = await set('workout w "W" {\n  superset 3 rounds { push_up 10 ');
  check(labels.join() === 'each,alt,tempo,hold,or', "completion: no rest in a superset's entry", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 @bw+');
  check(labels.length === 0, "completion: after '@bw+' a mass, so no keyword", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 @bw+1');
  check(labels.join() === '1kg,1lb', "completion: after '@bw+' and a number, a mass's units", labels);
  labels = await set('workout w "W" {\n  goblet_squat 3x12 @2x1');
  check(labels.join() === '2x1kg,2x1lb', "completion: a pair's units keep the pair", labels);
  labels = await set('workout w "W" {\n  goblet_squat 2x8 -> ');
  check(labels.length === 0, "completion: nothing after '->'", labels);
  labels = await set('workout w "W" {\n  goblet_squat 2x8 -> 3x12 step ');
  check(labels.length === 0, "completion: nothing after 'step'", labels);

  // A duplicate declaration: the "first declared at" note points at the first one.
  const dupPath = path.join(work, 'dup.reps');
  const dupText = '# Über 💪\nexercise towel_row "Towel Row" {\n  primary lats\n}\nexercise towel_row "Again" {\n  primary lats\n}\n';
  writeFileSync(dupPath, dupText);
  const dup = pathToFileURL(dupPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: dup, languageId: 'reps', version: 1, text: dupText } });
  diagnostics = await diagnosticsFor(dup, (list) => list.some((x) => x.code === 'E0101'));
  const duplicate = diagnostics.find((x) => x.code === 'E0101');
  const note = duplicate.relatedInformation.find((r) => r.message.includes('first declared'));
  check(note && note.location.uri === dup && note.location.range.start.line === 1 && note.location.range.start.character === 9,
        'diagnostic: the "first declared here" note as related information at its place', duplicate);

  // A file that starts with a BOM: the compiler drops it, the editor's line 0 still holds it as one
  // UTF-16 unit. Positions on that line were one unit too far left, sent and received.
  const bomPath = path.join(work, 'bom.reps');
  const bomText = '\uFEFFworkout w "W" { goblet_sqat 3x12; plank 3x30s }\nprogram p "P" {\n  start 2027-01-04\n  mon 18:00 w\n}\n';
  writeFileSync(bomPath, bomText);
  const bom = pathToFileURL(bomPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bom, languageId: 'reps', version: 1, text: bomText } });
  diagnostics = await diagnosticsFor(bom, (list) => list.some((x) => x.code === 'E0102'));
  const bomTypo = diagnostics.find((x) => x.code === 'E0102');
  check(bomTypo.range.start.line === 0 && bomTypo.range.start.character === 17 && bomTypo.range.end.character === 28,
        'BOM: a diagnostic on line 0 counts the BOM', bomTypo.range);
  const bomHover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: bom }, position: { line: 0, character: 35 } });
  check(bomHover && bomHover.contents.value.includes('`plank`') && bomHover.range.start.character === 35 && bomHover.range.end.character === 40,
        'BOM: hover on line 0 at the position the editor sends, with its range', bomHover);
  const bomDefinition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: bom }, position: { line: 3, character: 12 } });
  check(bomDefinition && bomDefinition.range.start.line === 0 && bomDefinition.range.start.character === 9,
        'BOM: a definition on line 0 counts the BOM', bomDefinition);
  const bomOpenPath = path.join(work, 'bom_open.reps');
  const bomOpenText = '\uFEFFworkout w "W" {\n  ';
  const bomOpen = pathToFileURL(bomOpenPath).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bomOpen, languageId: 'reps', version: 1, text: bomOpenText } });
  const bomCompletion = await connection.sendRequest('textDocument/completion', { textDocument: { uri: bomOpen }, position: { line: 1, character: 2 } });
  const bomLabels = (Array.isArray(bomCompletion) ? bomCompletion : bomCompletion.items).map((x) => x.label);
  check(bomLabels.includes('superset') && bomLabels.includes('warmup') && !bomLabels.includes('program'),
        'BOM: completion in a workout declared on line 0 offers what goes in a workout', bomLabels.length);

  // Two unsaved buffers that are no files are checked apart.
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'reps', version: 1, text: 'workout a "A" {\n  plonk 3x30s\n}\n' } });
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-2', languageId: 'reps', version: 1, text: 'workout b "B" {\n  plank 3x30s\n}\n' } });
  const first = await diagnosticsFor('untitled:Untitled-1');
  const second = await diagnosticsFor('untitled:Untitled-2');
  check(first.some((x) => x.message === "unknown exercise 'plonk'") && !second.some((x) => x.severity === 1),
        'untitled buffers: each checked from its own text', { first, second });
  // Navigation in an untitled buffer names the buffer, not the made-up path it is checked under
  // (a rename used to edit file:///…/untitled-HASH.reps, which does not exist).
  const untitled = 'untitled:Untitled-3';
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'reps', version: 1,
    text: 'exercise my_x "X" {\n  primary chest\n}\nworkout w "W" {\n  my_x 10\n}\n' } });
  await diagnosticsFor(untitled);
  const untitledDefinition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: untitled }, position: { line: 4, character: 3 } });
  const untitledLocation = Array.isArray(untitledDefinition) ? untitledDefinition[0] : untitledDefinition;
  check(untitledLocation && untitledLocation.uri === untitled && untitledLocation.range.start.line === 0,
        'untitled buffer: go to definition stays in the buffer', untitledDefinition);
  const untitledRename = await connection.sendRequest('textDocument/rename', { textDocument: { uri: untitled }, position: { line: 4, character: 3 }, newName: 'my_y' });
  const renamedUris = Object.keys((untitledRename && untitledRename.changes) || {});
  check(renamedUris.length === 1 && renamedUris[0] === untitled && untitledRename.changes[untitled].length === 2,
        'untitled buffer: a rename edits the buffer itself', untitledRename);

  // A project opened through a linked directory: each place once, under one URI (a review found
  // the main file's places under the link and its imports' under the resolved path, twice each).
  const realDir = path.join(work, 'real-project');
  mkdirSync(realDir, { recursive: true });
  writeFileSync(path.join(realDir, 'lib.reps'), 'exercise my_x "X" {\n  primary chest\n}\n');
  const linkedMainText = 'import "lib.reps"\nworkout w "W" {\n  warmup { easy_cardio 5min }\n  my_x 10\n}\n';
  writeFileSync(path.join(realDir, 'main.reps'), linkedMainText);
  symlinkSync(realDir, path.join(work, 'linked-project'));
  const linkedMain = pathToFileURL(path.join(work, 'linked-project', 'main.reps')).href;
  const linkedLib = pathToFileURL(path.join(work, 'linked-project', 'lib.reps')).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: linkedMain, languageId: 'reps', version: 1, text: linkedMainText } });
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri: linkedLib, languageId: 'reps', version: 1, text: readFileSync(path.join(realDir, 'lib.reps'), 'utf8') } });
  await diagnosticsFor(linkedMain);
  const linkedRefs = await connection.sendRequest('textDocument/references', { textDocument: { uri: linkedMain }, position: { line: 3, character: 3 }, context: { includeDeclaration: true } });
  const placesOf = (list) => list.map((x) => `${x.range.start.line}:${x.range.start.character}`);
  const linkedPlaces = placesOf(linkedRefs || []);
  check(linkedRefs && linkedRefs.length === 2 && new Set(linkedPlaces).size === 2,
        'linked directory: references list each place once', linkedRefs);

  // @@FEATURES@@

  // Malformed JSON-RPC gets an error, and the server goes on.
  server.stdin.write('Content-Length: 9\r\n\r\n{"broken"');
  const after = await connection.sendRequest('shutdown');
  check(after === null, 'malformed JSON: an error, and the server still answers');
  connection.sendNotification('exit');
  const code = await new Promise((resolve) => server.on('exit', resolve));
  check(code === 0, 'exit after shutdown: status 0', code);
} catch (error) {
  console.log(`FAIL: ${error.message}`);
  failures++;
  server.kill();
}
process.exit(failures ? 1 : 0);
