import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: plain ESM script without type declarations, bundled by esbuild for the test
import { checkShipSet, REQUIRED_FILES } from '../scripts/shipSetCheck.mjs';

const pages = ['out/rules/npm/source-map-shipped.md', 'out/rules/secrets/generic-secret.md', 'out/rules/hygiene/config-error.md'];
const good = [...new Set([...REQUIRED_FILES, 'server-dist/hygiene-lsp.deps.json'])] as string[];

test('a clean ship set passes', () => {
  assert.deepEqual(checkShipSet(good), []);
  assert.deepEqual(checkShipSet(good.map(f => `extension/${f}`)), []);
});

test('maps, symbols, sources, tests and node_modules are refused', () => {
  for (const bad of [
    'out/extension.js.map', 'server-dist/hygiene-lsp.pdb', 'client/src/extension.ts', 'server/HygieneLsp.Core/Engine.cs',
    'tests/e2e/run.mjs', 'node_modules/vscode-languageclient/lib/main.js', '.env', 'hygiene-lsp-0.1.0.vsix', 'README.md',
  ]) {
    const problems = checkShipSet([...good, bad]);
    assert.equal(problems.length, 1, bad);
    assert.match(problems[0], /must not ship/);
  }
});

test('missing run-time files are reported', () => {
  assert.deepEqual(checkShipSet(good.filter(f => f !== 'server-dist/hygiene-lsp.dll')), ['missing: server-dist/hygiene-lsp.dll']);
  assert.deepEqual(checkShipSet(good.filter(f => f !== 'LICENSE')), ['missing: LICENSE']);
  assert.deepEqual(checkShipSet(good.filter(f => !f.startsWith('out/rules/'))), pages.map(p => `missing: ${p}`));
});
