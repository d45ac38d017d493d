// The wire names shared with the HygieneLsp server, defined once. Everything here is plain data and typed message
// descriptors: no 'vscode' import, so the node unit tests can load it.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** Language client id: also the prefix VS Code uses for `hygiene.trace.server`. */
export const CLIENT_ID = 'hygiene';
export const CLIENT_NAME = 'HygieneLsp';
/** The configuration section sent to the server (initializationOptions and didChangeConfiguration). */
export const CONFIG_SECTION = 'hygiene';

/** Files whose change can change what ships or what the build makes; the server registers its own globs too. */
export const WATCHED_CONFIG_GLOB =
  '**/{package.json,.npmignore,.gitignore,.vscodeignore,tsconfig*.json,*.config.{js,mjs,cjs,ts,mts,cts},angular.json,' +
  '*.csproj,Directory.Build.*,appsettings*.json,.env*,.npmrc,.hygienelsp.json}';

/** Code action kind of the server's "fix all" source action. */
export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.hygiene';

/** Commands executed on the server through workspace/executeCommand. */
export const ServerCommands = {
  /** No arguments: applies the preferred fix of every finding through workspace/applyEdit. */
  fixAll: 'hygiene.fixAll',
  scanWorkspace: 'hygiene.scanWorkspace',
  /** One argument, a rule id: the server opens the GitHub page; the client intercepts it and opens the bundled one. */
  showRuleDocumentation: 'hygiene.showRuleDocumentation',
} as const;

/** What `hygiene.fixAll` answers: fixes applied, and preferred fixes left over after the planner's passes. */
export interface FixAllResult {
  applied: number;
  unapplied?: number;
}

/** The message after "Fix all": only when something was left, or nothing could be done (silence when all went in). */
export function fixAllMessage(result: FixAllResult | undefined): string | undefined {
  if (!result) return undefined;
  const left = result.unapplied ?? 0;
  if (left > 0) return `HygieneLsp: applied ${result.applied} fix${result.applied === 1 ? '' : 'es'}; ${left} more could not be applied together. Run Fix all again.`;
  if (result.applied === 0) return 'HygieneLsp: nothing to fix automatically (suppressions are never applied by Fix all; see each problem\'s quick fixes).';
  return undefined;
}

export type UnitKind = 'npm' | 'vsix' | 'nuget' | 'dotnet-publish';

export interface ShippedFile {
  /** Relative to the unit's root, forward slashes. */
  path: string;
  bytes: number;
  /** Why the file ships (e.g. the `files` entry or "not ignored"). */
  reason: string;
  flagged: boolean;
  ruleIds: string[];
  /** Set for a build output that does not exist yet: the config place predicted to write it. */
  predictedFrom?: { path: string; line: number };
}

export interface ShipUnit {
  kind: UnitKind;
  name: string;
  /** Absolute path of the package root. */
  root: string;
  version?: string;
  totalBytes: number;
  files: ShippedFile[];
}

export interface ShipSetsResult {
  units: ShipUnit[];
}

/** `hygiene/shipSets`: what every packaging unit of the workspace would publish. */
export const ShipSetsRequest = new RequestType0<ShipSetsResult, void>('hygiene/shipSets');

export type ScanState = 'scanning' | 'idle';

/** Sent with the idle status after the first scan and after a requested one. */
export interface ScanSummary {
  folders: number;
  /** Published units, and how many of each kind ("npm package", ".vsix", ...). */
  units?: number;
  unitKinds?: Record<string, number>;
  /** Files those units would ship. */
  files?: number;
  elapsedMs: number;
  /** Set instead of units/files when listing them failed (an exception name). */
  unitsUnknown?: string;
}

export interface StatusParams {
  state: ScanState;
  problems: number;
  /** Split of `problems` by severity (idle only; absent from older servers). */
  errors?: number;
  warnings?: number;
  information?: number;
  hints?: number;
  summary?: ScanSummary | null;
}

/** `hygiene/status` (server → client): scan progress and the problem count for the status bar. */
export const StatusNotification = new NotificationType<StatusParams>('hygiene/status');

/**
 * Read-only documents holding an original file embedded in a source map (`sourcesContent`), secrets masked:
 * `hygiene-embedded:/src/telemetry.ts?map=<map path>&source=<index>`. The server puts a finding there, at its line,
 * when the original is not in the workspace and the client declares the capability below.
 */
export const EMBEDDED_SOURCE_SCHEME = 'hygiene-embedded';

/** `capabilities.experimental` entry announcing that this client opens `hygiene-embedded:` documents. */
export const EMBEDDED_SOURCE_CAPABILITY = { hygiene: { embeddedSourceDocuments: true } } as const;

export interface EmbeddedSourceResult {
  /** False when the map no longer carries that source (then `text` says so). */
  found: boolean;
  text: string;
  /** The map's `sources` entry, as written. */
  sourcePath?: string | null;
  /** The text was cut (very large originals). */
  truncated?: boolean;
}

/** `hygiene/embeddedSource`: the masked text of a `hygiene-embedded:` document. */
export const EmbeddedSourceRequest = new RequestType<{ uri: string }, EmbeddedSourceResult, void>('hygiene/embeddedSource');

/** What the read-only document shows: the text, and a note after it when it was cut (after: lines keep their numbers). */
export function embeddedSourceText(result: EmbeddedSourceResult): string {
  return result.truncated ? `${result.text}\n\n[HygieneLsp: the embedded file is longer; only its first part is shown]\n` : result.text;
}
