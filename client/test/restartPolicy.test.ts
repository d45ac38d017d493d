import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RESTART_POLICY, RestartPolicy } from '../src/lifecycle/restartPolicy';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('first crash restarts at once, then the delay doubles up to the cap, then it gives up', () => {
  const c = clock();
  const policy = new RestartPolicy({ maxCrashes: 6, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 5_000 }, c.now);
  const delays = [];
  for (let i = 0; i < 6; i++) {
    const d = policy.onCrash();
    assert.equal(d.restart, true);
    delays.push(d.delayMs);
    c.advance(100);
  }
  assert.deepEqual(delays, [0, 1_000, 2_000, 4_000, 5_000, 5_000]);
  assert.equal(policy.onCrash().restart, false);
});

test('crashes older than the window are forgotten', () => {
  const c = clock();
  const policy = new RestartPolicy(DEFAULT_RESTART_POLICY, c.now);
  for (let i = 0; i < DEFAULT_RESTART_POLICY.maxCrashes; i++) policy.onCrash();
  c.advance(DEFAULT_RESTART_POLICY.windowMs + 1);
  assert.deepEqual(policy.onCrash(), { restart: true, delayMs: 0 });
});

test('reset (manual restart) forgets earlier crashes', () => {
  const c = clock();
  const policy = new RestartPolicy(DEFAULT_RESTART_POLICY, c.now);
  for (let i = 0; i <= DEFAULT_RESTART_POLICY.maxCrashes; i++) policy.onCrash();
  assert.equal(policy.onCrash().restart, false);
  policy.reset();
  assert.deepEqual(policy.onCrash(), { restart: true, delayMs: 0 });
});
