import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings, toServerSettings } from '../src/settings/settings';

const getter = (values: Record<string, unknown>) => (key: string) => values[key];

test('defaults when nothing is set', () => {
  const settings = readSettings(getter({}));
  assert.deepEqual(settings, {
    enable: true,
    rules: {},
    secretsScope: 'shipped',
    trace: 'off',
    serverPath: '',
    dotnetPath: '',
  });
  assert.deepEqual(toServerSettings(settings), { enable: true, rules: {}, secrets: { scope: 'shipped' } });
});

test('initializationOptions carry enable, rules and the secrets scope, not launch paths or tracing', () => {
  const settings = readSettings(
    getter({
      enable: false,
      rules: { 'build/webpack-devtool': 'error', 'secrets/generic-secret': 'off' },
      'secrets.scope': 'workspace',
      'trace.server': 'verbose',
      serverPath: ' /opt/hygiene-lsp.dll ',
      dotnetPath: '/usr/bin/dotnet',
    }),
  );
  assert.equal(settings.serverPath, '/opt/hygiene-lsp.dll');
  assert.equal(settings.trace, 'verbose');
  assert.deepEqual(toServerSettings(settings), {
    enable: false,
    rules: { 'build/webpack-devtool': 'error', 'secrets/generic-secret': 'off' },
    secrets: { scope: 'workspace' },
  });
});

test('rule severities are normalised and invalid entries dropped', () => {
  const { rules } = readSettings(
    getter({
      rules: {
        'npm/source-map-shipped': 'Warning',
        'a/warn': 'warn',
        'a/info': 'info',
        'a/none': 'none',
        'a/bogus': 'loud',
        'a/number': 3,
        '  ': 'error',
      },
    }),
  );
  assert.deepEqual(rules, {
    'npm/source-map-shipped': 'warning',
    'a/warn': 'warning',
    'a/info': 'information',
    'a/none': 'off',
  });
});

test('wrong types fall back to defaults', () => {
  const settings = readSettings(
    getter({ enable: 'no', rules: ['x'], 'secrets.scope': 'everything', 'trace.server': true, serverPath: 42 }),
  );
  assert.equal(settings.enable, true);
  assert.deepEqual(settings.rules, {});
  assert.equal(settings.secretsScope, 'shipped');
  assert.equal(settings.trace, 'off');
  assert.equal(settings.serverPath, '');
});

test('the server settings are a copy: later edits do not leak into a sent payload', () => {
  const settings = readSettings(getter({ rules: { 'a/b': 'error' } }));
  const sent = toServerSettings(settings);
  settings.rules['a/c'] = 'off';
  assert.deepEqual(sent.rules, { 'a/b': 'error' });
});
