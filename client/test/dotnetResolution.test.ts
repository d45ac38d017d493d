import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseNetCoreRuntimes, resolveDotnet, type RuntimeProbe } from '../src/launch/dotnetResolution';
import { findOnPath } from '../src/launch/pathSearch';

interface FakeMachine {
  files?: string[];
  path?: string;
  runtimes?: Record<string, string[] | undefined>;
  acquire?: () => Promise<string | undefined>;
}

function probe(machine: FakeMachine): RuntimeProbe & { calls: string[] } {
  const calls: string[] = [];
  const files = new Set(machine.files ?? []);
  return {
    calls,
    fileExists: f => files.has(f),
    findOnPath: () => {
      calls.push('path');
      return machine.path;
    },
    runtimeVersions: async dotnet => {
      calls.push(`runtimes:${dotnet}`);
      return machine.runtimes?.[dotnet];
    },
    acquire: machine.acquire
      ? async () => {
          calls.push('acquire');
          return machine.acquire!();
        }
      : undefined,
  };
}

test('the setting wins over PATH and acquire', async () => {
  const p = probe({
    files: ['/custom/dotnet'],
    path: '/usr/bin/dotnet',
    runtimes: { '/custom/dotnet': ['10.0.1'], '/usr/bin/dotnet': ['10.0.12'] },
    acquire: async () => '/acquired/dotnet',
  });
  assert.deepEqual(await resolveDotnet('/custom/dotnet', p), { ok: true, dotnet: '/custom/dotnet', source: 'setting' });
  assert.deepEqual(p.calls, ['runtimes:/custom/dotnet']);
});

test('a setting that points nowhere is an error naming the setting, not a silent fallback', async () => {
  const p = probe({ path: '/usr/bin/dotnet', runtimes: { '/usr/bin/dotnet': ['10.0.0'] } });
  const result = await resolveDotnet('/missing/dotnet', p);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problem === 'setting-invalid');
  assert.match(!result.ok ? result.message : '', /hygiene\.dotnetPath/);
  assert.deepEqual(p.calls, []);
});

test('a setting whose dotnet is too old is reported as such', async () => {
  const p = probe({ files: ['/old/dotnet'], runtimes: { '/old/dotnet': ['8.0.5', '9.0.1'] } });
  const result = await resolveDotnet('/old/dotnet', p);
  assert.ok(!result.ok && result.problem === 'too-old');
});

test('PATH is used when the setting is empty and its dotnet has .NET 10 or later', async () => {
  for (const version of ['10.0.0', '11.0.0-preview.1.25']) {
    const p = probe({ path: '/usr/bin/dotnet', runtimes: { '/usr/bin/dotnet': ['8.0.1', version] } });
    assert.deepEqual(await resolveDotnet('  ', p), { ok: true, dotnet: '/usr/bin/dotnet', source: 'path' });
  }
});

test('an unreadable runtime list lets the server try (it reports for itself)', async () => {
  const p = probe({ path: '/usr/bin/dotnet', runtimes: {} });
  assert.deepEqual(await resolveDotnet('', p), { ok: true, dotnet: '/usr/bin/dotnet', source: 'path' });
});

test('acquire is asked when PATH has no dotnet, or only an old one', async () => {
  for (const machine of [
    { path: undefined },
    { path: '/usr/bin/dotnet', runtimes: { '/usr/bin/dotnet': ['6.0.36'] } },
  ] satisfies FakeMachine[]) {
    const p = probe({ ...machine, files: ['/acquired/dotnet'], acquire: async () => '/acquired/dotnet' });
    assert.deepEqual(await resolveDotnet('', p), { ok: true, dotnet: '/acquired/dotnet', source: 'acquire' });
    assert.ok(p.calls.includes('acquire'));
  }
});

test('acquire failures become a clear error', async () => {
  const thrown = await resolveDotnet('', probe({ acquire: async () => Promise.reject(new Error('offline')) }));
  assert.ok(!thrown.ok && thrown.problem === 'acquire-failed');
  assert.match(!thrown.ok ? thrown.message : '', /offline/);
  const empty = await resolveDotnet('', probe({ acquire: async () => undefined }));
  assert.ok(!empty.ok && empty.problem === 'acquire-failed');
  const vanished = await resolveDotnet('', probe({ acquire: async () => '/not/there' }));
  assert.ok(!vanished.ok && vanished.problem === 'acquire-failed');
});

test('without PATH dotnet and without the install tool: not found; with only an old one: too old', async () => {
  const none = await resolveDotnet('', probe({}));
  assert.ok(!none.ok && none.problem === 'not-found');
  assert.match(!none.ok ? none.message : '', /\.NET 10/);
  const old = await resolveDotnet('', probe({ path: '/usr/bin/dotnet', runtimes: { '/usr/bin/dotnet': ['9.0.0'] } }));
  assert.ok(!old.ok && old.problem === 'too-old');
});

test('parses dotnet --list-runtimes, keeping only Microsoft.NETCore.App', () => {
  const output = [
    'Microsoft.AspNetCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]',
    'Microsoft.NETCore.App 8.0.21 [/usr/share/dotnet/shared/Microsoft.NETCore.App]',
    'Microsoft.NETCore.App 10.0.0-rc.2.25502.107 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]\r',
    'Microsoft.WindowsDesktop.App 10.0.1 [C:\\x]',
    '',
  ].join('\n');
  assert.deepEqual(parseNetCoreRuntimes(output), ['8.0.21', '10.0.0-rc.2.25502.107']);
  assert.deepEqual(parseNetCoreRuntimes('garbage\n'), []);
});

test('findOnPath walks PATH in order and skips non-executables and folders', { skip: process.platform === 'win32' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hygiene-path-'));
  try {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    const c = path.join(dir, 'c');
    for (const d of [a, b, c]) fs.mkdirSync(d);
    fs.writeFileSync(path.join(a, 'dotnet'), 'not executable', { mode: 0o644 });
    fs.mkdirSync(path.join(b, 'dotnet'));
    fs.writeFileSync(path.join(c, 'dotnet'), '#!/bin/sh\n', { mode: 0o755 });
    const env = { PATH: ['', a, b, c].join(':') };
    assert.equal(findOnPath('dotnet', env, 'linux'), path.join(c, 'dotnet'));
    assert.equal(findOnPath('dotnet', { PATH: a }, 'linux'), undefined);
    assert.equal(findOnPath('dotnet', {}, 'linux'), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('findOnPath applies PATHEXT on Windows', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hygiene-path-'));
  try {
    fs.writeFileSync(path.join(dir, 'dotnet.exe'), '');
    assert.equal(findOnPath('dotnet', { Path: dir, PATHEXT: '.COM;.exe' }, 'win32'), path.join(dir, 'dotnet.exe'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
