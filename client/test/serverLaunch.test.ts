import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { serverCommand, serverDllPath } from '../src/launch/serverLaunch';

test('the shipped dll lives in server-dist inside the extension', () => {
  assert.equal(serverDllPath('/ext', ''), path.join('/ext', 'server-dist', 'hygiene-lsp.dll'));
  assert.equal(serverDllPath('/ext', '   '), path.join('/ext', 'server-dist', 'hygiene-lsp.dll'));
});

test('hygiene.serverPath overrides the dll', () => {
  assert.equal(serverDllPath('/ext', ' /dev/hygiene-lsp.dll '), '/dev/hygiene-lsp.dll');
});

test('the command is dotnet <dll>; the stdio transport appends --stdio', () => {
  assert.deepEqual(serverCommand('/usr/bin/dotnet', '/ext/server-dist/hygiene-lsp.dll'), {
    command: '/usr/bin/dotnet',
    args: ['/ext/server-dist/hygiene-lsp.dll'],
  });
});
