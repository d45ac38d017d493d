// `npm run package`: publishes the server (framework-dependent, no pdb: publishServer.mjs), bundles the client (no
// source maps), checks the extension's own ship set with `vsce ls`, and writes hygiene-lsp-<version>.vsix with the
// pinned vsce (marketplace README, CHANGELOG.md and LICENSE included). The default .vsix is universal: its server is
// portable IL, checked before packing.
//   --skip-server   reuse an existing server-dist/ (quick client-only iterations)
//   --out FILE      where to write the .vsix
//   --target T      a platform-specific .vsix (vsce's target names: linux-x64, win32-x64, darwin-arm64, alpine-x64, ...)
//                   whose server is compiled ReadyToRun for that platform
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { platformSpecificAssemblies } from './portableAssemblies.mjs';
import { checkShipSet, MARKETPLACE_README } from './shipSetCheck.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = args.indexOf('--out');
const vsix = resolve(root, outIndex >= 0 ? args[outIndex + 1] : `${manifest.name}-${manifest.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const targetIndex = args.indexOf('--target');
const target = targetIndex >= 0 ? args[targetIndex + 1] : null;
/** vsce's platform names as .NET runtime identifiers. */
const RUNTIME_OF_TARGET = {
  'win32-x64': 'win-x64', 'win32-arm64': 'win-arm64', 'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64', 'linux-armhf': 'linux-arm',
  'alpine-x64': 'linux-musl-x64', 'alpine-arm64': 'linux-musl-arm64', 'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64',
};
if (target && !RUNTIME_OF_TARGET[target]) throw new Error(`--target ${target}: one of ${Object.keys(RUNTIME_OF_TARGET).join(', ')}`);

function run(command, commandArgs, options = {}) {
  console.log(`package: ${command} ${commandArgs.join(' ')}`);
  return execFileSync(command, commandArgs, { cwd: root, stdio: options.capture ? 'pipe' : 'inherit', encoding: 'utf8' });
}

if (!args.includes('--skip-server')) {
  // Framework-dependent; IL only for the universal .vsix, ReadyToRun for a platform-specific one (publishServer.mjs).
  run(process.execPath, [join(root, 'client', 'scripts', 'publishServer.mjs'), '--out', 'server-dist', ...(target ? ['--ready-to-run', RUNTIME_OF_TARGET[target]] : [])]);
} else if (!existsSync(join(root, 'server-dist', 'hygiene-lsp.dll'))) {
  throw new Error('--skip-server given, but server-dist/hygiene-lsp.dll does not exist');
}
if (!target) {
  const platformSpecific = platformSpecificAssemblies(join(root, 'server-dist'));
  if (platformSpecific.length > 0) {
    console.error(`package: a universal .vsix needs a portable server, but server-dist/ holds:\n  ${platformSpecific.join('\n  ')}\n` +
      'Publish it again without --ready-to-run, or package for one platform with --target RID.');
    process.exit(1);
  }
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

run(process.execPath, [vsce, 'package', '--no-dependencies', '--readme-path', MARKETPLACE_README, ...(target ? ['--target', target] : []), '--out', vsix]);
console.log(`package: wrote ${vsix}`);
