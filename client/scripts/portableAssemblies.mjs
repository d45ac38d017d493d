// A universal .vsix runs on every platform, so its server assemblies must be plain IL (AnyCPU). A ReadyToRun assembly
// is stamped for one OS and architecture, and the runtime refuses it elsewhere: BadImageFormatException on load, not a
// fallback to JIT (measured: a linux-arm64 or win-x64 ReadyToRun build fails on linux-x64). The PE header's machine
// field tells them apart: AnyCPU IL is always i386 (0x14c); ReadyToRun code carries its platform's machine value.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ANY_CPU_MACHINE = 0x14c;

/** The COFF machine of a PE file, or null when the bytes are not a PE image. */
export function peMachine(bytes) {
  if (bytes.length < 0x40 || bytes[0] !== 0x4d || bytes[1] !== 0x5a) return null; // "MZ"
  const pe = bytes.readUInt32LE(0x3c);
  if (pe + 6 > bytes.length || bytes.readUInt32LE(pe) !== 0x00004550) return null; // "PE\0\0"
  return bytes.readUInt16LE(pe + 4);
}

/** The .dll files in a folder that are not portable IL (one line each); empty when all are. */
export function platformSpecificAssemblies(folder) {
  const problems = [];
  for (const file of readdirSync(folder).filter(f => f.endsWith('.dll')).sort()) {
    const machine = peMachine(readFileSync(join(folder, file)));
    if (machine !== ANY_CPU_MACHINE) {
      problems.push(`${file}: ${machine === null ? 'not a PE image' : `machine 0x${machine.toString(16)} (compiled for one platform)`}`);
    }
  }
  return problems;
}
