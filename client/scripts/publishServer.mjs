// `npm run build:server`: publishes the language server into server-dist/ as the extension launches it
// (`dotnet server-dist/hygiene-lsp.dll`): framework-dependent and portable (its deps.json names no platform), no pdb.
// With --ready-to-run the same assemblies are then compiled ReadyToRun for one platform and copied over the IL-only
// ones: start to `initialize` fell from ~520 to ~180 ms on the 2-core build machine (bench/README.md, "Start-up").
// Such a server runs on that platform only: the runtime refuses a ReadyToRun image stamped for another OS or
// architecture (BadImageFormatException, no fallback to the IL inside), so a universal .vsix never gets one
// (client/scripts/portableAssemblies.mjs checks it); a platform-specific .vsix (`npm run package -- --target RID`) does.
//   --out DIR                where to publish (default server-dist)
//   --ready-to-run [RID]     compile ReadyToRun for RID (default: this machine's platform)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(root, outIndex >= 0 ? args[outIndex + 1] : 'server-dist');
const common = ['-c', 'Release', '--nologo', '-v', 'q', '-p:DebugType=none', '-p:UseAppHost=false', '-p:GenerateDocumentationFile=false'];

function run(command, commandArgs) {
  console.log(`publish-server: ${command} ${commandArgs.join(' ')}`);
  execFileSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
}

/** The .NET runtime identifier of this machine, or null when ReadyToRun is not offered for it. */
function runtimeIdentifier() {
  const os = { linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  return os && arch ? `${os}-${arch}` : null;
}

rmSync(out, { recursive: true, force: true });
run('dotnet', ['publish', 'server/HygieneLsp.Server', '-o', out, ...common]);

const r2rIndex = args.indexOf('--ready-to-run');
const rid = r2rIndex < 0 ? null : args[r2rIndex + 1] && !args[r2rIndex + 1].startsWith('--') ? args[r2rIndex + 1] : runtimeIdentifier();
if (r2rIndex >= 0 && !rid) throw new Error(`--ready-to-run: no runtime identifier for ${process.platform}-${process.arch}; give one`);
if (rid) {
  const staging = mkdtempSync(join(tmpdir(), 'hygiene-r2r-'));
  try {
    run('dotnet', ['publish', 'server/HygieneLsp.Server', '-o', staging, '-r', rid, '--self-contained', 'false', '-p:PublishReadyToRun=true', ...common]);
    // Only the assemblies: the portable deps.json and runtimeconfig.json stay.
    const portable = new Set(readdirSync(out));
    let copied = 0;
    for (const file of readdirSync(staging)) {
      if (file.endsWith('.dll') && portable.has(file)) {
        copyFileSync(join(staging, file), join(out, file));
        copied++;
      }
    }
    console.log(`publish-server: ${copied} assemblies compiled ReadyToRun for ${rid}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
} else {
  console.log('publish-server: IL only (portable)');
}
