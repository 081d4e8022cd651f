// Loads the packaged client (extension.js and its vscode-languageclient) outside VS Code, with a
// stand-in for the `vscode` module that answers every property, call and `new` with another
// stand-in: this checks that the .vsix holds everything the client requires, and that it exports
// activate and deactivate. Usage: node load_client.cjs EXTENSION_DIR/extension.js
'use strict';
const Module = require('node:module');

const standIn = {
  get: (target, property) => (property in target ? target[property] : (target[property] = new Proxy(function () {}, standIn))),
  construct: () => new Proxy({}, standIn),
  apply: () => new Proxy(function () {}, standIn),
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: new Proxy({}, standIn) };

const extension = require(process.argv[2]);
if (typeof extension.activate !== 'function' || typeof extension.deactivate !== 'function') {
  console.error(`load_client: ${process.argv[2]} does not export activate and deactivate`);
  process.exit(1);
}
const language = require(require.resolve('vscode-languageclient/node', { paths: [require('node:path').dirname(process.argv[2])] }));
if (typeof language.LanguageClient !== 'function') {
  console.error('load_client: vscode-languageclient/node has no LanguageClient');
  process.exit(1);
}
