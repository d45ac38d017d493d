import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StatusParams } from '../src/protocol';
import { formatScanSummary } from '../src/status/scanSummary';
import { statusPresentation } from '../src/status/statusText';

const idle = (counts: Partial<StatusParams>): StatusParams => ({ state: 'idle', problems: 0, ...counts });

test('the icon is the worst severity present', () => {
  assert.equal(statusPresentation(idle({ problems: 3, errors: 3, warnings: 0 })).text, '$(error) Hygiene: 3');
  assert.equal(statusPresentation(idle({ problems: 3, errors: 1, warnings: 2 })).text, '$(error) Hygiene: 3');
  assert.equal(statusPresentation(idle({ problems: 2, errors: 0, warnings: 2 })).text, '$(warning) Hygiene: 2');
  assert.equal(statusPresentation(idle({ problems: 1, errors: 0, warnings: 0, information: 1 })).text, '$(info) Hygiene: 1');
  assert.equal(statusPresentation(idle({ problems: 0 })).text, '$(check) Hygiene');
  assert.equal(statusPresentation(idle({ problems: 3, errors: 1, warnings: 2 })).tooltip, 'HygieneLsp: 1 error, 2 warnings');
});

test('an older server without the split still shows its count', () => {
  const shown = statusPresentation(idle({ problems: 4 }));
  assert.equal(shown.text, '$(warning) Hygiene: 4');
  assert.equal(shown.tooltip, 'HygieneLsp: 4 problems');
});

test('scanning spins and says so', () => {
  const shown = statusPresentation({ state: 'scanning', problems: 7 });
  assert.match(shown.text, /^\$\(sync~spin\) Hygiene: scanning$/);
});

test('the scan summary names units, files, findings by severity and time', () => {
  const line = formatScanSummary(idle({
    problems: 5, errors: 2, warnings: 2, information: 1, hints: 0,
    summary: { folders: 1, units: 2, unitKinds: { 'npm package': 1, '.vsix': 1 }, files: 214, elapsedMs: 1234 },
  }));
  assert.equal(line, 'Scan finished in 1.2 s: 1 folder, 2 published units (1 .vsix, 1 npm package), 214 files would ship; 5 problems (2 errors, 2 warnings, 1 info).');
  assert.equal(formatScanSummary(idle({ problems: 0 })), undefined);
  assert.equal(formatScanSummary({ state: 'scanning', problems: 0 }), undefined);
  assert.match(formatScanSummary(idle({ problems: 0, errors: 0, warnings: 0, summary: { folders: 2, elapsedMs: 10, unitsUnknown: 'IOException' } }))!,
    /2 folders, units not listed \(IOException\); 0 problems/);
});
