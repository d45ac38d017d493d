// Finds a dotnet that can run the server: the `hygiene.dotnetPath` setting, else PATH, else the .NET Install Tool's
// `dotnet.acquire`. Pure decision logic over an injected probe, so every branch is unit-tested without a real runtime.

/** The server targets net10.0 with RollForward=Major: any runtime of this major or later runs it. */
export const REQUIRED_RUNTIME_MAJOR = 10;

export interface RuntimeProbe {
  fileExists(path: string): boolean;
  /** Absolute path of `command` on PATH, or undefined. */
  findOnPath(command: string): string | undefined;
  /** Versions of Microsoft.NETCore.App that `dotnet` can run, or undefined when it could not be asked. */
  runtimeVersions(dotnet: string): Promise<string[] | undefined>;
  /** The .NET Install Tool, when that extension is installed; resolves to the path of a dotnet it provides. */
  acquire?: () => Promise<string | undefined>;
}

export type DotnetSource = 'setting' | 'path' | 'acquire';

export type DotnetResolution =
  | { ok: true; dotnet: string; source: DotnetSource }
  | { ok: false; problem: 'setting-invalid' | 'not-found' | 'too-old' | 'acquire-failed'; message: string };

export async function resolveDotnet(dotnetPathSetting: string, probe: RuntimeProbe): Promise<DotnetResolution> {
  const configured = dotnetPathSetting.trim();
  if (configured !== '') {
    // An explicit setting is the user's decision: report what is wrong with it instead of silently using another.
    if (!probe.fileExists(configured)) {
      return {
        ok: false,
        problem: 'setting-invalid',
        message: `The setting hygiene.dotnetPath points to "${configured}", which does not exist.`,
      };
    }
    if (!(await canRunServer(configured, probe))) {
      return {
        ok: false,
        problem: 'too-old',
        message: `The dotnet at "${configured}" (hygiene.dotnetPath) has no .NET ${REQUIRED_RUNTIME_MAJOR} or later runtime.`,
      };
    }
    return { ok: true, dotnet: configured, source: 'setting' };
  }

  const onPath = probe.findOnPath('dotnet');
  if (onPath && (await canRunServer(onPath, probe))) {
    return { ok: true, dotnet: onPath, source: 'path' };
  }

  if (probe.acquire) {
    try {
      const acquired = await probe.acquire();
      if (acquired && probe.fileExists(acquired)) return { ok: true, dotnet: acquired, source: 'acquire' };
      return {
        ok: false,
        problem: 'acquire-failed',
        message: `The .NET Install Tool did not provide a .NET ${REQUIRED_RUNTIME_MAJOR} runtime.`,
      };
    } catch (error) {
      return {
        ok: false,
        problem: 'acquire-failed',
        message: `The .NET Install Tool could not install .NET ${REQUIRED_RUNTIME_MAJOR}: ${describe(error)}`,
      };
    }
  }

  return onPath
    ? {
        ok: false,
        problem: 'too-old',
        message: `The dotnet on PATH ("${onPath}") has no .NET ${REQUIRED_RUNTIME_MAJOR} or later runtime, which HygieneLsp needs.`,
      }
    : {
        ok: false,
        problem: 'not-found',
        message: `HygieneLsp needs the .NET ${REQUIRED_RUNTIME_MAJOR} runtime, and no dotnet was found on PATH.`,
      };
}

async function canRunServer(dotnet: string, probe: RuntimeProbe): Promise<boolean> {
  const versions = await probe.runtimeVersions(dotnet);
  // When the runtime list cannot be read, let the server start and speak for itself in the output channel.
  if (versions === undefined) return true;
  return versions.some(v => majorOf(v) >= REQUIRED_RUNTIME_MAJOR);
}

/** Parses `dotnet --list-runtimes`: lines like `Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/...]`. */
export function parseNetCoreRuntimes(listRuntimesOutput: string): string[] {
  const versions: string[] = [];
  for (const line of listRuntimesOutput.split(/\r?\n/)) {
    const match = /^\s*Microsoft\.NETCore\.App\s+(\d+\.\d+\.\d+\S*)/.exec(line);
    if (match) versions.push(match[1]);
  }
  return versions;
}

function majorOf(version: string): number {
  const major = Number.parseInt(version, 10);
  return Number.isNaN(major) ? -1 : major;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
