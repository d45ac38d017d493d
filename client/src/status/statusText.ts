// What the status bar item says for a hygiene/status notification: a spinner while scanning, then the problem count
// with the icon of the worst severity present (an error icon as soon as one error exists). No 'vscode' import.
import type { StatusParams } from '../protocol';

export interface StatusPresentation {
  text: string;
  tooltip: string;
}

export function statusPresentation(status: StatusParams): StatusPresentation {
  if (status.state === 'scanning') return { text: '$(sync~spin) Hygiene: scanning', tooltip: 'HygieneLsp: scanning the workspace' };
  const problems = count(status.problems);
  if (problems === 0) return { text: '$(check) Hygiene', tooltip: 'HygieneLsp: nothing unwanted would ship' };
  const errors = count(status.errors);
  const warnings = count(status.warnings);
  // An older server sends only the total: it is shown as warnings, as before.
  const icon = errors > 0 ? '$(error)' : warnings > 0 || status.warnings === undefined ? '$(warning)' : '$(info)';
  const parts = [
    errors > 0 ? plural(errors, 'error') : '',
    warnings > 0 ? plural(warnings, 'warning') : '',
    count(status.information) + count(status.hints) > 0 ? `${count(status.information) + count(status.hints)} info` : '',
  ].filter(p => p !== '');
  const detail = status.errors === undefined ? plural(problems, 'problem') : parts.join(', ');
  return { text: `${icon} Hygiene: ${problems}`, tooltip: `HygieneLsp: ${detail}` };
}

function count(value: number | undefined): number {
  return Math.max(0, Math.floor(value ?? 0));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
