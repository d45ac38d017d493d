// Every workspace member's ship set with npm's own npm-packlist, in one node process, as `npm pack -w` computes it:
// Arborist reads each member's tree, npm-packlist walks it with the workspace root as prefix (so the ignore files of
// the folders between the root and the member apply). Prints the package and file counts and the time spent.
//   node bench/monorepo/packlist.mjs <monorepo>
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const npmModules = join(execSync('npm root -g').toString().trim(), 'npm', 'node_modules');
const require = createRequire(join(npmModules, 'noop.js'));
const Arborist = require('@npmcli/arborist');
const packlist = require('npm-packlist');

const root = resolve(process.argv[2]);
const start = process.hrtime.bigint();
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The generator's workspaces are `packages/*`.
const members = [];
for (const pattern of rootManifest.workspaces) {
  const base = join(root, pattern.replace(/\/\*$/, ''));
  for (const name of readdirSync(base).sort()) if (existsSync(join(base, name, 'package.json'))) members.push(join(base, name));
}
let files = 0, published = 0;
for (const path of members) {
  const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  if (manifest.private) continue; // npm refuses to publish it: hygiene does not compute it either
  const tree = await new Arborist({ path }).loadActual();
  const list = await packlist(tree, { path, prefix: root, workspaces: members });
  files += list.length;
  published++;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ members: members.length, published, files, ms }));
