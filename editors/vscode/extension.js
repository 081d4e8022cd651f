// The VS Code client of the Reps language server: starts `reps lsp` (LSP 3.17 on stdin/stdout)
// for .reps files. Plain JavaScript, so the extension needs no build step.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client = null;
let watcher = null;  // .reps files changing on disk, for the server; one for the session

function serverCommand() {
  const configured = vscode.workspace.getConfiguration('reps').get('server.path');
  return configured && configured.trim() !== '' ? configured : 'reps';
}

// The server's own settings: sent when it starts; the client sends the whole "reps" section
// again whenever it changes (workspace/didChangeConfiguration), and the server trims the name.
function serverSettings() {
  const profile = vscode.workspace.getConfiguration('reps').get('profile');
  return { profile: typeof profile === 'string' ? profile : '' };
}

async function startClient() {
  if (!vscode.workspace.getConfiguration('reps').get('server.enable')) return;
  const command = serverCommand();
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'reps' },
      { scheme: 'untitled', language: 'reps' },
    ],
    synchronize: { fileEvents: watcher, configurationSection: 'reps' },
    initializationOptions: serverSettings(),
  };
  client = new LanguageClient('reps', 'Reps language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    // A missing `reps` should not take the highlighting and snippets down with it.
    client = null;
    vscode.window.showWarningMessage(
      `Reps: could not start "${command} lsp" (${error.message}). Set reps.server.path to the reps program.`);
  }
}

async function stopClient() {
  if (client === null) return;
  const stopping = client;
  client = null;
  await stopping.stop();
}

async function activate(context) {
  watcher = vscode.workspace.createFileSystemWatcher('**/*.reps');
  context.subscriptions.push(watcher);
  context.subscriptions.push(vscode.commands.registerCommand('reps.restartServer', async () => {
    await stopClient();
    await startClient();
  }));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('reps.server')) {
      await stopClient();
      await startClient();
    }
  }));
  context.subscriptions.push({ dispose: () => stopClient() });
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate };
