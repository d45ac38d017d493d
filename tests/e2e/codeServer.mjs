// Starts a throw-away code-server: the extension installed from its .vsix into a fresh extensions dir, a fresh user
// data dir with quiet settings, bound to 127.0.0.1 on a free port without auth. Everything lives under `tmp`.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function installExtension(codeServer, vsix, extensionsDir, userDataDir) {
  execFileSync(
    codeServer,
    ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--force'],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180_000 },
  );
}

export function writeUserSettings(userDataDir, extra) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'editor.lightbulb.enabled': 'on',
    'window.restoreWindows': 'none',
    'chat.disableAIFeatures': true,
    // No network here: the JSON language server would report failed schema downloads as problems.
    'json.schemaDownload.enable': false,
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
  // code-server is a remote: settings of `machine` scope (hygiene.dotnetPath, hygiene.serverPath) are read from the
  // remote machine's settings, not from the browser-side user settings.
  const machine = join(userDataDir, 'Machine');
  mkdirSync(machine, { recursive: true });
  writeFileSync(join(machine, 'settings.json'), JSON.stringify(extra, null, 2));
}

/** Resolves once code-server answers HTTP; the returned `stop()` ends it and waits for the exit. */
export async function startCodeServer({ codeServer, port, userDataDir, extensionsDir, logFile, env }) {
  const log = createWriteStream(logFile);
  const child = spawn(
    codeServer,
    [
      '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir, '--disable-workspace-trust', '--disable-getting-started-override',
      '--disable-proxy', '--log', 'info',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early; see ${logFile}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer within 120 s; see ${logFile}`);
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise(resolve => {
        if (exited) return resolve();
        child.on('exit', () => resolve());
        // The process group: code-server forks the extension host, which forks the language server.
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          resolve();
        }, 10_000).unref();
      }),
  };
}
