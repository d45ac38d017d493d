import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: plain ESM script without type declarations, bundled by esbuild for the test
import { peMachine, platformSpecificAssemblies } from '../scripts/portableAssemblies.mjs';

/** The smallest bytes the check reads: "MZ", e_lfanew at 0x3c, "PE\0\0", then the COFF machine. */
function pe(machine: number): Buffer {
  const bytes = Buffer.alloc(0x80);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x40, 0x3c);
  bytes.writeUInt32LE(0x00004550, 0x40);
  bytes.writeUInt16LE(machine, 0x44);
  return bytes;
}

test('the machine field is read from the PE header', () => {
  assert.equal(peMachine(pe(0x14c)), 0x14c);
  assert.equal(peMachine(pe(0x8664)), 0x8664);
  assert.equal(peMachine(Buffer.from('not an assembly')), null);
});

test('only AnyCPU IL counts as portable: a ReadyToRun image for one platform is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portable-'));
  try {
    writeFileSync(join(dir, 'hygiene-lsp.dll'), pe(0x14c));
    writeFileSync(join(dir, 'HygieneLsp.Core.dll'), pe(0x14c));
    writeFileSync(join(dir, 'hygiene-lsp.deps.json'), '{}');
    assert.deepEqual(platformSpecificAssemblies(dir), []);
    // ReadyToRun for linux-x64 stamps AMD64 xor the Linux OS value (0x8664 ^ 0x7b79).
    writeFileSync(join(dir, 'Newtonsoft.Json.dll'), pe(0x8664 ^ 0x7b79));
    writeFileSync(join(dir, 'broken.dll'), Buffer.from('truncated'));
    assert.deepEqual(platformSpecificAssemblies(dir), [
      'Newtonsoft.Json.dll: machine 0xfd1d (compiled for one platform)',
      'broken.dll: not a PE image',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
