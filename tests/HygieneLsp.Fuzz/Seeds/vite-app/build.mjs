#!/usr/bin/env node
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const prod = process.env.NODE_ENV === 'production';
const entries = ['src/index.ts', 'src/worker.ts'];
try {
  await esbuild.build({
    entryPoints: entries,
    bundle: true,
    outdir: 'dist/esm',
    format: 'esm',
    sourcemap: prod ? 'external' : 'inline',
    sourcesContent: !prod,
    banner: { js: `// ${pkg.name}` },
    define: { 'process.env.NODE_ENV': JSON.stringify(prod ? 'production' : 'development') },
  });
} catch (e) {
  console.error(e);
  process.exit(1);
}
