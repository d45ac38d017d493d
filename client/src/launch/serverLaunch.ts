// Turns settings + a resolved dotnet into the command line of the server: `dotnet <dll> --stdio`.
import * as path from 'node:path';

export const SERVER_DLL = path.join('server-dist', 'hygiene-lsp.dll');

export interface ServerCommand {
  command: string;
  /** Without `--stdio`: the language client appends it for the stdio transport. */
  args: string[];
}

/** `hygiene.serverPath` overrides the dll shipped inside the extension. */
export function serverDllPath(extensionPath: string, serverPathSetting: string): string {
  const configured = serverPathSetting.trim();
  return configured !== '' ? configured : path.join(extensionPath, SERVER_DLL);
}

export function serverCommand(dotnet: string, dll: string): ServerCommand {
  return { command: dotnet, args: [dll] };
}
