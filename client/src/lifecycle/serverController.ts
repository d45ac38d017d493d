// Owns the language client: resolves how to launch the server, starts and stops it, restarts it after a crash with
// backoff, and forwards settings and the server's custom notifications.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { resolveDotnet } from '../launch/dotnetResolution';
import { reportMissingRuntime, reportMissingServer } from '../launch/launchErrors';
import { createRuntimeProbe } from '../launch/runtimeProbe';
import { serverCommand, serverDllPath } from '../launch/serverLaunch';
import {
  CLIENT_ID,
  CLIENT_NAME,
  CONFIG_SECTION,
  EMBEDDED_SOURCE_CAPABILITY,
  EMBEDDED_SOURCE_SCHEME,
  type EmbeddedSourceResult,
  EmbeddedSourceRequest,
  type ShipSetsResult,
  ShipSetsRequest,
  type StatusParams,
  StatusNotification,
  WATCHED_CONFIG_GLOB,
} from '../protocol';
import { currentSettings } from '../settings/configuration';
import { toServerSettings } from '../settings/settings';
import { type RestartDecision, RestartPolicy } from './restartPolicy';

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly restartPolicy = new RestartPolicy();
  private pendingRestart: NodeJS.Timeout | undefined;
  /** True once the running client finished initialize: a death before that is a failed start, not a crash. */
  private initialized = false;
  /** Serialises start/stop/restart so commands and config changes never race each other. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statusEmitter = new vscode.EventEmitter<StatusParams>();
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private readonly stoppedEmitter = new vscode.EventEmitter<string>();
  readonly onStatus = this.statusEmitter.event;
  readonly onReady = this.readyEmitter.event;
  readonly onStopped = this.stoppedEmitter.event;

  /** @param middleware language client hooks (the rule documentation links and command). */
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly middleware: Middleware = {},
  ) {}

  get isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startNow());
  }

  stop(reason = 'stopped'): Promise<void> {
    return this.enqueue(() => this.stopNow(reason));
  }

  /** Manual restart: forgets earlier crashes. */
  restart(): Promise<void> {
    this.restartPolicy.reset();
    return this.enqueue(async () => {
      await this.stopNow('restarting');
      await this.startNow();
    });
  }

  async shipSets(): Promise<ShipSetsResult | undefined> {
    const client = this.client;
    if (!client?.isRunning()) return undefined;
    return client.sendRequest(ShipSetsRequest);
  }

  async executeServerCommand(command: string, args: unknown[] = []): Promise<unknown> {
    const client = this.client;
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('The HygieneLsp server is not running.', 'Restart server').then(choice => {
        if (choice) void this.restart();
      });
      return undefined;
    }
    try {
      return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
    } catch (error) {
      // A rejected command (e.g. the server died meanwhile) is reported quietly: a thrown error becomes a modal.
      const message = error instanceof Error ? error.message : String(error);
      this.output.error(`${command} failed: ${message}`);
      void vscode.window.showWarningMessage(`HygieneLsp: ${command} failed: ${message}`, 'Show output').then(choice => {
        if (choice) this.output.show(true);
      });
      return undefined;
    }
  }

  /** The masked text of a `hygiene-embedded:` document; undefined while no server runs. */
  async embeddedSource(uri: string): Promise<EmbeddedSourceResult | undefined> {
    const client = this.client;
    if (!client?.isRunning()) return undefined;
    return client.sendRequest(EmbeddedSourceRequest, { uri });
  }

  /** Pushes the current `hygiene` section to the running server. */
  async sendSettings(): Promise<void> {
    const client = this.client;
    if (!client?.isRunning()) return;
    await client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [CONFIG_SECTION]: toServerSettings(currentSettings()) },
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async startNow(): Promise<void> {
    if (this.client) return;
    const settings = currentSettings();
    if (!settings.enable) {
      this.stoppedEmitter.fire('disabled by hygiene.enable');
      return;
    }
    const dll = serverDllPath(this.context.extensionPath, settings.serverPath);
    if (!fs.existsSync(dll)) {
      this.stoppedEmitter.fire('server not found');
      void reportMissingServer(dll, this.output);
      return;
    }
    const dotnet = await resolveDotnet(settings.dotnetPath, createRuntimeProbe(this.context.extension.id, this.output));
    if (!dotnet.ok) {
      this.stoppedEmitter.fire('no .NET runtime');
      void reportMissingRuntime(dotnet.message, this.output);
      return;
    }
    this.output.info(`Starting ${dotnet.dotnet} ${dll} --stdio (dotnet from ${dotnet.source})`);
    const launch = serverCommand(dotnet.dotnet, dll);
    const serverOptions: ServerOptions = {
      command: launch.command,
      args: launch.args,
      transport: TransportKind.stdio,
      options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, this.clientOptions());
    // This client opens `hygiene-embedded:` documents (EmbeddedSourceProvider): say so, so secrets in a map's embedded
    // originals are shown at their line there instead of on the map's first line.
    client.registerFeature({
      fillClientCapabilities: capabilities => {
        capabilities.experimental = { ...(capabilities.experimental as object | undefined), ...EMBEDDED_SOURCE_CAPABILITY };
      },
      initialize: () => undefined,
      getState: () => ({ kind: 'static' }),
      clear: () => undefined,
    });
    client.onNotification(StatusNotification, params => this.statusEmitter.fire(params));
    this.client = client;
    this.initialized = false;
    try {
      await client.start();
      this.initialized = true;
      this.readyEmitter.fire();
    } catch (error) {
      // initializationFailedHandler already showed the output channel; retry like a crash, with the same backoff.
      this.output.error(`The server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      this.client = undefined;
      await client.dispose().catch(() => undefined);
      this.afterDeath(this.restartPolicy.onCrash(), 2_000);
    }
  }

  private async stopNow(reason: string): Promise<void> {
    if (this.pendingRestart) clearTimeout(this.pendingRestart);
    this.pendingRestart = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5_000);
      } catch (error) {
        this.output.warn(`Stopping the server: ${error instanceof Error ? error.message : String(error)}`);
      }
      await client.dispose().catch(() => undefined);
    }
    this.stoppedEmitter.fire(reason);
  }

  private clientOptions(): LanguageClientOptions {
    return {
      // Embedded originals too, so their diagnostics get the quick fixes (the server ignores their open/close).
      documentSelector: [{ scheme: 'file' }, { scheme: EMBEDDED_SOURCE_SCHEME }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED_CONFIG_GLOB) },
      initializationOptions: () => toServerSettings(currentSettings()),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: this.middleware,
      initializationFailedHandler: error => {
        this.output.error(`Initialization failed: ${error instanceof Error ? error.message : String(error)}`);
        this.output.show(true);
        return false;
      },
      errorHandler: {
        // A broken message is survivable; a stream of them means the connection is gone.
        error: (_error, _message, count) => ({
          action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
          handled: true,
        }),
        closed: () => this.onServerClosed(),
      },
    };
  }

  private onServerClosed() {
    // During initialize, startNow's catch handles the failure (and its retry).
    if (!this.initialized) return { action: CloseAction.DoNotRestart, handled: true };
    const decision = this.restartPolicy.onCrash();
    if (decision.restart && decision.delayMs === 0) {
      this.output.warn('The server stopped unexpectedly; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    }
    this.afterDeath(decision, 0);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** Schedules a fresh start after `decision.delayMs` (at least `minDelayMs`), or gives up and says so. */
  private afterDeath(decision: RestartDecision, minDelayMs: number): void {
    if (!decision.restart) {
      this.output.error('The server stopped too often; not restarting. Use "HygieneLsp: Restart server".');
      this.stoppedEmitter.fire('stopped after repeated failures');
      void vscode.window
        .showErrorMessage(
          'The HygieneLsp server stopped 5 times in 3 minutes and is not restarted. The output has the details.',
          'Show output',
          'Restart server',
        )
        .then(choice => {
          if (choice === 'Restart server') void this.restart();
          else if (choice === 'Show output') this.output.show(true);
        });
      return;
    }
    const delay = Math.max(decision.delayMs, minDelayMs);
    this.output.warn(`The server stopped; starting it again in ${delay / 1000} s.`);
    this.stoppedEmitter.fire('restarting');
    if (this.pendingRestart) clearTimeout(this.pendingRestart);
    this.pendingRestart = setTimeout(() => {
      this.pendingRestart = undefined;
      void this.enqueue(async () => {
        const dead = this.client;
        this.client = undefined;
        await dead?.dispose().catch(() => undefined);
        await this.startNow();
      });
    }, delay);
  }

  async dispose(): Promise<void> {
    await this.stop('extension deactivated');
    this.statusEmitter.dispose();
    this.readyEmitter.dispose();
    this.stoppedEmitter.dispose();
  }
}
