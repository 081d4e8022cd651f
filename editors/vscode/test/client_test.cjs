// The VS Code client's behaviour, outside VS Code: extension.js is loaded with stand-ins for the
// `vscode` module (settings, commands, events, messages) and for vscode-languageclient's
// LanguageClient (which records what it is given), and activated. Checks: `reps lsp` is started
// over stdio for reps documents; reps.server.path and reps.server.enable are obeyed when the
// settings change; reps.profile is handed to the server at start and kept in sync without a
// restart; "Reps: Restart the language server" restarts it; a server that cannot start gives a
// warning and no exception; deactivate stops it. Also the folding and indentation patterns of
// language-configuration.json beside it.
// Usage: node client_test.cjs EXTENSION_DIR/extension.js
'use strict';
const Module = require('node:module');
const assert = require('node:assert/strict');

const settings = { 'server.path': 'reps', 'server.enable': true, profile: '' };
const commands = {};
const configurationListeners = [];
const warnings = [];
const clients = [];
let failStart = false;

const vscode = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => (section === 'reps' ? settings[key] : undefined) }),
    createFileSystemWatcher: (pattern) => ({ pattern, dispose() {} }),
    onDidChangeConfiguration: (listener) => { configurationListeners.push(listener); return { dispose() {} }; },
  },
  commands: { registerCommand: (name, callback) => { commands[name] = callback; return { dispose() {} }; } },
  window: { showWarningMessage: (message) => { warnings.push(message); } },
};
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, state: 'new' });
    clients.push(this);
  }
  async start() {
    if (failStart) throw new Error('spawn reps ENOENT');
    this.state = 'running';
  }
  async stop() { this.state = 'stopped'; }
}
const languageClient = { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } };

const standIns = { vscode, 'vscode-languageclient/node': languageClient };
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request in standIns ? `stand-in:${request}` : resolve.call(this, request, ...rest);
};
for (const [request, exports] of Object.entries(standIns)) {
  require.cache[`stand-in:${request}`] = { id: request, filename: request, loaded: true, exports };
}

async function changeSettings(changes) {
  Object.assign(settings, changes);
  for (const listener of configurationListeners) {
    await listener({ affectsConfiguration: (section) => 'reps.server'.startsWith(section) || section.startsWith('reps.server') });
  }
}
const running = () => clients.filter((client) => client.state === 'running');

(async () => {
  const extension = require(process.argv[2]);
  const context = { subscriptions: [] };
  await extension.activate(context);

  assert.equal(clients.length, 1, 'activate starts one client');
  const [first] = clients;
  assert.equal(first.state, 'running');
  assert.equal(first.id, 'reps');
  assert.deepEqual(first.serverOptions, { command: 'reps', args: ['lsp'], transport: languageClient.TransportKind.stdio });
  assert.ok(first.clientOptions.documentSelector.some((selector) => selector.language === 'reps' && selector.scheme === 'file'),
    'the client serves reps files');
  assert.equal(first.clientOptions.synchronize.fileEvents.pattern, '**/*.reps');
  // reps.profile: given at start, and the whole "reps" section synchronized after (no restart).
  assert.deepEqual(first.clientOptions.initializationOptions, { profile: '' });
  assert.equal(first.clientOptions.synchronize.configurationSection, 'reps');
  Object.assign(settings, { profile: ' home ' });
  for (const listener of configurationListeners) await listener({ affectsConfiguration: (section) => 'reps.profile'.startsWith(section) });
  assert.equal(first.state, 'running', 'a new profile does not restart the server');
  assert.equal(clients.length, 1);

  await changeSettings({ 'server.path': '/opt/reps/bin/reps' });
  assert.equal(first.state, 'stopped', 'a new server path stops the old server');
  assert.equal(running().length, 1);
  assert.deepEqual(running()[0].serverOptions.command, '/opt/reps/bin/reps');
  assert.deepEqual(running()[0].serverOptions.args, ['lsp']);

  assert.equal(typeof commands['reps.restartServer'], 'function', 'the restart command is registered');
  const beforeRestart = running()[0];
  await commands['reps.restartServer']();
  assert.equal(beforeRestart.state, 'stopped');
  assert.equal(running().length, 1);
  assert.notEqual(running()[0], beforeRestart, 'restart starts a new client');
  assert.deepEqual(running()[0].clientOptions.initializationOptions, { profile: ' home ' }, 'a new server starts with the profile');

  await changeSettings({ 'server.enable': false });
  assert.equal(running().length, 0, 'reps.server.enable: false stops the server');
  const count = clients.length;
  await commands['reps.restartServer']();
  assert.equal(clients.length, count, 'a disabled server is not restarted');

  failStart = true;
  await changeSettings({ 'server.enable': true, 'server.path': '/nowhere/reps' });
  assert.equal(running().length, 0);
  assert.equal(warnings.length, 1, 'a server that cannot start gives one warning');
  assert.match(warnings[0], /\/nowhere\/reps lsp/);
  failStart = false;

  await changeSettings({ 'server.path': 'reps' });
  assert.equal(running().length, 1);
  await extension.deactivate();
  assert.equal(running().length, 0, 'deactivate stops the server');

  // The language configuration beside the client: a block opens at a `{` outside strings and
  // comments, so a comment or a cue ending in `{` neither starts a fold nor indents the next line.
  const configuration = JSON.parse(require('node:fs').readFileSync(
    require('node:path').join(require('node:path').dirname(process.argv[2]), 'language-configuration.json'), 'utf8'));
  for (const pattern of [configuration.folding.markers.start, configuration.indentationRules.increaseIndentPattern]) {
    const opens = new RegExp(pattern);
    for (const line of ['workout w "Day #1" {', '  superset 3 rounds { # two', '  warmup {', '} ; superset 2 rounds {',
                        'workout w "a \\" # {" {']) {
      assert.ok(opens.test(line), `${pattern} opens a block at ${line}`);
    }
    for (const line of ['# a comment {', '  plank 30s # {', '  plank 30s "hold {"', 'workout w "x"']) {
      assert.ok(!opens.test(line), `${pattern} opens no block at ${line}`);
    }
  }
  const closes = new RegExp(configuration.folding.markers.end);
  assert.ok(closes.test('  }') && !closes.test('  plank 30s # }'));
  console.log(`client_test: ok (${clients.length} clients started)`);
})().catch((error) => {
  console.error(`client_test: FAIL: ${error.message}`);
  process.exit(1);
});
