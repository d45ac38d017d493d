// Reads the `hygiene.*` settings into one validated shape and maps it to what the server receives, both as
// initializationOptions and as the `hygiene` section of workspace/didChangeConfiguration. No 'vscode' import:
// the caller passes a getter, so the mapping is unit-tested under plain node.

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type SecretsScope = 'shipped' | 'workspace';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface ClientSettings {
  enable: boolean;
  rules: Record<string, RuleSeverity>;
  secretsScope: SecretsScope;
  trace: TraceLevel;
  serverPath: string;
  dotnetPath: string;
}

/** The settings the server acts on (launch paths and tracing stay on the client side). */
export interface ServerSettings {
  enable: boolean;
  rules: Record<string, RuleSeverity>;
  secrets: { scope: SecretsScope };
}

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
/** Spellings users type that VS Code's own settings use elsewhere. */
const SEVERITY_ALIASES: Record<string, RuleSeverity> = { warn: 'warning', info: 'information', none: 'off' };

/** `key` is relative to the `hygiene` section, e.g. `secrets.scope`. */
export type SettingGetter = (key: string) => unknown;

export function readSettings(get: SettingGetter): ClientSettings {
  return {
    enable: get('enable') !== false,
    rules: readRules(get('rules')),
    secretsScope: get('secrets.scope') === 'workspace' ? 'workspace' : 'shipped',
    trace: oneOf(get('trace.server'), ['off', 'messages', 'verbose'] as const, 'off'),
    serverPath: trimmedString(get('serverPath')),
    dotnetPath: trimmedString(get('dotnetPath')),
  };
}

export function toServerSettings(settings: ClientSettings): ServerSettings {
  return {
    enable: settings.enable,
    rules: { ...settings.rules },
    secrets: { scope: settings.secretsScope },
  };
}

/** Keeps rule ids with a known severity (case-insensitive); drops the rest rather than sending garbage on. */
function readRules(value: unknown): Record<string, RuleSeverity> {
  const rules: Record<string, RuleSeverity> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return rules;
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'string' || id.trim() === '') continue;
    const lower = raw.trim().toLowerCase();
    const severity = (SEVERITIES as readonly string[]).includes(lower) ? (lower as RuleSeverity) : SEVERITY_ALIASES[lower];
    if (severity) rules[id.trim()] = severity;
  }
  return rules;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function trimmedString(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
