import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes } from '../src/format/bytes';

test('bytes below 1 KB are exact', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1), '1 B');
  assert.equal(formatBytes(1023), '1023 B');
});

test('kilobytes use 1024 and one decimal below 10', () => {
  assert.equal(formatBytes(1024), '1 KB');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(10 * 1024), '10 KB');
  assert.equal(formatBytes(123_456), '121 KB');
});

test('rounding never prints 1024 of a unit', () => {
  assert.equal(formatBytes(1024 * 1024 - 1), '1 MB');
  assert.equal(formatBytes(1024 * 1024), '1 MB');
  assert.equal(formatBytes(5.25 * 1024 * 1024), '5.3 MB');
  assert.equal(formatBytes(3 * 1024 ** 3), '3 GB');
  assert.equal(formatBytes(2048 * 1024 ** 4), '2048 TB');
});

test('nonsense sizes do not throw', () => {
  assert.equal(formatBytes(-1), '?');
  assert.equal(formatBytes(Number.NaN), '?');
  assert.equal(formatBytes(Number.POSITIVE_INFINITY), '?');
});
