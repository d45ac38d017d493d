// A stand-in for the C# server, speaking the same protocol, for `run.sh --fake-server`: tests the client alone
// (launch, diagnostics, quick fix, status, the "What ships" view) while the real server's rules are still landing.
// It knows one rule, the tsconfig `"sourceMap": true` warning, and reads files from disk or from open buffers.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RULE = 'build/tsconfig-source-map';
let roots = [];
const buffers = new Map(); // uri -> text of open documents

// ---- framing ----
let pending = Buffer.alloc(0);
process.stdin.on('data', chunk => {
  pending = Buffer.concat([pending, chunk]);
  for (;;) {
    const headerEnd = pending.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(pending.subarray(0, headerEnd).toString())[1]);
    if (pending.length < headerEnd + 4 + length) return;
    const body = pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    pending = pending.subarray(headerEnd + 4 + length);
    handle(JSON.parse(body));
  }
});
function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
const notify = (method, params) => send({ method, params });

// ---- analysis ----
function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}
function textOf(file) {
  return buffers.get(pathToFileURL(file).href) ?? readFileSync(file, 'utf8');
}
function findings(file) {
  if (!/tsconfig[^/]*\.json$/.test(file)) return [];
  const lines = textOf(file).split(/\r?\n/);
  const result = [];
  lines.forEach((line, index) => {
    const match = /"sourceMap"\s*:\s*(true)/.exec(line);
    if (match) {
      const start = match.index + match[0].length - 4;
      result.push({
        range: { start: { line: index, character: match.index }, end: { line: index, character: start + 4 } },
        valueRange: { start: { line: index, character: start }, end: { line: index, character: start + 4 } },
      });
    }
  });
  return result;
}
function diagnosticsFor(file) {
  return findings(file).map(f => ({
    range: f.range,
    severity: 2,
    source: 'hygiene',
    code: RULE,
    message: 'tsc writes a .js.map next to every output file: "sourceMap": true',
  }));
}
let problems = 0;
function publishAll() {
  notify('hygiene/status', { state: 'scanning', problems });
  problems = 0;
  for (const root of roots) {
    for (const file of walk(root)) {
      const diagnostics = diagnosticsFor(file);
      if (diagnostics.length > 0 || /tsconfig/.test(file)) {
        problems += diagnostics.length;
        notify('textDocument/publishDiagnostics', { uri: pathToFileURL(file).href, diagnostics });
      }
    }
  }
  notify('hygiene/status', { state: 'idle', problems });
}
function shipSets() {
  const units = [];
  for (const root of roots) {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const files = walk(root).map(full => {
      const path = relative(root, full).split('\\').join('/');
      const flagged = path.endsWith('.map');
      return {
        path,
        bytes: statSync(full).size,
        reason: 'not ignored',
        flagged,
        ruleIds: flagged ? ['npm/source-map-shipped'] : [],
      };
    });
    units.push({
      kind: 'npm',
      name: manifest.name,
      version: manifest.version,
      root,
      totalBytes: files.reduce((n, f) => n + f.bytes, 0),
      files,
    });
  }
  return { units };
}

let requestId = 0;
function applyAllFixes() {
  const changes = {};
  for (const root of roots) {
    for (const file of walk(root)) {
      const edits = findings(file).map(f => ({ range: f.valueRange, newText: 'false' }));
      if (edits.length > 0) changes[pathToFileURL(file).href] = edits;
    }
  }
  send({ id: `fixAll-${++requestId}`, method: 'workspace/applyEdit', params: { label: 'Fix all', edit: { changes } } });
}

/** The e2e test's crash switch: the first scan command after the marker path is set kills the server once. */
function crashOnce() {
  const marker = process.env.HYGIENE_FAKE_CRASH_MARKER;
  if (!marker || existsSync(marker)) return false;
  writeFileSync(marker, 'crashed');
  return true;
}

// ---- dispatch ----
function handle(message) {
  const { id, method, params } = message;
  if (method === undefined) return; // a response to one of our requests
  const reply = result => send({ id, result });
  switch (method) {
    case 'initialize':
      roots = (params.workspaceFolders ?? []).map(f => fileURLToPath(f.uri));
      return reply({
        capabilities: {
          textDocumentSync: { openClose: true, change: 1 },
          codeActionProvider: { codeActionKinds: ['quickfix'] },
          executeCommandProvider: { commands: ['hygiene.fixAll', 'hygiene.scanWorkspace'] },
        },
        serverInfo: { name: 'hygiene-lsp fake' },
      });
    case 'initialized':
      return publishAll();
    case 'textDocument/didOpen':
      buffers.set(params.textDocument.uri, params.textDocument.text);
      return publishAll();
    case 'textDocument/didChange':
      buffers.set(params.textDocument.uri, params.contentChanges.at(-1).text);
      return publishAll();
    case 'textDocument/didClose':
      buffers.delete(params.textDocument.uri);
      return publishAll();
    case 'workspace/didChangeWatchedFiles':
    case 'workspace/didChangeConfiguration':
      return publishAll();
    case 'textDocument/codeAction': {
      const file = fileURLToPath(params.textDocument.uri);
      const actions = findings(file)
        .filter(f => f.range.start.line <= params.range.end.line && f.range.end.line >= params.range.start.line)
        .map(f => ({
          title: 'Disable sourceMap',
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: params.context.diagnostics,
          edit: { changes: { [params.textDocument.uri]: [{ range: f.valueRange, newText: 'false' }] } },
        }));
      return reply(actions);
    }
    case 'hygiene/shipSets':
      return reply(shipSets());
    case 'workspace/executeCommand':
      if (params.command === 'hygiene.scanWorkspace' && crashOnce()) return process.exit(3);
      if (params.command === 'hygiene.fixAll') applyAllFixes();
      publishAll();
      return reply(null);
    case 'shutdown':
      return reply(null);
    case 'exit':
      return process.exit(0);
    default:
      if (id !== undefined) send({ id, error: { code: -32601, message: `unhandled ${method}` } });
  }
}
