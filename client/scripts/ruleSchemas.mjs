// Writes every rule id into the two places that validate rule severities: the `hygiene.rules` setting in package.json
// and `rules` in schemas/hygienelsp.schema.json. The ids come from the server itself (`hygiene-lsp rules --format json`),
// so run this after adding or renaming a rule; RuleIdSchemaTests fails until it has been run.
//   node client/scripts/ruleSchemas.mjs [path/to/hygiene-lsp.dll]   (default: the Release build output)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dll = resolve(process.argv[2] ?? join(root, 'server', 'HygieneLsp.Server', 'bin', 'Release', 'net10.0', 'hygiene-lsp.dll'));
const { rules } = JSON.parse(execFileSync('dotnet', [dll, 'rules', '--format', 'json'], { encoding: 'utf8' }));
const describe = rule => `${rule.summary} (default: ${rule.defaultSeverity})`;

// The setting: exact ids only (the engine looks severities up by id), each with the client's severity names.
const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const setting = manifest.contributes.configuration.properties['hygiene.rules'];
const severities = ['error', 'warning', 'information', 'hint', 'off'];
setting.properties = Object.fromEntries(rules.map(r => [r.id, { type: 'string', enum: severities, description: describe(r) }]));
// Unknown ids are flagged by VS Code's settings validation (and reported by the server, naming the closest id).
setting.additionalProperties = false;
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');

// .hygienelsp.json: exact ids and `family/*`, with the config file's severity names.
const schemaPath = join(root, 'schemas', 'hygienelsp.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const families = [...new Set(rules.map(r => r.id.slice(0, r.id.indexOf('/'))))].sort();
schema.definitions = { severity: { enum: ['error', 'warning', 'info', 'hint', 'off'] } };
const ruleProperties = {};
for (const family of families) ruleProperties[`${family}/*`] = { $ref: '#/definitions/severity', description: `Every ${family}/ rule` };
for (const r of rules) ruleProperties[r.id] = { $ref: '#/definitions/severity', description: describe(r) };
schema.properties.rules = {
  description: schema.properties.rules.description,
  type: 'object',
  properties: ruleProperties,
  additionalProperties: false,
};
delete schema.properties.rules.propertyNames;
writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');
console.log(`ruleSchemas: ${rules.length} rules, ${families.length} families written to package.json and schemas/hygienelsp.schema.json`);
