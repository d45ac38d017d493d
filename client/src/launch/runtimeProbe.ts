// The real RuntimeProbe: the file system, PATH, `dotnet --list-runtimes`, and the .NET Install Tool extension.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parseNetCoreRuntimes, REQUIRED_RUNTIME_MAJOR, type RuntimeProbe } from './dotnetResolution';
import { findOnPath } from './pathSearch';

export const DOTNET_INSTALL_TOOL_ID = 'ms-dotnettools.vscode-dotnet-runtime';
const LIST_RUNTIMES_TIMEOUT_MS = 15_000;

export function createRuntimeProbe(extensionId: string, log: vscode.LogOutputChannel): RuntimeProbe {
  const installTool = vscode.extensions.getExtension(DOTNET_INSTALL_TOOL_ID);
  return {
    fileExists: file => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    findOnPath: command => findOnPath(command),
    runtimeVersions: dotnet => listRuntimes(dotnet, log),
    acquire: installTool
      ? async () => {
          log.info(`Asking the .NET Install Tool for .NET ${REQUIRED_RUNTIME_MAJOR}`);
          const result = await vscode.commands.executeCommand<{ dotnetPath?: string } | undefined>('dotnet.acquire', {
            version: `${REQUIRED_RUNTIME_MAJOR}.0`,
            requestingExtensionId: extensionId,
          });
          return result?.dotnetPath;
        }
      : undefined,
  };
}

function listRuntimes(dotnet: string, log: vscode.LogOutputChannel): Promise<string[] | undefined> {
  return new Promise(resolve => {
    execFile(dotnet, ['--list-runtimes'], { timeout: LIST_RUNTIMES_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      if (error) {
        log.warn(`"${dotnet} --list-runtimes" failed: ${error.message}`);
        resolve(undefined);
        return;
      }
      resolve(parseNetCoreRuntimes(stdout));
    });
  });
}
