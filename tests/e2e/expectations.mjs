// What the end-to-end test expects the extension to show for the fixture. One entry per finding: add an entry (or
// turn one on) when a rule lands on main. HYGIENE_E2E_FINDINGS=id1,id2 picks entries by id; the default is every
// entry with `byDefault: true`.

export const FIXTURE = 'e2e-tsconfig-webpack';

export const FINDINGS = [
  {
    id: 'tsconfig-sourcemap',
    byDefault: true,
    file: 'tsconfig.json',
    /** Text of the line the squiggle must be on (the cause). */
    line: '"sourceMap": true',
    /** The diagnostic message, as the Problems panel shows it. */
    message: /sourceMap|source map/i,
    /** Title of the quick fix to pick from the lightbulb menu. */
    fix: /sourceMap|source map/i,
    /** The line after the fix; every other line must be byte for byte the same. */
    fixedLine: /"sourceMap":\s*false/,
    /** 'quickfix': Ctrl+. in the editor; 'fixAll': the "HygieneLsp: Fix all" command, file never opened. */
    fixWith: 'quickfix',
  },
  {
    id: 'tools-tsconfig-sourcemap',
    byDefault: true,
    file: 'tools/tsconfig.json',
    line: '"sourceMap": true',
    message: /sourceMap|source map/i,
    fix: /sourceMap|source map/i,
    fixedLine: /"sourceMap":\s*false/,
    fixWith: 'fixAll',
  },
  {
    id: 'webpack-devtool',
    byDefault: true,
    /** An error: the production maps embed the sources and land in dist/, which npm would publish. */
    squiggle: 'error',
    file: 'webpack.config.js',
    line: "devtool: 'source-map'",
    message: /devtool|source map/i,
    fix: /devtool|source map/i,
    fixedLine: /devtool:\s*(false|'nosources-source-map'|"nosources-source-map")/,
    fixWith: 'quickfix',
  },
];

/** The "What ships" view must show this unit, and (when flagged is set) mark these files as flagged. */
export const SHIP_SET = {
  unit: 'e2e-demo-lib@1.2.3',
  folder: 'dist',
  file: 'index.js.map',
  /** The map is flagged by npm/source-map-shipped (real server) and by the fake server alike. */
  flagged: true,
};

export function selectedFindings(env = process.env) {
  const wanted = (env.HYGIENE_E2E_FINDINGS ?? '').split(',').map(s => s.trim()).filter(Boolean);
  const picked = wanted.length > 0 ? FINDINGS.filter(f => wanted.includes(f.id)) : FINDINGS.filter(f => f.byDefault);
  const unknown = wanted.filter(id => !FINDINGS.some(f => f.id === id));
  if (unknown.length > 0) throw new Error(`unknown HYGIENE_E2E_FINDINGS ids: ${unknown.join(', ')}`);
  return picked;
}

/**
 * A secret planted at run time (the repository holds no token-shaped literal) in a Node script the package publishes.
 * VS Code's Auto Fix (only preferred quick fixes, applied when there is one) must move the value to an environment
 * variable, never insert a suppression; the lightbulb names the rule in every suppression and offers its documentation.
 */
export const PLANTED_SECRET = {
  file: 'scripts/deploy.js',
  rule: 'secrets/github-token',
  /** The line holding the value; written with the token below. */
  line: 'deployToken: ',
  fixedLine: /^\s*deployToken: process\.env\.DEPLOY_TOKEN,$/,
  titles: [
    'Move the value to the environment variable DEPLOY_TOKEN',
    'Suppress secrets/github-token on this line',
    'Show documentation for secrets/github-token',
  ],
  text(token) {
    return `#!/usr/bin/env node\n// Deploys the demo build.\nconst settings = {\n  deployToken: "${token}",\n  retries: 3,\n};\nconsole.log(process.argv.length, settings.retries);\n`;
  },
};

/**
 * A GitHub token made at run time, prefix split so no literal of that shape is in the repository: 30 random base62
 * characters and their CRC-32 in six base62 digits, as GitHub issues them (a token whose checksum fails is an example).
 */
export function plantedToken() {
  const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let body = '';
  for (let i = 0; i < 30; i++) body += base62[Math.floor(Math.random() * base62.length)];
  let crc = 0xffffffff;
  for (const ch of body) {
    crc ^= ch.charCodeAt(0);
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  let value = (crc ^ 0xffffffff) >>> 0;
  let check = '';
  for (let i = 0; i < 6; i++) { check = base62[value % 62] + check; value = Math.floor(value / 62); }
  return 'gh' + 'p_' + body + check;
}

/** The rule whose code link in the Problems panel must open its bundled page. */
export const DOCS_LINK = { file: 'tsconfig.json', rule: 'build/tsc-source-map', page: 'tsc-source-map.md' };


/**
 * A secret inside a map's embedded original (`sourcesContent`) whose file is not in the workspace (built elsewhere):
 * the Problems entry must open a read-only document holding that original, masked, at the secret's line.
 */
export const EMBEDDED_SECRET = {
  mapFile: 'dist/telemetry.js.map',
  script: 'dist/telemetry.js',
  source: 'webpack://e2e-demo-lib/./src/internal/telemetry.ts',
  /** The editor tab's title: the source's file name. */
  title: 'telemetry.ts',
  /** 1-based line of the value in the embedded original. */
  line: 3,
  original(token) {
    return `// Sends usage events.\nexport const telemetry = {\n  uploadToken: "${token}",\n  endpoint: "https://telemetry.example.com",\n};\n`;
  },
  mapText(token) {
    return JSON.stringify({ version: 3, file: 'telemetry.js', sources: [this.source], sourcesContent: [this.original(token)], names: [], mappings: 'AAAA' });
  },
};
