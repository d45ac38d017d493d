// The line the output channel prints after the first scan and after "Scan workspace": what was scanned, what would
// ship, what was found and how long it took. No 'vscode' import.
import type { StatusParams } from '../protocol';

export function formatScanSummary(status: StatusParams): string | undefined {
  const summary = status.summary;
  if (status.state !== 'idle' || !summary) return undefined;
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const kinds = Object.entries(summary.unitKinds ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const units = summary.unitsUnknown
    ? `units not listed (${summary.unitsUnknown})`
    : `${summary.units ?? 0} published unit${summary.units === 1 ? '' : 's'}${kinds ? ` (${kinds})` : ''}, ` +
      `${summary.files ?? 0} file${summary.files === 1 ? '' : 's'} would ship`;
  const problems = status.problems;
  const bySeverity = [
    `${status.errors ?? 0} error${status.errors === 1 ? '' : 's'}`,
    `${status.warnings ?? 0} warning${status.warnings === 1 ? '' : 's'}`,
    `${(status.information ?? 0) + (status.hints ?? 0)} info`,
  ].join(', ');
  return `Scan finished in ${seconds} s: ${summary.folders} folder${summary.folders === 1 ? '' : 's'}, ${units}; ` +
    `${problems} problem${problems === 1 ? '' : 's'} (${bySeverity}).`;
}
