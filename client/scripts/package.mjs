// `npm run package`: publishes the server (framework-dependent, no pdb, ReadyToRun for this platform: publishServer.mjs), bundles the client (no source maps), checks
// the extension's own ship set with `vsce ls`, and writes hygiene-lsp-<version>.vsix with the pinned vsce (marketplace README,
// CHANGELOG.md and LICENSE included).
//   --skip-server   reuse an existing server-dist/ (quick client-only iterations)
//   --out FILE      where to write the .vsix
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkShipSet, MARKETPLACE_README } from './shipSetCheck.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = args.indexOf('--out');
const vsix = resolve(root, outIndex >= 0 ? args[outIndex + 1] : `${manifest.name}-${manifest.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function run(command, commandArgs, options = {}) {
  console.log(`package: ${command} ${commandArgs.join(' ')}`);
  return execFileSync(command, commandArgs, { cwd: root, stdio: options.capture ? 'pipe' : 'inherit', encoding: 'utf8' });
}

if (!args.includes('--skip-server')) {
  // Framework-dependent and portable, assemblies compiled ReadyToRun for this platform (IL still inside for the others).
  run(process.execPath, [join(root, 'client', 'scripts', 'publishServer.mjs'), '--out', 'server-dist']);
} else if (!existsSync(join(root, 'server-dist', 'hygiene-lsp.dll'))) {
  throw new Error('--skip-server given, but server-dist/hygiene-lsp.dll does not exist');
}

run(process.execPath, [join(root, 'client', 'scripts', 'build.mjs')]);

// vsce runs `vscode:prepublish` (the same build) itself; --no-dependencies: the client is one bundled file.
// --readme-path: the marketplace page is the README written for users; the root README.md is for developers.
const listed = run(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', MARKETPLACE_README], { capture: true }).split(/\r?\n/);
const problems = checkShipSet(listed);
if (problems.length > 0) {
  console.error(`package: the extension's ship set is wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package: ship set ok (${listed.filter(l => l.trim() !== '').length} files)`);

run(process.execPath, [vsce, 'package', '--no-dependencies', '--readme-path', MARKETPLACE_README, '--out', vsix]);
console.log(`package: wrote ${vsix}`);
