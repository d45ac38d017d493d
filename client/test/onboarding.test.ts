// The first-run material of the .vsix: the walkthrough's steps and media, the icon, the user-facing README, CHANGELOG
// and LICENSE. Everything the manifest points at must exist and be in the ship set the packaging checks.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ClientCommands, WALKTHROUGH_ID } from '../src/commandIds';
// @ts-expect-error: plain ESM script without type declarations, bundled by esbuild for the test
import { MARKETPLACE_README, REQUIRED_FILES } from '../scripts/shipSetCheck.mjs';

const repo = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

interface Step { id: string; title: string; description: string; media: { markdown?: string; image?: string; svg?: string } }
const walkthrough = manifest.contributes.walkthroughs.find((w: { id: string }) => w.id === WALKTHROUGH_ID);
const steps: Step[] = walkthrough.steps;

/** Commands a walkthrough may run that VS Code itself provides. */
const WORKBENCH_COMMANDS = new Set(['workbench.actions.view.problems']);

test('the walkthrough covers what it checks, What ships, fixing a finding and the CLI gate', () => {
  assert.deepEqual(steps.map(s => s.id), ['hygiene.whatItChecks', 'hygiene.whatShips', 'hygiene.fixAFinding', 'hygiene.cliGate']);
  const whatShips = steps.find(s => s.id === 'hygiene.whatShips')!;
  assert.ok(whatShips.description.includes(`(command:${ClientCommands.showShipSets})`), 'the What ships step opens the view');
});

test('every walkthrough button runs a command that exists', () => {
  const contributed = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  for (const step of steps) {
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
      assert.ok(contributed.has(command) || WORKBENCH_COMMANDS.has(command), `${step.id}: ${command}`);
    }
  }
});

test('every file the manifest points at exists and ships', () => {
  const referenced = [
    manifest.icon,
    ...manifest.contributes.jsonValidation.map((v: { url: string }) => v.url.replace(/^\.\//, '')),
    ...steps.flatMap(s => Object.values(s.media)),
  ];
  assert.ok(referenced.length >= 6);
  for (const file of referenced) {
    assert.ok(fs.existsSync(path.join(repo, file)), `${file} exists`);
    assert.ok(REQUIRED_FILES.includes(file), `${file} is in the ship set the packaging checks`);
  }
  // .vscodeignore lets them in (the packaging's `vsce ls` check would fail otherwise; this says why sooner).
  const ignore = read('.vscodeignore');
  assert.ok(ignore.includes('!media/walkthrough/*.md') && ignore.includes('!media/icon.png') && ignore.includes('!schemas/hygienelsp.schema.json'));
});

test('the icon is a 128x128 PNG', () => {
  const png = fs.readFileSync(path.join(repo, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
});

test('the marketplace README is for users: commands, settings, the CLI gate, privacy', () => {
  const readme = read(MARKETPLACE_README);
  for (const c of manifest.contributes.commands.filter((c: { command: string }) => c.command !== ClientCommands.refreshShipSets)) {
    assert.ok(readme.includes(`HygieneLsp: ${c.title}`), `command ${c.title}`);
  }
  for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${setting}\``), setting);
  for (const words of ['hygiene-lsp check', 'SARIF', 'never executed', 'never printed', 'locally']) {
    assert.ok(readme.toLowerCase().includes(words.toLowerCase()), words);
  }
  // Build steps belong to the developer README at the root.
  assert.ok(!readme.includes('./test.sh') && !readme.includes('npm ci'));
});

test('the marketplace README shows screenshots that exist: PNG files beside it (vsce links them to the repository)', () => {
  const readme = read(MARKETPLACE_README);
  const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map(m => m[1]);
  assert.ok(images.length >= 3, 'screenshots of the Problems panel, the quick fixes and an embedded original');
  for (const image of images) {
    assert.ok(!/^[a-z]+:/i.test(image) && image.endsWith('.png'), `${image}: a relative PNG path`);
    const bytes = fs.readFileSync(path.join(repo, path.dirname(MARKETPLACE_README), image));
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${image} is a PNG`);
  }
});

test('CHANGELOG has the manifest version, LICENSE the manifest license', () => {
  assert.match(read('CHANGELOG.md'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
  assert.equal(manifest.license, 'MIT');
  assert.match(read('LICENSE'), /^MIT License/);
});

test('marketplace metadata: categories, keywords, banner', () => {
  assert.equal(manifest.categories[0], 'Linters');
  for (const k of ['source maps', 'secrets', 'npm', 'vsix', 'supply chain']) assert.ok(manifest.keywords.includes(k), k);
  assert.ok(manifest.keywords.length <= 30, 'the marketplace takes at most 30 keywords');
  assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
});
