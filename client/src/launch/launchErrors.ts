// Tells the user, with buttons that lead somewhere, why the server could not start.
import * as vscode from 'vscode';

const DOTNET_DOWNLOAD_URL = 'https://dotnet.microsoft.com/download/dotnet/10.0';
const OPEN_SETTINGS = 'Set dotnet path';
const GET_DOTNET = 'Get .NET 10';
const SHOW_OUTPUT = 'Show output';

export async function reportMissingRuntime(message: string, output: vscode.OutputChannel): Promise<void> {
  output.appendLine(`[launch] ${message}`);
  const choice = await vscode.window.showErrorMessage(
    `${message} Install .NET 10, or point hygiene.dotnetPath at a dotnet executable.`,
    GET_DOTNET,
    OPEN_SETTINGS,
    SHOW_OUTPUT,
  );
  await handleChoice(choice, output, 'hygiene.dotnetPath');
}

export async function reportMissingServer(dll: string, output: vscode.OutputChannel): Promise<void> {
  output.appendLine(`[launch] server not found at ${dll}`);
  const choice = await vscode.window.showErrorMessage(
    `The HygieneLsp server was not found at "${dll}". Reinstall the extension or fix hygiene.serverPath.`,
    OPEN_SETTINGS,
    SHOW_OUTPUT,
  );
  await handleChoice(choice, output, 'hygiene.serverPath');
}

async function handleChoice(choice: string | undefined, output: vscode.OutputChannel, setting: string): Promise<void> {
  if (choice === OPEN_SETTINGS) {
    await vscode.commands.executeCommand('workbench.action.openSettings', setting);
  } else if (choice === GET_DOTNET) {
    await vscode.env.openExternal(vscode.Uri.parse(DOTNET_DOWNLOAD_URL));
  } else if (choice === SHOW_OUTPUT) {
    output.show(true);
  }
}
