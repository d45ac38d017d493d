import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ClientCommands } from '../src/commandIds';
import {
  CLIENT_ID,
  CONFIG_SECTION,
  EMBEDDED_SOURCE_CAPABILITY,
  EMBEDDED_SOURCE_SCHEME,
  EmbeddedSourceRequest,
  embeddedSourceText,
  FIX_ALL_CODE_ACTION_KIND,
  fixAllMessage,
  ServerCommands,
  ShipSetsRequest,
  StatusNotification,
  WATCHED_CONFIG_GLOB,
} from '../src/protocol';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

test('custom method names match the server contract', () => {
  assert.equal(ShipSetsRequest.method, 'hygiene/shipSets');
  assert.equal(ShipSetsRequest.numberOfParams, 0);
  assert.equal(StatusNotification.method, 'hygiene/status');
  assert.equal(ServerCommands.fixAll, 'hygiene.fixAll');
  assert.equal(ServerCommands.scanWorkspace, 'hygiene.scanWorkspace');
  assert.equal(ServerCommands.showRuleDocumentation, 'hygiene.showRuleDocumentation');
  assert.equal(FIX_ALL_CODE_ACTION_KIND, 'source.fixAll.hygiene');
});

test('the watched glob names every config the server reads', () => {
  for (const name of [
    'package.json', '.npmignore', '.gitignore', '.vscodeignore', 'tsconfig*.json', '*.config.{js,mjs,cjs,ts,mts,cts}',
    'angular.json', '*.csproj', 'Directory.Build.*', 'appsettings*.json', '.env*', '.npmrc', '.hygienelsp.json',
  ]) {
    assert.ok(WATCHED_CONFIG_GLOB.includes(name), name);
  }
  assert.ok(WATCHED_CONFIG_GLOB.startsWith('**/{'));
});

test('the client id makes VS Code read hygiene.trace.server', () => {
  assert.equal(CLIENT_ID, CONFIG_SECTION);
  assert.ok(manifest.contributes.configuration.properties[`${CLIENT_ID}.trace.server`]);
});

test('every client command is contributed, and none collides with a server command', () => {
  const contributed = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  for (const id of Object.values(ClientCommands)) assert.ok(contributed.has(id), id);
  for (const id of Object.values(ServerCommands)) assert.ok(!contributed.has(id), `${id} is registered by the language client`);
});

test('the manifest declares the settings the client reads', () => {
  const properties = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepEqual(properties, [
    'hygiene.dotnetPath', 'hygiene.enable', 'hygiene.rules', 'hygiene.secrets.scope', 'hygiene.serverPath',
    'hygiene.trace.server',
  ]);
  // A workspace must not choose which executable runs (untrusted workspaces are supported).
  assert.equal(manifest.contributes.configuration.properties['hygiene.dotnetPath'].scope, 'machine');
  assert.equal(manifest.contributes.configuration.properties['hygiene.serverPath'].scope, 'machine');
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(manifest.capabilities.virtualWorkspaces, false);
});

test('activation covers startup and the watched configs', () => {
  const events: string[] = manifest.activationEvents;
  assert.ok(events.includes('onStartupFinished'));
  // Every name of the watched glob activates the extension: `**/{a,b,*.config.{js,ts}}` → a, b, *.config.{js,ts}.
  const inner = WATCHED_CONFIG_GLOB.slice('**/{'.length, -1);
  const names = inner.split(/,(?![^{]*\})/);
  assert.ok(names.length >= 13);
  for (const name of names) assert.ok(events.includes(`workspaceContains:**/${name}`), name);
  assert.equal(manifest.main, './out/extension.js');
  assert.ok(manifest.contributes.views.explorer.some((v: { id: string }) => v.id === 'hygiene.shipSets'));
});

test('fix-all speaks only when something was left or nothing could be done', () => {
  assert.equal(fixAllMessage({ applied: 3, unapplied: 0 }), undefined);
  assert.match(fixAllMessage({ applied: 2, unapplied: 1 })!, /applied 2 fixes; 1 more could not be applied together/);
  assert.match(fixAllMessage({ applied: 0 })!, /nothing to fix automatically \(suppressions are never applied/);
  assert.equal(fixAllMessage(undefined), undefined);
});

test('embedded originals: the scheme, request and capability the server looks for', () => {
  assert.equal(EMBEDDED_SOURCE_SCHEME, 'hygiene-embedded');
  assert.equal(EmbeddedSourceRequest.method, 'hygiene/embeddedSource');
  assert.deepEqual(EMBEDDED_SOURCE_CAPABILITY, { hygiene: { embeddedSourceDocuments: true } });
});

test('a cut embedded original says so after its text, so its lines keep their numbers', () => {
  assert.equal(embeddedSourceText({ found: true, text: 'a\nb\n' }), 'a\nb\n');
  const cut = embeddedSourceText({ found: true, text: 'a\nb', truncated: true });
  assert.ok(cut.startsWith('a\nb\n'));
  assert.match(cut, /only its first part is shown/);
});
