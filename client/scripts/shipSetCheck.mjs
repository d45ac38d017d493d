// What the extension's own .vsix may and may not contain. Used by `npm run package` on the output of `vsce ls`.

/** The README written for users (the marketplace page); `vsce --readme-path` packs it instead of the root one. */
export const MARKETPLACE_README = 'marketplace/README.md';

/** Files that must be in the .vsix for the extension to work. */
export const REQUIRED_FILES = [
  'package.json', 'out/extension.js', 'server-dist/hygiene-lsp.dll',
  // The rule pages "Show documentation" opens offline: one per family is enough to see the copy happened.
  'out/rules/npm/source-map-shipped.md', 'out/rules/secrets/generic-secret.md', 'out/rules/hygiene/config-error.md',
  // What the manifest points at (jsonValidation, icon, walkthrough media: shipSetCheck.test.ts keeps this in step with
  // package.json) and what the marketplace shows.
  'schemas/hygienelsp.schema.json', 'media/icon.png',
  'media/walkthrough/what-it-checks.md', 'media/walkthrough/what-ships.md', 'media/walkthrough/fix-a-finding.md', 'media/walkthrough/cli-gate.md',
  MARKETPLACE_README, 'CHANGELOG.md', 'LICENSE',
];

const FORBIDDEN = [
  { test: p => /\.map$/i.test(p), why: 'source map' },
  { test: p => /\.pdb$/i.test(p), why: 'debug symbols' },
  { test: p => /\.(ts|mts|cts|tsx)$/i.test(p), why: 'TypeScript source' },
  { test: p => /\.(cs|csproj|sln|props|targets)$/i.test(p), why: 'C# source or project' },
  { test: p => /^(client|server|tests|\.ci|\.github)\//i.test(p), why: 'repository folder' },
  { test: p => /(^|\/)node_modules\//.test(p), why: 'node_modules (the client is bundled)' },
  { test: p => /(^|\/)\.env(\.|$)/i.test(p) || /(^|\/)\.npmrc$/i.test(p), why: 'environment or credentials file' },
  { test: p => /\.(vsix|tgz|nupkg)$/i.test(p), why: 'package archive' },
  { test: p => /^readme\.md$/i.test(p), why: 'developer README (the marketplace page is ' + MARKETPLACE_README + ')' },
];

/** Returns one line per problem; empty when the ship set is clean. Paths are relative, forward slashes. */
export function checkShipSet(files) {
  const normalised = files.map(f => f.trim().replace(/\\/g, '/').replace(/^extension\//, '')).filter(f => f !== '');
  const problems = [];
  for (const required of REQUIRED_FILES) {
    if (!normalised.includes(required)) problems.push(`missing: ${required}`);
  }
  for (const file of normalised) {
    const rule = FORBIDDEN.find(r => r.test(file));
    if (rule) problems.push(`must not ship (${rule.why}): ${file}`);
  }
  return problems;
}
