// A stand-in for `reps lsp` that speaks just enough LSP 3.17 on stdin/stdout for the Neovim test
// to check a real client session: it answers initialize and shutdown, publishes one diagnostic
// (on line 2) for every document opened, and logs each method it receives to the file LOG.
// Usage: node fake_lsp_server.mjs LOG
import fs from 'node:fs';

const log = process.argv[2];
let buffer = Buffer.alloc(0);

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function handle(message) {
  fs.appendFileSync(log, `${message.method ?? 'response'}\n`);
  if (message.method === 'initialize') {
    send({ id: message.id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'fake reps lsp' } } });
  } else if (message.method === 'textDocument/didOpen') {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 13 } };
    send({
      method: 'textDocument/publishDiagnostics',
      params: { uri: message.params.textDocument.uri, diagnostics: [{ range, severity: 1, code: 'E0000', source: 'reps', message: 'fake diagnostic' }] },
    });
  } else if (message.method === 'shutdown') {
    send({ id: message.id, result: null });
  } else if (message.method === 'exit') {
    process.exit(0);
  } else if (message.id !== undefined && message.method !== undefined) {
    send({ id: message.id, error: { code: -32601, message: `unhandled ${message.method}` } });
  }
}

process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    handle(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
    buffer = buffer.subarray(headerEnd + 4 + length);
  }
});
process.stdin.on('end', () => process.exit(0));
