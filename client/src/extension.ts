// Entry point: wires the server controller, the status bar item, the "What ships" view and the commands together.
import * as vscode from 'vscode';
import { ClientCommands, WALKTHROUGH_ID } from './commandIds';
import { EmbeddedSourceProvider } from './embeddedSources/embeddedSourceProvider';
import { ServerController } from './lifecycle/serverController';
import { currentSettings } from './settings/configuration';
import { CLIENT_NAME, CONFIG_SECTION, type FixAllResult, fixAllMessage, ServerCommands } from './protocol';
import { isRuleId } from './ruleDocs/ruleDocLinks';
import { RuleDocs } from './ruleDocs/ruleDocs';
import { ShipSetsView } from './shipSets/shipSetsView';
import { formatScanSummary } from './status/scanSummary';
import { ScanProgress } from './status/scanProgress';
import { StatusItem } from './status/statusItem';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const ruleDocs = new RuleDocs(context.extension, output);
  const server = new ServerController(context, output, ruleDocs.middleware());
  controller = server;
  const status = new StatusItem();
  const progress = new ScanProgress();
  const shipSets = new ShipSetsView(() => server.shipSets(), output);
  const embeddedSources = new EmbeddedSourceProvider(uri => server.embeddedSource(uri));
  context.subscriptions.push(output, status, progress, shipSets, vscode.window.registerUriHandler(ruleDocs));
  context.subscriptions.push(embeddedSources, embeddedSources.register(), embeddedSources.refreshOnNewDiagnostics());

  context.subscriptions.push(
    server.onStatus(params => {
      status.update(params);
      progress.update(params);
      const summary = formatScanSummary(params);
      if (summary) output.info(summary);
      if (params.state === 'idle') void shipSets.refresh();
      // A whole scan (the first, or "Scan workspace") may follow a rebuild: read the open embedded files again.
      if (params.state === 'idle' && params.summary) embeddedSources.refreshOpen();
    }),
    server.onReady(() => {
      status.running();
      void shipSets.refresh();
    }),
    server.onStopped(reason => {
      status.stopped(reason);
      progress.reset();
      shipSets.clear();
    }),
    vscode.commands.registerCommand(ClientCommands.scanWorkspace, () =>
      server.executeServerCommand(ServerCommands.scanWorkspace),
    ),
    vscode.commands.registerCommand(ClientCommands.fixAll, async () => {
      const result = (await server.executeServerCommand(ServerCommands.fixAll)) as FixAllResult | undefined;
      const message = fixAllMessage(result);
      if (message) {
        output.info(message);
        void vscode.window.showInformationMessage(message);
      }
    }),
    vscode.commands.registerCommand(ClientCommands.showShipSets, () => shipSets.reveal()),
    vscode.commands.registerCommand(ClientCommands.refreshShipSets, () => shipSets.refresh()),
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      status.starting();
      await server.restart();
    }),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(ClientCommands.openWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ),
    vscode.commands.registerCommand(ClientCommands.showRuleDocumentation, (ruleId?: unknown) =>
      isRuleId(ruleId) ? ruleDocs.show(ruleId) : ruleDocs.pick(),
    ),
    vscode.workspace.onDidChangeConfiguration(event => onConfigurationChanged(event, server, status)),
  );

  await server.start();
}

async function onConfigurationChanged(
  event: vscode.ConfigurationChangeEvent,
  server: ServerController,
  status: StatusItem,
): Promise<void> {
  if (!event.affectsConfiguration(CONFIG_SECTION)) return;
  const launchChanged =
    event.affectsConfiguration(`${CONFIG_SECTION}.serverPath`) || event.affectsConfiguration(`${CONFIG_SECTION}.dotnetPath`);
  if (event.affectsConfiguration(`${CONFIG_SECTION}.enable`)) {
    if (currentSettings().enable) {
      status.starting();
      await server.start();
    } else {
      await server.stop('disabled by hygiene.enable');
    }
  } else if (launchChanged) {
    status.starting();
    await server.restart();
  } else {
    // hygiene.trace.server is read by the language client itself.
    await server.sendSettings();
  }
}

export async function deactivate(): Promise<void> {
  const running = controller;
  controller = undefined;
  await running?.dispose();
}
