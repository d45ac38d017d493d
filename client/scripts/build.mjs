// Bundles the extension into out/extension.js (one file, no source map: the shipped bundle must not carry maps), copies
// the rule documentation pages (server/HygieneLsp.Core/Rules/Docs) to out/rules/ for the .vsix, and, with --tests, the
// node unit tests into out-test/ (one file per test, maps inline for readable stack traces).
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const withTests = process.argv.includes('--tests');
const minify = !process.argv.includes('--dev');

await build({
  absWorkingDir: root,
  entryPoints: ['client/src/extension.ts'],
  outfile: 'out/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: false,
  minify,
  // languageclient resolves its "node" export condition.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});

// The pages live beside the rules' code; the extension opens its own copies offline (Show documentation).
rmSync(join(root, 'out', 'rules'), { recursive: true, force: true });
cpSync(join(root, 'server', 'HygieneLsp.Core', 'Rules', 'Docs'), join(root, 'out', 'rules'), {
  recursive: true,
  filter: source => statSync(source).isDirectory() || source.endsWith('.md'),
});

if (withTests) {
  const testDir = join(root, 'client', 'test');
  const entryPoints = readdirSync(testDir)
    .filter(f => f.endsWith('.test.ts'))
    .map(f => join('client', 'test', f));
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: 'out-test',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Tests cover the vscode-free modules only; importing 'vscode' from a test is a bug the build must reveal.
    external: [],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
